/** `komek backup [--out FILE]`: a backup of DATABASE_URL (pg_dump) or of the embedded database in DATA_DIR. */
import { join } from 'node:path';
import { loadConfig } from '../../config.ts';
import { backup } from '../../ops/backup.ts';
import { parseArgs } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = flags.out ?? `komek-backup-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`;
  const r = await backup({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') }, out);
  process.stdout.write(
    JSON.stringify({ file: out, bytes: r.bytes, database: config.databaseUrl ? 'postgres' : 'pglite' }) +
      '\n',
  );
}
