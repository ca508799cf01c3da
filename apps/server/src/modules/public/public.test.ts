import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { maskPersonal, publicText } from './mask.ts';

let s: TestServer;
let operator: string;
const PHONE = '+77017770001';

beforeAll(async () => {
  s = await startTestServer();
  operator = await s.token('operator');
  const resident = await s.residentToken(PHONE);
  const create = (token: string, body: Record<string, unknown>) =>
    s.call('POST', '/api/v1/requests', { token, body });
  // A resident's report with contacts and a flat number in the text, at an exact point in the west.
  await create(resident, {
    text: 'Яма у подъезда, кв. 45, звоните +7 701 777 00 01 или aigul@mail.kz',
    category: 'roads',
    channel: 'app',
    lat: 51.15432,
    lon: 71.35678,
    address: 'ул. Абая 10, кв. 45',
  });
  // A phone call taken by an operator, in the east: its words stay private.
  await create(operator, {
    text: 'Нет света в подъезде, Иванова Мария',
    category: 'electricity',
    channel: 'phone',
    lat: 51.151,
    lon: 71.451,
    resident: { phone: '+77017770002', name: 'Мария Иванова' },
  });
  await create(resident, {
    text: 'Мусор во дворе',
    category: 'yards',
    channel: 'web',
    lat: 51.1545,
    lon: 71.3571,
  });
});
afterAll(async () => {
  await s?.close();
});

describe('masking', () => {
  it('hides phones, e-mails, personal numbers and flat numbers but keeps the problem', () => {
    const t = maskPersonal(
      'Течёт крыша, квартира 12б, тел 8 (701) 555-12-34, ИИН 900101300123, mail a.b@c.kz',
    );
    expect(t).toContain('Течёт крыша');
    expect(t).not.toMatch(/12б|555|900101300123|a\.b@c\.kz/);
    expect(maskPersonal('пәтер №7 су жоқ')).not.toContain('7');
    expect(maskPersonal('5 деревьев у дома 3')).toBe('5 деревьев у дома 3');
  });

  it('shows no text for private channels and shortens long text', () => {
    expect(publicText('Иванов звонил', 'phone')).toBeNull();
    expect(publicText('a'.repeat(500), 'web')?.length).toBe(300);
  });
});

describe('GET /api/v1/public/settings', () => {
  it('tells the app whether anonymous reports are allowed and the windows', async () => {
    const r = await s.call('GET', '/api/v1/public/settings');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      city: 'testcity',
      anonymousReports: true,
      reopenWindowDays: 15,
      autoCloseDays: 15,
    });
  });
});

describe('GET /api/v1/public/requests', () => {
  it('lists requests to anyone without personal data', async () => {
    const r = await s.call('GET', '/api/v1/public/requests');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items).toHaveLength(3);
    const raw = JSON.stringify(body);
    for (const secret of [
      '77017770001',
      '777 00 01',
      'aigul@mail.kz',
      'Абая',
      'кв. 45',
      'Иванова',
      'Мария',
      '77017770002',
    ])
      expect(raw).not.toContain(secret);
    const pothole = body.items.find((i: { category: string }) => i.category === 'roads');
    expect(pothole).toMatchObject({
      lat: 51.154,
      lon: 71.357,
      status: 'new',
      district: 'west',
      agency: 'roads',
    });
    expect(pothole.text).toContain('Яма у подъезда');
    expect(Object.keys(pothole)).not.toEqual(expect.arrayContaining(['address', 'resident', 'phone']));
    expect(body.items.find((i: { category: string }) => i.category === 'electricity').text).toBeNull();
  });

  it('filters by status group, category group, district and bbox, and pages with a cursor', async () => {
    const get = async (q: string) => (await s.call('GET', `/api/v1/public/requests?${q}`)).json();
    expect((await get('category=utilities')).items.map((i: { category: string }) => i.category)).toEqual([
      'electricity',
    ]);
    expect((await get('district=east')).items).toHaveLength(1);
    expect((await get('bbox=71.3,51.1,71.4,51.2')).items).toHaveLength(2);
    expect((await get('status=done')).items).toHaveLength(0);
    expect((await get('status=open')).items).toHaveLength(3);
    const first = await get('limit=2');
    expect(first.items).toHaveLength(2);
    const second = await get(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((i: { number: string }) => i.number);
    expect(new Set(all).size).toBe(3);
  });

  it('finds open requests near a point, nearest first, measured from the rounded point', async () => {
    const near = (
      await s.call('GET', '/api/v1/public/requests?lat=51.1543&lon=71.3568&radiusM=200&status=open')
    ).json();
    expect(near.items.map((i: { category: string }) => i.category)).toEqual(['roads', 'yards']);
    expect(near.items[0].distanceM).toBeLessThan(100);
    const sameKind = (
      await s.call('GET', '/api/v1/public/requests?lat=51.1543&lon=71.3568&category=roads')
    ).json();
    expect(sameKind.items).toHaveLength(1);
  });

  it('refuses malformed filters with 400', async () => {
    for (const q of [
      'bbox=71.4,51.1,71.3,51.2',
      'status=bogus',
      'category=nope',
      'lat=51.1',
      'cursor=xyz',
      'limit=0',
    ]) {
      const r = await s.call('GET', `/api/v1/public/requests?${q}`);
      expect(r.statusCode, q).toBe(400);
    }
  });

  it('shows one request with its status history and no replies', async () => {
    const list = (await s.call('GET', '/api/v1/public/requests?category=roads')).json();
    const number = list.items[0].number as string;
    await s.call('POST', `/api/v1/requests/${number}/comments`, {
      token: operator,
      body: { body: 'Уважаемая Айгуль, бригада выехала', visibility: 'public' },
    });
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'in_progress' },
    });
    const page = await s.call('GET', `/api/v1/public/requests/${number}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().history.map((h: { status: string }) => h.status)).toEqual(['new', 'in_progress']);
    expect(page.body).not.toContain('Айгуль');
    expect((await s.call('GET', '/api/v1/public/requests/109-2020-9999999')).statusCode).toBe(404);
  });
});
