import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { READ_ALL, requireStaff } from '../auth/policy.ts';
import { closeIncident, listIncidents } from './service.ts';

export function incidentRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Mass incidents (bursts of one problem in one area) with their request counts',
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor, [...READ_ALL, 'executor']);
      return { items: await listIncidents(deps, staff.cityId, req.query.status) };
    },
  );
  app.post(
    '/api/v1/incidents/:id/close',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Closes an incident and resolves its open requests with one public answer',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          { answer: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.Number(), resolved: Type.Number() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) =>
      closeIncident(
        deps,
        requireStaff(req.actor, ['supervisor', 'admin', 'operator']),
        req.params.id,
        req.body.answer,
      ),
  );
}
