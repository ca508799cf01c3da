import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { openTestDb } from '../../test/server.ts';
import { pointInGeometry } from '../lib/geo.ts';
import { CATEGORIES } from './astana-categories.ts';
import { DISTRICTS } from './astana-city.ts';
import { seedDemoCity } from './demo.ts';
import { generateRequests } from './synthetic.ts';

let db: Db;
let drop: () => Promise<void>;
const now = new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await openTestDb());
  await migrate(db);
});
afterAll(async () => {
  await drop?.();
});

describe('the demo city', () => {
  it('seeds once, with every category named in three languages and routed to an existing agency', async () => {
    expect(await seedDemoCity(db, { now, requests: 600 })).toEqual({ seeded: true });
    expect(await seedDemoCity(db, { now, requests: 600 })).toEqual({ seeded: false });
    const cats = await db.query<{ code: string; name: Record<string, string>; agency_code: string | null; parent_code: string | null }>(sql`SELECT code, name, agency_code, parent_code FROM categories WHERE city_id = 'astana'`);
    expect(cats.length).toBe(CATEGORIES.length);
    for (const c of cats) {
      expect(Object.keys(c.name).sort()).toEqual(['en', 'kk', 'ru']);
      if (c.parent_code) expect(c.agency_code).not.toBeNull();
    }
    const staff = await db.query<{ login: string }>(sql`SELECT login FROM staff ORDER BY login`);
    expect(staff.map((s) => s.login)).toEqual(['admin', 'analyst', 'executor', 'operator', 'supervisor']);
  });

  it('stores requests whose points lie in their district and whose events start with created', async () => {
    const rows = await db.query<{ n: number; bad: number }>(sql`SELECT count(*) AS n,
      count(*) FILTER (WHERE closed_at IS NOT NULL AND (resolved_at IS NULL OR resolved_at > closed_at)) AS bad FROM requests`);
    expect(rows[0]?.n).toBeGreaterThan(500);
    expect(rows[0]?.bad).toBe(0);
    const firsts = await db.query<{ type: string }>(sql`SELECT DISTINCT ON (request_id) type FROM request_events ORDER BY request_id, created_at, id`);
    expect(new Set(firsts.map((f) => f.type))).toEqual(new Set(['created']));
    const sample = await db.query<{ lat: number; lon: number; district_code: string }>(sql`SELECT lat, lon, district_code FROM requests LIMIT 200`);
    for (const r of sample) {
      const d = DISTRICTS.find((x) => x.code === r.district_code);
      expect(d && pointInGeometry({ type: 'Polygon', coordinates: [d.ring] }, r.lat, r.lon)).toBe(true);
    }
  });
});

describe('the synthetic year', () => {
  const reqs = generateRequests({ now: now.getTime(), count: 8000, seed: 3 });
  const byMonth = (code: string, months: number[]) =>
    reqs.filter((r) => r.category === code && months.includes(new Date(r.createdAt).getUTCMonth())).length;

  it('follows the topic shares: healthcare leads, then transport', () => {
    const share = (prefix: string) => reqs.filter((r) => r.category.startsWith(prefix)).length / reqs.length;
    expect(share('health.')).toBeGreaterThan(share('transport.'));
    expect(share('transport.')).toBeGreaterThan(share('utilities.epd'));
    expect(share('health.')).toBeGreaterThan(0.2);
  });

  it('has seasons: snow in winter, mosquitoes in summer', () => {
    expect(byMonth('roads.snow', [11, 0, 1])).toBeGreaterThan(5 * byMonth('roads.snow', [5, 6, 7]));
    expect(byMonth('green.mosquitoes', [5, 6, 7])).toBeGreaterThan(5 * byMonth('green.mosquitoes', [11, 0, 1]));
  });

  it('shows open manholes rising: the last quarter beats the first', () => {
    const first = reqs.filter((r) => r.category === 'roads.manhole' && r.createdAt < now.getTime() - 270 * 86_400_000).length;
    const last = reqs.filter((r) => r.category === 'roads.manhole' && r.createdAt > now.getTime() - 90 * 86_400_000).length;
    expect(last).toBeGreaterThan(first);
  });

  it('is deterministic for a seed', () => {
    const again = generateRequests({ now: now.getTime(), count: 300, seed: 5 });
    expect(generateRequests({ now: now.getTime(), count: 300, seed: 5 })).toEqual(again);
  });
});
