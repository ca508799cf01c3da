/** The APIs behind the console's admin pages: staff, classifier, categories, agencies, districts. */
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let admin: string;
let supervisor: string;

beforeAll(async () => {
  s = await startTestServer();
  [admin, supervisor] = await Promise.all([s.token('admin'), s.token('supervisor')]);
});
afterAll(async () => {
  await s?.close();
});

describe('staff accounts', () => {
  it('lists, creates with a password, changes role and agency, deactivates', async () => {
    const list = await s.call('GET', '/api/v1/admin/staff', { token: admin });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: { login: string }[] }).items.map((x) => x.login)).toContain('t-executor');

    const created = await s.call('POST', '/api/v1/admin/staff', {
      token: admin,
      body: {
        login: 'new.op',
        name: 'New Operator',
        password: 'a-long-password',
        role: 'operator',
        lang: 'kk',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    expect(created.json()).toMatchObject({
      login: 'new.op',
      role: 'operator',
      agency: null,
      lang: 'kk',
      active: true,
    });
    expect(created.body).not.toContain('password');

    const login = await s.call('POST', '/api/v1/auth/login', {
      body: { login: 'new.op', password: 'a-long-password' },
    });
    expect(login.statusCode).toBe(200);
    const token = (login.json() as { token: string }).token;

    const dup = await s.call('POST', '/api/v1/admin/staff', {
      token: admin,
      body: { login: 'new.op', name: 'X', password: 'a-long-password', role: 'operator' },
    });
    expect(dup.statusCode).toBe(409);

    const noAgency = await s.call('PATCH', `/api/v1/admin/staff/${id}`, {
      token: admin,
      body: { role: 'executor' },
    });
    expect(noAgency.statusCode).toBe(400);
    const badAgency = await s.call('PATCH', `/api/v1/admin/staff/${id}`, {
      token: admin,
      body: { role: 'executor', agency: 'nope' },
    });
    expect(badAgency.statusCode).toBe(400);
    const ex = await s.call('PATCH', `/api/v1/admin/staff/${id}`, {
      token: admin,
      body: { role: 'executor', agency: 'roads' },
    });
    expect(ex.statusCode, ex.body).toBe(200);
    expect(ex.json()).toMatchObject({ role: 'executor', agency: 'roads' });
    // The role change ended the old session.
    expect((await s.call('GET', '/api/v1/auth/me', { token })).json()).toEqual({ user: null });

    const off = await s.call('PATCH', `/api/v1/admin/staff/${id}`, { token: admin, body: { active: false } });
    expect(off.json()).toMatchObject({ active: false });
    const again = await s.call('POST', '/api/v1/auth/login', {
      body: { login: 'new.op', password: 'a-long-password' },
    });
    expect(again.statusCode).toBe(401);

    const me = (await s.call('GET', '/api/v1/auth/me', { token: admin })).json() as { id: number };
    const self = await s.call('PATCH', `/api/v1/admin/staff/${me.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(self.statusCode).toBe(400);
    expect(
      (await s.call('PATCH', '/api/v1/admin/staff/999999', { token: admin, body: { active: true } }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses non-admins and bad input', async () => {
    expect((await s.call('GET', '/api/v1/admin/staff', { token: supervisor })).statusCode).toBe(403);
    const body = { login: 'x.y', name: 'X', password: 'a-long-password', role: 'operator' };
    expect((await s.call('POST', '/api/v1/admin/staff', { token: supervisor, body })).statusCode).toBe(403);
    expect(
      (await s.call('PATCH', '/api/v1/admin/staff/1', { token: supervisor, body: { active: false } }))
        .statusCode,
    ).toBe(403);
    for (const bad of [
      { ...body, login: 'Bad Login' },
      { ...body, password: 'short' },
      { ...body, role: 'king' },
      { ...body, extra: 1 },
    ]) {
      const r = await s.call('POST', '/api/v1/admin/staff', { token: admin, body: bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json()).toHaveProperty('error.code');
    }
    expect((await s.call('PATCH', '/api/v1/admin/staff/1', { token: admin, body: {} })).statusCode).toBe(400);
  });
});

describe('classifier status and retraining', () => {
  it('shows no model, refuses to train on too little, then trains in the background', async () => {
    const before = await s.call('GET', '/api/v1/admin/classifier', { token: admin });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ model: null, labelled: 0, training: false });
    expect((await s.call('POST', '/api/v1/admin/classifier/retrain', { token: admin })).statusCode).toBe(409);

    const texts = [
      'нет света в подъезде',
      'жарық жоқ үйде',
      'яма на дороге',
      'жолда шұңқыр',
      'отключили электричество',
      'разбитый асфальт',
    ];
    const rows = Array.from({ length: 120 }, (_, i) => {
      const power = [0, 1, 4].includes(i % 6);
      return sql`(${CITY}, ${`T-${i}`}, 'phone', ${`${texts[i % 6]} ${i}`}, 'ru', ${power ? 'electricity' : 'roads'}, 'standard', 'closed', now(), now())`;
    });
    await s.db
      .query(sql`INSERT INTO requests (city_id, number, channel, text, lang, category_code, criticality, status, due_at, created_at)
      VALUES ${sql.join(rows, sql`, `)}`);
    const start = await s.call('POST', '/api/v1/admin/classifier/retrain', { token: admin });
    expect(start.statusCode, start.body).toBe(202);
    expect(start.json()).toEqual({ started: true });
    let status:
      | {
          model: {
            version: number;
            labels: number;
            trainedOn: number;
            metrics: Record<string, number>;
          } | null;
          training: boolean;
        }
      | undefined;
    for (let i = 0; i < 120; i++) {
      status = (await s.call('GET', '/api/v1/admin/classifier', { token: admin })).json() as typeof status;
      if (status && !status.training && status.model) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(status?.model).toMatchObject({ version: 1, labels: 2, trainedOn: 120 });
    expect(status?.model?.metrics.accuracy).toBeGreaterThan(0.5);
  }, 90_000);

  it('is for admins only', async () => {
    expect((await s.call('GET', '/api/v1/admin/classifier', { token: supervisor })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/v1/admin/classifier/retrain', { token: supervisor })).statusCode).toBe(
      403,
    );
    expect((await s.call('GET', '/api/v1/admin/classifier')).statusCode).toBe(401);
  });
});

describe('categories and agencies as the admin pages edit them', () => {
  it('creates a category with three names, SLA, agency and season, deactivates it; the catalog follows at once', async () => {
    const body = {
      parent: 'utilities',
      name: { kk: 'Жылу', ru: 'Отопление', en: 'Heating' },
      defaultCriticality: 'high',
      slaHours: { urgent: 4, high: 24, standard: 72, low: 240 },
      agency: 'energy',
      season: { from: '10-01', to: '04-30' },
    };
    const put = await s.call('PUT', '/api/v1/categories/heating', { token: admin, body });
    expect(put.statusCode, put.body).toBe(200);
    type Node = { code: string; active: boolean; name: unknown; children: Node[] };
    const find = async (): Promise<Node | undefined> => {
      const tree = (await s.call('GET', '/api/v1/categories?all=true', { token: admin })).json() as {
        items: Node[];
      };
      return tree.items.find((c) => c.code === 'utilities')?.children.find((c) => c.code === 'heating');
    };
    expect(await find()).toMatchObject({
      name: body.name,
      active: true,
      agency: 'energy',
      season: body.season,
    });
    expect(
      (await s.call('PUT', '/api/v1/categories/heating', { token: admin, body: { ...body, active: false } }))
        .statusCode,
    ).toBe(200);
    expect((await find())?.active).toBe(false);
    expect((await s.call('PUT', '/api/v1/categories/heating', { token: supervisor, body })).statusCode).toBe(
      403,
    );
    const bad = await s.call('PUT', '/api/v1/categories/heating', {
      token: admin,
      body: { ...body, name: { ru: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('creates and edits an agency', async () => {
    const body = {
      kind: 'utility',
      name: { kk: 'Су', ru: 'Вода', en: 'Water' },
      phone: '+77172111111',
      email: 'w@example.kz',
    };
    expect((await s.call('PUT', '/api/v1/agencies/water', { token: admin, body })).statusCode).toBe(200);
    const list = (await s.call('GET', '/api/v1/agencies', { token: admin })).json() as {
      items: { code: string; phone: string }[];
    };
    expect(list.items.find((a) => a.code === 'water')).toMatchObject({
      phone: '+77172111111',
      kind: 'utility',
    });
    expect((await s.call('PUT', '/api/v1/agencies/water', { token: supervisor, body })).statusCode).toBe(403);
    expect(
      (await s.call('PUT', '/api/v1/agencies/water', { token: admin, body: { ...body, kind: 'bank' } }))
        .statusCode,
    ).toBe(400);
  });
});

describe('districts import', () => {
  const square = (x: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, 51],
        [x + 0.1, 51],
        [x + 0.1, 51.1],
        [x, 51.1],
        [x, 51],
      ],
    ],
  });

  it('takes names per language from the properties, and validates', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'north', name: 'Север', name_kk: 'Солтүстік', name_en: 'North' },
          geometry: square(71.6),
        },
        {
          type: 'Feature',
          properties: { code: 'south', 'name:ru': 'Юг', 'name:kk': 'Оңтүстік', 'name:en': 'South' },
          geometry: square(71.8),
        },
      ],
    };
    const r = await s.call('POST', '/api/v1/districts/import', { token: admin, body: fc });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ imported: ['north', 'south'], removed: [], kept: [] });
    const geo = (await s.call('GET', '/api/v1/districts')).json() as {
      features: { properties: { code: string; name: unknown } }[];
    };
    expect(geo.features.find((f) => f.properties.code === 'north')?.properties.name).toEqual({
      kk: 'Солтүстік',
      ru: 'Север',
      en: 'North',
    });
    expect(geo.features.find((f) => f.properties.code === 'south')?.properties.name).toEqual({
      kk: 'Оңтүстік',
      ru: 'Юг',
      en: 'South',
    });

    const noGeom = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'x' }, geometry: { type: 'Point', coordinates: [1, 2] } },
      ],
    };
    expect(
      (await s.call('POST', '/api/v1/districts/import', { token: admin, body: noGeom })).statusCode,
    ).toBe(400);
    expect(
      (
        await s.call('POST', '/api/v1/districts/import', {
          token: admin,
          body: { type: 'FeatureCollection', features: [] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await s.call('POST', '/api/v1/districts/import', { token: supervisor, body: fc })).statusCode,
    ).toBe(403);
  });

  it('with replace=true removes the districts the file leaves out, keeping those still referred to', async () => {
    // east is referred to by a routing override (yards in east → akimat-east); north is referred to by nothing.
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'west', name: 'Запад' }, geometry: square(71.3) }],
    };
    const r = await s.call('POST', '/api/v1/districts/import?replace=true', { token: admin, body: fc });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ imported: ['west'], removed: ['north', 'south'], kept: ['east'] });
    const geo = (await s.call('GET', '/api/v1/districts')).json() as {
      features: { properties: { code: string } }[];
    };
    expect(geo.features.map((f) => f.properties.code).sort()).toEqual(['east', 'west']);
    expect(
      (await s.call('POST', '/api/v1/districts/import?replace=maybe', { token: admin, body: fc })).statusCode,
    ).toBe(400);
  });

  const ASTANA = '/work/shared/data/astana/districts.geojson';
  it.skipIf(!existsSync(ASTANA))('imports Astana’s real district file (skipped when absent)', async () => {
    const fc = JSON.parse(readFileSync(ASTANA, 'utf8')) as { features: unknown[] };
    const r = await s.call('POST', '/api/v1/districts/import', { token: admin, body: fc });
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as { imported: string[] }).imported).toHaveLength(fc.features.length);
    const at = (await s.call('GET', '/api/v1/districts/lookup?lat=51.128&lon=71.43')).json() as {
      district: { code: string } | null;
    };
    expect(at.district).not.toBeNull();
  });
});
