/** SQL for the public list, anonymous-report claims and subscriptions. */
import { sql, type SQL } from 'drizzle-orm';
import type { Status } from '@komek/domain/lifecycle';
import type { Queryable } from '../../db/client.ts';
import { idByNumber } from '../requests/ids.ts';

/** The columns the public may see (after masking and rounding by the presenter). */
export interface PublicRow {
  id: number;
  number: string;
  status: Status;
  category_code: string | null;
  district_code: string | null;
  agency_code: string | null;
  lat: number | null;
  lon: number | null;
  text: string;
  channel: string;
  created_at: Date;
  updated_at: Date;
  due_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

const PUBLIC_COLUMNS = sql`r.id, r.number, r.status, r.category_code, r.district_code, r.agency_code, r.lat, r.lon, r.text, r.channel,
  r.created_at, r.updated_at, r.due_at, r.resolved_at, r.closed_at`;

export interface PublicFilters {
  cityId: string;
  status?: string[] | undefined;
  category?: string[] | undefined;
  district?: string[] | undefined;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox?: [number, number, number, number] | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  after?: { createdAt: Date; id: number } | undefined;
  limit: number;
}

const inList = (col: SQL, vals: string[]): SQL =>
  sql`${col} IN (${sql.join(
    vals.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** Requests for the public map and list, newest first (keyset on created_at, id). */
export async function listPublicRequests(db: Queryable, f: PublicFilters): Promise<PublicRow[]> {
  const where: SQL[] = [sql`r.city_id = ${f.cityId}`];
  if (f.status?.length) where.push(inList(sql`r.status`, f.status));
  if (f.category?.length) where.push(inList(sql`r.category_code`, f.category));
  if (f.district?.length) where.push(inList(sql`r.district_code`, f.district));
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    where.push(sql`r.lon BETWEEN ${minLon} AND ${maxLon} AND r.lat BETWEEN ${minLat} AND ${maxLat}`);
  }
  if (f.createdFrom) where.push(sql`r.created_at >= ${f.createdFrom}`);
  if (f.createdTo) where.push(sql`r.created_at < ${f.createdTo}`);
  if (f.after) where.push(sql`(r.created_at, r.id) < (${f.after.createdAt}, ${f.after.id})`);
  return db.query<PublicRow>(sql`SELECT ${PUBLIC_COLUMNS} FROM requests r WHERE ${sql.join(where, sql` AND `)}
    ORDER BY r.created_at DESC, r.id DESC LIMIT ${f.limit}`);
}

export async function findPublicRequest(
  db: Queryable,
  cityId: string,
  number: string,
): Promise<PublicRow | undefined> {
  const id = await idByNumber(db, cityId, number);
  if (id === undefined) return undefined;
  return (
    await db.query<PublicRow>(
      sql`SELECT ${PUBLIC_COLUMNS} FROM requests r WHERE r.city_id = ${cityId} AND r.id = ${id}`,
    )
  )[0];
}

/** The public status history of a request: statuses and times only (reasons and replies may name people). */
export async function listPublicStatusEvents(
  db: Queryable,
  cityId: string,
  requestId: number,
): Promise<{ to_status: string; created_at: Date }[]> {
  return db.query(sql`SELECT to_status, created_at FROM request_events
    WHERE city_id = ${cityId} AND request_id = ${requestId} AND visibility = 'public' AND to_status IS NOT NULL
      AND type IN ('created', 'status_changed') ORDER BY id`);
}

// ---- claims of anonymous reports ----

export interface ClaimRow {
  request_id: number;
  expires_at: Date;
  claimed_at: Date | null;
  claimed_by: number | null;
}

export async function insertClaim(
  tx: Queryable,
  c: { cityId: string; requestId: number; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(sql`INSERT INTO request_claims (city_id, request_id, token_hash, created_at, expires_at)
    VALUES (${c.cityId}, ${c.requestId}, ${c.tokenHash}, ${c.createdAt}, ${c.expiresAt})`);
}

/** Gives an unclaimed report a fresh token (an idempotent retry of the report whose answer was lost). */
export async function renewClaim(
  tx: Queryable,
  c: { cityId: string; requestId: number; tokenHash: string; expiresAt: Date },
): Promise<boolean> {
  const rows =
    await tx.query(sql`UPDATE request_claims SET token_hash = ${c.tokenHash}, expires_at = ${c.expiresAt}
    WHERE city_id = ${c.cityId} AND request_id = ${c.requestId} AND claimed_at IS NULL RETURNING request_id`);
  return rows.length > 0;
}

export async function lockClaimByToken(
  tx: Queryable,
  cityId: string,
  tokenHash: string,
): Promise<ClaimRow | undefined> {
  return (
    await tx.query<ClaimRow>(sql`SELECT request_id, expires_at, claimed_at, claimed_by FROM request_claims
    WHERE city_id = ${cityId} AND token_hash = ${tokenHash} FOR UPDATE`)
  )[0];
}

export async function findClaimByToken(
  db: Queryable,
  cityId: string,
  tokenHash: string,
): Promise<ClaimRow | undefined> {
  return (
    await db.query<ClaimRow>(sql`SELECT request_id, expires_at, claimed_at, claimed_by FROM request_claims
    WHERE city_id = ${cityId} AND token_hash = ${tokenHash}`)
  )[0];
}

/**
 * Attaches an anonymous request to the resident who claimed it. The lifecycle's patch type has
 * no resident column (intake sets it once), so this one statement lives here, guarded so it
 * never takes a request that already has a resident.
 */
export async function attachResident(
  tx: Queryable,
  c: { cityId: string; requestId: number; residentId: number; now: Date },
): Promise<{ number: string; status: string } | undefined> {
  const rows = await tx.query<{
    number: string;
    status: string;
  }>(sql`UPDATE requests SET resident_id = ${c.residentId}, updated_at = ${c.now}
    WHERE city_id = ${c.cityId} AND id = ${c.requestId} AND resident_id IS NULL RETURNING number, status`);
  await tx.query(sql`UPDATE request_claims SET claimed_at = ${c.now}, claimed_by = ${c.residentId}
    WHERE city_id = ${c.cityId} AND request_id = ${c.requestId}`);
  return rows[0];
}

// ---- subscriptions ----

export interface SubscriptionRow {
  id: number;
  kind: 'request' | 'district' | 'bbox';
  request_number: string | null;
  district_code: string | null;
  bbox: number[] | null;
  created_at: Date;
}

const bboxSql = (b: number[]): SQL =>
  sql`ARRAY[${sql.join(
    b.map((v) => sql`${v}::double precision`),
    sql`, `,
  )}]`;

const SUBSCRIPTION = sql`SELECT s.id, s.kind, r.number AS request_number, s.district_code, s.bbox, s.created_at
  FROM subscriptions s LEFT JOIN requests r ON r.city_id = s.city_id AND r.id = s.request_id`;

export async function listSubscriptions(
  db: Queryable,
  cityId: string,
  residentId: number,
): Promise<SubscriptionRow[]> {
  return db.query<SubscriptionRow>(
    sql`${SUBSCRIPTION} WHERE s.city_id = ${cityId} AND s.resident_id = ${residentId} ORDER BY s.id`,
  );
}

export async function findRequestRef(
  db: Queryable,
  cityId: string,
  number: string,
): Promise<{ id: number; status: string } | undefined> {
  const id = await idByNumber(db, cityId, number);
  if (id === undefined) return undefined;
  return (
    await db.query<{ id: number; status: string }>(
      sql`SELECT id, status FROM requests WHERE city_id = ${cityId} AND id = ${id}`,
    )
  )[0];
}

export async function lockResident(tx: Queryable, cityId: string, residentId: number): Promise<void> {
  await tx.query(sql`SELECT id FROM residents WHERE city_id = ${cityId} AND id = ${residentId} FOR UPDATE`);
}

export async function countSubscriptions(tx: Queryable, cityId: string, residentId: number): Promise<number> {
  return (
    (
      await tx.query<{ n: number }>(
        sql`SELECT count(*) AS n FROM subscriptions WHERE city_id = ${cityId} AND resident_id = ${residentId}`,
      )
    )[0]?.n ?? 0
  );
}

/** Inserts a subscription, or returns the resident's existing one for the same request or district. */
export async function insertSubscription(
  tx: Queryable,
  s: {
    cityId: string;
    residentId: number;
    kind: 'request' | 'district' | 'bbox';
    requestId?: number;
    requestStatus?: string;
    district?: string;
    bbox?: number[];
    now: Date;
  },
): Promise<SubscriptionRow> {
  const existing =
    await tx.query<SubscriptionRow>(sql`${SUBSCRIPTION} WHERE s.city_id = ${s.cityId} AND s.resident_id = ${s.residentId} AND s.kind = ${s.kind}
    AND ${s.kind === 'request' ? sql`s.request_id = ${s.requestId ?? null}` : s.kind === 'district' ? sql`s.district_code = ${s.district ?? null}` : sql`s.bbox = ${bboxSql(s.bbox ?? [])}`}`);
  if (existing[0]) return existing[0];
  const bbox = s.bbox ? bboxSql(s.bbox) : sql`NULL`;
  const rows = await tx.query<{
    id: number;
  }>(sql`INSERT INTO subscriptions (city_id, resident_id, kind, request_id, district_code, bbox, last_status, created_at)
    VALUES (${s.cityId}, ${s.residentId}, ${s.kind}, ${s.requestId ?? null}, ${s.district ?? null}, ${bbox}, ${s.requestStatus ?? null}, ${s.now}) RETURNING id`);
  const id = (rows[0] as { id: number }).id;
  return (
    await tx.query<SubscriptionRow>(sql`${SUBSCRIPTION} WHERE s.city_id = ${s.cityId} AND s.id = ${id}`)
  )[0] as SubscriptionRow;
}

export async function findSubscriptionOwner(
  db: Queryable,
  cityId: string,
  id: number,
): Promise<number | undefined> {
  return (
    await db.query<{ resident_id: number }>(
      sql`SELECT resident_id FROM subscriptions WHERE city_id = ${cityId} AND id = ${id}`,
    )
  )[0]?.resident_id;
}

export async function deleteSubscription(db: Queryable, cityId: string, id: number): Promise<void> {
  await db.query(sql`DELETE FROM subscriptions WHERE city_id = ${cityId} AND id = ${id}`);
}
