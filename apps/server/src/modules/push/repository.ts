/** SQL for push subscriptions and in-app notifications; nothing else queries these tables. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export interface SubscriptionRow {
  id: number;
  resident_id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: string | null;
}

export interface NotificationRow {
  id: number;
  request_number: string | null;
  kind: string;
  title: string;
  body: string;
  read_at: Date | null;
  created_at: Date;
}

/** Inserts or takes over the subscription of an endpoint (a browser re-subscribing, or a new resident on it). */
export async function upsertSubscription(
  tx: Queryable,
  s: {
    cityId: string;
    residentId: number;
    endpoint: string;
    p256dh: string;
    auth: string;
    lang: string | null;
    now: Date;
  },
): Promise<{ id: number; created: boolean }> {
  const rows = await tx.query<{ id: number; created: boolean }>(sql`
    INSERT INTO push_subscriptions (city_id, resident_id, endpoint, p256dh, auth, lang, created_at, updated_at)
    VALUES (${s.cityId}, ${s.residentId}, ${s.endpoint}, ${s.p256dh}, ${s.auth}, ${s.lang}, ${s.now}, ${s.now})
    ON CONFLICT (city_id, endpoint) DO UPDATE SET resident_id = EXCLUDED.resident_id, p256dh = EXCLUDED.p256dh,
      auth = EXCLUDED.auth, lang = COALESCE(EXCLUDED.lang, push_subscriptions.lang), updated_at = EXCLUDED.updated_at
    RETURNING id, (xmax = 0) AS created`);
  const r = rows[0];
  if (!r) throw new Error('upsert returned nothing');
  return { id: Number(r.id), created: Boolean(r.created) };
}

/** Deletes a resident's subscription of an endpoint; true when there was one. */
export async function deleteSubscription(
  tx: Queryable,
  cityId: string,
  residentId: number,
  endpoint: string,
): Promise<boolean> {
  const rows = await tx.query(sql`DELETE FROM push_subscriptions
    WHERE city_id = ${cityId} AND resident_id = ${residentId} AND endpoint = ${endpoint} RETURNING id`);
  return rows.length > 0;
}

export async function deleteSubscriptionById(tx: Queryable, cityId: string, id: number): Promise<void> {
  await tx.query(sql`DELETE FROM push_subscriptions WHERE city_id = ${cityId} AND id = ${id}`);
}

export async function listResidentSubscriptions(
  tx: Queryable,
  cityId: string,
  residentId: number,
): Promise<SubscriptionRow[]> {
  return tx.query<SubscriptionRow>(sql`SELECT id, resident_id, endpoint, p256dh, auth, lang FROM push_subscriptions
    WHERE city_id = ${cityId} AND resident_id = ${residentId} ORDER BY id`);
}

export async function residentLang(
  tx: Queryable,
  cityId: string,
  residentId: number,
): Promise<string | undefined> {
  const rows = await tx.query<{ preferred_lang: string }>(
    sql`SELECT preferred_lang FROM residents WHERE city_id = ${cityId} AND id = ${residentId}`,
  );
  return rows[0]?.preferred_lang;
}

export async function findSubscription(
  tx: Queryable,
  cityId: string,
  id: number,
): Promise<SubscriptionRow | undefined> {
  const rows = await tx.query<SubscriptionRow>(sql`SELECT id, resident_id, endpoint, p256dh, auth, lang
    FROM push_subscriptions WHERE city_id = ${cityId} AND id = ${id}`);
  return rows[0];
}

export async function markSubscriptionSent(
  tx: Queryable,
  cityId: string,
  id: number,
  now: Date,
): Promise<void> {
  await tx.query(
    sql`UPDATE push_subscriptions SET last_sent_at = ${now} WHERE city_id = ${cityId} AND id = ${id}`,
  );
}

/** Writes an in-app notification once per outbox message. */
export async function insertNotification(
  tx: Queryable,
  n: {
    cityId: string;
    residentId: number;
    number: string | null;
    kind: string;
    title: string;
    body: string;
    outboxId: number | null;
    /** null = the database clock (written inside another module's transaction). */
    now: Date | null;
  },
): Promise<void> {
  await tx.query(sql`INSERT INTO notifications (city_id, resident_id, request_number, kind, title, body, outbox_id, created_at)
    VALUES (${n.cityId}, ${n.residentId}, ${n.number}, ${n.kind}, ${n.title}, ${n.body}, ${n.outboxId}, COALESCE(${n.now}::timestamptz, now()))
    ON CONFLICT (city_id, outbox_id) DO NOTHING`);
}

export async function listNotifications(
  tx: Queryable,
  cityId: string,
  residentId: number,
  limit: number,
  before: number | undefined,
): Promise<NotificationRow[]> {
  const cursor = before === undefined ? sql`` : sql`AND id < ${before}`;
  return tx.query<NotificationRow>(sql`SELECT id, request_number, kind, title, body, read_at, created_at
    FROM notifications WHERE city_id = ${cityId} AND resident_id = ${residentId} ${cursor}
    ORDER BY id DESC LIMIT ${limit}`);
}

export async function countUnread(tx: Queryable, cityId: string, residentId: number): Promise<number> {
  const rows = await tx.query<{ n: number | string }>(sql`SELECT count(*) AS n FROM notifications
    WHERE city_id = ${cityId} AND resident_id = ${residentId} AND read_at IS NULL`);
  return Number(rows[0]?.n ?? 0);
}

/** Marks some (ids) or all of a resident's notifications read; returns how many changed. */
export async function markRead(
  tx: Queryable,
  cityId: string,
  residentId: number,
  ids: number[] | 'all',
  now: Date,
): Promise<number> {
  const which =
    ids === 'all'
      ? sql``
      : sql`AND id IN (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`;
  const rows = await tx.query(sql`UPDATE notifications SET read_at = ${now}
    WHERE city_id = ${cityId} AND resident_id = ${residentId} AND read_at IS NULL ${which} RETURNING id`);
  return rows.length;
}

/** Forgets a resident's devices and notifications (their personal data is being deleted). */
export async function forgetResident(tx: Queryable, cityId: string, residentId: number): Promise<void> {
  await tx.query(
    sql`DELETE FROM push_subscriptions WHERE city_id = ${cityId} AND resident_id = ${residentId}`,
  );
  await tx.query(sql`DELETE FROM notifications WHERE city_id = ${cityId} AND resident_id = ${residentId}`);
}
