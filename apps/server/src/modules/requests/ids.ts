/**
 * Request ids carry their month (migration 0102): id = monthBase(createdAt) + seq, where
 * monthBase = (months since 1970-01, UTC) × 2^36 and seq comes from the `requests_seq` sequence.
 * The partitions of `requests` and `request_events` are these id ranges, one per calendar month;
 * the public number is built from seq alone, so it reads as it always did. Mirrors the SQL
 * functions request_month_base / request_id_at (a test holds them equal).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export const MONTH_SPAN = 2 ** 36;

/** The first id of the (UTC) month of `at`. */
export function monthBase(at: Date): number {
  return ((at.getUTCFullYear() - 1970) * 12 + at.getUTCMonth()) * MONTH_SPAN;
}

export function requestId(seq: number, createdAt: Date): number {
  return monthBase(createdAt) + seq;
}

/** The sequence part of an id (ids from before partitioning are all sequence). */
export function seqOf(id: number): number {
  return id % MONTH_SPAN;
}

/** The public number: `<prefix>-<year>-<seq, 7 digits at least>`. */
export function requestNumber(prefix: string, year: number, id: number): string {
  return `${prefix}-${year}-${String(seqOf(id)).padStart(7, '0')}`;
}

/** `count` fresh sequence values, in order. */
export async function takeSeqs(db: Queryable, count: number): Promise<number[]> {
  const rows = await db.query<{ seq: number }>(
    sql`SELECT nextval('requests_seq') AS seq FROM generate_series(1, ${count})`,
  );
  return rows.map((r) => Number(r.seq));
}

/**
 * Creates the monthly partitions of requests and events for every month from..to (UTC), if
 * missing. Bulk loads call it for their date range first; the partition job for the months ahead.
 */
export async function ensurePartitions(db: Queryable, from: Date, to: Date): Promise<number> {
  const rows = await db.query<{ made: number }>(
    sql`SELECT ensure_request_partitions(${from}::timestamptz, ${to}::timestamptz) AS made`,
  );
  return Number(rows[0]?.made ?? 0);
}

export interface PartitionInfo {
  table: string;
  name: string;
  bounds: string;
  rows: number;
}

/** The partitions of requests and request_events with their (estimated) row counts. */
export async function listPartitions(db: Queryable): Promise<PartitionInfo[]> {
  return db.query<PartitionInfo>(sql`
    SELECT p.relname AS "table", c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds,
      greatest(c.reltuples, 0)::bigint AS rows
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent
    WHERE i.inhparent IN (to_regclass('requests'), to_regclass('request_events'))
    ORDER BY p.relname, c.relname`);
}

/**
 * Ids of requests by public number (`request_numbers`, one index probe). The statements that
 * follow go by id and read one month's partition; by number they would plan every month.
 */
export async function idsByNumber(
  db: Queryable,
  cityId: string,
  numbers: readonly string[],
): Promise<Map<string, number>> {
  if (!numbers.length) return new Map();
  const rows = await db.query<{ number: string; request_id: number }>(
    sql`SELECT number, request_id FROM request_numbers
      WHERE city_id = ${cityId} AND number = ANY(${sql.param([...numbers])}::text[])`,
  );
  return new Map(rows.map((r) => [r.number, r.request_id]));
}

export async function idByNumber(db: Queryable, cityId: string, number: string): Promise<number | undefined> {
  const rows = await db.query<{ request_id: number }>(
    sql`SELECT request_id FROM request_numbers WHERE city_id = ${cityId} AND number = ${number}`,
  );
  return rows[0]?.request_id;
}

/**
 * A predicate on a request id column that prunes to the months of [from, to] (UTC), keeping the
 * rows from before partitioning (all below one month span). Add it next to a created_at range.
 */
export function inMonths(column: SQL, from: Date, to: Date): SQL {
  return sql`(${column} < ${MONTH_SPAN} OR (${column} >= ${monthBase(from)} AND ${column} < ${monthBase(to) + MONTH_SPAN}))`;
}

/**
 * The id ranges of the months of [from, to] (UTC), newest first, then the rows from before
 * partitioning: a query per range reads one partition, so `ORDER BY … LIMIT` per range stops early
 * (one statement over all of them sorts everything the months hold).
 */
export function monthRanges(from: Date, to: Date): { lo: number; hi: number }[] {
  const out: { lo: number; hi: number }[] = [];
  for (let base = monthBase(to); base >= monthBase(from); base -= MONTH_SPAN)
    out.push({ lo: base, hi: base + MONTH_SPAN });
  out.push({ lo: 0, hi: MONTH_SPAN });
  return out;
}
