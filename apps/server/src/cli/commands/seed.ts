/** `komek seed [--requests N]`: seeds the demo city (Astana) into DATABASE_URL or the PGlite in DATA_DIR. */
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { seedDemoCity } from '../../seed/demo.ts';
import { parseArgs, progressBar } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const config = loadConfig();
  const requests = flags.requests ? Number(flags.requests) : config.seedDemoRequests;
  if (!Number.isInteger(requests) || requests < 0) throw new Error('--requests must be a whole number');
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const bar = progressBar('seeding requests', requests);
    const t0 = Date.now();
    let last = 0;
    const r = await seedDemoCity(db, {
      now: new Date(),
      requests,
      onProgress: (done) => {
        bar.tick(done - last);
        last = done;
      },
    });
    bar.done();
    process.stdout.write(JSON.stringify({ seeded: r.seeded, requests: r.seeded ? requests : 0, seconds: Math.round((Date.now() - t0) / 100) / 10 }) + '\n');
  } finally {
    await db.close();
  }
}
