import { Type } from '@sinclair/typebox';
import { csvLine } from '@komek/domain/csv';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { byDimension, seasonality } from './repository.ts';
import { today } from './today.ts';
import {
  backlog,
  filterFor,
  measuresOf,
  overview,
  presentBreakdown,
  rising,
  volumeWithLastYear,
} from './service.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (city time)' });
const Q = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  category: Type.Optional(Type.String({ maxLength: 500 })),
  district: Type.Optional(Type.String({ maxLength: 500 })),
  agency: Type.Optional(Type.String({ maxLength: 500 })),
  channel: Type.Optional(Type.String({ maxLength: 200 })),
  criticality: Type.Optional(Type.String({ maxLength: 200 })),
};
const Any = Type.Unknown();

export function analyticsRoutes(app: App, deps: AppDeps): void {
  const base = { tags: ['analytics'], response: { 200: Any, ...errors(400, 401, 403) } };
  app.get(
    '/api/v1/analytics/overview',
    {
      schema: {
        ...base,
        summary:
          'Totals, SLA compliance, satisfaction, channel mix and top categories against the previous period and last year',
        querystring: Type.Object(Q),
      },
    },
    async (req) => overview(deps, filterFor(deps, req.actor, req.query)),
  );
  app.get(
    '/api/v1/analytics/today',
    {
      schema: {
        ...base,
        summary: 'Incoming by hour today and yesterday; open, overdue and at-risk requests by agency',
      },
    },
    async (req) => {
      const f = filterFor(deps, req.actor, {});
      return today(deps.readDb, {
        cityId: f.cityId,
        timeZone: deps.config.cityTimeZone,
        now: deps.now(),
        agency: f.agency,
      });
    },
  );
  app.get(
    '/api/v1/analytics/volume',
    {
      schema: {
        ...base,
        summary: 'Volume over time with the same period last year',
        querystring: Type.Object({
          ...Q,
          bucket: Type.Optional(
            Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
          ),
        }),
      },
    },
    async (req) => volumeWithLastYear(deps, filterFor(deps, req.actor, req.query), req.query.bucket ?? 'day'),
  );
  app.get(
    '/api/v1/analytics/breakdown',
    {
      schema: {
        ...base,
        summary: 'Requests, SLA compliance, resolution-time distribution and satisfaction by a dimension',
        description:
          'Category, district and agency rows have every measure. Criticality rows have requests, SLA and resolution time; channel and status rows count requests only: the other measures are null there (not kept by that split), not zero.',
        querystring: Type.Object({
          ...Q,
          by: Type.Union(
            ['category', 'district', 'agency', 'channel', 'criticality', 'status'].map((d) =>
              Type.Literal(d),
            ),
          ),
        }),
      },
    },
    async (req) => {
      const col =
        ({ category: 'category_code', district: 'district_code', agency: 'agency_code' } as const)[
          req.query.by as 'category'
        ] ?? (req.query.by as 'channel');
      return {
        by: req.query.by,
        rows: presentBreakdown(
          await byDimension(deps.readDb, filterFor(deps, req.actor, req.query), col),
          measuresOf(req.query.by),
        ),
      };
    },
  );
  app.get(
    '/api/v1/analytics/rising',
    {
      schema: {
        ...base,
        summary: 'Rising topics: growth against the previous period of the same length',
        querystring: Type.Object(Q),
      },
    },
    async (req) => ({
      rows: await rising(deps, filterFor(deps, req.actor, req.query)),
    }),
  );
  app.get(
    '/api/v1/analytics/seasonality',
    {
      schema: {
        ...base,
        summary: 'Seasonality profile by week of year and day of week',
        querystring: Type.Object(Q),
      },
    },
    async (req) => seasonality(deps.readDb, filterFor(deps, req.actor, req.query)),
  );
  app.get(
    '/api/v1/analytics/backlog',
    {
      schema: {
        ...base,
        summary:
          'Deferred requests (no budget this year) by planned year, category, district and agency, with their repeats',
        querystring: Type.Object({
          ...Q,
          plannedYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
        }),
      },
    },
    async (req, reply) => {
      const rows = await backlog(deps, filterFor(deps, req.actor, req.query), req.query.plannedYear);
      if (req.query.format !== 'csv') return { rows };
      const cols = [
        'plannedYear',
        'category',
        'district',
        'agency',
        'requests',
        'repeats',
        'oldest',
      ] as const;
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="backlog.csv"');
      return reply.send(csvLine(cols) + rows.map((r) => csvLine(cols.map((c) => r[c]))).join(''));
    },
  );
}
