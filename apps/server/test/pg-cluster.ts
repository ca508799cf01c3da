/**
 * A throwaway PostgreSQL cluster for tests that must stop, restart or replicate a server:
 * initdb in a temp folder, run as the postgres user with Debian's binaries, on a loopback port.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
export const PG_BIN = versions.length ? `/usr/lib/postgresql/${versions[versions.length - 1]}/bin` : '';

/** Whether this machine can make clusters: Debian's binaries, root, and a postgres user. */
export const canMakeClusters =
  Boolean(PG_BIN) &&
  existsSync(join(PG_BIN, 'initdb')) &&
  process.getuid?.() === 0 &&
  spawnSync('id', ['-u', 'postgres']).status === 0;

export function pgUser(cmd: string, args: string[], timeout = 60_000): void {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args], {
    encoding: 'utf8',
    timeout,
  });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr || r.stdout}`);
}

export interface Cluster {
  dir: string;
  port: number;
  url: string;
  start(): void;
  stop(mode?: 'fast' | 'immediate'): void;
  restart(): void;
  destroy(): void;
}

/** Creates and starts a cluster (a primary with replication allowed). */
export function makeCluster(port: number, root = mkdtempSync(join(tmpdir(), 'komek-pg-'))): Cluster {
  spawnSync('chown', ['postgres:postgres', root]);
  const dir = join(root, `pg${port}`);
  pgUser('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  appendFileSync(
    join(dir, 'postgresql.conf'),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${root}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\n`,
  );
  const c: Cluster = {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => pgUser('pg_ctl', ['-D', dir, '-l', join(root, `pg${port}.log`), '-w', 'start']),
    stop: (mode = 'fast') => pgUser('pg_ctl', ['-D', dir, '-m', mode, '-w', 'stop']),
    restart: () =>
      pgUser('pg_ctl', ['-D', dir, '-l', join(root, `pg${port}.log`), '-m', 'fast', '-w', 'restart']),
    destroy() {
      spawnSync(
        'runuser',
        ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', dir, '-m', 'immediate', 'stop'],
        { timeout: 30_000 },
      );
      rmSync(root, { recursive: true, force: true });
    },
  };
  c.start();
  return c;
}
