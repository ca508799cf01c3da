/** SQL of the resident module's background jobs: auto-closing and telling subscribers. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { RequestRow } from '../requests/repository.ts';

export async function listCitySettings(
  db: Queryable,
): Promise<{ id: string; settings: Record<string, unknown> }[]> {
  return db.query(sql`SELECT id, settings FROM cities ORDER BY id`);
}

/** Resolved requests the resident has not answered since `cutoff`, locked for closing. */
export async function lockUnansweredResolved(
  tx: Queryable,
  cityId: string,
  cutoff: Date,
  batch: number,
): Promise<RequestRow[]> {
  return tx.query<RequestRow>(sql`SELECT * FROM requests
    WHERE city_id = ${cityId} AND status = 'resolved' AND resolved_at < ${cutoff}
    ORDER BY resolved_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
}

export interface RequestSubscriptionDue {
  city_id: string;
  id: number;
  resident_id: number;
  owner_id: number | null;
  number: string;
  status: string;
}

/** Request subscriptions whose request has changed status since they were last told. */
export async function lockRequestSubscriptionsDue(
  tx: Queryable,
  batch: number,
): Promise<RequestSubscriptionDue[]> {
  return tx.query<RequestSubscriptionDue>(sql`SELECT s.city_id, s.id, s.resident_id, r.resident_id AS owner_id, r.number, r.status
    FROM subscriptions s JOIN requests r ON r.city_id = s.city_id AND r.id = s.request_id
    WHERE s.kind = 'request' AND r.status IS DISTINCT FROM s.last_status
    ORDER BY s.id LIMIT ${batch} FOR UPDATE OF s SKIP LOCKED`);
}

export async function markSubscriptionTold(
  tx: Queryable,
  cityId: string,
  id: number,
  status: string,
): Promise<void> {
  await tx.query(
    sql`UPDATE subscriptions SET last_status = ${status} WHERE city_id = ${cityId} AND id = ${id}`,
  );
}

export interface AreaSubscription {
  id: number;
  resident_id: number;
  kind: 'district' | 'bbox';
  district_code: string | null;
  bbox: number[] | null;
}

/** Area subscriptions of residents who still have an account. */
export async function listAreaSubscriptions(db: Queryable, cityId: string): Promise<AreaSubscription[]> {
  return db.query<AreaSubscription>(sql`SELECT s.id, s.resident_id, s.kind, s.district_code, s.bbox FROM subscriptions s
    JOIN residents res ON res.city_id = s.city_id AND res.id = s.resident_id
    WHERE s.city_id = ${cityId} AND s.kind IN ('district', 'bbox') AND res.anonymized_at IS NULL`);
}

export interface NewReport {
  id: number;
  number: string;
  category_code: string | null;
  district_code: string | null;
  lat: number | null;
  lon: number | null;
  resident_id: number | null;
  created_at: Date;
}

/** Requests registered after the cursor and up to `until`, oldest first. */
export async function listNewReports(
  db: Queryable,
  cityId: string,
  after: { at: Date; id: number },
  until: Date,
  batch: number,
): Promise<NewReport[]> {
  return db.query<NewReport>(sql`SELECT id, number, category_code, district_code, lat, lon, resident_id, created_at FROM requests
    WHERE city_id = ${cityId} AND (created_at, id) > (${after.at}, ${after.id}) AND created_at <= ${until}
    ORDER BY created_at, id LIMIT ${batch}`);
}

/** Reads (and locks) a job's cursor, creating it with `init` the first time. */
export async function lockJobState<T>(tx: Queryable, name: string, init: T): Promise<T> {
  await tx.query(
    sql`INSERT INTO jobs_state (name, data) VALUES (${name}, ${JSON.stringify(init)}::jsonb) ON CONFLICT (name) DO NOTHING`,
  );
  const rows = await tx.query<{ data: T }>(sql`SELECT data FROM jobs_state WHERE name = ${name} FOR UPDATE`);
  return (rows[0]?.data ?? init) as T;
}

export async function saveJobState(tx: Queryable, name: string, data: unknown, now: Date): Promise<void> {
  await tx.query(
    sql`UPDATE jobs_state SET data = ${JSON.stringify(data)}::jsonb, last_run_at = ${now} WHERE name = ${name}`,
  );
}
