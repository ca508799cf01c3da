/**
 * The outbox: messages written in the same transaction as the change they announce, delivered
 * later by the dispatcher (jobs/outbox-dispatcher.ts) with retries.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export type OutboxChannel = 'sms' | 'email' | 'push' | 'inapp' | 'webhook';

export interface OutboxMessage {
  cityId: string;
  kind: string;
  channel: OutboxChannel;
  recipient: string;
  payload: Record<string, unknown>;
}

export async function enqueueMessage(tx: Queryable, m: OutboxMessage): Promise<void> {
  await tx.query(sql`INSERT INTO outbox (city_id, kind, channel, recipient, payload)
    VALUES (${m.cityId}, ${m.kind}, ${m.channel}, ${m.recipient}, ${JSON.stringify(m.payload)}::jsonb)`);
}
