import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { cleanQuery } from './routes.ts';

let s: TestServer;
let operator: string;
let supervisor: string;
let executor: string;
let analyst: string;

beforeAll(async () => {
  s = await startTestServer();
  [operator, supervisor, executor, analyst] = await Promise.all([
    s.token('operator'),
    s.token('supervisor'),
    s.token('executor'),
    s.token('analyst'),
  ]);
});
afterAll(async () => {
  await s?.close();
});

async function newRequest(category: string, text: string): Promise<string> {
  const r = await s.call('POST', '/api/v1/requests', {
    token: operator,
    body: { text, category, channel: 'phone' },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().number as string;
}

describe('saved queue views', () => {
  it('keeps only queue filters in a view', () => {
    expect(cleanQuery('?status=new&district=east&token=abc&q=свет')).toBe(
      'status=new&district=east&q=%D1%81%D0%B2%D0%B5%D1%82',
    );
  });

  it('saves, lists, shares and deletes views; names are unique per person', async () => {
    const mine = await s.call('POST', '/api/v1/views', {
      token: operator,
      body: { name: 'Свет, просроченные', query: 'category=electricity&overdue=true&evil=1' },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({
      query: 'category=electricity&overdue=true',
      shared: false,
      mine: true,
    });

    const again = await s.call('POST', '/api/v1/views', {
      token: operator,
      body: { name: 'свет, ПРОСРОЧЕННЫЕ', query: '' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');

    const notAllowed = await s.call('POST', '/api/v1/views', {
      token: operator,
      body: { name: 'for all', query: 'status=new', shared: true },
    });
    expect(notAllowed.statusCode).toBe(403);

    const shared = await s.call('POST', '/api/v1/views', {
      token: supervisor,
      body: { name: 'Новые по городу', query: 'status=new', shared: true },
    });
    expect(shared.statusCode, shared.body).toBe(201);

    const list = (await s.call('GET', '/api/v1/views', { token: operator })).json().items as {
      name: string;
      mine: boolean;
    }[];
    expect(list.map((v) => [v.name, v.mine])).toEqual([
      ['Свет, просроченные', true],
      ['Новые по городу', false],
    ]);
    // Another staff member does not see the operator's private view.
    const theirs = (await s.call('GET', '/api/v1/views', { token: analyst })).json().items as {
      name: string;
    }[];
    expect(theirs.map((v) => v.name)).toEqual(['Новые по городу']);

    const sharedId = shared.json().id as number;
    expect((await s.call('DELETE', `/api/v1/views/${sharedId}`, { token: operator })).statusCode).toBe(403);
    const myId = mine.json().id as number;
    expect((await s.call('DELETE', `/api/v1/views/${myId}`, { token: analyst })).statusCode).toBe(404);
    expect((await s.call('DELETE', `/api/v1/views/${myId}`, { token: operator })).statusCode).toBe(204);
    expect((await s.call('GET', '/api/v1/views', { token: operator })).json().items).toHaveLength(1);
  });

  it('refuses bad input with the one error shape', async () => {
    const r = await s.call('POST', '/api/v1/views', { token: operator, body: { name: '   ', query: 'x' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBeTruthy();
    expect((await s.call('GET', '/api/v1/views')).statusCode).toBe(401);
    expect((await s.call('DELETE', '/api/v1/views/abc', { token: operator })).statusCode).toBe(400);
  });
});

describe('bulk actions on the queue', () => {
  it('assigns several requests at once, each with its own event', async () => {
    const a = await newRequest('roads', 'Яма на дороге у дома 5');
    const b = await newRequest('roads', 'Яма на дороге у дома 7');
    const r = await s.call('POST', '/api/v1/requests/bulk', {
      token: supervisor,
      body: { action: 'assign', numbers: [a, b], assign: { agency: 'roads' } },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ done: 2, failed: 0 });
    for (const n of [a, b]) {
      const got = (await s.call('GET', `/api/v1/requests/${n}`, { token: supervisor })).json();
      expect(got.status).toBe('assigned');
      const events = (await s.call('GET', `/api/v1/requests/${n}/events`, { token: supervisor })).json()
        .items as { type: string }[];
      expect(events.filter((e) => e.type === 'assigned')).toHaveLength(1);
    }
  });

  it('moves what may move and reports the rest, as if done one by one', async () => {
    const a = await newRequest('electricity', 'Нет света в подъезде');
    const b = await newRequest('electricity', 'Нет света во дворе');
    const c = await newRequest('roads', 'Яма во дворе');
    // c belongs to another agency: the energy executor may not touch it.
    await s.call('POST', '/api/v1/requests/bulk', {
      token: supervisor,
      body: { action: 'assign', numbers: [a, b], assign: { agency: 'energy' } },
    });
    const r = await s.call('POST', '/api/v1/requests/bulk', {
      token: executor,
      body: { action: 'transition', numbers: [a, b, c], transition: { to: 'in_progress' } },
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as {
      done: number;
      failed: number;
      items: { number: string; ok: boolean; error?: { code: string } }[];
    };
    expect(body.done).toBe(2);
    expect(body.failed).toBe(1);
    const failed = body.items.find((i) => !i.ok);
    expect(failed?.number).toBe(c);
    expect(['forbidden', 'not_found']).toContain(failed?.error?.code);
    expect((await s.call('GET', `/api/v1/requests/${c}`, { token: supervisor })).json().status).toBe('new');

    // Deferring needs a planned year: every item reports the state machine's refusal.
    const d = await s.call('POST', '/api/v1/requests/bulk', {
      token: supervisor,
      body: { action: 'transition', numbers: [a, b], transition: { to: 'deferred' } },
    });
    expect(d.json()).toMatchObject({ done: 0, failed: 2 });
  });

  it('refuses bad bulk input and readers', async () => {
    const tooMany = Array.from({ length: 201 }, (_, i) => `109-2026-${String(i + 1).padStart(7, '0')}`);
    const big = await s.call('POST', '/api/v1/requests/bulk', {
      token: supervisor,
      body: { action: 'assign', numbers: tooMany, assign: { agency: 'roads' } },
    });
    expect(big.statusCode).toBe(400);
    const bad = await s.call('POST', '/api/v1/requests/bulk', {
      token: supervisor,
      body: { action: 'explode', numbers: ['x'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toHaveProperty('message');
    const analystTry = await s.call('POST', '/api/v1/requests/bulk', {
      token: analyst,
      body: { action: 'transition', numbers: ['109-2026-0000001'], transition: { to: 'closed' } },
    });
    expect(analystTry.statusCode).toBe(403);
  });
});
