/**
 * The outbox: messages written in the same transaction as the change they announce, delivered
 * later by the dispatcher (jobs/outbox-dispatcher.ts) with retries.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { residentFanOut } from '../push/fanout.ts';

export type OutboxChannel = 'sms' | 'email' | 'push' | 'inapp' | 'webhook';

export interface OutboxMessage {
  cityId: string;
  kind: string;
  channel: OutboxChannel;
  recipient: string;
  payload: Record<string, unknown>;
}

/** Queues a message; an SMS to a resident about their request also writes the in-app copy and queues push. */
export async function enqueueMessage(tx: Queryable, m: OutboxMessage): Promise<void> {
  for (const x of [m, ...(await residentFanOut(tx, m))]) {
    await tx.query(sql`INSERT INTO outbox (city_id, kind, channel, recipient, payload)
      VALUES (${x.cityId}, ${x.kind}, ${x.channel}, ${x.recipient}, ${JSON.stringify(x.payload)}::jsonb)`);
  }
}
