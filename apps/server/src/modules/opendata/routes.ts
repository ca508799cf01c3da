/**
 * Open data, as cities publish for 311: monthly statistics by category and district (from the
 * rollups) and every request anonymised — no text, no address, no names or phones, the place
 * snapped to a ~500 m grid and the time to the hour. Public, cacheable, read from the replica.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { badRequest } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import type { Cell } from '../../lib/table-writer.ts';
import { streamTable } from '../exports/stream.ts';

const GRID = 0.005; // degrees: ≈ 550 m north–south, 350 m east–west at Astana's latitude
const MONTH = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const DAY = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const LICENSE = 'CC BY 4.0';

const MonthlyRow = Type.Object({
  month: Type.String(),
  category: Type.String(),
  district: Type.String(),
  requests: Type.Integer(),
  resolved: Type.Integer(),
  slaMet: Type.Integer(),
  slaBreached: Type.Integer(),
  avgResolutionHours: Type.Union([Type.Number(), Type.Null()]),
  avgRating: Type.Union([Type.Number(), Type.Null()]),
});

const REQUEST_COLUMNS = [
  'number',
  'created_hour',
  'category',
  'district',
  'channel',
  'criticality',
  'status',
  'closed_day',
  'lat_grid',
  'lon_grid',
];

interface AnonRow {
  id: number;
  number: string;
  created_at: Date;
  category_code: string | null;
  district_code: string | null;
  channel: string;
  criticality: string;
  status: string;
  closed_at: Date | null;
  lat: number | null;
  lon: number | null;
}

const snap = (v: number | null): number | null =>
  v === null ? null : Math.round((Math.floor(v / GRID) + 0.5) * GRID * 1e4) / 1e4;

export function openDataRoutes(app: App, deps: AppDeps): void {
  const tags = ['open data'];

  app.get(
    '/api/v1/open-data',
    {
      schema: {
        tags,
        summary: 'The datasets published as open data, their fields and licence',
        response: {
          200: Type.Object({
            license: Type.String(),
            datasets: Type.Array(
              Type.Object({
                name: Type.String(),
                url: Type.String(),
                formats: Type.Array(Type.String()),
                fields: Type.Array(Type.String()),
                note: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (_req, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return {
        license: LICENSE,
        datasets: [
          {
            name: 'monthly',
            url: '/api/v1/open-data/monthly',
            formats: ['json', 'csv'],
            fields: [
              'month',
              'category',
              'district',
              'requests',
              'resolved',
              'slaMet',
              'slaBreached',
              'avgResolutionHours',
              'avgRating',
            ],
            note: 'requests by month, category and district, with SLA results, resolution time and residents’ ratings',
          },
          {
            name: 'requests',
            url: '/api/v1/open-data/requests',
            formats: ['csv', 'xlsx'],
            fields: REQUEST_COLUMNS,
            note: 'every request, anonymised: no text, address, name or phone; time to the hour; place snapped to a 0.005° grid',
          },
        ],
      };
    },
  );

  app.get(
    '/api/v1/open-data/monthly',
    {
      schema: {
        tags,
        summary: 'Requests by month × category × district (aggregates only)',
        querystring: Type.Object(
          {
            from: Type.Optional(MONTH),
            to: Type.Optional(MONTH),
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ license: Type.String(), rows: Type.Array(MonthlyRow) }),
          ...errors(400),
        },
      },
    },
    async (req, reply) => {
      const cityId = req.actor.cityId;
      const to = req.query.to ?? deps.now().toISOString().slice(0, 7);
      const from = req.query.from ?? `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}`;
      if (from > to) throw badRequest('from is after to', { from, to });
      const rows = await deps.readDb.query<{
        month: string;
        category: string;
        district: string;
        requests: number;
        resolved: number;
        sla_met: number;
        sla_breached: number;
        res_n: number;
        res_s: number;
        rating_n: number;
        rating_sum: number;
      }>(sql`
        SELECT to_char(day, 'YYYY-MM') AS month, category_code AS category, district_code AS district,
          sum(requests)::int AS requests, sum(resolved)::int AS resolved, sum(sla_met)::int AS sla_met,
          sum(sla_breached)::int AS sla_breached, sum(resolution_n)::int AS res_n, sum(resolution_seconds)::float8 AS res_s,
          sum(rating_n)::int AS rating_n, sum(rating_sum)::int AS rating_sum
        FROM request_rollup_monthly
        WHERE city_id = ${cityId} AND day >= ${`${from}-01`}::date AND day < (${`${to}-01`}::date + interval '1 month')
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
      const out = rows.map((r) => ({
        month: r.month,
        category: r.category,
        district: r.district,
        requests: r.requests,
        resolved: r.resolved,
        slaMet: r.sla_met,
        slaBreached: r.sla_breached,
        avgResolutionHours: r.res_n ? Math.round((r.res_s / r.res_n / 3600) * 10) / 10 : null,
        avgRating: r.rating_n ? Math.round((r.rating_sum / r.rating_n) * 100) / 100 : null,
      }));
      void reply.header('cache-control', 'public, max-age=300');
      if (req.query.format === 'csv') {
        const keys = Object.keys(MonthlyRow.properties) as (keyof (typeof out)[number])[];
        const lines = [keys.join(','), ...out.map((r) => keys.map((k) => r[k] ?? '').join(','))];
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="komek-monthly-${from}-${to}.csv"`)
          .send((lines.join('\r\n') + '\r\n') as never);
      }
      return { license: LICENSE, rows: out };
    },
  );

  app.get(
    '/api/v1/open-data/requests',
    {
      schema: {
        tags,
        summary: 'Every request in a period, anonymised (CSV or XLSX, streamed)',
        querystring: Type.Object(
          {
            from: Type.Optional(DAY),
            to: Type.Optional(DAY),
            category: Type.Optional(Type.String({ pattern: '^[a-z0-9_.-]{1,60}$' })),
            format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
          },
          { additionalProperties: false },
        ),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.String({ description: 'the file' }), ...errors(400) },
      },
    },
    async (req, reply) => {
      const cityId = req.actor.cityId;
      const now = deps.now();
      const to = req.query.to ? new Date(`${req.query.to}T00:00:00Z`) : now;
      const from = req.query.from
        ? new Date(`${req.query.from}T00:00:00Z`)
        : new Date(to.getTime() - 90 * 86_400_000);
      if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw badRequest('not a date');
      if (from > to) throw badRequest('from is after to');
      if (to.getTime() - from.getTime() > 3 * 366 * 86_400_000)
        throw badRequest('at most three years at a time');
      const end = req.query.to ? new Date(to.getTime() + 86_400_000) : to;
      const category = req.query.category;
      let after: { createdAt: Date; id: number } | undefined;
      const pages = async function* (): AsyncGenerator<Cell[][]> {
        for (;;) {
          const rows = await deps.readDb.query<AnonRow>(sql`
            SELECT id, number, created_at, category_code, district_code, channel, criticality, status, closed_at, lat, lon
            FROM requests WHERE city_id = ${cityId} AND created_at >= ${from} AND created_at < ${end}
              ${category ? sql`AND category_code = ${category}` : sql``}
              ${after ? sql`AND (created_at, id) > (${after.createdAt}, ${after.id})` : sql``}
            ORDER BY created_at, id LIMIT 2000`);
          if (!rows.length) return;
          yield rows.map((r) => [
            r.number,
            `${r.created_at.toISOString().slice(0, 13)}:00Z`,
            r.category_code,
            r.district_code,
            r.channel,
            r.criticality,
            r.status,
            r.closed_at ? r.closed_at.toISOString().slice(0, 10) : null,
            snap(r.lat),
            snap(r.lon),
          ]);
          const last = rows[rows.length - 1] as AnonRow;
          after = { createdAt: last.created_at, id: last.id };
          if (rows.length < 2000) return;
        }
      };
      return streamTable(req, reply, {
        format: req.query.format ?? 'csv',
        header: REQUEST_COLUMNS,
        filename: `komek-requests-${from.toISOString().slice(0, 10)}-${end.toISOString().slice(0, 10)}`,
        sheetName: 'Requests',
        pages: pages(),
        cacheControl: 'public, max-age=300',
      });
    },
  );
}
