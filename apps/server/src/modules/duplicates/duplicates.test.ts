import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { cellsAround, gridCell, haversineM } from '../../lib/geo.ts';
import fc from 'fast-check';

let s: TestServer;
let near = '';
beforeAll(async () => {
  s = await startTestServer();
  const op = await s.token('operator');
  const post = async (text: string, lat: number, lon: number, category = 'roads') =>
    (
      await s.call('POST', '/api/v1/requests', {
        token: op,
        body: { text, category, lat, lon, channel: 'phone' },
      })
    ).json().number as string;
  near = await post('Большая яма на дороге у дома 12, машины объезжают', 51.15, 71.35);
  await post('Яма во дворе возле школы', 51.1503, 71.3512); // ~90 m, other words
  await post('Большая яма на дороге у дома 12', 50.25, 71.35); // 100 km south
  await post('Нет света в подъезде', 51.15, 71.35, 'electricity'); // same place, unrelated category
});
afterAll(async () => {
  await s?.close();
});

describe('duplicate candidates', () => {
  it('puts the request 30 m away with the same category and similar words first, and not the one 100 km away', async () => {
    const r = await s.call('POST', '/api/v1/requests/candidates', {
      token: await s.token('operator'),
      body: { text: 'яма на дороге у дома 12, объезжают', lat: 51.15027, lon: 71.35, category: 'roads' },
    });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as {
      number: string;
      reasons: { distanceM: number; textSimilarity: number };
    }[];
    expect(items[0]?.number).toBe(near);
    expect(items[0]?.reasons.distanceM).toBeLessThan(40);
    expect(items.every((i) => i.reasons.distanceM <= 300)).toBe(true);
    expect(items).toHaveLength(2);
    expect(items[0]!.reasons.textSimilarity).toBeGreaterThan(items[1]!.reasons.textSimilarity);
  });

  it('finds the one within the radius even when its cell is crowded with newer ones just beyond it', async () => {
    const op = await s.token('operator');
    const post = async (text: string, lat: number) =>
      (
        await s.call('POST', '/api/v1/requests', {
          token: op,
          body: { text, category: 'roads', lat, lon: 71.47, channel: 'phone' },
        })
      ).json().number as string;
    // 280 m north of the point, then 45 newer requests 330 m north: one grid cell holds them all.
    const inside = await post('Провал асфальта у остановки', 51.13 + 280 / 111_320);
    for (let i = 0; i < 45; i++) await post(`Сломана скамейка ${i}`, 51.13 + 330 / 111_320);
    expect(gridCell(51.13 + 280 / 111_320, 71.47)).toBe(gridCell(51.13 + 330 / 111_320, 71.47));
    const items = (
      await s.call('POST', '/api/v1/requests/candidates', {
        token: op,
        body: { text: 'провал асфальта у остановки', lat: 51.13, lon: 71.47 },
      })
    ).json().items as { number: string; reasons: { distanceM: number } }[];
    expect(items.map((i) => i.number)).toEqual([inside]);
    expect(items[0]?.reasons.distanceM).toBe(280);
  });

  it('masks other people’s contacts in what a resident sees', async () => {
    const op = await s.token('operator');
    await s.call('POST', '/api/v1/requests', {
      token: op,
      body: {
        text: 'Яма у дома, звоните +7 701 999 88 77',
        category: 'roads',
        lat: 51.1601,
        lon: 71.36,
        channel: 'phone',
      },
    });
    const resident = await s.residentToken('+77019990055');
    const items = (
      await s.call('POST', '/api/v1/requests/candidates', {
        token: resident,
        body: { text: 'яма у дома', lat: 51.1601, lon: 71.36 },
      })
    ).json().items as { text: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(JSON.stringify(items)).not.toContain('999 88 77');
    const staff = (
      await s.call('POST', '/api/v1/requests/candidates', {
        token: op,
        body: { text: 'яма у дома', lat: 51.1601, lon: 71.36 },
      })
    ).json().items as { text: string }[];
    expect(JSON.stringify(staff)).toContain('999 88 77');
  });

  it('needs a signed-in caller and valid coordinates', async () => {
    expect(
      (await s.call('POST', '/api/v1/requests/candidates', { body: { text: 'x', lat: 51, lon: 71 } }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await s.call('POST', '/api/v1/requests/candidates', {
          token: await s.token('operator'),
          body: { text: 'x', lat: 95, lon: 71 },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('the cells cover the whole radius (any point within it has its cell listed)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.integer({ min: 20, max: 2000 }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (lat, lon, radius, angle, frac) => {
          const d = radius * frac;
          const pLat = lat + (d * Math.cos(angle)) / 111_320;
          const pLon = lon + (d * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
          if (haversineM(lat, lon, pLat, pLon) > radius) return;
          expect(cellsAround(lat, lon, radius)).toContain(gridCell(pLat, pLon));
        },
      ),
    );
  });
});
