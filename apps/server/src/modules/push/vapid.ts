/**
 * The VAPID key pair push services check our signatures against. Configured keys win; otherwise
 * the first process generates a pair and stores it, and every process reads the stored one.
 */
import { sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const cache = new WeakMap<Db, Promise<VapidKeys>>();

async function load(db: Db, config: Config): Promise<VapidKeys> {
  const subject = config.vapidSubject;
  if (config.vapidPublicKey && config.vapidPrivateKey) {
    return { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey, subject };
  }
  const fresh = webpush.generateVAPIDKeys();
  // ON CONFLICT keeps the first pair when several processes start at once.
  await db.query(sql`INSERT INTO push_vapid_keys (id, public_key, private_key)
    VALUES (1, ${fresh.publicKey}, ${fresh.privateKey}) ON CONFLICT (id) DO NOTHING`);
  const rows = await db.query<{ public_key: string; private_key: string }>(
    sql`SELECT public_key, private_key FROM push_vapid_keys WHERE id = 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('no VAPID keys stored');
  return { publicKey: row.public_key, privateKey: row.private_key, subject };
}

/** The deployment's VAPID keys (cached per database after the first read). */
export function vapidKeys(db: Db, config: Config): Promise<VapidKeys> {
  let hit = cache.get(db);
  if (!hit) {
    hit = load(db, config);
    hit.catch(() => cache.delete(db));
    cache.set(db, hit);
  }
  return hit;
}
