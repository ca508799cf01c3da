/**
 * Duplicate candidates at intake: open requests nearby (the category's radius), recent, of the
 * same or a related category, with similar words. The query is index-driven (geo cell + time +
 * city first, text similarity last) and the ranking explains itself: distance, time, text.
 */
import { sql, type SQL } from 'drizzle-orm';
import { prepared } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import { candidateScore } from '@komek/domain/candidates';
import { cellsAround, haversineM } from '../../lib/geo.ts';
import { getCatalog } from '../catalog/cache.ts';
import { monthRanges } from '../requests/ids.ts';

export interface CandidateInput {
  text: string;
  lat: number;
  lon: number;
  category?: string | undefined;
  windowDays?: number | undefined;
  exclude?: string | undefined;
}

interface Row {
  number: string;
  category_code: string | null;
  status: string;
  lat: number;
  lon: number;
  created_at: Date;
  text: string;
  text_similarity: number;
  incident_id: number | null;
}

/** Newest open requests read per geo cell (the search reads at most cells × PER_CELL rows). */
const PER_CELL = 40;
const OPEN = sql`('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened')`;

/**
 * The candidate search's statement (also what `komek explain` records): open requests within
 * `radius` metres of the point, created since `since`, of the related categories (none: any).
 */
export function candidatesSql(p: {
  cityId: string;
  text: string;
  lat: number;
  lon: number;
  radius: number;
  related: readonly string[];
  since: Date;
  now: Date;
  exclude?: string | undefined;
}): SQL {
  const cells = cellsAround(p.lat, p.lon, p.radius);
  // Index-driven: per geo cell and per month the newest open requests within the radius (a
  // backward scan of one partition's requests_open_candidates, at most PER_CELL each: a mass
  // incident can hold thousands in one cell), then the newest PER_CELL of the cell, the newest 200
  // of those, and text similarity last, on those rows only. The radius is checked in the scan (a
  // flat-earth distance, 1 % generous; haversine decides in findCandidates): the cells cover a
  // square around the circle, and the per-cell limit and the similarity would otherwise be spent
  // on rows in its corners.
  const mLat = 111_320;
  const mLon = 111_320 * Math.cos((p.lat * Math.PI) / 180);
  const near = sql`(lat - ${p.lat}) * (lat - ${p.lat}) * ${mLat * mLat} + (lon - ${p.lon}) * (lon - ${p.lon}) * ${mLon * mLon} <= ${(p.radius * 1.01) ** 2}`;
  const filters = sql`city_id = ${p.cityId} AND geo_cell = c.cell AND created_at >= ${p.since} AND status IN ${OPEN} AND ${near}
    ${p.related.length ? sql`AND category_code = ANY(${sql.param([...p.related])}::text[])` : sql``}
    ${p.exclude ? sql`AND number <> ${p.exclude}` : sql``}`;
  const perMonth = monthRanges(p.since, p.now).map(
    (m) => sql`(SELECT number, category_code, status, lat, lon, created_at, text, incident_id FROM requests
      WHERE ${filters} AND id >= ${m.lo} AND id < ${m.hi} ORDER BY created_at DESC LIMIT ${PER_CELL})`,
  );
  return sql`
    SELECT *, similarity(text, ${p.text}) AS text_similarity FROM (
      SELECT r.* FROM unnest(${sql.param(cells)}::bigint[]) AS c(cell)
      CROSS JOIN LATERAL (
        SELECT * FROM (${sql.join(perMonth, sql` UNION ALL `)}) AS m ORDER BY created_at DESC LIMIT ${PER_CELL}
      ) AS r
      ORDER BY r.created_at DESC
      LIMIT 200) AS recent`;
}

export async function findCandidates(
  deps: Pick<AppDeps, 'db' | 'now'>,
  cityId: string,
  input: CandidateInput,
  limit = 5,
) {
  const catalog = await getCatalog(deps.db, cityId);
  if (!catalog) throw new AppError('not_found', 'unknown city');
  const category = input.category ? catalog.categories.get(input.category) : undefined;
  if (input.category && !category)
    throw new AppError('validation_failed', `unknown category "${input.category}"`, { field: 'category' });
  const radius = category?.duplicate_radius_m ?? 300;
  const windowDays = input.windowDays ?? 30;
  const since = new Date(deps.now().getTime() - windowDays * 86_400_000);
  // Related = the same parent group ('roads.pothole' ~ 'roads.sidewalk').
  const group = category?.parent_code ?? category?.code;
  const related = group
    ? [...catalog.categories.values()]
        .filter((c) => c.code === group || c.parent_code === group)
        .map((c) => c.code)
    : [];
  // Prepared: the statement's shape depends only on the months searched and on whether there are
  // related categories or an excluded request (cells and categories are array parameters), so
  // each shape is planned once per connection (its generic plan prunes the months at run time)
  // instead of on every call (≈ 1 ms of planning at 10 M, more than the search itself).
  const rows = await deps.db.query<Row>(
    prepared('candidates', candidatesSql({ cityId, ...input, radius, related, since, now: deps.now() })),
  );
  const now = deps.now().getTime();
  return rows
    .map((r) => {
      const distanceM = haversineM(input.lat, input.lon, r.lat, r.lon);
      const hours = (now - r.created_at.getTime()) / 3_600_000;
      const same = Boolean(category && r.category_code === category.code);
      const score = candidateScore(
        { distanceM, hoursAgo: hours, textSimilarity: r.text_similarity, sameCategory: same },
        { radiusM: radius, windowDays },
      );
      return {
        number: r.number,
        category: r.category_code,
        status: r.status,
        incidentId: r.incident_id,
        score: Math.round(score * 1000) / 1000,
        reasons: {
          distanceM: Math.round(distanceM),
          hoursAgo: Math.round(hours * 10) / 10,
          textSimilarity: Math.round(r.text_similarity * 100) / 100,
          sameCategory: same,
        },
        text: r.text.slice(0, 200),
      };
    })
    .filter((c) => c.reasons.distanceM <= radius)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
