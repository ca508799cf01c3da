import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAllRollups } from '../../jobs/rollups.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
const PHONE = '+77015550601';

beforeAll(async () => {
  s = await startTestServer();
  const resident = await s.residentToken(PHONE);
  for (let i = 0; i < 4; i++) {
    const r = await s.call('POST', '/api/v1/requests', {
      token: resident,
      body: {
        text: `Секретный текст жителя ${i}: нет света`,
        category: i < 3 ? 'electricity' : 'roads',
        channel: 'app',
        lat: 51.12345 + i / 1000,
        lon: 71.43219,
        address: 'ул. Приватная, 7, кв. 12',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  // (the job leaves two seconds of slack for late commits)
  await refreshAllRollups(s.db, new Date(Date.now() + 5000));
});
afterAll(async () => {
  await s?.close();
});

describe('open data', () => {
  it('lists the datasets with their licence', async () => {
    const r = await s.call('GET', '/api/v1/open-data');
    expect(r.statusCode).toBe(200);
    expect(r.json().license).toBe('CC BY 4.0');
    expect(r.json().datasets.map((d: { name: string }) => d.name)).toEqual(['monthly', 'requests']);
  });

  it('publishes monthly aggregates that add up to what was filed, as JSON and CSV', async () => {
    const r = await s.call('GET', '/api/v1/open-data/monthly');
    expect(r.statusCode, r.body).toBe(200);
    const rows = r.json().rows as { category: string; requests: number }[];
    const by = (c: string) => rows.filter((x) => x.category === c).reduce((n, x) => n + x.requests, 0);
    expect(by('electricity')).toBe(3);
    expect(by('roads')).toBe(1);
    const csv = await s.call('GET', '/api/v1/open-data/monthly?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'month,category,district,requests,resolved,slaMet,slaBreached,avgResolutionHours,avgRating',
    );
    expect(csv.body.trim().split('\r\n')).toHaveLength(1 + rows.length);
  });

  it('publishes every request anonymised: no text, address or phone; place on a grid; time to the hour', async () => {
    const r = await s.call('GET', '/api/v1/open-data/requests?format=csv');
    expect(r.statusCode).toBe(200);
    const lines = r.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'number,created_hour,category,district,channel,criticality,status,closed_day,lat_grid,lon_grid',
    );
    expect(lines).toHaveLength(1 + 4);
    for (const secret of ['Секретный', 'Приватная', PHONE, '51.12345', '71.43219'])
      expect(r.body).not.toContain(secret);
    const first = (lines[1] as string).split(',');
    expect(first[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00Z$/);
    expect(Number(first[8])).toBeCloseTo(51.1225, 4);
    expect(Number(first[9])).toBeCloseTo(71.4325, 4);
    const roads = await s.call('GET', '/api/v1/open-data/requests?category=roads&format=xlsx');
    expect(roads.statusCode).toBe(200);
    expect(roads.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad periods with a 400 in the one error shape', async () => {
    for (const q of [
      '/api/v1/open-data/monthly?from=2026-13',
      '/api/v1/open-data/monthly?from=2026-05&to=2026-01',
      '/api/v1/open-data/requests?from=2026-05-01&to=2026-01-01',
      '/api/v1/open-data/requests?from=2010-01-01&to=2026-01-01',
      '/api/v1/open-data/requests?format=pdf',
    ]) {
      const r = await s.call('GET', q);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });
});
