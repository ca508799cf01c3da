/**
 * The outbox: messages written in the same transaction as the change they announce, delivered
 * later by the dispatcher (jobs/outbox-dispatcher.ts) with retries. A message for a resident
 * fans out to the channels the resident chose (notification preferences); SMS and push wait
 * for the end of the resident's quiet hours.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { releaseTime } from './quiet-hours.ts';
import { getPreferences } from './preferences.ts';

export type OutboxChannel = 'sms' | 'email' | 'push' | 'inapp' | 'webhook' | 'messenger';

export interface OutboxMessage {
  cityId: string;
  kind: string;
  channel: OutboxChannel;
  recipient: string;
  payload: Record<string, unknown>;
  /** The clock (tests); quiet hours are computed from it. */
  now?: Date;
}

async function insert(
  tx: Queryable,
  m: OutboxMessage,
  channel: OutboxChannel,
  at: Date | null,
): Promise<void> {
  await tx.query(sql`INSERT INTO outbox (city_id, kind, channel, recipient, payload, next_attempt_at)
    VALUES (${m.cityId}, ${m.kind}, ${channel}, ${m.recipient}, ${JSON.stringify(m.payload)}::jsonb, COALESCE(${at}::timestamptz, now()))`);
}

/** Which channels a resident's message goes to, and when each may go out. */
export async function residentChannels(
  tx: Queryable,
  cityId: string,
  residentId: number,
  now: Date,
): Promise<Array<{ channel: OutboxChannel; at: Date | null }>> {
  const p = await getPreferences(tx, cityId, residentId);
  const tz =
    (await tx.query<{ time_zone: string }>(sql`SELECT time_zone FROM cities WHERE id = ${cityId}`))[0]
      ?.time_zone ?? 'Asia/Almaty';
  const later = releaseTime(now, tz, p.quietHours?.start ?? null, p.quietHours?.end ?? null);
  const delayed = later.getTime() > now.getTime() ? later : null;
  const out: Array<{ channel: OutboxChannel; at: Date | null }> = [];
  if (p.channels.inapp) out.push({ channel: 'inapp', at: null });
  if (p.channels.sms) out.push({ channel: 'sms', at: delayed });
  if (p.channels.email && p.email) out.push({ channel: 'email', at: null });
  if (p.channels.push && p.pushSubscribed) out.push({ channel: 'push', at: delayed });
  return out;
}

export async function enqueueMessage(tx: Queryable, m: OutboxMessage): Promise<void> {
  const resident = /^resident:(\d+)$/.exec(m.recipient);
  // OTP codes go to the phone being verified, never through preferences.
  if (!resident || m.kind === 'otp' || m.channel === 'webhook') {
    await insert(tx, m, m.channel, null);
    return;
  }
  for (const c of await residentChannels(tx, m.cityId, Number(resident[1]), m.now ?? new Date())) {
    await insert(tx, m, c.channel, c.at);
  }
}
