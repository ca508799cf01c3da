/**
 * The Open311 request list's statement (`GET /open311/v2/requests`, and `komek explain`'s record
 * of it): only the public columns, the client's filters, newest first, one page.
 */
import { sql, type SQL } from 'drizzle-orm';
import { inMonths, monthRanges } from '../requests/ids.ts';
import type { RequestRow } from '../requests/repository.ts';

/** Our statuses that Open311 calls closed. */
export const CLOSED = new Set(['resolved', 'closed', 'rejected', 'duplicate']);

/** What a public request shows: no resident, no address, no internal notes. */
export type PublicRow = Pick<
  RequestRow,
  | 'number'
  | 'status'
  | 'status_reason'
  | 'category_code'
  | 'text'
  | 'agency_code'
  | 'created_at'
  | 'updated_at'
  | 'due_at'
  | 'lat'
  | 'lon'
  | 'channel'
>;
const PUBLIC_COLUMNS = sql`number, status, status_reason, category_code, text, channel, agency_code, created_at, updated_at, due_at, lat, lon`;

export interface ListFilters {
  serviceCodes?: string[] | undefined;
  status?: 'open' | 'closed' | undefined;
  updatedAfter?: Date | undefined;
  updatedBefore?: Date | undefined;
}

function conditions(f: ListFilters): SQL {
  const closed = sql.join(
    [...CLOSED].map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`${
    f.serviceCodes?.length
      ? sql`AND category_code IN (${sql.join(
          f.serviceCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`
      : sql``
  }
    ${f.status === 'open' ? sql`AND status NOT IN (${closed})` : f.status === 'closed' ? sql`AND status IN (${closed})` : sql``}
    ${f.updatedAfter ? sql`AND updated_at > ${f.updatedAfter}` : sql``}
    ${f.updatedBefore ? sql`AND updated_at < ${f.updatedBefore}` : sql``}`;
}

/**
 * A page of the list, by request ids or by a time range. By time, each month of the range is
 * read on its own, its partition's (city_id, created_at, id) index backwards, stopping at the
 * page's last row: one statement over the range would sort every request of those months
 * (≈ 60 k in 90 days at 1 M requests) to return a thousand. Ranges of years (an export) are one
 * statement over the months.
 */
export function publicListQuery(
  o: { cityId: string; filters: ListFilters; pageSize: number; offset: number } & (
    { ids: number[] } | { start: Date; end: Date }
  ),
): SQL {
  const order = sql`ORDER BY created_at DESC, id DESC`;
  const page = sql`${order} LIMIT ${o.pageSize} OFFSET ${o.offset}`;
  const filters = conditions(o.filters);
  if ('ids' in o)
    return sql`SELECT ${PUBLIC_COLUMNS} FROM requests
      WHERE city_id = ${o.cityId} AND id = ANY(${sql.param(o.ids)}::bigint[]) ${filters} ${page}`;
  const months = monthRanges(o.start, o.end);
  const where = sql`city_id = ${o.cityId} AND created_at >= ${o.start} AND created_at <= ${o.end} ${filters}`;
  if (months.length > 37)
    return sql`SELECT ${PUBLIC_COLUMNS} FROM requests WHERE ${where} AND ${inMonths(sql`id`, o.start, o.end)} ${page}`;
  return sql`SELECT ${PUBLIC_COLUMNS} FROM (${sql.join(
    months.map(
      (m) => sql`(SELECT ${PUBLIC_COLUMNS}, id FROM requests WHERE ${where} AND id >= ${m.lo} AND id < ${m.hi}
        ${order} LIMIT ${o.offset + o.pageSize})`,
    ),
    sql` UNION ALL `,
  )}) m ${page}`;
}
