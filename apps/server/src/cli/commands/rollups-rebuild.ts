/** `komek rollups rebuild [--city C]`: recomputes the analytics rollups from the raw requests, with a progress bar. */
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { rebuildAll } from '../../modules/analytics/rollups.ts';
import { parseArgs, progressBar } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const config = loadConfig();
  // Bulk work: no statement timeout (the server's default of a few seconds is for requests).
  const db = await openDatabase({ ...config, statementTimeoutMs: 0 });
  try {
    await migrate(db);
    const t0 = Date.now();
    let bar: ReturnType<typeof progressBar> | undefined;
    let last = 0;
    const days = await rebuildAll(db, flags.city ?? config.cityId, config.cityTimeZone, (done, total) => {
      bar ??= progressBar('rebuilding rollups (days)', total);
      bar.tick(done - last);
      last = done;
    });
    bar?.done();
    process.stdout.write(JSON.stringify({ days, seconds: Math.round((Date.now() - t0) / 100) / 10 }) + '\n');
  } finally {
    await db.close();
  }
}
