/** SQL for requests and their events. Nothing else queries these tables for the lifecycle. */
import { inList } from '../../lib/sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import { prepared, type Queryable } from '../../db/client.ts';
import { idByNumber } from './ids.ts';
import { STATUSES, type Criticality, type Status } from '@komek/domain/lifecycle';

export interface RequestRow {
  city_id: string;
  id: number;
  number: string;
  channel: string;
  text: string;
  lang: string;
  category_code: string | null;
  criticality: Criticality;
  status: Status;
  lat: number | null;
  lon: number | null;
  address: string | null;
  district_code: string | null;
  resident_id: number | null;
  agency_code: string | null;
  executor_id: number | null;
  created_by_staff_id: number | null;
  due_at: Date;
  sla_paused_at: Date | null;
  sla_warned_at: Date | null;
  sla_breached_at: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  duplicate_of: number | null;
  incident_id: number | null;
  planned_year: number | null;
  status_reason: string | null;
  attributes: Record<string, unknown>;
  idempotency_key: string | null;
  rating: number | null;
  rating_comment: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A request with what its presenters need from joined tables. */
export interface RequestView extends RequestRow {
  resident_phone: string | null;
  resident_name: string | null;
  duplicate_of_number: string | null;
}

export interface NewRequest {
  cityId: string;
  numberPrefix: string;
  year: number;
  channel: string;
  text: string;
  lang: string;
  categoryCode: string | null;
  criticality: string;
  lat: number | null;
  lon: number | null;
  geoCell: number | null;
  address: string | null;
  districtCode: string | null;
  residentId: number | null;
  agencyCode: string | null;
  createdByStaffId: number | null;
  dueAt: Date;
  attributes: Record<string, unknown>;
  idempotencyKey: string | null;
  createdAt: Date;
}

export interface IntakeEvent {
  type: string;
  actorKind: 'staff' | 'resident' | 'system' | 'partner';
  actorId: number | null;
  toStatus?: string | null;
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
}

export async function findByIdempotencyKey(
  db: Queryable,
  cityId: string,
  key: string,
): Promise<RequestRow | undefined> {
  return (
    await db.query<RequestRow>(
      sql`SELECT r.* FROM request_keys k JOIN requests r ON r.city_id = k.city_id AND r.id = k.request_id
        WHERE k.city_id = ${cityId} AND k.key = ${key}`,
    )
  )[0];
}

// The parent's number of a duplicate is read by id afterwards (withParentNumbers): joined here,
// the planner would have to plan every month's partition for it.
const VIEW = sql`SELECT r.*, res.phone AS resident_phone, res.name AS resident_name, NULL::text AS duplicate_of_number
  FROM requests r
  LEFT JOIN residents res ON res.city_id = r.city_id AND res.id = r.resident_id`;

/** The request page's read of one request by id (also what `komek explain` records). */
export function viewByIdSql(cityId: string, id: number): SQL {
  return sql`${VIEW} WHERE r.city_id = ${cityId} AND r.id = ${id}`;
}

/** Fills duplicate_of_number of the views that are duplicates (one statement, pruned by id). */
async function withParentNumbers(
  db: Queryable,
  cityId: string,
  views: RequestView[],
): Promise<RequestView[]> {
  const parents = [...new Set(views.flatMap((v) => (v.duplicate_of === null ? [] : [v.duplicate_of])))];
  if (!parents.length) return views;
  const rows = await db.query<{ id: number; number: string }>(
    sql`SELECT id, number FROM requests WHERE city_id = ${cityId} AND id = ANY(${sql.param(parents)}::bigint[])`,
  );
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  for (const v of views)
    if (v.duplicate_of !== null) v.duplicate_of_number = numbers.get(v.duplicate_of) ?? null;
  return views;
}

export async function findViewByNumber(
  db: Queryable,
  cityId: string,
  number: string,
): Promise<RequestView | undefined> {
  const id = await idByNumber(db, cityId, number);
  return id === undefined ? undefined : findViewById(db, cityId, id);
}

/** Several requests' views in one statement, in the order of `ids` (missing ones left out). */
export async function findViewsByIds(
  db: Queryable,
  cityId: string,
  ids: readonly number[],
): Promise<RequestView[]> {
  if (!ids.length) return [];
  const rows = await withParentNumbers(
    db,
    cityId,
    await db.query<RequestView>(
      sql`${VIEW} WHERE r.city_id = ${cityId} AND r.id = ANY(${sql.param([...ids])}::bigint[])`,
    ),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findViewById(
  db: Queryable,
  cityId: string,
  id: number,
): Promise<RequestView | undefined> {
  const rows = await db.query<RequestView>(viewByIdSql(cityId, id));
  return (await withParentNumbers(db, cityId, rows))[0];
}

/** Locks a request row for a change in this transaction. */
export async function lockByNumber(
  tx: Queryable,
  cityId: string,
  number: string,
): Promise<RequestRow | undefined> {
  const id = await idByNumber(tx, cityId, number);
  if (id === undefined) return undefined;
  return (
    await tx.query<RequestRow>(
      sql`SELECT * FROM requests WHERE city_id = ${cityId} AND id = ${id} FOR UPDATE`,
    )
  )[0];
}

export type RequestPatch = Partial<{
  status: Status;
  repeats: number;
  agency_code: string | null;
  executor_id: number | null;
  due_at: Date;
  sla_paused_at: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  duplicate_of: number | null;
  incident_id: number | null;
  planned_year: number | null;
  status_reason: string | null;
  category_code: string | null;
  criticality: Criticality;
  rating: number | null;
  rating_comment: string | null;
  sla_warned_at: Date | null;
  sla_breached_at: Date | null;
}>;

export async function updateRequest(
  tx: Queryable,
  cityId: string,
  id: number,
  patch: RequestPatch,
  now: Date,
): Promise<void> {
  const sets: SQL[] = [sql`updated_at = ${now}`];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (!/^[a-z_]+$/.test(k)) throw new Error(`bad column ${k}`);
    sets.push(sql`${sql.identifier(k)} = ${v}`);
  }
  await tx.query(
    sql`UPDATE requests SET ${sql.join(sets, sql`, `)} WHERE city_id = ${cityId} AND id = ${id}`,
  );
}

export interface NewEvent {
  cityId: string;
  requestId: number;
  type: string;
  actorKind: 'staff' | 'resident' | 'system' | 'partner';
  actorId: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  visibility?: 'public' | 'internal';
  body?: string | null;
  data?: Record<string, unknown>;
  createdAt: Date;
}

export async function insertEvent(tx: Queryable, e: NewEvent): Promise<number> {
  const rows = await tx.query<{ id: number }>(sql`INSERT INTO request_events
    (city_id, request_id, type, actor_kind, actor_id, from_status, to_status, visibility, body, data, created_at)
    VALUES (${e.cityId}, ${e.requestId}, ${e.type}, ${e.actorKind}, ${e.actorId}, ${e.fromStatus ?? null},
      ${e.toStatus ?? null}, ${e.visibility ?? 'internal'}, ${e.body ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb, ${e.createdAt})
    RETURNING id`);
  return (rows[0] as { id: number }).id;
}

export interface EventRow {
  id: number;
  type: string;
  actor_kind: string;
  actor_id: number | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string | null;
  visibility: 'public' | 'internal';
  body: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export async function listEvents(
  db: Queryable,
  cityId: string,
  requestId: number,
  publicOnly: boolean,
): Promise<EventRow[]> {
  return db.query<EventRow>(sql`SELECT e.id, e.type, e.actor_kind, e.actor_id,
      CASE WHEN e.actor_kind = 'staff' THEN s.name END AS actor_name,
      e.from_status, e.to_status, e.visibility, e.body, e.data, e.created_at
    FROM request_events e
    LEFT JOIN staff s ON e.actor_kind = 'staff' AND s.city_id = e.city_id AND s.id = e.actor_id
    WHERE e.city_id = ${cityId} AND e.request_id = ${requestId}
      ${publicOnly ? sql`AND e.visibility = 'public'` : sql``}
    ORDER BY e.id`);
}

export interface ListFilters {
  cityId: string;
  status?: string[] | undefined;
  category?: string[] | undefined;
  agency?: string[] | undefined;
  district?: string[] | undefined;
  criticality?: string[] | undefined;
  channel?: string[] | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  overdue?: boolean | undefined;
  text?: string | undefined;
  residentId?: number | undefined;
  /** Keyset cursor: the last row of the previous page. */
  after?: { createdAt: Date; id: number } | undefined;
  limit: number;
  now: Date;
}

/** The queue list's statement (also what `komek explain` records). */
export function listSql(f: ListFilters): SQL {
  const where: SQL[] = [sql`r.city_id = ${f.cityId}`];
  // Statuses as literals (a closed set): a kept generic plan can still prove the open-status
  // partial indexes from them, which it cannot from parameters.
  const statuses = (f.status ?? []).filter((s): s is Status => (STATUSES as readonly string[]).includes(s));
  if (f.status?.length)
    where.push(sql.raw(`r.status IN (${statuses.map((s) => `'${s}'`).join(', ') || 'NULL'})`));
  for (const [col, vals] of [
    ['category_code', f.category],
    ['agency_code', f.agency],
    ['district_code', f.district],
    ['criticality', f.criticality],
    ['channel', f.channel],
  ] as const) {
    const c = inList(sql`r.${sql.identifier(col)}`, vals);
    if (c) where.push(c);
  }
  if (f.createdFrom) where.push(sql`r.created_at >= ${f.createdFrom}`);
  if (f.createdTo) where.push(sql`r.created_at < ${f.createdTo}`);
  if (f.overdue)
    where.push(sql`r.due_at < ${f.now} AND r.status IN ('new', 'assigned', 'in_progress', 'reopened')`);
  if (f.residentId !== undefined) where.push(sql`r.resident_id = ${f.residentId}`);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    where.push(
      sql`(r.text ILIKE ${like} OR r.id IN (SELECT request_id FROM request_numbers n WHERE n.city_id = ${f.cityId} AND n.number = ${f.text}) OR r.address ILIKE ${like})`,
    );
  }
  if (f.after) where.push(sql`(r.created_at, r.id) < (${f.after.createdAt}, ${f.after.id})`);
  return sql`${VIEW} WHERE ${sql.join(where, sql` AND `)} ORDER BY r.created_at DESC, r.id DESC LIMIT ${f.limit}`;
}

export async function listRequests(db: Queryable, f: ListFilters): Promise<RequestView[]> {
  const rows = await db.query<RequestView>(prepared('queue', listSql(f)));
  return withParentNumbers(db, f.cityId, rows);
}

/** How many requests of the same place and category came after this one (a deferral's repeats so far). */
export async function countLaterAtPlace(db: Queryable, r: RequestRow): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(x.id)::int AS n FROM requests d
    JOIN requests x ON x.city_id = d.city_id AND x.category_code = d.category_code AND x.geo_cell = d.geo_cell
      AND x.created_at > d.created_at AND x.id <> d.id
    WHERE d.city_id = ${r.city_id} AND d.id = ${r.id}`);
  return row?.n ?? 0;
}

/** Recounts the repeats of every deferred request of a city (after a bulk load). */
export async function recountRepeats(db: Queryable, cityId: string): Promise<void> {
  await db.query(sql`UPDATE requests d SET repeats = (
      SELECT count(*) FROM requests r
      WHERE r.city_id = d.city_id AND r.category_code = d.category_code AND r.geo_cell = d.geo_cell
        AND r.created_at > d.created_at AND r.id <> d.id)::int
    WHERE d.city_id = ${cityId} AND d.status = 'deferred' AND d.geo_cell IS NOT NULL AND d.category_code IS NOT NULL`);
}
