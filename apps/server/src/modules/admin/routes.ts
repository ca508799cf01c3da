import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { requireAdmin } from '../auth/policy.ts';

export function adminRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log of staff actions (admin)',
        querystring: Type.Object({
          actorId: Type.Optional(Type.Integer({ minimum: 1 })),
          target: Type.Optional(Type.String({ maxLength: 100 })),
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'id cursor' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Number(),
                at: Type.String(),
                actorId: Type.Number(),
                actorRole: Type.String(),
                method: Type.String(),
                route: Type.String(),
                target: Type.Union([Type.String(), Type.Null()]),
                status: Type.Number(),
              }),
            ),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const q = req.query;
      const rows = await deps.db.query<{
        id: number;
        at: Date;
        actor_id: number;
        actor_role: string;
        method: string;
        route: string;
        target: string | null;
        status: number;
      }>(sql`
        SELECT id, at, actor_id, actor_role, method, route, target, status FROM audit_log WHERE city_id = ${admin.cityId}
          ${q.actorId ? sql`AND actor_id = ${q.actorId}` : sql``} ${q.target ? sql`AND target = ${q.target}` : sql``}
          ${q.before ? sql`AND id < ${q.before}` : sql``}
        ORDER BY id DESC LIMIT ${q.limit ?? 100}`);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actor_id,
          actorRole: r.actor_role,
          method: r.method,
          route: r.route,
          target: r.target,
          status: r.status,
        })),
      };
    },
  );
}
