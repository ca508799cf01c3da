/** Analytics queries: every one reads the daily rollup, never the raw requests. */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export interface Filter {
  cityId: string;
  from: string;
  to: string;
  category?: string[] | undefined;
  district?: string[] | undefined;
  agency?: string[] | undefined;
  channel?: string[] | undefined;
  criticality?: string[] | undefined;
}

function where(f: Filter, range?: { from: string; to: string }): SQL {
  const parts: SQL[] = [sql`city_id = ${f.cityId}`, sql`day >= ${(range ?? f).from}::date`, sql`day <= ${(range ?? f).to}::date`];
  const inList = (col: string, vals?: string[]): void => {
    if (vals?.length) {
      // A category filter also matches its sub-categories ('roads' matches 'roads.pothole').
      if (col === 'category_code') parts.push(sql`(${sql.join(vals.map((v) => sql`category_code = ${v} OR category_code LIKE ${v + '.%'}`), sql` OR `)})`);
      else parts.push(sql`${sql.identifier(col)} IN (${sql.join(vals.map((v) => sql`${v}`), sql`, `)})`);
    }
  };
  inList('category_code', f.category);
  inList('district_code', f.district);
  inList('agency_code', f.agency);
  inList('channel', f.channel);
  inList('criticality', f.criticality);
  return sql.join(parts, sql` AND `);
}

export type Bucket = 'day' | 'week' | 'month';

export async function volume(db: Queryable, f: Filter, bucket: Bucket, range?: { from: string; to: string }) {
  const b = bucket === 'day' ? sql`day` : sql`date_trunc(${bucket}, day)::date`;
  return db.query<{ period: string; requests: number }>(sql`SELECT ${b}::text AS period, sum(requests)::int AS requests
    FROM request_rollup_daily WHERE ${where(f, range)} GROUP BY 1 ORDER BY 1`);
}

export async function byDimension(db: Queryable, f: Filter, dim: 'category_code' | 'district_code' | 'agency_code' | 'channel' | 'criticality' | 'status', range?: { from: string; to: string }) {
  return db.query<{
    key: string; requests: number; resolved: number; sla_met: number; sla_breached: number; resolution_n: number; resolution_seconds: number;
    first_response_n: number; first_response_seconds: number; resolved_24h: number; resolved_72h: number; resolved_10d: number; rating_n: number; rating_sum: number;
  }>(sql`SELECT ${sql.identifier(dim)} AS key, sum(requests)::int AS requests, sum(resolved)::int AS resolved, sum(sla_met)::int AS sla_met,
      sum(sla_breached)::int AS sla_breached, sum(resolution_n)::int AS resolution_n, sum(resolution_seconds) AS resolution_seconds,
      sum(first_response_n)::int AS first_response_n, sum(first_response_seconds) AS first_response_seconds,
      sum(resolved_24h)::int AS resolved_24h, sum(resolved_72h)::int AS resolved_72h, sum(resolved_10d)::int AS resolved_10d,
      sum(rating_n)::int AS rating_n, sum(rating_sum)::int AS rating_sum
    FROM request_rollup_daily WHERE ${where(f, range)} GROUP BY 1 ORDER BY 2 DESC`);
}

export async function seasonality(db: Queryable, f: Filter) {
  const byWeek = await db.query<{ week: number; requests: number }>(sql`SELECT extract(week FROM day)::int AS week, sum(requests)::int AS requests
    FROM request_rollup_daily WHERE ${where(f)} GROUP BY 1 ORDER BY 1`);
  const byWeekday = await db.query<{ weekday: number; requests: number }>(sql`SELECT extract(isodow FROM day)::int AS weekday, sum(requests)::int AS requests
    FROM request_rollup_daily WHERE ${where(f)} GROUP BY 1 ORDER BY 1`);
  return { byWeek, byWeekday };
}

/** Daily counts per category × district (the spike detector's input). */
export async function dailySeries(db: Queryable, f: Filter) {
  return db.query<{ day: string; category_code: string; district_code: string; requests: number }>(sql`SELECT day::text AS day, category_code, district_code,
      sum(requests)::int AS requests FROM request_rollup_daily WHERE ${where(f)} GROUP BY 1, 2, 3 ORDER BY 1`);
}
