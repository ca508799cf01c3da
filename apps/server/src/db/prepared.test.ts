import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDb, usingPostgres } from '../../test/server.ts';
import { prepared } from './client.ts';

describe('prepared statements', () => {
  it('give the same rows as plain ones, and on PostgreSQL stay prepared on the connection', async () => {
    const { db, drop } = await openTestDb();
    try {
      const names = await db.transaction(async (tx) => {
        for (let i = 1; i <= 7; i++) {
          const rows = await tx.query<{ x: number; y: string }>(
            prepared('probe', sql`SELECT ${i}::int AS x, ${`v${i}`}::text AS y`),
          );
          expect(rows).toEqual([{ x: i, y: `v${i}` }]);
        }
        // The generic-plan setting is for the prepared statement alone.
        const [mode] = await tx.query<{ m: string }>(sql`SELECT current_setting('plan_cache_mode') AS m`);
        expect(mode?.m).toBe('auto');
        // Another shape under the same name is another statement, not an error.
        expect(await tx.query(prepared('probe', sql`SELECT ${2}::int + 1 AS z`))).toEqual([{ z: 3 }]);
        return (
          await tx.query<{ name: string }>(
            sql`SELECT name FROM pg_prepared_statements WHERE name LIKE 'probe_%' ORDER BY name`,
          )
        ).map((r) => r.name);
      });
      if (usingPostgres) expect(names).toHaveLength(2);
    } finally {
      await drop();
    }
  });
});

describe('statements with settings of their own', () => {
  it("see the settings, the database's other statements do not, and a bad name or value is refused", async () => {
    const { db, drop } = await openTestDb();
    const cost = async (q: { query: typeof db.query }) =>
      (await q.query<{ v: string }>(sql`SELECT current_setting('random_page_cost') AS v`))[0]?.v;
    try {
      const before = await cost(db);
      const tuned = db.withSettings({ random_page_cost: 1.1 });
      expect(await Promise.all([cost(tuned), cost(tuned), cost(db)])).toEqual(['1.1', '1.1', before]);
      expect(await cost(db)).toBe(before);
      expect(() => db.withSettings({ 'x; DROP': 1 })).toThrow('bad setting');
      expect(() => db.withSettings({ random_page_cost: "1'; DROP TABLE x; --" })).toThrow('bad setting');
    } finally {
      await drop();
    }
  });
});
