/** In-app notifications of a resident, push subscriptions and the admin view of the outbox. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export async function listNotifications(
  db: Queryable,
  cityId: string,
  residentId: number,
  limit: number,
  before?: number,
) {
  const rows = await db.query<{
    id: number;
    kind: string;
    request_number: string | null;
    body: string;
    read_at: Date | null;
    created_at: Date;
  }>(
    sql`SELECT id, kind, request_number, body, read_at, created_at FROM notifications
      WHERE city_id = ${cityId} AND resident_id = ${residentId} ${before ? sql`AND id < ${before}` : sql``}
      ORDER BY id DESC LIMIT ${limit}`,
  );
  const unread = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM notifications WHERE city_id = ${cityId} AND resident_id = ${residentId} AND read_at IS NULL`,
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      number: r.request_number,
      body: r.body,
      read: r.read_at !== null,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    unread: unread[0]?.n ?? 0,
  };
}

/** Marks the given notifications (or all) read; returns how many changed. */
export async function markRead(
  db: Queryable,
  cityId: string,
  residentId: number,
  ids: number[] | undefined,
  now: Date,
): Promise<number> {
  const rows = await db.query(sql`UPDATE notifications SET read_at = ${now}
    WHERE city_id = ${cityId} AND resident_id = ${residentId} AND read_at IS NULL
    ${ids ? sql`AND id IN (${sql.join(ids.length ? ids.map((i) => sql`${i}`) : [sql`NULL`], sql`, `)})` : sql``} RETURNING id`);
  return rows.length;
}

export async function saveSubscription(
  db: Queryable,
  cityId: string,
  residentId: number,
  s: { endpoint: string; p256dh: string; auth: string; lang: string },
): Promise<void> {
  await db.query(sql`INSERT INTO push_subscriptions (city_id, resident_id, endpoint, p256dh, auth, lang)
    VALUES (${cityId}, ${residentId}, ${s.endpoint}, ${s.p256dh}, ${s.auth}, ${s.lang})
    ON CONFLICT (city_id, endpoint) DO UPDATE SET resident_id = EXCLUDED.resident_id, p256dh = EXCLUDED.p256dh,
      auth = EXCLUDED.auth, lang = EXCLUDED.lang`);
}

export async function deleteSubscription(
  db: Queryable,
  cityId: string,
  residentId: number,
  endpoint: string | undefined,
): Promise<number> {
  const rows =
    await db.query(sql`DELETE FROM push_subscriptions WHERE city_id = ${cityId} AND resident_id = ${residentId}
    ${endpoint ? sql`AND endpoint = ${endpoint}` : sql``} RETURNING endpoint`);
  return rows.length;
}

/** Masks a recipient for the admin view: phones and e-mails keep only a few characters. */
export function maskRecipient(r: string): string {
  if (/^(resident|staff|webhook):\d+$/.test(r)) return r;
  const at = r.indexOf('@');
  if (at > 0) return `${r.slice(0, 1)}***@${r.slice(at + 1).replace(/^[^.]+/, '***')}`;
  const digits = r.replace(/\D/g, '');
  if (digits.length >= 6)
    return `${r.startsWith('+') ? '+' : ''}${digits.slice(0, 4)}****${digits.slice(-2)}`;
  return '***';
}

interface OutboxAdminRow {
  id: number;
  kind: string;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  last_status: number | null;
  created_at: Date;
  sent_at: Date | null;
}

export const presentOutbox = (r: OutboxAdminRow) => ({
  id: Number(r.id),
  kind: r.kind,
  channel: r.channel,
  recipient: maskRecipient(r.recipient),
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: new Date(r.next_attempt_at).toISOString(),
  // Errors come from receivers and libraries; mask anything that looks like a contact.
  lastError: r.last_error
    ? r.last_error.replace(/\+?\d[\d\s-]{7,}\d/g, '***').replace(/\S+@\S+/g, '***')
    : null,
  lastStatus: r.last_status,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
});

export async function listOutbox(
  db: Queryable,
  cityId: string,
  f: {
    status?: string | undefined;
    recipient?: string | undefined;
    limit: number;
    before?: number | undefined;
  },
) {
  const rows =
    await db.query<OutboxAdminRow>(sql`SELECT id, kind, channel, recipient, status, attempts, next_attempt_at,
      last_error, last_status, created_at, sent_at FROM outbox
    WHERE city_id = ${cityId} ${f.status ? sql`AND status = ${f.status}` : sql``}
      ${f.recipient ? sql`AND recipient = ${f.recipient}` : sql``} ${f.before ? sql`AND id < ${f.before}` : sql``}
    ORDER BY id DESC LIMIT ${f.limit}`);
  return rows.map(presentOutbox);
}

/** Puts a dead (or failed) message back in the queue now, with a fresh attempt budget. */
export async function retryOutbox(
  db: Queryable,
  cityId: string,
  id: number,
  now: Date,
): Promise<'ok' | 'missing' | 'not_dead'> {
  const rows = await db.query<{ status: string }>(
    sql`SELECT status FROM outbox WHERE city_id = ${cityId} AND id = ${id}`,
  );
  if (!rows[0]) return 'missing';
  if (rows[0].status !== 'dead' && rows[0].status !== 'failed') return 'not_dead';
  await db.query(sql`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ${now}, lease_until = NULL
    WHERE city_id = ${cityId} AND id = ${id} AND status IN ('dead', 'failed')`);
  return 'ok';
}
