import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { CITY, seedTestCity } from '../../../test/factories.ts';
import { openTestDb } from '../../../test/server.ts';
import { explainHotQueries } from './explain.ts';

describe('komek explain', () => {
  it('writes an ANALYZE plan for every hot query, and the open-status partial indexes serve the queues', async () => {
    const { db, drop } = await openTestDb();
    try {
      await migrate(db);
      await seedTestCity(db);
      // 3,000 requests, one in a hundred open, one agency: closed history dominates as in a real city.
      await db.query(sql`INSERT INTO requests (city_id, number, channel, text, lang, criticality, status,
          agency_code, lat, lon, geo_cell, due_at, created_at)
        SELECT ${CITY}, 'T-' || g, 'phone', 'яма на дороге ' || g, 'ru', 'standard',
          CASE WHEN g % 100 = 0 THEN 'new' ELSE 'closed' END, 'roads',
          51.1 + (g % 50) / 1000.0, 71.4 + (g % 40) / 1000.0, 1000 + g % 20,
          now() - (g || ' minutes')::interval + interval '1 day', now() - (g || ' minutes')::interval
        FROM generate_series(1, 3000) g`);
      await db.query('ANALYZE requests');
      await expect(explainHotQueries(db, 'nowhere')).rejects.toThrow(/no requests with a location/);
      const { markdown, plans } = await explainHotQueries(db, CITY);
      expect(plans.size).toBe(12);
      for (const [name, plan] of plans) {
        expect(markdown).toContain(`## ${name}`);
        expect(plan, name).toMatch(/actual time=/);
      }
      // Plans name the month partitions' own indexes: the queue reads one made from the open-status
      // partial index requests_open_created.
      const queue = plans.get('queue list (open, newest first, 50)') ?? '';
      const used = [...queue.matchAll(/using (requests_p\d{6}_\w+)/g)].map((m) => m[1] as string);
      expect(used.length).toBeGreaterThan(0);
      const parents = await db.query<{ parent: string }>(sql`SELECT DISTINCT p.relname AS parent
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE c.relname = ANY(${sql.param(used)}::text[])`);
      expect(parents.map((p) => p.parent)).toContain('requests_open_created');
      // The overdue queue may use the open-status index or the due-date one: either way, no full scan
      // of the month that holds the rows (the empty months ahead cost nothing either way).
      const [held] = await db.query<{ part: string }>(
        sql`SELECT DISTINCT tableoid::regclass::text AS part FROM requests`,
      );
      const month = (held?.part ?? '').replace(/^.*\./, '');
      expect(month).toMatch(/^requests_p\d{6}$/);
      expect(plans.get('queue list, one agency, overdue')).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      expect(plans.get('queue list, one agency, overdue')).not.toContain(`Seq Scan on ${month} `);
      // A request by id reads one month's partition.
      expect(plans.get('request page, 2: the request by id (one month partition)')).not.toMatch(
        /requests_(legacy|default)/,
      );
    } finally {
      await drop();
    }
  });
});
