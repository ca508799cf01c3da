import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { CITY } from '../../../test/factories.ts';
import { rebuildAll } from '../analytics/rollups.ts';
import { detectAlerts } from './service.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('spike alerts', () => {
  it('a synthetic storm raises one alert for its category and district, and the supervisor is told', async () => {
    const now = new Date('2026-03-18T12:00:00+05:00');
    // Six weeks of an ordinary ~3 a day of "roads" in west, then a storm day of 40.
    const rows = [];
    for (let d = 1; d <= 42; d++)
      for (let i = 0; i < 3; i++)
        rows.push(
          sql`(${CITY}, ${`B-${d}-${i}`}, 'phone', 'яма', 'ru', 'roads', 'standard', 'closed', now(), ${new Date(now.getTime() - d * 86_400_000)}, 'west')`,
        );
    for (let i = 0; i < 40; i++)
      rows.push(
        sql`(${CITY}, ${`S-${i}`}, 'phone', 'затопило дорогу', 'ru', 'roads', 'standard', 'new', now(), ${new Date(now.getTime() - i * 60_000)}, 'west')`,
      );
    await s.db.query(
      sql`INSERT INTO requests (city_id, number, channel, text, lang, category_code, criticality, status, due_at, created_at, district_code) VALUES ${sql.join(rows, sql`, `)}`,
    );
    await rebuildAll(s.db, CITY, 'Asia/Almaty');
    expect(await detectAlerts(s.db, now)).toBe(1);
    expect(await detectAlerts(s.db, now)).toBe(0);
    const list = (await s.call('GET', '/api/v1/alerts', { token: await s.token('supervisor') })).json().items;
    expect(list).toEqual([
      expect.objectContaining({ category: 'roads', district: 'west', count: 40, status: 'open' }),
    ]);
    const note = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outbox WHERE kind = 'spike_alert'`,
    );
    expect(note[0]?.n).toBe(1);
    expect(
      (
        await s.call('POST', `/api/v1/alerts/${list[0].id}`, {
          token: await s.token('supervisor'),
          body: { status: 'acknowledged' },
        })
      ).json().status,
    ).toBe('acknowledged');
    expect(
      (await s.call('GET', '/api/v1/alerts', { token: await s.residentToken('+77012223301') })).statusCode,
    ).toBe(403);
  });
});
