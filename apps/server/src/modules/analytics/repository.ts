/**
 * Analytics queries: every one reads the rollups, never the raw requests — whole months from the
 * monthly rollup, days from the daily one.
 */
import { sql, type SQL } from 'drizzle-orm';
import { CHANNELS, CRITICALITIES, STATUSES } from '@komek/domain/lifecycle';
import { addDays } from '@komek/domain/time';
import { prepared, type Queryable } from '../../db/client.ts';

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
  const parts: SQL[] = [
    sql`city_id = ${f.cityId}`,
    sql`day >= ${(range ?? f).from}::date`,
    sql`day <= ${(range ?? f).to}::date`,
  ];
  const inList = (col: string, vals?: string[]): void => {
    if (vals?.length) {
      // A category filter also matches its sub-categories ('roads' matches 'roads.pothole').
      if (col === 'category_code')
        parts.push(
          sql`(${sql.join(
            vals.map((v) => sql`category_code = ${v} OR category_code LIKE ${v + '.%'}`),
            sql` OR `,
          )})`,
        );
      else
        parts.push(
          sql`${sql.identifier(col)} IN (${sql.join(
            vals.map((v) => sql`${v}`),
            sql`, `,
          )})`,
        );
    }
  };
  inList('category_code', f.category);
  inList('district_code', f.district);
  inList('agency_code', f.agency);
  return sql.join(parts, sql` AND `);
}

export { CHANNELS, STATUSES, CRITICALITIES as CRITS };

const nextMonth = (m: string): string => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

/**
 * The whole months inside [from, to] as [start, end) (first days), or null if there are none:
 * those come from the monthly rollup, the days around them from the daily one.
 */
export function wholeMonths(from: string, to: string): { start: string; end: string } | null {
  const start = from.endsWith('-01') ? from : nextMonth(from.slice(0, 7) + '-01');
  const after = addDays(to, 1);
  const end = after.endsWith('-01') ? after : after.slice(0, 7) + '-01';
  return start < end ? { start, end } : null;
}

/**
 * `FROM …` for a query that sums the rollup over a range regardless of the day: the whole
 * months from the monthly rollup, the ragged edges from the daily one (same columns; `day` of a
 * monthly row is the month's first day).
 */
function rollup(f: Filter, range?: { from: string; to: string }, groupBy?: Dimension): SQL {
  const r = range ?? f;
  const daily = dailyTable(f, groupBy);
  const months = wholeMonths(r.from, r.to);
  if (!months) return sql`${daily} WHERE ${where(f, range)}`;
  const edges = sql`${where(f, range)} AND (day < ${months.start}::date OR day >= ${months.end}::date)`;
  const inside = where(f, { from: months.start, to: addDays(months.end, -1) });
  return sql`(SELECT * FROM ${daily} WHERE ${edges}
    UNION ALL SELECT * FROM request_rollup_monthly WHERE ${inside}) AS r`;
}

/** The dimensions the daily rollup is keyed by. */
type Dimension = 'category_code' | 'district_code' | 'agency_code';

/**
 * The smallest daily rollup that answers: the city-wide one (a row a day) when neither the
 * filter nor the grouping needs category, district or agency; the per-category one when only
 * the category is needed; else the full one.
 */
function dailyTable(f: Filter, groupBy?: Dimension): SQL {
  if (f.district?.length || f.agency?.length || groupBy === 'district_code' || groupBy === 'agency_code')
    return sql.raw('request_rollup_daily');
  if (f.category?.length || groupBy === 'category_code') return sql.raw('request_rollup_category_daily');
  return sql.raw('request_rollup_city_daily');
}

/**
 * The number of requests a rollup row counts under the filter: all of them, or only the
 * channels / criticalities asked for (those splits are columns of the rollup).
 */
function countExpr(f: Filter): SQL {
  const ch = f.channel?.filter((c) => (CHANNELS as readonly string[]).includes(c));
  const cr = f.criticality?.filter((c) => (CRITICALITIES as readonly string[]).includes(c));
  if (ch?.length) return sql.raw(ch.map((c) => `ch_${c}`).join(' + '));
  if (cr?.length) return sql.raw(cr.map((c) => `n_${c}`).join(' + '));
  return sql.raw('requests');
}

export type Bucket = 'day' | 'week' | 'month';

