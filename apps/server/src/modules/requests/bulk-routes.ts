/**
 * `POST /api/v1/requests/bulk`: one action — assign or transition — on up to 200 requests picked
 * in the queue. Each request goes through the same workflow as the single-request routes (same
 * permissions, same state machine, one event each); one that cannot move is reported with its
 * error and the others still move.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors, RequestNumber } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';
import { AssignBody, TransitionBody } from './schema.ts';
import { assignRequest, transitionRequest } from './workflow.ts';

const BulkBody = Type.Union([
  Type.Object(
    {
      action: Type.Literal('assign'),
      numbers: Type.Array(RequestNumber, { minItems: 1, maxItems: 200, uniqueItems: true }),
      assign: AssignBody,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('transition'),
      numbers: Type.Array(RequestNumber, { minItems: 1, maxItems: 200, uniqueItems: true }),
      transition: TransitionBody,
    },
    { additionalProperties: false },
  ),
]);
type BulkBody = Static<typeof BulkBody>;

const BulkResult = Type.Object({
  done: Type.Integer(),
  failed: Type.Integer(),
  items: Type.Array(
    Type.Object({
      number: Type.String(),
      ok: Type.Boolean(),
      status: Type.Optional(Type.String()),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

export function bulkRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/requests/bulk',
    {
      schema: {
        tags: ['requests'],
        summary: 'Assigns or moves up to 200 requests at once (each checked as if done one by one)',
        body: BulkBody,
        response: { 200: BulkResult, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      requireStaff(req.actor, ['operator', 'supervisor', 'executor', 'admin']);
      const body = req.body as BulkBody;
      const items: Static<typeof BulkResult>['items'] = [];
      for (const number of body.numbers) {
        try {
          const r =
            body.action === 'assign'
              ? await assignRequest(deps, req.actor, number, body.assign)
              : await transitionRequest(deps, req.actor, number, body.transition);
          items.push({ number, ok: true, status: r.status });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          items.push({ number, ok: false, error: { code: err.code, message: err.message } });
        }
      }
      const done = items.filter((i) => i.ok).length;
      return { done, failed: items.length - done, items };
    },
  );
}
