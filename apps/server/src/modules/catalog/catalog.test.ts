import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const name = { kk: 'Қар', ru: 'Снег', en: 'Snow' };

describe('categories, agencies and districts', () => {
  it('lists the category tree with names in three languages and SLA hours', async () => {
    const r = (await s.call('GET', '/api/v1/categories')).json();
    const utilities = r.items.find((c: { code: string }) => c.code === 'utilities');
    expect(utilities.children.map((c: { code: string }) => c.code)).toEqual(['electricity']);
    expect(utilities.children[0].slaHours.urgent).toBe(24);
    expect(Object.keys(utilities.children[0].name).sort()).toEqual(['en', 'kk', 'ru']);
  });

  it('an admin creates a seasonal category; out of season it is hidden unless asked for', async () => {
    const admin = await s.token('admin');
    const month = new Date().getUTCMonth() + 1;
    const off = String(((month + 5) % 12) + 1).padStart(2, '0');
    const put = await s.call('PUT', '/api/v1/categories/snow', {
      token: admin,
      body: {
        name,
        agency: 'roads',
        season: { from: `${off}-01`, to: `${off}-28` },
        slaHours: { urgent: 12, high: 48, standard: 120, low: 240 },
      },
    });
    expect(put.statusCode).toBe(200);
    const visible = (await s.call('GET', '/api/v1/categories'))
      .json()
      .items.map((c: { code: string }) => c.code);
    expect(visible).not.toContain('snow');
    const all = (await s.call('GET', '/api/v1/categories?all=true'))
      .json()
      .items.find((c: { code: string }) => c.code === 'snow');
    expect(all).toMatchObject({ inSeason: false, slaHours: { urgent: 12 } });
  });

  it('only admins change the catalog (403), bad bodies are 400, unknown agency is a 409', async () => {
    expect(
      (await s.call('PUT', '/api/v1/categories/x1', { token: await s.token('operator'), body: { name } }))
        .statusCode,
    ).toBe(403);
    expect((await s.call('PUT', '/api/v1/categories/x1', { body: { name } })).statusCode).toBe(401);
    const admin = await s.token('admin');
    expect(
      (await s.call('PUT', '/api/v1/categories/x1', { token: admin, body: { name: { ru: 'только ru' } } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await s.call('PUT', '/api/v1/categories/BAD CODE', { token: admin, body: { name } })).statusCode,
    ).toBe(400);
    const ghost = await s.call('PUT', '/api/v1/categories/x2', {
      token: admin,
      body: { name, agency: 'ghost' },
    });
    expect(ghost.statusCode).toBe(409);
    expect(ghost.json().error.code).toBe('conflict');
  });

  it('imports districts from GeoJSON and finds a point’s district', async () => {
    const admin = await s.token('admin');
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'north', name: 'Север' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [71.3, 51.2],
                [71.5, 51.2],
                [71.5, 51.3],
                [71.3, 51.3],
                [71.3, 51.2],
              ],
            ],
          },
        },
      ],
    };
    const r = await s.call('POST', '/api/v1/districts/import', { token: admin, body: fc });
    expect(r.json()).toEqual({ imported: ['north'], removed: [], kept: [] });
    expect((await s.call('GET', '/api/v1/districts/lookup?lat=51.25&lon=71.4')).json().district.code).toBe(
      'north',
    );
    expect((await s.call('GET', '/api/v1/districts/lookup?lat=51.15&lon=71.45')).json().district.code).toBe(
      'east',
    );
    expect((await s.call('GET', '/api/v1/districts/lookup?lat=40&lon=10')).json().district).toBeNull();
    const bad = await s.call('POST', '/api/v1/districts/import', {
      token: admin,
      body: {
        type: 'FeatureCollection',
        features: [{ properties: { id: 'x' }, geometry: { type: 'Point', coordinates: [1, 2] } }],
      },
    });
    expect(bad.statusCode).toBe(400);
    const geo = (await s.call('GET', '/api/v1/districts')).json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual([
      'east',
      'north',
      'west',
    ]);
  });

  it('an admin edits an agency', async () => {
    const admin = await s.token('admin');
    const r = await s.call('PUT', '/api/v1/agencies/lifts-1', {
      token: admin,
      body: {
        kind: 'lift_company',
        name: { kk: 'Лифт', ru: 'Лифт', en: 'Lift' },
        phone: '+77172111111',
        calendar: 'office',
      },
    });
    expect(r.statusCode).toBe(200);
    const list = (await s.call('GET', '/api/v1/agencies')).json().items;
    expect(list.find((a: { code: string }) => a.code === 'lifts-1')).toMatchObject({
      kind: 'lift_company',
      calendar: 'office',
    });
  });
});
