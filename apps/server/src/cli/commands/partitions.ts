/**
 * `komek partitions [--from YYYY-MM --to YYYY-MM]`: lists the monthly partitions of requests and
 * events with their row estimates; with --from/--to, first creates the missing months of that
 * range (what the partition job does for the months ahead, and bulk loads for their history).
 */
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { ensurePartitions, listPartitions } from '../../modules/requests/ids.ts';
import { parseArgs } from '../io.ts';

const month = (s: string | undefined, flag: string): Date | undefined => {
  if (s === undefined) return undefined;
  if (!/^\d{4}-\d{2}$/.test(s)) throw new Error(`--${flag} must be a month, YYYY-MM`);
  return new Date(`${s}-01T00:00:00Z`);
};

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const from = month(flags.from, 'from');
  const to = month(flags.to, 'to') ?? from;
  const db = await openDatabase({ ...loadConfig(), statementTimeoutMs: 0 });
  try {
    await migrate(db);
    const created = from && to ? await ensurePartitions(db, from, to) : 0;
    const parts = await listPartitions(db);
    for (const p of parts)
      process.stdout.write(`${p.name.padEnd(28)} ${String(p.rows).padStart(12)}  ${p.bounds}\n`);
    process.stdout.write(JSON.stringify({ partitions: parts.length, months_created: created }) + '\n');
  } finally {
    await db.close();
  }
}
