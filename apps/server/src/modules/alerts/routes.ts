import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { AppError } from '../../errors.ts';
import { READ_ALL, requireStaff } from '../auth/policy.ts';
import { listAlerts } from './service.ts';

export function alertRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/alerts',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Spike alerts: unusual volume of a category in a district, with a link to its requests',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('dismissed')]),
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(401, 403) },
      },
    },
    async (req) => ({
      items: await listAlerts(deps.db, requireStaff(req.actor, READ_ALL).cityId, req.query.status),
    }),
  );
  app.post(
    '/api/v1/alerts/:id',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Acknowledges or dismisses an alert (supervisor)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          { status: Type.Union([Type.Literal('acknowledged'), Type.Literal('dismissed')]) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.Number(), status: Type.String() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor, ['supervisor', 'admin']);
      const r = await deps.db.query(
        sql`UPDATE alerts SET status = ${req.body.status}, updated_at = now() WHERE city_id = ${staff.cityId} AND id = ${req.params.id} RETURNING id`,
      );
      if (!r.length) throw new AppError('not_found', 'alert not found');
      return { id: req.params.id, status: req.body.status };
    },
  );
}
