/** `komek train [--force]`: trains the city's classifier from its resolved requests (progress bar) and activates it. */
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { retrainIfDue } from '../../modules/classify/train-job.ts';
import { parseArgs, progressBar } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    let bar: ReturnType<typeof progressBar> | undefined;
    let last = 0;
    const t0 = Date.now();
    const r = await retrainIfDue(db, {
      ...(flags.force === 'true' ? { minNew: 0, minTotal: 1 } : {}),
      onProgress: (done, total) => {
        bar ??= progressBar('training', total);
        bar.tick(done - last);
        last = done;
      },
    });
    bar?.done();
    process.stdout.write(
      JSON.stringify({ trained: r, seconds: Math.round((Date.now() - t0) / 100) / 10 }) + '\n',
    );
  } finally {
    await db.close();
  }
}
