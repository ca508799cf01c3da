/**
 * Training the city's classifier from its own history: the category an operator finally kept on
 * resolved and closed requests is the label. Training runs in a worker thread; the model is
 * stored in classifier_models with a version, activated, and hot-swapped by every process.
 */
import { sql } from 'drizzle-orm';
import { placeTags } from '@komek/domain/lifecycle';
import type { Db, Queryable } from '../../db/client.ts';
import { startTsWorker } from '../../lib/worker.ts';

export interface TrainingSet {
  texts: string[];
  labels: string[];
  /** Context tags per text: where the problem is, when the intake recorded it. */
  tags: string[][];
}

/** Resolved and closed requests with their final category (and place, if given), newest first. */
export async function loadTrainingSet(db: Queryable, cityId: string, limit = 200_000): Promise<TrainingSet> {
  const rows = await db.query<{ text: string; category_code: string; place: string | null }>(sql`
    SELECT text, category_code, attributes->>'place' AS place FROM requests
    WHERE city_id = ${cityId} AND category_code IS NOT NULL AND status IN ('resolved', 'closed')
    ORDER BY created_at DESC LIMIT ${limit}`);
  return {
    texts: rows.map((r) => r.text),
    labels: rows.map((r) => r.category_code),
    tags: rows.map((r) => placeTags(r.place)),
  };
}

export interface TrainedModel {
  model: unknown;
  /** How many labels (leaf categories) the model chooses among. */
  labels: number;
  metrics: Record<string, number>;
}

/** Trains in a worker thread so the event loop that answers requests stays free. */
export function trainInWorker(
  set: TrainingSet,
  onProgress?: (done: number, total: number) => void,
): Promise<TrainedModel> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./training-worker.ts', import.meta.url), set);
    worker.on(
      'message',
      (
        m:
          | { type: 'progress'; done: number; total: number }
          | { type: 'done'; result: TrainedModel }
          | { type: 'error'; message: string },
      ) => {
        if (m.type === 'progress') onProgress?.(m.done, m.total);
        else if (m.type === 'done') resolve(m.result);
        else reject(new Error(m.message));
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`training worker exited with ${code}`));
    });
  });
}

/** Stores a model as the next version and makes it the active one. */
export async function saveModel(
  db: Db,
  cityId: string,
  trained: TrainedModel,
  trainedOn: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(sql`SELECT pg_advisory_xact_lock(hashtext(${'classifier:' + cityId}))`);
    const v = await tx.query<{ v: number }>(
      sql`SELECT COALESCE(max(version), 0) + 1 AS v FROM classifier_models WHERE city_id = ${cityId} AND target = 'category'`,
    );
    const version = (v[0] as { v: number }).v;
    await tx.query(
      sql`UPDATE classifier_models SET active = false WHERE city_id = ${cityId} AND target = 'category' AND active`,
    );
    await tx.query(sql`INSERT INTO classifier_models (city_id, version, target, model, label_count, metrics, trained_on, active)
      VALUES (${cityId}, ${version}, 'category', ${JSON.stringify(trained.model)}::jsonb, ${trained.labels}, ${JSON.stringify(trained.metrics)}::jsonb, ${trainedOn}, true)`);
    return version;
  });
}

/** The active model's version (cheap; used to notice a new model). */
export async function activeVersion(db: Queryable, cityId: string): Promise<number | null> {
  const r = await db.query<{ version: number }>(
    sql`SELECT version FROM classifier_models WHERE city_id = ${cityId} AND target = 'category' AND active`,
  );
  return r[0]?.version ?? null;
}

export async function loadActiveModel(
  db: Queryable,
  cityId: string,
): Promise<{ version: number; model: unknown } | undefined> {
  const r = await db.query<{ version: number; model: unknown }>(
    sql`SELECT version, model FROM classifier_models WHERE city_id = ${cityId} AND target = 'category' AND active`,
  );
  return r[0];
}
