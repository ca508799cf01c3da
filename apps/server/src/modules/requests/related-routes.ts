/**
 * `GET /api/v1/requests/{number}/related` (staff): what the request page shows next to a
 * request — the request it duplicates, its duplicates, its mass incident, and its repeats (the
 * same category at the same place, geo cell, within a year either side). Numbers and statuses
 * only: no personal data of the other requests.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors, RequestNumber } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';
import { readableRequest } from './workflow.ts';

const Brief = Type.Object({
  number: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  text: Type.String(),
});
const Nullable = <T extends ReturnType<typeof Type.Object>>(t: T) => Type.Union([t, Type.Null()]);
const YEAR_MS = 365 * 86_400_000;

interface BriefRow {
  number: string;
  status: string;
  created_at: Date;
  text: string;
}
const brief = (r: BriefRow) => ({
  number: r.number,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  text: r.text.slice(0, 160),
});

export function relatedRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/requests/:number/related',
    {
      schema: {
        tags: ['requests'],
        summary: 'The request it duplicates, its duplicates, its mass incident and its repeats',
        params: Type.Object({ number: RequestNumber }),
        response: {
          200: Type.Object({
            parent: Nullable(Brief),
            duplicates: Type.Array(Brief),
            incident: Nullable(
              Type.Object({
                id: Type.Integer(),
                title: Type.String(),
                status: Type.String(),
                requests: Type.Integer(),
                openRequests: Type.Integer(),
              }),
            ),
            repeats: Type.Array(Brief),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => {
      const me = requireStaff(req.actor);
      const r = await readableRequest(deps, req.actor, req.params.number);
      const [place] = await deps.db.query<{ geo_cell: number | null; incident_id: number | null }>(
        sql`SELECT geo_cell, incident_id FROM requests WHERE city_id = ${me.cityId} AND id = ${r.id}`,
      );
      const cols = sql`number, status, created_at, text`;
      const [parent, duplicates, incident, repeats] = await Promise.all([
        r.duplicate_of
          ? deps.db.query<BriefRow>(
              sql`SELECT ${cols} FROM requests WHERE city_id = ${me.cityId} AND id = ${r.duplicate_of}`,
            )
          : Promise.resolve([]),
        deps.db
          .query<BriefRow>(sql`SELECT ${cols} FROM requests WHERE city_id = ${me.cityId} AND duplicate_of = ${r.id}
          ORDER BY created_at DESC LIMIT 50`),
        place?.incident_id
          ? deps.db.query<{
              id: number;
              title: string;
              status: string;
              requests: number;
              open_requests: number;
            }>(sql`
              SELECT i.id, i.title, i.status, count(q.id)::int AS requests,
                count(q.id) FILTER (WHERE q.status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened'))::int AS open_requests
              FROM incidents i LEFT JOIN requests q ON q.city_id = i.city_id AND q.incident_id = i.id
              WHERE i.city_id = ${me.cityId} AND i.id = ${place.incident_id} GROUP BY i.id`)
          : Promise.resolve([]),
        place?.geo_cell != null && r.category_code
          ? deps.db.query<BriefRow>(sql`SELECT ${cols} FROM requests
              WHERE city_id = ${me.cityId} AND geo_cell = ${place.geo_cell} AND category_code = ${r.category_code}
                AND id <> ${r.id} AND created_at BETWEEN ${new Date(r.created_at.getTime() - YEAR_MS)}
                AND ${new Date(r.created_at.getTime() + YEAR_MS)}
                AND (duplicate_of IS DISTINCT FROM ${r.id}) AND id IS DISTINCT FROM ${r.duplicate_of}
              ORDER BY created_at DESC LIMIT 10`)
          : Promise.resolve([]),
      ]);
      const inc = incident[0];
      return {
        parent: parent[0] ? brief(parent[0]) : null,
        duplicates: duplicates.map(brief),
        incident: inc
          ? {
              id: inc.id,
              title: inc.title,
              status: inc.status,
              requests: inc.requests,
              openRequests: inc.open_requests,
            }
          : null,
        repeats: repeats.map(brief),
      };
    },
  );
}
