/**
 * The VAPID key pair push services check our signatures against. Configured keys win; otherwise
 * the first process generates a pair and stores it, and every process reads the stored one.
 */
import { sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Config } from '../../config.ts';
import type { Db, Queryable } from '../../db/client.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const cache = new WeakMap<Db, Promise<VapidKeys>>();

/** Reads (or first generates and stores) the key pair, uncached; `q` may be an open transaction. */
export async function loadVapidKeys(q: Queryable, config: Config): Promise<VapidKeys> {
  const subject = config.vapidSubject;
  if (config.vapidPublicKey && config.vapidPrivateKey) {
    return { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey, subject };
  }
  const fresh = webpush.generateVAPIDKeys();
  // ON CONFLICT keeps the first pair when several processes start at once.
  await q.query(sql`INSERT INTO push_vapid_keys (id, public_key, private_key)
    VALUES (1, ${fresh.publicKey}, ${fresh.privateKey}) ON CONFLICT (id) DO NOTHING`);
  const rows = await q.query<{ public_key: string; private_key: string }>(
    sql`SELECT public_key, private_key FROM push_vapid_keys WHERE id = 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('no VAPID keys stored');
  return { publicKey: row.public_key, privateKey: row.private_key, subject };
}

/**
 * The deployment's VAPID keys, cached per database after the first read. Inside a transaction pass
 * it as `q`: the embedded database has one connection, and a query beside the transaction would wait for it.
 */
export function vapidKeys(db: Db, config: Config, q: Queryable = db): Promise<VapidKeys> {
  const hit = cache.get(db);
  if (hit) return hit;
  // A pair read inside a transaction is cached only once it is surely committed: read it again later.
  if (q !== db) return loadVapidKeys(q, config);
  const loading = loadVapidKeys(db, config);
  loading.catch(() => cache.delete(db));
  cache.set(db, loading);
  return loading;
}
