import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const HOUR = 3_600_000;

describe('intake', () => {
  it('an operator registers a phone request: 201 with a number, district, agency and a due time by criticality', async () => {
    const token = await s.token('operator');
    const before = Date.now();
    const r = await s.call('POST', '/api/v1/requests', {
      token,
      body: {
        text: 'Нет света во всем доме',
        category: 'electricity',
        criticality: 'urgent',
        lat: 51.15,
        lon: 71.35,
        channel: 'phone',
        resident: { phone: '+7 701 111 22 33', name: 'Айгуль' },
      },
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.number).toMatch(/^109-\d{4}-\d{7}$/);
    expect(body).toMatchObject({
      status: 'new',
      category: 'electricity',
      criticality: 'urgent',
      district: 'west',
      agency: 'energy',
    });
    const due = new Date(body.dueAt).getTime();
    expect(due - before).toBeGreaterThanOrEqual(24 * HOUR - 1000);
    expect(due - before).toBeLessThanOrEqual(24 * HOUR + 5000);
    expect(body.resident.phone).toBe('+77011112233');

    const std = await s.call('POST', '/api/v1/requests', {
      token,
      body: { text: 'Яма на дороге', category: 'roads', criticality: 'standard', channel: 'phone' },
    });
    expect(std.statusCode).toBe(201);
    const d = new Date(std.json().dueAt).getTime() - Date.now();
    expect(Math.round(d / (24 * HOUR))).toBe(10);
  });

  it('routes by district override and suggests a category from the text when none is given', async () => {
    const token = await s.token('operator');
    const r = await s.call('POST', '/api/v1/requests', {
      token,
      body: {
        text: 'Во дворе сломаны качели, двор грязный',
        category: 'yards',
        lat: 51.15,
        lon: 71.45,
        channel: 'phone',
      },
    });
    expect(r.json()).toMatchObject({ district: 'east', agency: 'akimat-east', criticality: 'low' });
    const guessed = await s.call('POST', '/api/v1/requests', {
      token,
      body: { text: 'огромная яма на дороге у дома', channel: 'phone' },
    });
    expect(guessed.json().category).toBe('roads');
  });

  it('honours Idempotency-Key: a retry returns the same request and stores nothing twice', async () => {
    const token = await s.token('operator');
    const body = { text: 'Не горит фонарь', category: 'electricity', channel: 'phone' };
    const a = await s.call('POST', '/api/v1/requests', {
      token,
      body,
      headers: { 'idempotency-key': 'abc-1' },
    });
    const b = await s.call('POST', '/api/v1/requests', {
      token,
      body,
      headers: { 'idempotency-key': 'abc-1' },
    });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().number).toBe(a.json().number);
    const rows = await s.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM requests WHERE idempotency_key = 'abc-1'",
    );
    expect(rows[0]?.n).toBe(1);
    const other = await s.call('POST', '/api/v1/requests', {
      token: await s.token('supervisor'),
      body,
      headers: { 'idempotency-key': 'abc-1' },
    });
    expect(other.statusCode).toBe(409);
  });

  it('writes the created event, with the classification, in the same statement', async () => {
    const token = await s.token('operator');
    const r = await s.call('POST', '/api/v1/requests', {
      token,
      body: { text: 'Нет электричества', channel: 'phone', category: 'electricity' },
    });
    const ev = await s.call('GET', `/api/v1/requests/${r.json().number}/events`, { token });
    const types = ev.json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual(['created']);
    expect(ev.json().items[0].data.classification.accepted).toBe(true);
  });
});

