import { sql } from 'drizzle-orm';
import { addDays, localDate } from '@komek/domain/time';
import { AppError } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import { requireStaff } from '../auth/policy.ts';
import {
  CHANNELS,
  countsByCategory,
  criticalityRows,
  overviewFigures,
  seasonality,
  volume,
  type BreakdownRow,
  type Bucket,
  type Filter,
} from './repository.ts';

export interface AnalyticsQuery {
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  district?: string | undefined;
  agency?: string | undefined;
  channel?: string | undefined;
  criticality?: string | undefined;
}

const split = (v?: string): string[] | undefined =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const DAY = 86_400_000;

/** Builds the filter: default the last 30 days; an executor sees only their agency. */
export function filterFor(deps: Pick<AppDeps, 'now' | 'config'>, actor: Actor, q: AnalyticsQuery): Filter {
  const staff = requireStaff(actor);
  const to = q.to ?? localDate(deps.now(), deps.config.cityTimeZone);
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw new AppError('validation_failed', '"from" must not be after "to"', { field: 'from' });
  if ((Date.parse(to) - Date.parse(from)) / DAY > 3660)
    throw new AppError('validation_failed', 'at most ten years at once', { field: 'from' });
  let agency = split(q.agency);
  if (staff.role === 'executor') agency = [staff.agencyCode ?? '-'];
  return {
    cityId: staff.cityId,
    from,
    to,
    category: split(q.category),
    district: split(q.district),
    agency,
    channel: split(q.channel),
    criticality: split(q.criticality),
  };
}

/** The period just before, of the same length, and the same period a year earlier. */
export function comparisonRanges(f: Filter) {
  const len = Math.round((Date.parse(f.to) - Date.parse(f.from)) / DAY) + 1;
  return {
    previous: { from: addDays(f.from, -len), to: addDays(f.from, -1) },
    lastYear: { from: addDays(f.from, -364), to: addDays(f.to, -364) },
  };
}

const pct = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);
const hours = (secs: number, n: number): number | null =>
  n > 0 ? Math.round((secs / n / 3600) * 10) / 10 : null;
/** The mean rating to two decimals (null without ratings). */
const satisfaction = (sum: number, n: number): number | null =>
  n > 0 ? Math.round((sum / n) * 100) / 100 : null;

/**
 * What a breakdown's rows can tell. The rollup keeps every measure by category, district and
 * agency; its criticality split has requests, SLA and resolution time only; its channel and status
 * splits count requests only. A measure a split does not keep is `null` ("not measured this way"),
 * never a made-up zero.
 */
export type Measures = 'all' | 'sla' | 'requests';

export const measuresOf = (dim: string): Measures =>
  dim === 'criticality' ? 'sla' : dim === 'channel' || dim === 'status' ? 'requests' : 'all';

export function presentBreakdown(rows: BreakdownRow[], measures: Measures = 'all') {
  const sla = measures !== 'requests';
  const all = measures === 'all';
  return rows.map((r) => ({
    key: r.key,
    requests: r.requests,
    resolved: sla ? r.resolved : null,
    slaCompliance: sla ? pct(r.sla_met, r.sla_met + r.sla_breached) : null,
    slaBreached: sla ? r.sla_breached : null,
    avgResolutionHours: sla ? hours(r.resolution_seconds, r.resolution_n) : null,
    avgFirstResponseHours: all ? hours(r.first_response_seconds, r.first_response_n) : null,
    resolutionBuckets: all
      ? {
          within24h: r.resolved_24h,
          within72h: r.resolved_72h,
          within10d: r.resolved_10d,
          later: r.resolved - r.resolved_10d,
        }
      : null,
    satisfaction: all ? satisfaction(r.rating_sum, r.rating_n) : null,
  }));
}

