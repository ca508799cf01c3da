import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { openTestDb } from '../../../test/server.ts';
import type { SearchLogRow } from './repository-search.ts';
import { flushSearchLog, logSearch, MAX_DELAY_MS, MAX_ROWS, waitingSearchRows } from './search-log.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await openTestDb());
  await migrate(db);
  await db.query(sql`INSERT INTO cities (id, name, time_zone) VALUES ('c1', '{}'::jsonb, 'UTC')`);
});
afterAll(async () => {
  await drop();
});

const row = (query: string, extra: Partial<SearchLogRow> = {}): SearchLogRow => ({
  cityId: 'c1',
  query,
  normalized: query.toLowerCase(),
  lang: null,
  category: null,
  results: 2,
  actorKind: 'anonymous',
  now: new Date('2026-12-01T10:00:00Z'),
  ...extra,
});

async function logged(prefix: string): Promise<Record<string, unknown>[]> {
  return db.query(sql`SELECT query, normalized, lang, category_code, results, actor_kind, created_at
    FROM kb_searches WHERE query LIKE ${prefix + '%'} ORDER BY id`);
}

describe('search log', () => {
  it('keeps rows until a flush, then writes them all with their columns and nulls', async () => {
    logSearch(db, row('Flush A'));
    logSearch(db, row('Flush B', { lang: 'kk', category: 'roads', results: 0, actorKind: 'staff' }));
    expect(await logged('Flush')).toEqual([]);
    await flushSearchLog(db);
    const rows = await logged('Flush');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      query: 'Flush A',
      normalized: 'flush a',
      lang: null,
      category_code: null,
      results: 2,
    });
    expect(rows[1]).toMatchObject({ lang: 'kk', category_code: 'roads', results: 0, actor_kind: 'staff' });
    expect(new Date(rows[1]?.created_at as string).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('writes on its own: after the delay, and at once when a batch is full', async () => {
    logSearch(db, row('Timer'));
    await vi.waitFor(async () => expect(await logged('Timer')).toHaveLength(1), {
      timeout: MAX_DELAY_MS * 10,
      interval: 50,
    });
    for (let i = 0; i < MAX_ROWS - 1; i++) logSearch(db, row(`Batch ${i}`));
    expect(waitingSearchRows(db)).toBe(MAX_ROWS - 1);
    logSearch(db, row(`Batch last`));
    // The full batch was handed to the database at once, not left for the timer.
    expect(waitingSearchRows(db)).toBe(0);
    await flushSearchLog(db);
    expect(await logged('Batch')).toHaveLength(MAX_ROWS);
  });

  it('a batch the database refuses is dropped with a warning that quotes no query, and later rows still go', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      logSearch(db, row('Secret +77011234567', { results: Number.NaN }));
      await flushSearchLog(db);
      await new Promise((r) => setImmediate(r));
      expect(warnings.join('\n')).toMatch(/search log: 1 rows not written/);
      expect(warnings.join('\n')).not.toContain('77011234567');
      expect(await logged('Secret')).toEqual([]);
      logSearch(db, row('After'));
      await flushSearchLog(db);
      expect(await logged('After')).toHaveLength(1);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
