import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { openTestDb } from '../../../test/server.ts';
import type { SearchLogRow } from './repository-search.ts';
import { countSearches, queryStats } from './repository-stats.ts';
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

  it('keeps identical searches of one second as one row with their number, and the statistics count each', async () => {
    const at = new Date('2026-12-02T08:00:00.100Z');
    const later = new Date('2026-12-02T08:00:00.900Z');
    const next = new Date('2026-12-02T08:00:01.200Z');
    for (let i = 0; i < 5; i++) logSearch(db, row('Same heating', { now: i === 0 ? later : at }));
    logSearch(db, row('Same heating', { now: next }));
    logSearch(db, row('Same heating', { now: at, results: 0 }));
    logSearch(db, row('Same other', { now: at }));
    await flushSearchLog(db);
    const rows = await db.query<{ query: string; results: number; searches: number; created_at: string }>(
      sql`SELECT query, results, searches, created_at FROM kb_searches WHERE query LIKE 'Same%' ORDER BY id`,
    );
    expect(rows.map((r) => [r.query, r.results, r.searches])).toEqual([
      ['Same heating', 2, 5],
      ['Same heating', 2, 1],
      ['Same heating', 0, 1],
      ['Same other', 2, 1],
    ]);
    // The earliest time of a group is kept.
    expect(new Date(rows[0]?.created_at as string).toISOString()).toBe(at.toISOString());
    const period = {
      cityId: 'c1',
      from: new Date('2026-12-02T00:00:00Z'),
      to: new Date('2026-12-03T00:00:00Z'),
      now: new Date('2026-12-03T00:00:00Z'),
      windowMinutes: 30,
    };
    expect(await countSearches(db, period)).toBe(8);
    const top = await queryStats(db, period, false);
    // 7 searches of «same heating», one of them without results: 6 × 2 / 7.
    expect(top[0]).toEqual({ query: 'same heating', count: 7, avg_results: 1.71 });
    expect(await queryStats(db, period, true)).toEqual([{ query: 'same heating', count: 1, avg_results: 0 }]);
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
