import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { notifySubscribers } from './jobs.ts';

let s: TestServer;
let follower: string;
let owner: string;
let operator: string;
let number: string;

beforeAll(async () => {
  s = await startTestServer();
  follower = await s.residentToken('+77019990001');
  owner = await s.residentToken('+77019990002');
  operator = await s.token('operator');
  number = (
    await s.call('POST', '/api/v1/requests', {
      token: owner,
      body: { text: 'Яма на дороге', category: 'roads', channel: 'app', lat: 51.15, lon: 71.35 },
    })
  ).json().number;
});
afterAll(async () => {
  await s?.close();
});

const sub = (token: string | undefined, body: unknown) =>
  s.call('POST', '/api/v1/subscriptions', { token, body });
const inapp = async (phone: string) => {
  const id = (await s.db.query<{ id: number }>(sql`SELECT id FROM residents WHERE phone = ${phone}`))[0]?.id;
  return s.db.query<{ kind: string; payload: Record<string, unknown> }>(
    sql`SELECT kind, payload FROM outbox WHERE channel = 'inapp' AND recipient = ${`resident:${id}`} ORDER BY id`,
  );
};

describe('subscriptions API', () => {
  it('follows a request, a district and a box; lists and deletes them', async () => {
    const a = await sub(follower, { request: number });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'request', request: number, district: null, bbox: null });
    expect((await sub(follower, { request: number })).json().id).toBe(a.json().id);
    expect((await sub(follower, { district: 'east' })).json()).toMatchObject({
      kind: 'district',
      district: 'east',
    });
    const box = await sub(follower, { bbox: [71.3, 51.1, 71.36, 51.16] });
    expect(box.json()).toMatchObject({ kind: 'bbox', bbox: [71.3, 51.1, 71.36, 51.16] });
    const list = (await s.call('GET', '/api/v1/subscriptions', { token: follower })).json().items;
    expect(list.map((x: { kind: string }) => x.kind)).toEqual(['request', 'district', 'bbox']);
    expect(
      (await s.call('DELETE', `/api/v1/subscriptions/${box.json().id}`, { token: owner })).statusCode,
    ).toBe(403);
    expect(
      (await s.call('DELETE', `/api/v1/subscriptions/${box.json().id}`, { token: follower })).statusCode,
    ).toBe(204);
    expect(
      (await s.call('DELETE', `/api/v1/subscriptions/${box.json().id}`, { token: follower })).statusCode,
    ).toBe(404);
  });

  it('is for residents, with one valid target', async () => {
    expect((await sub(undefined, { district: 'east' })).statusCode).toBe(401);
    expect((await sub(operator, { district: 'east' })).statusCode).toBe(403);
    for (const body of [
      {},
      { district: 'east', request: number },
      { district: 'nowhere' },
      { bbox: [71.4, 51.1, 71.3, 51.2] },
      { bbox: [70, 50, 72, 52] },
      { bbox: [1, 2, 3] },
    ]) {
      expect((await sub(follower, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await sub(follower, { request: '109-2020-0999999' })).statusCode).toBe(404);
  });
});

describe('telling subscribers', () => {
  it('tells a request’s followers of status changes once each, and not its own resident', async () => {
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'in_progress' },
    });
    await notifySubscribers(s.db, new Date());
    await notifySubscribers(s.db, new Date());
    const msgs = (await inapp('+77019990001')).filter((m) => m.kind === 'status_changed');
    expect(msgs.map((m) => m.payload.status)).toEqual(['in_progress']);
    await sub(owner, { request: number });
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'resolved' },
    });
    await notifySubscribers(s.db, new Date());
    expect(
      (await inapp('+77019990001')).filter((m) => m.kind === 'status_changed').map((m) => m.payload.status),
    ).toEqual(['in_progress', 'resolved']);
    // The owner hears of their own request through its own notifications, never as a follower.
    expect(
      (await inapp('+77019990002')).filter(
        (m) => m.kind === 'status_changed' && m.payload.subscription !== undefined,
      ),
    ).toHaveLength(0);
  });

  it('tells an area’s followers of new reports there, from the first run on', async () => {
    await notifySubscribers(s.db, new Date()); // sets the area cursor: the past is not news
    const t0 = Date.now();
    await s.call('POST', '/api/v1/requests', {
      token: owner,
      body: { text: 'Нет света', category: 'electricity', channel: 'app', lat: 51.15, lon: 71.45 },
    });
    await s.call('POST', '/api/v1/requests', {
      token: owner,
      body: { text: 'Мусор во дворе', category: 'yards', channel: 'app', lat: 51.15, lon: 71.35 },
    });
    await notifySubscribers(s.db, new Date(t0 + 10_000));
    const area = (await inapp('+77019990001')).filter((m) => m.kind === 'area_report');
    expect(area).toHaveLength(1);
    expect(area[0]?.payload).toMatchObject({ category: 'electricity', district: 'east' });
    await notifySubscribers(s.db, new Date(t0 + 20_000));
    expect((await inapp('+77019990001')).filter((m) => m.kind === 'area_report')).toHaveLength(1);
  });
});