describe('lifecycle', () => {
  async function newRequest(): Promise<string> {
    const r = await s.call('POST', '/api/v1/requests', {
      token: await s.token('operator'),
      body: {
        text: 'Нет света в подъезде',
        category: 'electricity',
        channel: 'phone',
        resident: { phone: '+77019998877' },
      },
    });
    return r.json().number as string;
  }

  it('goes new → assigned → in_progress → resolved → closed with an event each', async () => {
    const n = await newRequest();
    const ex = await s.token('executor');
    expect(
      (await s.call('POST', `/api/v1/requests/${n}/assign`, { token: ex, body: { agency: 'energy' } })).json()
        .status,
    ).toBe('assigned');
    for (const to of ['in_progress', 'resolved', 'closed']) {
      const r = await s.call('POST', `/api/v1/requests/${n}/transitions`, { token: ex, body: { to } });
      expect(r.statusCode).toBe(200);
      expect(r.json().status).toBe(to);
    }
    const ev = (await s.call('GET', `/api/v1/requests/${n}/events`, { token: ex })).json().items as {
      type: string;
      toStatus: string | null;
    }[];
    expect(ev.filter((e) => e.type === 'status_changed').map((e) => e.toStatus)).toEqual([
      'in_progress',
      'resolved',
      'closed',
    ]);
    const req = (await s.call('GET', `/api/v1/requests/${n}`, { token: ex })).json();
    expect(req.firstResponseAt).not.toBeNull();
    expect(req.resolvedAt).not.toBeNull();
    expect(req.closedAt).not.toBeNull();
  });

  it('refuses an illegal transition with 409 and the allowed statuses', async () => {
    const n = await newRequest();
    const r = await s.call('POST', `/api/v1/requests/${n}/transitions`, {
      token: await s.token('operator'),
      body: { to: 'closed' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('illegal_transition');
    expect(r.json().error.details.allowed).toContain('assigned');
    expect(r.json().error.details.allowed).not.toContain('closed');
  });

  it('deferral needs a later planned year; duplicate needs the parent, and follows it when it is resolved', async () => {
    const op = await s.token('operator');
    const n = await newRequest();
    const bad = await s.call('POST', `/api/v1/requests/${n}/transitions`, {
      token: op,
      body: { to: 'deferred', reason: 'нет бюджета' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.reason).toBe('planned_year_required');
    const year = new Date().getFullYear() + 1;
    const ok = await s.call('POST', `/api/v1/requests/${n}/transitions`, {
      token: op,
      body: { to: 'deferred', reason: 'нет бюджета', plannedYear: year },
    });
    expect(ok.json()).toMatchObject({ status: 'deferred', plannedYear: year });

    const parent = await newRequest();
    const child = await newRequest();
    const d = await s.call('POST', `/api/v1/requests/${child}/transitions`, {
      token: op,
      body: { to: 'duplicate', duplicateOf: parent },
    });
    expect(d.json()).toMatchObject({ status: 'duplicate', duplicateOf: parent });
    await s.call('POST', `/api/v1/requests/${parent}/transitions`, { token: op, body: { to: 'resolved' } });
    expect((await s.call('GET', `/api/v1/requests/${child}`, { token: op })).json().status).toBe('resolved');
  });

  it('waiting for the resident pauses the SLA clock and resuming extends the due time', async () => {
    const op = await s.token('operator');
    const n = await newRequest();
    const t0 = new Date();
    s.setNow(t0);
    const before = (await s.call('GET', `/api/v1/requests/${n}`, { token: op })).json().dueAt;
    await s.call('POST', `/api/v1/requests/${n}/transitions`, {
      token: op,
      body: { to: 'waiting_for_resident', reason: 'уточнить адрес' },
    });
    s.setNow(new Date(t0.getTime() + 5 * HOUR));
    const after = await s.call('POST', `/api/v1/requests/${n}/transitions`, {
      token: op,
      body: { to: 'in_progress' },
    });
    s.setNow(undefined as unknown as Date);
    expect(new Date(after.json().dueAt).getTime() - new Date(before).getTime()).toBe(5 * HOUR);
  });
});

describe('who sees what', () => {
  it('an executor sees only their agency’s requests and cannot change another’s (403)', async () => {
    const op = await s.token('operator');
    const road = await s.call('POST', '/api/v1/requests', {
      token: op,
      body: { text: 'Яма', category: 'roads', channel: 'phone' },
    });
    const n = road.json().number as string;
    const ex = await s.token('executor'); // energy
    expect((await s.call('GET', `/api/v1/requests/${n}`, { token: ex })).statusCode).toBe(403);
    expect(
      (await s.call('POST', `/api/v1/requests/${n}/transitions`, { token: ex, body: { to: 'in_progress' } }))
        .statusCode,
    ).toBe(403);
    const list = (await s.call('GET', '/api/v1/requests?limit=200', { token: ex })).json().items as {
      agency: string;
    }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.agency === 'energy')).toBe(true);
    expect((await s.call('GET', '/api/v1/requests?agency=roads', { token: ex })).statusCode).toBe(403);
  });

  it('a resident sees their own requests only, and an analyst sees no personal data', async () => {
    const tokenA = await s.residentToken('+77015550001');
    const tokenB = await s.residentToken('+77015550002');
    const mine = await s.call('POST', '/api/v1/requests', {
      token: tokenA,
      body: { text: 'Во дворе яма', category: 'roads', channel: 'app' },
    });
    expect(mine.statusCode).toBe(201);
    const n = mine.json().number as string;
    expect((await s.call('GET', `/api/v1/requests/${n}`, { token: tokenA })).statusCode).toBe(200);
    expect((await s.call('GET', `/api/v1/requests/${n}`, { token: tokenB })).statusCode).toBe(403);
    const listB = (await s.call('GET', '/api/v1/requests', { token: tokenB })).json().items;
    expect(listB).toEqual([]);
    const an = (await s.call('GET', `/api/v1/requests/${n}`, { token: await s.token('analyst') })).json();
    expect(an.resident).toEqual({ id: expect.any(Number), phone: null, name: null });
    expect(
      (
        await s.call('POST', `/api/v1/requests/${n}/transitions`, {
          token: await s.token('analyst'),
          body: { to: 'assigned' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await s.call('POST', '/api/v1/requests', {
          token: await s.token('analyst'),
          body: { text: 'x', channel: 'phone' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await s.call('GET', '/api/v1/requests')).statusCode).toBe(401);
  });

  it('keyset pagination walks every row once', async () => {
    const op = await s.token('operator');
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/requests?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const r = (await s.call('GET', url, { token: op })).json() as {
        items: { number: string }[];
        nextCursor: string | null;
      };
      for (const i of r.items) {
        expect(seen.has(i.number)).toBe(false);
        seen.add(i.number);
      }
      cursor = r.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const total = await s.db.query<{ n: number }>('SELECT count(*) AS n FROM requests');
    expect(seen.size).toBe(total[0]?.n);
  });
});

describe('bad input gets a 4xx in one shape and stores nothing', () => {
  const cases: [string, unknown, number, string][] = [
    ['malformed JSON', '{"text": ', 400, 'invalid_json'],
    ['wrong type', { text: 5, channel: 'phone' }, 400, 'validation_failed'],
    ['unknown enum', { text: 'x', channel: 'pigeon' }, 400, 'validation_failed'],
    [
      'unknown criticality',
      { text: 'x', channel: 'phone', criticality: 'apocalyptic' },
      400,
      'validation_failed',
    ],
    ['100 kB string', { text: 'я'.repeat(100_000), channel: 'phone' }, 400, 'validation_failed'],
    ['bad coordinates', { text: 'x', channel: 'phone', lat: 91, lon: 0 }, 400, 'validation_failed'],
    ['half a point', { text: 'x', channel: 'phone', lat: 51 }, 400, 'validation_failed'],
    ['unknown category', { text: 'x', channel: 'phone', category: 'nope' }, 400, 'validation_failed'],
    ['bad phone', { text: 'x', channel: 'phone', resident: { phone: 'call me maybe' } }, 400, 'bad_request'],
    ['extra field', { text: 'x', channel: 'phone', hack: true }, 400, 'validation_failed'],
  ];
  it.each(cases)('%s', async (_name, body, status, code) => {
    const token = await s.token('operator');
    const before = await s.db.query<{ n: number }>('SELECT count(*) AS n FROM requests');
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(r.statusCode).toBe(status);
    expect(r.json()).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
    const after = await s.db.query<{ n: number }>('SELECT count(*) AS n FROM requests');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('unknown ids, missing auth and bad numbers are 4xx', async () => {
    const token = await s.token('operator');
    expect((await s.call('GET', '/api/v1/requests/109-2026-9999999', { token })).statusCode).toBe(404);
    expect((await s.call('GET', '/api/v1/requests/not-a-number', { token })).statusCode).toBe(400);
    expect(
      (await s.call('POST', '/api/v1/requests', { body: { text: 'x', channel: 'phone' } })).statusCode,
    ).toBe(401);
    expect((await s.call('GET', '/api/v1/requests?cursor=garbage', { token })).statusCode).toBe(400);
    expect((await s.call('GET', '/api/v1/nothing-here')).json().error.code).toBe('not_found');
  });
});
