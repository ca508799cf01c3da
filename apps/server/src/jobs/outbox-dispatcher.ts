/**
 * Delivers outbox messages. A short transaction claims due rows (FOR UPDATE SKIP LOCKED) and
 * leases them (status 'sending', lease_until); delivery happens outside any transaction, and the
 * row is marked sent only by the holder of the lease (the attempt number fences it). A process that
 * dies mid-delivery leaves the lease to expire; the message is then delivered again with the SAME
 * key (`outbox-<id>`), so a receiver that drops repeats sees it exactly once. Failures retry with
 * exponential backoff and end as 'dead' after MAX_ATTEMPTS (or at once on a permanent failure).
 */
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.ts';
import { renderMessage } from '../modules/notify/templates.ts';

export interface SendMessage {
  cityId: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  /** Stable across retries so a receiver can drop repeats. */
  key: string;
  id?: number;
  kind?: string;
  payload?: Record<string, unknown>;
  residentId?: number;
}

export interface Sender {
  /** Delivers one message; may report the receiver's HTTP status. */
  send(db: Queryable, m: SendMessage): Promise<void | { status?: number | undefined }>;
}

/** The development sender: records messages in dev_messages (read at /api/v1/dev/inbox). */
export const devSender: Sender = {
  async send(tx, m) {
    await tx.query(sql`INSERT INTO dev_messages (city_id, channel, recipient, subject, body)
      VALUES (${m.cityId}, ${m.channel}, ${m.recipient}, ${m.subject}, ${m.body})`);
  },
};

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

interface OutboxRow {
  id: number;
  city_id: string;
  kind: string;
  channel: string;
  recipient: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Backoff before attempt n+1: 10 s, 20 s, 40 s … capped at an hour. */
export const backoffMs = (attempts: number): number => Math.min(3600, 2 ** attempts * 5) * 1000;

/** Claims up to `batch` due messages (and expired leases) for this process. */
async function claim(db: Db, now: Date, batch: number, leaseMs: number): Promise<OutboxRow[]> {
  const rows = await db.transaction((tx) =>
    tx.query<OutboxRow>(sql`UPDATE outbox SET status = 'sending', attempts = attempts + 1,
        lease_until = ${new Date(now.getTime() + leaseMs)}
      WHERE id IN (SELECT id FROM outbox
        WHERE (status = 'pending' AND next_attempt_at <= ${now}) OR (status = 'sending' AND lease_until < ${now})
        ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED)
      RETURNING id, city_id, kind, channel, recipient, payload, attempts`),
  );
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Delivers up to `batch` due messages; returns how many were sent. */
export async function dispatchOutbox(
  db: Db,
  sender: Sender,
  now: () => Date,
  batch = 50,
  opts: { leaseMs?: number } = {},
): Promise<number> {
  const rows = await claim(db, now(), batch, opts.leaseMs ?? LEASE_MS);
  let sent = 0;
  for (const r of rows) {
    const fence = sql`id = ${r.id} AND status = 'sending' AND attempts = ${r.attempts}`;
    try {
      const to = await resolveRecipient(db, r);
      if (!to) {
        await db.query(
          sql`UPDATE outbox SET status = 'dead', last_error = 'no recipient', lease_until = NULL WHERE ${fence}`,
        );
        continue;
      }
      const msg = renderMessage(r.kind, to.lang, r.payload);
      const res = await sender.send(db, {
        cityId: r.city_id,
        channel: r.channel,
        recipient: to.address,
        subject: msg.subject,
        body: msg.body,
        key: `outbox-${r.id}`,
        id: Number(r.id),
        kind: r.kind,
        payload: r.payload,
        ...(to.residentId !== undefined ? { residentId: to.residentId } : {}),
      });
      await db.query(sql`UPDATE outbox SET status = 'sent', sent_at = ${now()}, lease_until = NULL, last_error = NULL,
        last_status = ${res?.status ?? null} WHERE ${fence}`);
      sent++;
    } catch (err) {
      const e = err as Error & { status?: number; permanent?: boolean };
      const dead = e.permanent === true || r.attempts >= MAX_ATTEMPTS;
      await db.query(sql`UPDATE outbox SET last_error = ${String(e.message).slice(0, 500)}, last_status = ${e.status ?? null},
        status = ${dead ? 'dead' : 'pending'}, lease_until = NULL,
        next_attempt_at = ${new Date(now().getTime() + backoffMs(r.attempts))} WHERE ${fence}`);
    }
  }
  return sent;
}

async function resolveRecipient(
  db: Queryable,
  r: OutboxRow,
): Promise<{ address: string; lang: string; residentId?: number } | undefined> {
  const m = /^resident:(\d+)$/.exec(r.recipient);
  if (m) {
    const id = Number(m[1]);
    const rows = await db.query<{ phone: string; preferred_lang: string; email_address: string | null }>(
      sql`SELECT r.phone, r.preferred_lang, p.email_address FROM residents r
        LEFT JOIN notification_preferences p ON p.city_id = r.city_id AND p.resident_id = r.id
        WHERE r.city_id = ${r.city_id} AND r.id = ${id}`,
    );
    const res = rows[0];
    if (!res) return undefined;
    if (r.channel === 'email')
      return res.email_address
        ? { address: res.email_address, lang: res.preferred_lang, residentId: id }
        : undefined;
    return { address: res.phone, lang: res.preferred_lang, residentId: id };
  }
  const s = /^staff:(\d+)$/.exec(r.recipient);
  if (s) {
    const rows = await db.query<{ login: string; preferred_lang: string }>(
      sql`SELECT login, preferred_lang FROM staff WHERE city_id = ${r.city_id} AND id = ${Number(s[1])}`,
    );
    const st = rows[0];
    return st ? { address: `staff:${st.login}`, lang: st.preferred_lang } : undefined;
  }
  return { address: r.recipient, lang: typeof r.payload.lang === 'string' ? r.payload.lang : 'ru' };
}
