/**
 * `komek storm [--category electricity.outage] [--district esil] [--count 40] [--minutes 30] [--city C] [--now]`:
 * injects a synthetic storm (a burst of requests in one district) into the demo city. A running
 * server flags it within a minute (rollups every 10 s, alerts every 30 s); with --now the command
 * also runs both jobs itself and prints the alerts raised.
 */
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { refreshAllRollups } from '../../jobs/rollups.ts';
import { detectAlerts, listAlerts } from '../../modules/alerts/service.ts';
import { injectStorm } from '../../modules/alerts/storm.ts';
import { parseArgs } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const config = loadConfig();
  const cityId = flags.city ?? config.cityId;
  const count = Number(flags.count ?? 40);
  const minutes = Number(flags.minutes ?? 30);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('--count must be 1..100000');
  if (!(minutes > 0 && minutes <= 1440)) throw new Error('--minutes must be in (0, 1440]');
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const now = new Date();
    const r = await injectStorm(db, {
      cityId,
      now,
      count,
      minutes,
      ...(flags.category ? { category: flags.category } : {}),
      ...(flags.district ? { district: flags.district } : {}),
    });
    const out: Record<string, unknown> = {
      inserted: r.inserted,
      first: r.numbers[0],
      last: r.numbers.at(-1),
    };
    if (flags.now === 'true') {
      await new Promise((res) => setTimeout(res, 2100)); // the rollup job leaves 2 s of slack
      out.rollupDays = await refreshAllRollups(db, new Date());
      out.alertsRaised = await detectAlerts(db, new Date());
      out.alerts = (await listAlerts(db, cityId, 'open')).slice(0, 5);
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  } finally {
    await db.close();
  }
}
