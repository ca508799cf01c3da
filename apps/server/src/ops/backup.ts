/**
 * Backup and restore for both engines: PostgreSQL through pg_dump/pg_restore (custom format),
 * the embedded PGlite through its own data-directory dump (a .tar.gz). Stop the server before
 * restoring into the embedded database: PGlite serves one process at a time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export interface BackupTarget {
  /** postgres://… or undefined for PGlite. */
  url?: string | undefined;
  /** PGlite data directory. */
  dataDir?: string;
  /** Only this PostgreSQL schema (tests); the whole database when unset. */
  schema?: string;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} failed: ${(r.stderr || r.stdout).trim().slice(0, 500)}`);
}

export async function backup(t: BackupTarget, file: string): Promise<{ bytes: number }> {
  if (t.url) {
    run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      ...(t.schema ? [`--schema=${t.schema}`] : []),
      `--file=${file}`,
      t.url,
    ]);
  } else {
    if (!t.dataDir || !existsSync(t.dataDir)) throw new Error(`no embedded database at ${t.dataDir}`);
    const db = await PGlite.create(t.dataDir, { extensions: { pg_trgm } });
    try {
      const blob = await db.dumpDataDir('gzip');
      writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  return { bytes: readFileSync(file).length };
}

export async function restore(t: BackupTarget, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file ${file}`);
  if (t.url) {
    if (t.schema) {
      const drop = spawnSync(
        'psql',
        [t.url, '-v', 'ON_ERROR_STOP=1', '-c', `DROP SCHEMA IF EXISTS "${t.schema}" CASCADE`],
        { encoding: 'utf8' },
      );
      if (drop.status !== 0) throw new Error(`psql failed: ${drop.stderr}`);
      run('pg_restore', ['--no-owner', '--no-privileges', `--dbname=${t.url}`, file]);
    } else {
      run('pg_restore', [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        `--dbname=${t.url}`,
        file,
      ]);
    }
    return;
  }
  if (!t.dataDir) throw new Error('no data directory given');
  // Keep what was there, next to it, until the restored copy is known to open.
  const aside = `${t.dataDir}.before-restore-${Date.now()}`;
  if (existsSync(t.dataDir)) renameSync(t.dataDir, aside);
  const blob = new Blob([readFileSync(file)]);
  const db = await PGlite.create(t.dataDir, { extensions: { pg_trgm }, loadDataDir: blob });
  await db.query('SELECT 1');
  await db.close();
}
