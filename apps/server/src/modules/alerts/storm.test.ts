import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { CITY } from '../../../test/factories.ts';
import { rebuildAll } from '../analytics/rollups.ts';
import { refreshAllRollups } from '../../jobs/rollups.ts';
import { detectAlerts } from './service.ts';
import { injectStorm } from './storm.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('synthetic storm', () => {
  it('is flagged by the ordinary rollup and alert jobs within a minute of the burst (clock set, no waits)', async () => {
    const stormEnd = new Date('2026-03-18T12:00:00+05:00');
    // Six weeks of ~2 power outages a day in east, already rolled up.
    const rows = [];
    for (let d = 1; d <= 42; d++)
      for (let i = 0; i < 2; i++) {
        const at = new Date(stormEnd.getTime() - d * 86_400_000);
        rows.push(
          sql`(${CITY}, ${`P-${d}-${i}`}, 'phone', 'нет света', 'ru', 'electricity', 'urgent', 'closed', ${at}, ${at}, ${at}, 'east')`,
        );
      }
    await s.db.query(
      sql`INSERT INTO requests (city_id, number, channel, text, lang, category_code, criticality, status, due_at, created_at, updated_at, district_code) VALUES ${sql.join(rows, sql`, `)}`,
    );
    await rebuildAll(s.db, CITY, 'Asia/Almaty');
    // Mark the rollups as scanned up to before the storm, as a running job would have.
    await s.db.query(
      sql`UPDATE rollup_state SET scanned_until = ${new Date(stormEnd.getTime() - 3_600_000)} WHERE city_id = ${CITY}`,
    );
    expect(await detectAlerts(s.db, stormEnd)).toBe(0);

    const r = await injectStorm(s.db, {
      cityId: CITY,
      now: stormEnd,
      category: 'electricity',
      district: 'east',
      count: 40,
      minutes: 30,
    });
    expect(r.inserted).toBe(40);
    // Before the jobs run nothing is flagged (the rollup does not know the storm yet).
    expect(await detectAlerts(s.db, stormEnd)).toBe(0);
    // The rollup job (every 10 s) then the alert job (every 30 s), both within a minute of the storm.
    const t1 = new Date(stormEnd.getTime() + 10_000);
    expect(await refreshAllRollups(s.db, t1)).toBeGreaterThan(0);
    expect(await detectAlerts(s.db, new Date(stormEnd.getTime() + 40_000))).toBe(1);

    const list = (await s.call('GET', '/api/v1/alerts', { token: await s.token('supervisor') })).json().items;
    expect(list).toEqual([
      expect.objectContaining({ category: 'electricity', district: 'east', count: 40, status: 'open' }),
    ]);
    // The alert links to the filtered requests, and those are the storm's requests.
    expect(list[0].requestsLink).toContain('category=electricity');
    expect(list[0].requestsLink).toContain('district=east');
    const storm = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM requests WHERE city_id = ${CITY} AND number LIKE 'STORM-%' AND district_code = 'east'`,
    );
    expect(storm[0]?.n).toBe(40);
  });
});
