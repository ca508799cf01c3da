/**
 * Requests as points for the console map. Lean: each point is [lat, lon, number, status,
 * criticality] so 20,000 of them stay well under a megabyte. Executors see their agency only.
 */
import { Type } from '@sinclair/typebox';
import { forbidden } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { READ_ALL, requireStaff } from '../auth/policy.ts';
import { listMapPoints } from './repository.ts';

/** The most points one answer carries; `truncated` says when more matched. */
export const MAP_POINT_CAP = 20_000;

const csv = (desc: string) =>
  Type.Optional(Type.String({ maxLength: 500, description: `${desc}; several separated by commas` }));

const MapQuery = Type.Object(
  {
    status: csv('status'),
    category: csv('category code'),
    agency: csv('agency code'),
    district: csv('district code'),
    criticality: csv('criticality'),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAP_POINT_CAP, default: MAP_POINT_CAP })),
  },
  { additionalProperties: false },
);

const MapPoints = Type.Object({
  points: Type.Array(
    Type.Tuple([Type.Number(), Type.Number(), Type.String(), Type.String(), Type.String()]),
    { description: '[lat, lon, request number, status, criticality], newest first' },
  ),
  truncated: Type.Boolean({ description: 'more requests matched than were returned' }),
});

const split = (v?: string): string[] | undefined =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

export function mapRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/map/points',
    {
      schema: {
        tags: ['requests'],
        summary: 'Located requests for the console map, with the queue filters (staff)',
        querystring: MapQuery,
        response: { 200: MapPoints, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor);
      const q = req.query;
      let agency = split(q.agency);
      if (!READ_ALL.includes(staff.role)) {
        if (staff.role !== 'executor' || !staff.agencyCode)
          throw forbidden('your role does not read requests');
        if (agency && agency.some((a) => a !== staff.agencyCode))
          throw forbidden('an executor sees their own agency only');
        agency = [staff.agencyCode];
      }
      const limit = q.limit ?? MAP_POINT_CAP;
      const rows = await listMapPoints(deps.readDb, {
        cityId: staff.cityId,
        status: split(q.status),
        category: split(q.category),
        agency,
        district: split(q.district),
        criticality: split(q.criticality),
        limit: limit + 1,
      });
      return {
        points: rows
          .slice(0, limit)
          .map(
            (r) =>
              [r.lat, r.lon, r.number, r.status, r.criticality] as [number, number, string, string, string],
          ),
        truncated: rows.length > limit,
      };
    },
  );
}
