import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
  // 30 requests for energy (west), 10 for roads (east), 2 without a place.
  const rows = Array.from({ length: 42 }, (_, i) => {
    const energy = i < 30;
    const located = i < 40;
    return sql`(${CITY}, ${`M-${i}`}, 'phone', 'текст', 'ru', ${energy ? 'electricity' : 'roads'}, ${energy ? 'energy' : 'roads'},
      ${energy ? 'west' : 'east'}, ${i % 3 === 0 ? 'urgent' : 'standard'}, ${i % 2 === 0 ? 'new' : 'closed'},
      ${located ? 51.15 + i / 10_000 : null}, ${located ? (energy ? 71.35 : 71.45) : null}, now(), now() - ${`${i} minutes`}::interval)`;
  });
  await s.db
    .query(sql`INSERT INTO requests (city_id, number, channel, text, lang, category_code, agency_code, district_code,
    criticality, status, lat, lon, due_at, created_at) VALUES ${sql.join(rows, sql`, `)}`);
});
afterAll(async () => {
  await s?.close();
});

type Points = { points: [number, number, string, string, string][]; truncated: boolean };

describe('GET /api/v1/map/points', () => {
  it('returns located requests as lean tuples, newest first, with the queue filters', async () => {
    const t = await s.token('supervisor');
    const all = await s.call('GET', '/api/v1/map/points', { token: t });
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json() as Points;
    expect(body.points).toHaveLength(40);
    expect(body.truncated).toBe(false);
    expect(body.points[0]).toEqual([51.15, 71.35, 'M-0', 'new', 'urgent']);

    const east = (await s.call('GET', '/api/v1/map/points?district=east', { token: t })).json() as Points;
    expect(east.points.map((p) => p[2]).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `M-${30 + i}`).sort(),
    );
    const f = (
      await s.call('GET', '/api/v1/map/points?status=new&criticality=urgent&category=electricity', {
        token: t,
      })
    ).json() as Points;
    expect(f.points.every((p) => p[3] === 'new' && p[4] === 'urgent' && p[1] === 71.35)).toBe(true);
    expect(f.points).toHaveLength(5);

    const capped = (await s.call('GET', '/api/v1/map/points?limit=7', { token: t })).json() as Points;
    expect(capped.points).toHaveLength(7);
    expect(capped.truncated).toBe(true);
  });

  it('scopes executors to their agency and refuses others', async () => {
    const ex = await s.token('executor2'); // roads
    const mine = (await s.call('GET', '/api/v1/map/points', { token: ex })).json() as Points;
    expect(mine.points).toHaveLength(10);
    expect(mine.points.every((p) => p[1] === 71.45)).toBe(true);
    const other = await s.call('GET', '/api/v1/map/points?agency=energy', { token: ex });
    expect(other.statusCode).toBe(403);
    expect((await s.call('GET', '/api/v1/map/points', { token: await s.token('analyst') })).statusCode).toBe(
      200,
    );
  });

  it('is staff only and validates input', async () => {
    expect((await s.call('GET', '/api/v1/map/points')).statusCode).toBe(401);
    const resident = await s.residentToken('+77015550101');
    expect((await s.call('GET', '/api/v1/map/points', { token: resident })).statusCode).toBe(403);
    const t = await s.token('operator');
    expect((await s.call('GET', '/api/v1/map/points?limit=20001', { token: t })).statusCode).toBe(400);
    expect((await s.call('GET', '/api/v1/map/points?foo=1', { token: t })).statusCode).toBe(400);
  });

  it('exposes the tile URL setting (MAP_TILE_URL) in the public settings', async () => {
    const r = (await s.call('GET', '/api/v1/public/settings')).json() as { mapTileUrl: string | null };
    expect(r.mapTileUrl).toBeNull();
    const url = 'https://tiles.example.kz/{z}/{x}/{y}.png';
    s.deps.config.mapTileUrl = url;
    try {
      const set = (await s.call('GET', '/api/v1/public/settings')).json() as { mapTileUrl: string | null };
      expect(set.mapTileUrl).toBe(url);
    } finally {
      s.deps.config.mapTileUrl = undefined;
    }
  });
});
