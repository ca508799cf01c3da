/** `komek restore --file FILE --yes`: replaces the database with a backup (stop the server first on PGlite). */
import { join } from 'node:path';
import { loadConfig } from '../../config.ts';
import { restore } from '../../ops/backup.ts';
import { parseArgs, requireFlag } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const file = requireFlag(flags, 'file', 'komek restore --file FILE --yes');
  if (flags.yes !== 'true') {
    process.stderr.write('restore replaces the current database; run again with --yes\n');
    process.exit(2);
  }
  const config = loadConfig();
  await restore({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') }, file);
  process.stdout.write(JSON.stringify({ restored: file }) + '\n');
}
