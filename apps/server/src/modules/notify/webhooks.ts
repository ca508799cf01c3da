/**
 * Webhooks: an admin registers a URL for some events; each event becomes an outbox row (channel
 * 'webhook') written in the same transaction as the change, so a delivery exists exactly when the
 * change committed. Bodies carry no personal data: request number, status, category, agency,
 * district and times only.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export const WEBHOOK_EVENTS = [
  'request.created',
  'request.status_changed',
  'request.commented',
  'request.sla_breached',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The public facts of a request that a webhook may carry (never text, address, phone or name). */
export function requestFacts(r: {
  number: string;
  status: string;
  category_code: string | null;
  agency_code: string | null;
  district_code: string | null;
  criticality?: string;
  due_at: Date;
}): Record<string, unknown> {
  return {
    number: r.number,
    status: r.status,
    category: r.category_code,
    agency: r.agency_code,
    district: r.district_code,
    criticality: r.criticality ?? null,
    dueAt: r.due_at.toISOString(),
  };
}

/** Queues one delivery per active webhook of the city that listens to `event`. */
export async function emitWebhookEvent(
  tx: Queryable,
  cityId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const payload = JSON.stringify({ event, createdAt: at.toISOString(), data });
  await tx.query(sql`INSERT INTO outbox (city_id, kind, channel, recipient, payload)
    SELECT city_id, ${event}, 'webhook', 'webhook:' || id, ${payload}::jsonb FROM webhooks
    WHERE city_id = ${cityId} AND active AND events @> ${JSON.stringify([event])}::jsonb`);
}

export interface WebhookRow {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  created_at: Date;
}

export const presentWebhook = (w: WebhookRow) => ({
  id: Number(w.id),
  url: w.url,
  events: w.events,
  active: w.active,
  createdAt: new Date(w.created_at).toISOString(),
});

export async function listWebhooks(db: Queryable, cityId: string): Promise<WebhookRow[]> {
  return db.query<WebhookRow>(
    sql`SELECT id, url, events, active, created_at FROM webhooks WHERE city_id = ${cityId} ORDER BY id`,
  );
}

/** Creates a webhook; the secret is returned here once and never again. */
export async function createWebhook(
  db: Queryable,
  cityId: string,
  input: { url: string; events: string[] },
): Promise<{ hook: WebhookRow; secret: string }> {
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const rows = await db.query<WebhookRow>(sql`INSERT INTO webhooks (city_id, url, events, secret)
    VALUES (${cityId}, ${input.url}, ${JSON.stringify([...new Set(input.events)])}::jsonb, ${secret})
    RETURNING id, url, events, active, created_at`);
  return { hook: rows[0] as WebhookRow, secret };
}

export async function updateWebhook(
  db: Queryable,
  cityId: string,
  id: number,
  input: { url?: string | undefined; events?: string[] | undefined; active?: boolean | undefined },
): Promise<WebhookRow | undefined> {
  const rows = await db.query<WebhookRow>(sql`UPDATE webhooks SET
      url = COALESCE(${input.url ?? null}, url),
      events = COALESCE(${input.events ? JSON.stringify([...new Set(input.events)]) : null}::jsonb, events),
      active = COALESCE(${input.active ?? null}::boolean, active)
    WHERE city_id = ${cityId} AND id = ${id} RETURNING id, url, events, active, created_at`);
  return rows[0];
}

/** Deletes a webhook; its pending deliveries end as dead (nowhere to go). */
export async function deleteWebhook(db: Queryable, cityId: string, id: number): Promise<boolean> {
  const rows = await db.query(
    sql`DELETE FROM webhooks WHERE city_id = ${cityId} AND id = ${id} RETURNING id`,
  );
  if (rows.length)
    await db.query(sql`UPDATE outbox SET status = 'dead', last_error = 'webhook deleted'
      WHERE city_id = ${cityId} AND recipient = ${`webhook:${id}`} AND status = 'pending'`);
  return rows.length > 0;
}
