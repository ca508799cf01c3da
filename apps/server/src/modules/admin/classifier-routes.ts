/**
 * The category classifier as an admin sees it: the active model (version, when, on how many
 * requests, the accuracy measured at training, label count) and "retrain now", which runs the
 * training job for this city in the background.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { requireAdmin } from '../auth/policy.ts';
import { retrainIfDue } from '../classify/train-job.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** The fewest resolved, categorised requests a manual retraining starts from. */
export const MIN_TRAINING_REQUESTS = 50;

const Status = Type.Object({
  model: Nullable(
    Type.Object({
      version: Type.Integer(),
      trainedAt: Type.String({ format: 'date-time' }),
      trainedOn: Type.Integer({ description: 'labelled requests the model learned from' }),
      labels: Type.Integer({ description: 'categories the model tells apart' }),
      metrics: Type.Record(Type.String(), Type.Number(), {
        description: 'accuracy, top3 and evaluatedOn on the newest 10 % held out',
      }),
    }),
  ),
  labelled: Type.Integer({ description: 'resolved or closed requests with a category now' }),
  training: Type.Boolean({ description: 'a retraining started here is running' }),
  lastError: Nullable(Type.String()),
});

export function classifierAdminRoutes(app: App, deps: AppDeps): void {
  const running = new Map<string, Promise<unknown>>();
  const lastError = new Map<string, string>();
  app.addHook('onClose', async () => {
    await Promise.all(running.values());
  });

  app.get(
    '/api/v1/admin/classifier',
    {
      schema: {
        tags: ['admin'],
        summary: 'The active category classifier and its accuracy (admin)',
        response: { 200: Status, ...errors(401, 403) },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const [m] = await deps.db.query<{
        version: number;
        created_at: Date;
        trained_on: number;
        labels: number;
        metrics: Record<string, number>;
      }>(sql`SELECT version, created_at, trained_on, label_count AS labels, metrics
        FROM classifier_models WHERE city_id = ${admin.cityId} AND target = 'category' AND active`);
      const [c] = await deps.db.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM requests WHERE city_id = ${admin.cityId} AND category_code IS NOT NULL AND status IN ('resolved', 'closed')`,
      );
      return {
        model: m
          ? {
              version: m.version,
              trainedAt: m.created_at.toISOString(),
              trainedOn: m.trained_on,
              labels: m.labels,
              metrics: Object.fromEntries(
                Object.entries(m.metrics).filter((e): e is [string, number] => typeof e[1] === 'number'),
              ),
            }
          : null,
        labelled: c?.n ?? 0,
        training: running.has(admin.cityId),
        lastError: lastError.get(admin.cityId) ?? null,
      };
    },
  );

  app.post(
    '/api/v1/admin/classifier/retrain',
    {
      schema: {
        tags: ['admin'],
        summary: 'Retrains the category classifier now, in the background (admin)',
        response: {
          202: Type.Object({ started: Type.Boolean() }),
          ...errors(401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const cityId = admin.cityId;
      if (running.has(cityId)) return reply.status(202).send({ started: false });
      const [c] = await deps.db.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM requests WHERE city_id = ${cityId} AND category_code IS NOT NULL AND status IN ('resolved', 'closed')`,
      );
      if ((c?.n ?? 0) < MIN_TRAINING_REQUESTS)
        throw new AppError('conflict', `training needs at least ${MIN_TRAINING_REQUESTS} resolved requests`, {
          labelled: c?.n ?? 0,
        });
      lastError.delete(cityId);
      const job = retrainIfDue(deps.db, { cityId, minNew: 0, minTotal: 0 })
        .catch((err: unknown) => {
          lastError.set(cityId, err instanceof Error ? err.message : 'training failed');
          req.log.error({ err }, 'retraining failed');
        })
        .finally(() => running.delete(cityId));
      running.set(cityId, job);
      return reply.status(202).send({ started: true });
    },
  );
}
