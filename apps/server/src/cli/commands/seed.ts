/**
 * `komek seed [--requests N] [--seed S]`: seeds the demo city (Astana) — reference data and a
 * synthetic year of N requests (default SEED_DEMO_REQUESTS, 23,000) — into DATABASE_URL or the
 * PGlite database in DATA_DIR, and builds its analytics rollups. Does nothing when the city exists.
 */
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { rebuildAll } from '../../modules/analytics/rollups.ts';
import { CITY } from '../../seed/astana-data.ts';
import { seedDemoCity } from '../../seed/demo.ts';
import { parseArgs, progressBar } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const config = loadConfig();
  const requests = flags.requests !== undefined ? Number(flags.requests) : config.seedDemoRequests;
  if (!Number.isInteger(requests) || requests < 0) throw new Error('--requests must be a whole number');
  const seed = flags.seed !== undefined ? Number(flags.seed) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const bar = progressBar('seeding requests', requests);
    const t0 = Date.now();
    let last = 0;
    const r = await seedDemoCity(db, {
      now: new Date(),
      requests,
      ...(seed !== undefined ? { seed } : {}),
      onProgress: (done) => {
        bar.tick(done - last);
        last = done;
      },
    });
    const seconds = (Date.now() - t0) / 1000;
    if (r.seeded) {
      bar.done();
      // A server already running would not notice rows stamped in the past: build the rollups now.
      await rebuildAll(db, CITY.id, CITY.timeZone);
    } else {
      process.stderr.write(
        'the demo city exists already; nothing to do (use `komek generate` to add requests)\n',
      );
    }
    process.stdout.write(
      JSON.stringify({
        seeded: r.seeded,
        requests: r.seeded ? requests : 0,
        seconds: Math.round(seconds * 10) / 10,
        requests_per_second: r.seeded && seconds > 0 ? Math.round(requests / seconds) : 0,
        database: db.kind,
      }) + '\n',
    );
  } finally {
    await db.close();
  }
}
