import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/context.ts';
import type { ResidentActor } from '../auth/policy.ts';
import { deleteResident, exportResidentData } from './service.ts';

function requireResident(a: Actor): ResidentActor {
  if (a.kind === 'anonymous') throw new AppError('unauthorized', 'sign in first');
  if (a.kind !== 'resident') throw new AppError('forbidden', 'this is for residents');
  return a;
}

export function privacyRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/me/data',
    {
      schema: {
        tags: ['residents'],
        summary: 'Everything Komek holds about the signed-in resident (a download)',
        response: { 200: Type.Unknown(), ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      const data = await exportResidentData(deps, requireResident(req.actor));
      void reply.header('content-disposition', 'attachment; filename="komek-my-data.json"');
      return data;
    },
  );
  app.delete(
    '/api/v1/me',
    {
      schema: {
        tags: ['residents'],
        summary: 'Deletes the resident’s personal data; their requests stay, anonymised',
        querystring: Type.Object({ confirm: Type.Literal('yes') }),
        response: { 204: Type.Null(), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await deleteResident(deps, requireResident(req.actor));
      void reply.clearCookie('komek_session', { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
