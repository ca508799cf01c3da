/**
 * Tests that run the server as a process of its own: a database for it (a fresh schema on
 * DATABASE_URL, or a fresh PGlite directory) and waiting until it answers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../src/db/client.ts';
import { CITY } from './factories.ts';

export interface ServerTarget {
  /** Environment for the server process. */
  env: Record<string, string>;
  /** Opens the same database from the test (PGlite: only while no server runs). */
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

export async function serverTarget(prefix: string): Promise<ServerTarget> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
    // Created here, so that a server migrating it finds it first on its search_path (a schema
    // that does not exist is skipped there, and the tables would land in public).
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`CREATE SCHEMA "${schema}"`);
    await c.end();
    return {
      env: {
        DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`,
      },
      open: () => openDb({ url, schema }),
      async cleanup() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), `komek-${prefix}-`));
  return {
    env: { DATA_DIR: dataDir },
    open: () => openDb({ dataDir: join(dataDir, 'pglite') }),
    cleanup: async () => undefined,
  };
}

/** The server's environment in a test: the target's database, this port, the test city, no demo or jobs. */
export function serverEnv(env: Record<string, string>, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    JOBS: 'false',
    CITY_ID: CITY,
    LOG_LEVEL: 'error',
    NODE_ENV: 'test',
  };
}

/** Waits until the server at `base` answers /health (30 s at most). */
export async function waitUp(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}
