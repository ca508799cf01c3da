/**
 * The panel's "now": incoming by hour today against yesterday, and the open work by agency with
 * what is overdue or at risk. Reads the raw requests, but only today's and the open ones, through
 * indexes (`requests_created`, `requests_open_agency`): a few thousand rows whatever the history.
 */
import { sql } from 'drizzle-orm';
import { addDays, localDate } from '@komek/domain/time';
import type { Queryable } from '../../db/client.ts';

const OPEN = sql`('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened')`;

export interface Today {
  day: string;
  byHour: number[];
  yesterdayByHour: number[];
  open: number;
  overdue: number;
  atRisk: number;
  openByAgency: { agency: string; open: number; overdue: number; atRisk: number }[];
}

export async function today(
  db: Queryable,
  o: { cityId: string; timeZone: string; now: Date; agency?: string[] | undefined },
): Promise<Today> {
  const day = localDate(o.now, o.timeZone);
  const yesterday = addDays(day, -1);
  const agencyFilter = o.agency?.length
    ? sql`AND agency_code IN (${sql.join(
        o.agency.map((a) => sql`${a}`),
        sql`, `,
      )})`
    : sql``;
  const [hours, open] = await Promise.all([
    db.query<{ d: string; h: number; n: number }>(sql`
      SELECT (created_at AT TIME ZONE ${o.timeZone})::date::text AS d,
        extract(hour FROM created_at AT TIME ZONE ${o.timeZone})::int AS h, count(*)::int AS n
      FROM requests
      WHERE city_id = ${o.cityId} AND created_at >= (${yesterday}::date)::timestamp AT TIME ZONE ${o.timeZone}
        AND created_at <= ${o.now} ${agencyFilter}
      GROUP BY 1, 2`),
    db.query<{ agency: string; open: number; overdue: number; at_risk: number }>(sql`
      SELECT COALESCE(agency_code, '') AS agency, count(*)::int AS open,
        count(*) FILTER (WHERE due_at < ${o.now})::int AS overdue,
        count(*) FILTER (WHERE due_at >= ${o.now} AND due_at < ${new Date(o.now.getTime() + 4 * 3_600_000)})::int AS at_risk
      FROM requests
      WHERE city_id = ${o.cityId} AND status IN ${OPEN} ${agencyFilter}
      GROUP BY 1 ORDER BY 2 DESC`),
  ]);
  const byHour = Array.from({ length: 24 }, () => 0);
  const yesterdayByHour = Array.from({ length: 24 }, () => 0);
  for (const r of hours) (r.d === day ? byHour : yesterdayByHour)[r.h] = r.n;
  return {
    day,
    byHour,
    yesterdayByHour,
    open: open.reduce((a, r) => a + r.open, 0),
    overdue: open.reduce((a, r) => a + r.overdue, 0),
    atRisk: open.reduce((a, r) => a + r.at_risk, 0),
    openByAgency: open.map((r) => ({
      agency: r.agency,
      open: r.open,
      overdue: r.overdue,
      atRisk: r.at_risk,
    })),
  };
}