export async function volume(db: Queryable, f: Filter, bucket: Bucket, range?: { from: string; to: string }) {
  const b = bucket === 'day' ? sql`day` : sql`date_trunc(${bucket}, day)::date`;
  return db.query<{
    period: string;
    requests: number;
  }>(sql`SELECT ${b}::text AS period, sum(${countExpr(f)})::int AS requests
    FROM ${bucket === 'month' ? rollup(f, range) : sql`${dailyTable(f)} WHERE ${where(f, range)}`}
    GROUP BY 1 ORDER BY 1`);
}

export interface BreakdownRow {
  key: string;
  requests: number;
  resolved: number;
  sla_met: number;
  sla_breached: number;
  resolution_n: number;
  resolution_seconds: number;
  first_response_n: number;
  first_response_seconds: number;
  resolved_24h: number;
  resolved_72h: number;
  resolved_10d: number;
  rating_n: number;
  rating_sum: number;
}

const MEASURES =
  sql.raw(`sum(requests)::int AS requests, sum(resolved)::int AS resolved, sum(sla_met)::int AS sla_met,
  sum(sla_breached)::int AS sla_breached, sum(resolution_n)::int AS resolution_n, sum(resolution_seconds) AS resolution_seconds,
  sum(first_response_n)::int AS first_response_n, sum(first_response_seconds) AS first_response_seconds,
  sum(resolved_24h)::int AS resolved_24h, sum(resolved_72h)::int AS resolved_72h, sum(resolved_10d)::int AS resolved_10d,
  sum(rating_n)::int AS rating_n, sum(rating_sum)::int AS rating_sum`);

const zero = (key: string, requests: number): BreakdownRow => ({
  key,
  requests,
  resolved: 0,
  sla_met: 0,
  sla_breached: 0,
  resolution_n: 0,
  resolution_seconds: 0,
  first_response_n: 0,
  first_response_seconds: 0,
  resolved_24h: 0,
  resolved_72h: 0,
  resolved_10d: 0,
  rating_n: 0,
  rating_sum: 0,
});

/** Requests alone by category (the overview's top categories, rising topics): one sum, not thirteen. */
export async function countsByCategory(
  db: Queryable,
  f: Filter,
  range?: { from: string; to: string },
): Promise<{ key: string; requests: number }[]> {
  return db.query<{
    key: string;
    requests: number;
  }>(sql`SELECT category_code AS key, sum(requests)::int AS requests
    FROM ${rollup(f, range, 'category_code')} GROUP BY 1 ORDER BY 2 DESC`);
}

/** Requests and SLA figures by a dimension; channel, status and criticality come from the split columns. */
export async function byDimension(
  db: Queryable,
  f: Filter,
  dim: Dimension | 'channel' | 'criticality' | 'status',
  range?: { from: string; to: string },
): Promise<BreakdownRow[]> {
  if (dim === 'category_code' || dim === 'district_code' || dim === 'agency_code') {
    return db.query<BreakdownRow>(sql`SELECT ${sql.identifier(dim)} AS key, ${MEASURES}
      FROM ${rollup(f, range, dim)} GROUP BY 1 ORDER BY 2 DESC`);
  }
  if (dim === 'criticality') {
    const r = await db.query<Record<string, number>>(
      sql`SELECT ${sums(CRIT_COLUMNS)} FROM ${rollup(f, range)}`,
    );
    return criticalityRows(r[0] ?? {});
  }
  const names = dim === 'channel' ? CHANNELS : STATUSES;
  const prefix = dim === 'channel' ? 'ch_' : 'st_';
  const r =
    (
      await db.query<Record<string, number>>(
        sql`SELECT ${sql.raw(names.map((n) => `sum(${prefix}${n})::int AS ${prefix}${n}`).join(', '))} FROM ${rollup(f, range)}`,
      )
    )[0] ?? {};
  return names
    .map((n) => zero(n, r[`${prefix}${n}`] ?? 0))
    .filter((x) => x.requests > 0)
    .sort((a, b) => b.requests - a.requests);
}

/** The rollup's split by criticality: requests, SLA met and breached, resolution count and time. */
const CRIT_COLUMNS = CRITICALITIES.flatMap((c) => [
  `n_${c}`,
  `met_${c}`,
  `breached_${c}`,
  `res_n_${c}`,
  `res_s_${c}`,
]);

/** Sums of rollup columns under their own names (0 over no rows). */
const sums = (columns: readonly string[]): SQL =>
  sql.raw(columns.map((c) => `COALESCE(sum(${c}), 0)::float8 AS ${c}`).join(', '));

