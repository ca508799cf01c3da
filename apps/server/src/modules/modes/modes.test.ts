import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { seasonOf } from './service.ts';

let s: TestServer;
let operator: string;
let supervisor: string;
let start: Date;

beforeAll(async () => {
  s = await startTestServer();
  [operator, supervisor] = await Promise.all([s.token('operator'), s.token('supervisor')]);
  start = new Date('2026-11-25T06:00:00Z');
  s.setNow(start);
  for (const [title, categories] of [
    ['Яма на дороге: куда звонить', ['roads']],
    ['Нет света в доме: что делать и куда звонить', ['electricity']],
  ] as const) {
    const r = await s.call('POST', '/api/v1/kb/articles', {
      token: supervisor,
      body: {
        variants: [{ lang: 'ru', title, body: `${title}. Позвоните 109.`, keywords: [] }],
        categories: [...categories],
        status: 'published',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(async () => {
  await s?.close();
});

const current = async () => (await s.call('GET', '/api/v1/modes/current')).json();

describe('seasons', () => {
  it('follow the calendar', () => {
    expect(['2026-01-10', '2026-04-01', '2026-07-15', '2026-10-05', '2026-12-01'].map(seasonOf)).toEqual([
      'winter',
      'spring',
      'summer',
      'autumn',
      'winter',
    ]);
  });
});

describe('emergency modes', () => {
  it('a supervisor declares a blackout: banner data for everyone, its categories, articles and templates first', async () => {
    expect(await current()).toEqual({ season: 'autumn', emergencies: [] });
    const suggest = async () =>
      (
        (
          await s.call('POST', '/api/v1/kb/suggest', {
            token: operator,
            body: { text: 'куда звонить', category: 'roads' },
          })
        ).json().articles as { title: string }[]
      ).map((a) => a.title);
    expect((await suggest())[0]).toBe('Яма на дороге: куда звонить');
    const before = (await s.call('GET', '/api/v1/categories', { token: operator })).json().items as {
      code: string;
    }[];
    const r = await s.call('POST', '/api/v1/admin/emergencies', {
      token: supervisor,
      body: {
        kind: 'blackout',
        title: { ru: 'Отключение электричества в Есиле', kk: 'Есілде жарық жоқ', en: 'Power cut in Yesil' },
        message: { ru: 'Аварийные бригады работают.' },
        categories: ['electricity'],
        districts: ['east'],
        hours: 2,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const now = await current();
    expect(now.emergencies).toHaveLength(1);
    expect(now.emergencies[0]).toMatchObject({
      kind: 'blackout',
      categories: ['electricity'],
      districts: ['east'],
    });
    expect(JSON.stringify(now)).not.toMatch(/t-supervisor|Test supervisor/);

    const after = (await s.call('GET', '/api/v1/categories', { token: operator })).json().items as {
      code: string;
      emergency?: boolean;
    }[];
    expect(after[0]).toMatchObject({ code: 'utilities', emergency: true }); // electricity's parent
    expect(after.map((c) => c.code).sort()).toEqual(before.map((c) => c.code).sort());

    const titles = await suggest();
    expect(titles[0]).toMatch(/Нет света/);
    expect(titles).toContain('Яма на дороге: куда звонить');
  });

  it('ends by itself when its time is up, and every change is a mode event', async () => {
    s.setNow(new Date(start.getTime() + 3 * 3_600_000));
    expect((await current()).emergencies).toEqual([]);
    const hist = (await s.call('GET', '/api/v1/admin/emergencies', { token: supervisor })).json();
    expect(hist.items[0].endedAt).toBeTruthy();
    const types = (hist.events as { type: string; actor: string | null }[]).map((e) => [e.type, e.actor]);
    expect(types).toEqual([
      ['emergency_expired', null],
      ['emergency_declared', 't-supervisor'],
      ['season_changed', null],
    ]);
    const bySql = await s.db.query(sql`SELECT count(*)::int AS n FROM mode_events`);
    await expect(s.db.query(sql`DELETE FROM mode_events`)).rejects.toThrow(/append-only/);
    expect(await s.db.query(sql`SELECT count(*)::int AS n FROM mode_events`)).toEqual(bySql);
  });

  it('is ended by hand once; a spike alert becomes an emergency with its category and district', async () => {
    const e = await s.call('POST', '/api/v1/admin/emergencies', {
      token: supervisor,
      body: { kind: 'storm', title: { ru: 'Штормовое предупреждение' } },
    });
    const id = e.json().id as number;
    expect(
      (await s.call('POST', `/api/v1/admin/emergencies/${id}/end`, { token: supervisor })).statusCode,
    ).toBe(200);
    const again = await s.call('POST', `/api/v1/admin/emergencies/${id}/end`, { token: supervisor });
    expect(again.statusCode).toBe(409);
    expect(
      (await s.call('POST', '/api/v1/admin/emergencies/999999/end', { token: supervisor })).statusCode,
    ).toBe(404);

    const [alert] = await s.db.query<{
      id: number;
    }>(sql`INSERT INTO alerts (city_id, day, category_code, district_code, count, expected, score)
      VALUES ('testcity', '2026-11-25', 'roads', 'west', 40, 4, 9.5) RETURNING id`);
    const fromAlert = await s.call('POST', `/api/v1/alerts/${alert!.id}/emergency`, {
      token: supervisor,
      body: { kind: 'flood', hours: 6 },
    });
    expect(fromAlert.statusCode, fromAlert.body).toBe(201);
    expect(fromAlert.json()).toMatchObject({
      kind: 'flood',
      categories: ['roads'],
      districts: ['west'],
      alertId: alert!.id,
    });
    expect(fromAlert.json().title.ru).toBe('roads ru — west');
    const [st] = await s.db.query<{ status: string }>(sql`SELECT status FROM alerts WHERE id = ${alert!.id}`);
    expect(st?.status).toBe('acknowledged');
    expect((await current()).emergencies.map((x: { kind: string }) => x.kind)).toEqual(['flood']);
  });

  it('refuses operators, bad input and unknown categories with the one error shape', async () => {
    const body = { kind: 'blackout', title: { ru: 'x' } };
    expect((await s.call('POST', '/api/v1/admin/emergencies', { token: operator, body })).statusCode).toBe(
      403,
    );
    expect((await s.call('POST', '/api/v1/admin/emergencies', { body })).statusCode).toBe(401);
    const kind = await s.call('POST', '/api/v1/admin/emergencies', {
      token: supervisor,
      body: { ...body, kind: 'zombies' },
    });
    expect(kind.statusCode).toBe(400);
    const cat = await s.call('POST', '/api/v1/admin/emergencies', {
      token: supervisor,
      body: { ...body, categories: ['no-such'] },
    });
    expect(cat.statusCode).toBe(400);
    expect(cat.json().error.details.field).toBe('categories');
    const untitled = await s.call('POST', '/api/v1/admin/emergencies', {
      token: supervisor,
      body: { kind: 'storm', title: { ru: '   ' } },
    });
    expect(untitled.statusCode).toBe(400);
    expect(
      (await s.call('POST', '/api/v1/alerts/424242/emergency', { token: supervisor, body: {} })).statusCode,
    ).toBe(404);
  });
});
