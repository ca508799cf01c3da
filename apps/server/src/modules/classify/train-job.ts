/**
 * Retraining as the city's history grows: when at least `minNew` requests were resolved or
 * closed since the active model was trained (or there is none and enough history exists),
 * a new model is trained in a worker thread, stored as the next version and activated.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loadTrainingSet, saveModel, trainInWorker } from './training.ts';

export async function retrainIfDue(
  db: Db,
  opts: {
    minNew?: number;
    minTotal?: number;
    /** Only this city (an admin's "retrain now"). */
    cityId?: string;
    onProgress?: (d: number, t: number) => void;
  } = {},
): Promise<{ cityId: string; version: number }[]> {
  const cities = opts.cityId
    ? [{ id: opts.cityId }]
    : await db.query<{ id: string }>(sql`SELECT id FROM cities`);
  const out: { cityId: string; version: number }[] = [];
  for (const { id } of cities) {
    const [state] = await db.query<{ labelled: number; trained_on: number | null }>(sql`
      SELECT (SELECT count(*)::int FROM requests WHERE city_id = ${id} AND category_code IS NOT NULL AND status IN ('resolved', 'closed')) AS labelled,
        (SELECT trained_on FROM classifier_models WHERE city_id = ${id} AND target = 'category' AND active) AS trained_on`);
    if (!state) continue;
    const due =
      state.trained_on === null
        ? state.labelled >= (opts.minTotal ?? 200)
        : state.labelled - state.trained_on >= (opts.minNew ?? 2000);
    if (!due) continue;
    const set = await loadTrainingSet(db, id);
    const trained = await trainInWorker(set, opts.onProgress);
    out.push({ cityId: id, version: await saveModel(db, id, trained, set.texts.length) });
  }
  return out;
}