/** What the overview shows, read in one statement (was six: a round trip each under load). */
export interface OverviewRow {
  /** The period's totals and splits: requests, sla_met, …, n_<criticality>, met_<…>, ch_<channel>. */
  current: Record<string, number>;
  previous_requests: number;
  last_year_requests: number;
  categories: { key: string; requests: number }[];
  previous_categories: { key: string; requests: number }[];
}

/**
 * The overview's statement (also what `komek explain` records): the period's totals, its split
 * by criticality and by channel (one pass over the rollup), the previous period's and last
 * year's totals, and requests by category now and in the previous period.
 */
export function overviewSql(
  f: Filter,
  previous: { from: string; to: string },
  lastYear: { from: string; to: string },
): SQL {
  const totals = [
    'requests',
    'sla_met',
    'sla_breached',
    'resolution_n',
    'resolution_seconds',
    'rating_n',
    'rating_sum',
    ...CRIT_COLUMNS,
    ...CHANNELS.map((c) => `ch_${c}`),
  ];
  const byCategory = (range?: { from: string; to: string }): SQL =>
    sql`(SELECT COALESCE(json_agg(json_build_object('key', key, 'requests', requests) ORDER BY requests DESC, key), '[]')
      FROM (SELECT category_code AS key, sum(requests)::int AS requests
        FROM ${rollup(f, range, 'category_code')} GROUP BY 1) AS c)`;
  return sql`SELECT (SELECT row_to_json(t) FROM (SELECT ${sums(totals)} FROM ${rollup(f)}) AS t) AS current,
    (SELECT COALESCE(sum(requests), 0)::int FROM ${rollup(f, previous)}) AS previous_requests,
    (SELECT COALESCE(sum(requests), 0)::int FROM ${rollup(f, lastYear)}) AS last_year_requests,
    ${byCategory()} AS categories,
    ${byCategory(previous)} AS previous_categories`;
}

export async function overviewFigures(
  db: Queryable,
  f: Filter,
  previous: { from: string; to: string },
  lastYear: { from: string; to: string },
): Promise<OverviewRow> {
  // On PGlite its generic plan: 1.7 ms a call at 1 M requests against 2.7 planned with the
  // values (4.1 unnamed).
  const [row] = await db.query<OverviewRow>(
    prepared('overview', overviewSql(f, previous, lastYear), { only: 'pglite' }),
  );
  if (!row) throw new Error('the overview statement returned no row');
  return row;
}

/** A criticality's row of the breakdown, from the overview's split columns. */
export function criticalityRows(t: Record<string, number>): BreakdownRow[] {
  return CRITICALITIES.map((c) => ({
    ...zero(c, t[`n_${c}`] ?? 0),
    resolved: t[`res_n_${c}`] ?? 0,
    sla_met: t[`met_${c}`] ?? 0,
    sla_breached: t[`breached_${c}`] ?? 0,
    resolution_n: t[`res_n_${c}`] ?? 0,
    resolution_seconds: t[`res_s_${c}`] ?? 0,
  }))
    .filter((x) => x.requests > 0)
    .sort((a, b) => b.requests - a.requests);
}

export async function seasonality(db: Queryable, f: Filter) {
  const byWeek = await db.query<{
    week: number;
    requests: number;
  }>(sql`SELECT extract(week FROM day)::int AS week, sum(${countExpr(f)})::int AS requests
    FROM ${dailyTable(f)} WHERE ${where(f)} GROUP BY 1 ORDER BY 1`);
  const byWeekday = await db.query<{
    weekday: number;
    requests: number;
  }>(sql`SELECT extract(isodow FROM day)::int AS weekday, sum(${countExpr(f)})::int AS requests
    FROM ${dailyTable(f)} WHERE ${where(f)} GROUP BY 1 ORDER BY 1`);
  return { byWeek, byWeekday };
}

/** Daily counts per category × district (the spike detector's input). */
export async function dailySeries(db: Queryable, f: Filter) {
  return db.query<{
    day: string;
    category_code: string;
    district_code: string;
    requests: number;
  }>(sql`SELECT day::text AS day, category_code, district_code,
      sum(requests)::int AS requests FROM request_rollup_daily WHERE ${where(f)} GROUP BY 1, 2, 3 ORDER BY 1`);
}
