/**
 * Delivers outbox messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so several processes
 * never deliver the same message; failures retry with exponential backoff and end as 'dead'.
 */
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.ts';
import { renderMessage } from '../modules/notify/templates.ts';

export interface Sender {
  /** Delivers one message; `key` is stable across retries so a receiver can drop repeats. */
  send(
    tx: Queryable,
    m: {
      cityId: string;
      channel: string;
      recipient: string;
      subject: string | null;
      body: string;
      key: string;
    },
  ): Promise<void>;
}

/** The development sender: records messages in dev_messages (read at /api/v1/dev/inbox). */
export const devSender: Sender = {
  async send(tx, m) {
    await tx.query(sql`INSERT INTO dev_messages (city_id, channel, recipient, subject, body)
      VALUES (${m.cityId}, ${m.channel}, ${m.recipient}, ${m.subject}, ${m.body})`);
  },
};

const MAX_ATTEMPTS = 8;

interface OutboxRow {
  id: number;
  city_id: string;
  kind: string;
  channel: string;
  recipient: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Delivers up to `batch` due messages; returns how many were sent. */
export async function dispatchOutbox(db: Db, sender: Sender, now: () => Date, batch = 50): Promise<number> {
  return db.transaction(async (tx) => {
    const rows =
      await tx.query<OutboxRow>(sql`SELECT id, city_id, kind, channel, recipient, payload, attempts FROM outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now()} ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
    let sent = 0;
    for (const r of rows) {
      try {
        const to = await resolveRecipient(tx, r);
        if (!to) {
          await tx.query(
            sql`UPDATE outbox SET status = 'dead', last_error = 'no recipient' WHERE id = ${r.id}`,
          );
          continue;
        }
        const msg = renderMessage(r.kind, to.lang, r.payload);
        await sender.send(tx, {
          cityId: r.city_id,
          channel: r.channel,
          recipient: to.address,
          subject: msg.subject,
          body: msg.body,
          key: `outbox-${r.id}`,
        });
        await tx.query(
          sql`UPDATE outbox SET status = 'sent', sent_at = ${now()}, attempts = attempts + 1 WHERE id = ${r.id}`,
        );
        sent++;
      } catch (err) {
        const attempts = r.attempts + 1;
        const delayS = Math.min(3600, 2 ** attempts * 5);
        await tx.query(sql`UPDATE outbox SET attempts = ${attempts}, last_error = ${String((err as Error).message).slice(0, 500)},
          status = ${attempts >= MAX_ATTEMPTS ? 'dead' : 'pending'}, next_attempt_at = ${new Date(now().getTime() + delayS * 1000)} WHERE id = ${r.id}`);
      }
    }
    return sent;
  });
}

async function resolveRecipient(
  tx: Queryable,
  r: OutboxRow,
): Promise<{ address: string; lang: string } | undefined> {
  const m = /^resident:(\d+)$/.exec(r.recipient);
  if (m) {
    const rows = await tx.query<{ phone: string; preferred_lang: string }>(
      sql`SELECT phone, preferred_lang FROM residents WHERE city_id = ${r.city_id} AND id = ${Number(m[1])}`,
    );
    const res = rows[0];
    return res ? { address: res.phone, lang: res.preferred_lang } : undefined;
  }
  const s = /^staff:(\d+)$/.exec(r.recipient);
  if (s) {
    const rows = await tx.query<{ login: string; preferred_lang: string }>(
      sql`SELECT login, preferred_lang FROM staff WHERE city_id = ${r.city_id} AND id = ${Number(s[1])}`,
    );
    const st = rows[0];
    return st ? { address: `staff:${st.login}`, lang: st.preferred_lang } : undefined;
  }
  return { address: r.recipient, lang: typeof r.payload.lang === 'string' ? r.payload.lang : 'ru' };
}
