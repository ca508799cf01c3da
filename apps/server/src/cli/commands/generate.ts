/** `komek generate --requests N [--days D] [--seed S]`: adds N synthetic requests (with events) to the demo city. */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { insertSynthetic, seedDemoCity } from '../../seed/demo.ts';
import { rebuildAll } from '../../modules/analytics/rollups.ts';
import { parseArgs, progressBar, requireFlag } from '../io.ts';

const USAGE = 'komek generate --requests N [--seed S]';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const count = Number(requireFlag(flags, 'requests', USAGE));
  if (!Number.isInteger(count) || count < 1) throw new Error('--requests must be a positive whole number');
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    await seedDemoCity(db, { now: new Date(), requests: 0 });
    const before = (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM requests`))[0]?.n ?? 0;
    const bar = progressBar('generating requests', count);
    const t0 = Date.now();
    let last = 0;
    await insertSynthetic(db, {
      now: new Date(),
      count,
      seed: flags.seed ? Number(flags.seed) : Date.now() % 100_000,
      onProgress: (done) => {
        bar.tick(done - last);
        last = done;
      },
    });
    bar.done();
    await rebuildAll(db, config.cityId, config.cityTimeZone);
    const secs = (Date.now() - t0) / 1000;
    process.stdout.write(JSON.stringify({ inserted: count, total: before + count, seconds: Math.round(secs * 10) / 10, rows_per_second: Math.round(count / secs) }) + '\n');
  } finally {
    await db.close();
  }
}
