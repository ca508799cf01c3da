import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../deps.ts';
import { openDb, prepared } from './client.ts';

const url = process.env.DATABASE_URL;

describe('the PostgreSQL connections’ settings', () => {
  it('DATABASE_PARALLEL_WORKERS defaults to 0 and must be a whole number', () => {
    expect(loadConfig({}).databaseParallelWorkers).toBe(0);
    expect(loadConfig({ DATABASE_PARALLEL_WORKERS: '4' }).databaseParallelWorkers).toBe(4);
    expect(() => loadConfig({ DATABASE_PARALLEL_WORKERS: '-1' })).toThrow(/DATABASE_PARALLEL_WORKERS/);
  });

  it.skipIf(!url)(
    'sets max_parallel_workers_per_gather on both pools, next to the schema (needs DATABASE_URL)',
    async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const config = loadConfig({ DATABASE_URL: url, DATABASE_PARALLEL_WORKERS: '3' });
      const db = await openDatabase(config, schema);
      const plain = await openDb({ url });
      try {
        const probe = sql`SELECT current_setting('max_parallel_workers_per_gather') AS w,
          current_setting('search_path') AS path`;
        // A plain statement, a prepared one (its own pool) and one inside a transaction.
        for (const rows of [
          await db.query<{ w: string; path: string }>(probe),
          await db.query<{ w: string; path: string }>(prepared('settings_probe', probe)),
          await db.transaction((tx) => tx.query<{ w: string; path: string }>(probe)),
        ]) {
          expect(rows[0]?.w).toBe('3');
          expect(rows[0]?.path).toContain(schema);
        }
        // Without the option a connection keeps the server's own setting.
        const [server] = await plain.query<{ w: string }>(probe);
        expect(server?.w).not.toBe('3');
      } finally {
        await db.close();
        await plain.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      }
    },
  );
});