export async function overview(deps: Pick<AppDeps, 'readDb'>, f: Filter) {
  const { previous, lastYear } = comparisonRanges(f);
  const o = await overviewFigures(deps.readDb, f, previous, lastYear);
  const t = o.current;
  const n = (k: string): number => t[k] ?? 0;
  const prevByKey = new Map(o.previous_categories.map((r) => [r.key, r.requests]));
  return {
    range: { from: f.from, to: f.to },
    requests: n('requests'),
    previousPeriod: o.previous_requests,
    sameTimeLastYear: o.last_year_requests,
    slaCompliance: pct(n('sla_met'), n('sla_met') + n('sla_breached')),
    avgResolutionHours: hours(n('resolution_seconds'), n('resolution_n')),
    satisfaction: satisfaction(n('rating_sum'), n('rating_n')),
    byCriticality: presentBreakdown(criticalityRows(t), 'sla'),
    channels: CHANNELS.map((c) => ({ channel: c, requests: n(`ch_${c}`) }))
      .filter((c) => c.requests > 0)
      .sort((a, b) => b.requests - a.requests),
    topCategories: o.categories
      .slice(0, 10)
      .map((c) => ({ category: c.key, requests: c.requests, previous: prevByKey.get(c.key) ?? 0 })),
  };
}

/** Categories growing the most against the previous period of the same length (at least `minCount` now). */
export async function rising(deps: Pick<AppDeps, 'readDb'>, f: Filter, minCount = 5) {
  const { previous } = comparisonRanges(f);
  const [cur, prev] = await Promise.all([
    countsByCategory(deps.readDb, f),
    countsByCategory(deps.readDb, f, previous),
  ]);
  const p = new Map(prev.map((r) => [r.key, r.requests]));
  return cur
    .filter((r) => r.key && r.requests >= minCount)
    .map((r) => {
      const before = p.get(r.key) ?? 0;
      return {
        category: r.key,
        requests: r.requests,
        previous: before,
        growth: before > 0 ? Math.round(((r.requests - before) / before) * 1000) / 10 : null,
      };
    })
    .sort((a, b) => (b.growth ?? 1e9) - (a.growth ?? 1e9));
}

export async function volumeWithLastYear(deps: Pick<AppDeps, 'readDb'>, f: Filter, bucket: Bucket) {
  const { lastYear } = comparisonRanges(f);
  const [series, ly] = await Promise.all([
    volume(deps.readDb, f, bucket),
    volume(deps.readDb, f, bucket, lastYear),
  ]);
  return { bucket, series, lastYear: ly };
}

export { seasonality };

/** Deferred requests for the akimat's budget planning, with the repeats each one drew. */
export async function backlog(deps: Pick<AppDeps, 'readDb'>, f: Filter, plannedYear?: number) {
  const rows = await deps.readDb.query<{
    planned_year: number;
    category_code: string;
    district_code: string | null;
    agency_code: string | null;
    requests: number;
    repeats: number;
    oldest: Date;
  }>(sql`
    SELECT d.planned_year, d.category_code, d.district_code, d.agency_code, count(*)::int AS requests,
      COALESCE(sum(d.repeats), 0)::int AS repeats, min(d.created_at) AS oldest
    FROM requests d
    WHERE d.city_id = ${f.cityId} AND d.status = 'deferred' ${plannedYear ? sql`AND d.planned_year = ${plannedYear}` : sql``}
      ${
        f.category?.length
          ? sql`AND d.category_code IN (${sql.join(
              f.category.map((c) => sql`${c}`),
              sql`, `,
            )})`
          : sql``
      }
      ${
        f.district?.length
          ? sql`AND d.district_code IN (${sql.join(
              f.district.map((c) => sql`${c}`),
              sql`, `,
            )})`
          : sql``
      }
      ${
        f.agency?.length
          ? sql`AND d.agency_code IN (${sql.join(
              f.agency.map((c) => sql`${c}`),
              sql`, `,
            )})`
          : sql``
      }
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 5 DESC`);
  return rows.map((r) => ({
    plannedYear: r.planned_year,
    category: r.category_code,
    district: r.district_code,
    agency: r.agency_code,
    requests: r.requests,
    repeats: r.repeats,
    oldest: r.oldest.toISOString(),
  }));
}
