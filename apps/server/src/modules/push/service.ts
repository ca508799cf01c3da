/**
 * Web push (RFC 8030 + VAPID, RFC 8292) through the `web-push` library: the deployment's key
 * pair (configured, or generated once and kept in the database so every process signs alike),
 * residents' subscriptions, and the sender the outbox dispatcher uses for the 'push' channel.
 */
import { sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Config } from '../../config.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { Sender } from '../../jobs/outbox-dispatcher.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

let cached: { db: Db; keys: VapidKeys } | undefined;

/** The VAPID keys: from the configuration, else the pair stored in the database (made on first use). */
export async function vapidKeys(db: Db, config: Pick<Config, 'vapid'>): Promise<VapidKeys> {
  if (config.vapid) return config.vapid;
  if (cached?.db === db) return cached.keys;
  const fresh = webpush.generateVAPIDKeys();
  // Two processes may race on first use: the first insert wins and both read it back.
  await db.query(sql`INSERT INTO push_vapid (id, public_key, private_key)
    VALUES (1, ${fresh.publicKey}, ${fresh.privateKey}) ON CONFLICT (id) DO NOTHING`);
  const rows = await db.query<{ public_key: string; private_key: string }>(
    sql`SELECT public_key, private_key FROM push_vapid WHERE id = 1`,
  );
  const row = rows[0] as { public_key: string; private_key: string };
  const keys = { publicKey: row.public_key, privateKey: row.private_key, subject: 'mailto:komek@localhost' };
  cached = { db, keys };
  return keys;
}

export interface SubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  lang?: string | undefined;
}

export async function saveSubscription(
  db: Db,
  cityId: string,
  residentId: number,
  s: SubscriptionInput,
): Promise<void> {
  await db.query(sql`INSERT INTO push_subscriptions (city_id, resident_id, endpoint, p256dh, auth, lang)
    VALUES (${cityId}, ${residentId}, ${s.endpoint}, ${s.keys.p256dh}, ${s.keys.auth}, ${s.lang ?? null})
    ON CONFLICT (city_id, endpoint) DO UPDATE SET resident_id = EXCLUDED.resident_id, p256dh = EXCLUDED.p256dh,
      auth = EXCLUDED.auth, lang = EXCLUDED.lang, failures = 0`);
}

export async function deleteSubscription(
  db: Db,
  cityId: string,
  residentId: number,
  endpoint: string,
): Promise<number> {
  const rows = await db.query(sql`DELETE FROM push_subscriptions
    WHERE city_id = ${cityId} AND resident_id = ${residentId} AND endpoint = ${endpoint} RETURNING id`);
  return rows.length;
}

/** Whether a resident has any device subscribed (intake and workflow enqueue push only then). */
export async function hasSubscription(tx: Queryable, cityId: string, residentId: number): Promise<boolean> {
  const rows = await tx.query(
    sql`SELECT 1 FROM push_subscriptions WHERE city_id = ${cityId} AND resident_id = ${residentId} LIMIT 1`,
  );
  return rows.length > 0;
}

interface SubRow {
  id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Sends one outbox message to every device of a resident. A 404/410 from the push service means
 * the subscription is gone: it is deleted. Other failures are counted; the message fails (and is
 * retried by the dispatcher) only when no device took it. The outbox id is the push `topic`, so a
 * retried message replaces an undelivered copy at the push service instead of adding one.
 */
export async function sendPush(
  tx: Queryable,
  keys: VapidKeys,
  m: { cityId: string; residentId: number; title: string; body: string; url: string; key: string },
): Promise<{ sent: number; gone: number }> {
  const subs = await tx.query<SubRow>(sql`SELECT id, endpoint, p256dh, auth FROM push_subscriptions
    WHERE city_id = ${m.cityId} AND resident_id = ${m.residentId} ORDER BY id`);
  let sent = 0;
  let gone = 0;
  let lastError = '';
  const payload = JSON.stringify({ title: m.title, body: m.body, url: m.url });
  for (const s of subs) {
    try {
      // web-push signs (VAPID) and encrypts (aes128gcm); the request itself goes out with fetch,
      // which also reaches a push service on this machine in development and tests.
      const r = webpush.generateRequestDetails(
        { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
        payload,
        {
          vapidDetails: keys,
          TTL: 24 * 3600,
          urgency: 'normal',
          topic: m.key.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32),
        },
      );
      const res = await fetch(r.endpoint, {
        method: r.method,
        headers: r.headers as Record<string, string>,
        ...(r.body ? { body: r.body } : {}),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok)
        throw Object.assign(new Error(`push service answered ${res.status}`), { statusCode: res.status });
      sent++;
      await tx.query(sql`UPDATE push_subscriptions SET last_sent_at = now(), failures = 0
        WHERE city_id = ${m.cityId} AND id = ${s.id}`);
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) {
        gone++;
        await tx.query(sql`DELETE FROM push_subscriptions WHERE city_id = ${m.cityId} AND id = ${s.id}`);
      } else {
        lastError = status ? `push service answered ${status}` : 'push service unreachable';
        await tx.query(sql`UPDATE push_subscriptions SET failures = failures + 1
          WHERE city_id = ${m.cityId} AND id = ${s.id}`);
      }
    }
  }
  if (sent === 0 && subs.length - gone > 0) throw new Error(lastError);
  return { sent, gone };
}

/** The dispatcher's sender: 'push' goes to the resident's devices, every other channel to `fallback`. */
export function pushAwareSender(db: Db, config: Pick<Config, 'vapid'>, fallback: Sender): Sender {
  return {
    async send(tx, m) {
      if (m.channel !== 'push') return fallback.send(tx, m);
      const resident = /^resident:(\d+)$/.exec(m.target ?? '');
      if (!resident) throw new Error('push needs a resident recipient');
      const number = typeof m.payload?.number === 'string' ? m.payload.number : null;
      await sendPush(tx, await vapidKeys(db, config), {
        cityId: m.cityId,
        residentId: Number(resident[1]),
        title: m.subject ?? 'Komek 109',
        body: m.body,
        url: number ? `/app/requests/${number}` : '/app/requests',
        key: m.key,
      });
    },
  };
}
