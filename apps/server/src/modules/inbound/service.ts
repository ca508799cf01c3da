/**
 * One intake path for every inbound channel: the message becomes a request through the same
 * intake as the API (classified, routed, SLA), once per (provider, message id); the sender gets
 * the number and due time back through the outbox, in the same transaction that records the
 * message, so a repeat delivery neither makes a second request nor a second reply.
 */
import { sql } from 'drizzle-orm';
import { detectLanguage } from '@komek/domain/text/normalize';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import { enqueueMessage } from '../notify/outbox.ts';
import { createRequest } from '../requests/intake.ts';
import { findByIdempotencyKey } from '../requests/repository.ts';
import type { InboundAdapter, InboundMessage } from './adapter.ts';

export interface Received {
  number: string;
  dueAt: string;
  duplicate: boolean;
}

export async function receive(
  deps: AppDeps,
  cityId: string,
  adapter: InboundAdapter,
  msg: InboundMessage,
): Promise<Received> {
  const key = `${adapter.provider}:${msg.externalId}`.slice(0, 200);
  const existing = async (): Promise<{ number: string; due_at: Date } | undefined> => {
    const r = await findByIdempotencyKey(deps.db, cityId, key);
    return r && { number: r.number, due_at: r.due_at };
  };
  let found = await existing();
  const duplicate = Boolean(found);
  if (!found) {
    try {
      const { request } = await createRequest(
        deps,
        { kind: 'anonymous', cityId },
        {
          text: msg.text,
          channel: msg.channel,
          ...(msg.lat !== undefined && msg.lon !== undefined ? { lat: msg.lat, lon: msg.lon } : {}),
        },
        key,
        adapter.provider,
      );
      found = { number: request.number, due_at: request.due_at };
    } catch (err) {
      // The same message delivered twice at once: the other delivery made the request.
      if (!(err instanceof AppError && err.code === 'idempotency_conflict')) throw err;
      found = await existing();
      if (!found) throw err;
    }
  }
  const request = found;
  const dueAt = request.due_at.toISOString();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [fresh] = await tx.query<{ id: number }>(sql`INSERT INTO inbound_messages
        (city_id, provider, external_id, sender, request_number, received_at)
      VALUES (${cityId}, ${adapter.provider}, ${msg.externalId}, ${msg.replyTo}, ${request.number}, ${now})
      ON CONFLICT (city_id, provider, external_id) DO NOTHING RETURNING id`);
    if (!fresh) return;
    await enqueueMessage(tx, {
      cityId,
      kind: 'request_created',
      channel: adapter.replyChannel,
      recipient: adapter.provider === 'email' ? msg.replyTo : `${adapter.provider}:${msg.replyTo}`,
      payload: {
        number: request.number,
        dueAt,
        status: 'new',
        timeZone: deps.config.cityTimeZone,
        lang: msg.lang ?? detectLanguage(msg.text),
      },
      now,
    });
  });
  return { number: request.number, dueAt, duplicate };
}
