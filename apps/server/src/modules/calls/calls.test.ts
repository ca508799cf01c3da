import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let operator: string;
let supervisor: string;
let executor: string;
let base: string;
const TOKEN = 'komek-demo-cti';

beforeAll(async () => {
  s = await startTestServer();
  [operator, supervisor, executor] = await Promise.all([
    s.token('operator'),
    s.token('supervisor'),
    s.token('executor'),
  ]);
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  const a = s.app.server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await s?.close();
});

const cti = (form: Record<string, string | string[]>, token = TOKEN) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    if (Array.isArray(v)) for (const x of v) p.append(`${k}[]`, x);
    else p.set(k, v);
  }
  return s.app.inject({
    method: 'POST',
    url: `/api/v1/cti/${token}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: p.toString(),
  });
};

/** Opens the SSE stream as `token` and collects its events. */
async function listen(token: string) {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/v1/live`, {
    headers: { authorization: `Bearer ${token}` },
    signal: ctrl.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const dec = new TextDecoder();
  let buf = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (ev && data) events.push({ event: ev, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return { events, close: () => ctrl.abort() };
}

const until = async (f: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 50));
};

describe('live updates (SSE)', () => {
  it('streams changes to staff of the city; an executor hears only their agency', async () => {
    const sup = await listen(supervisor);
    const ex = await listen(executor); // the energy executor
    const roads = await s.call('POST', '/api/v1/requests', {
      token: operator,
      body: { text: 'Яма на дороге', category: 'roads', channel: 'phone' },
    });
    const power = await s.call('POST', '/api/v1/requests', {
      token: operator,
      body: { text: 'Нет света', category: 'electricity', channel: 'phone' },
    });
    await s.call('POST', `/api/v1/requests/${power.json().number}/transitions`, {
      token: executor,
      body: { to: 'in_progress' },
    });
    await until(() => sup.events.length >= 3 && ex.events.length >= 2);
    expect(sup.events.map((e) => [e.event, e.data.number])).toEqual([
      ['request.created', roads.json().number],
      ['request.created', power.json().number],
      ['request.updated', power.json().number],
    ]);
    expect(ex.events.map((e) => e.data.number)).toEqual([power.json().number, power.json().number]);
    expect(JSON.stringify(sup.events)).not.toMatch(/\+7|Нет света/);
    sup.close();
    ex.close();
  });

  it('refuses anonymous listeners', async () => {
    const res = await fetch(`${base}/api/v1/live`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });
});

describe('telephony (generic CTI webhook)', () => {
  it('a call is answered by the operator with that extension, who alone gets the pop-up, then hangs up', async () => {
    // A known caller with an open request.
    const first = await s.call('POST', '/api/v1/requests', {
      token: operator,
      body: {
        text: 'Не вывозят мусор во дворе',
        category: 'yards',
        channel: 'phone',
        resident: { phone: '+77015550909', name: 'Айгуль' },
      },
    });
    expect(first.statusCode, first.body).toBe(201);
    const op = await listen(operator);
    const sup = await listen(supervisor);
    expect(
      (
        await cti({
          event: 'newCall',
          from: '87015550909',
          to: '109',
          direction: 'in',
          callId: 'c-1',
          user: ['Operator'],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await cti({
          event: 'answer',
          callId: 'c-1',
          answeringNumber: '201',
          direction: 'in',
          from: '87015550909',
          to: '109',
        })
      ).statusCode,
    ).toBe(200);
    await until(() => op.events.some((e) => e.event === 'call'));
    expect(op.events.find((e) => e.event === 'call')?.data).toEqual({ type: 'call', callId: 'c-1' });
    // Repeated events change nothing.
    expect((await cti({ event: 'answer', callId: 'c-1', answeringNumber: '999' })).statusCode).toBe(200);

    const card = await s.call('GET', '/api/v1/calls/c-1/card', { token: operator });
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().caller).toMatchObject({ phone: '+77015550909', resident: { name: 'Айгуль' } });
    expect(card.json().caller.open.map((r: { number: string }) => r.number)).toEqual([first.json().number]);

    // The operator registers a request during the call: it is linked to the call.
    const during = await s.call('POST', '/api/v1/requests', {
      token: operator,
      body: {
        text: 'И ещё яма у подъезда',
        category: 'roads',
        channel: 'phone',
        callId: 'c-1',
        resident: { phone: '+77015550909' },
      },
    });
    expect(during.statusCode, during.body).toBe(201);
    s.setNow(new Date(Date.now() + 95_000));
    expect((await cti({ event: 'hangup', callId: 'c-1', cause: 'normalClearing' })).statusCode).toBe(200);
    s.setNow(new Date());
    const log = await s.call('GET', '/api/v1/calls', { token: supervisor });
    expect(log.statusCode).toBe(200);
    const c = (log.json().items as Record<string, unknown>[]).find((x) => x.callId === 'c-1');
    expect(c).toMatchObject({
      state: 'ended',
      staff: 't-operator',
      cause: 'normalClearing',
      requests: [during.json().number],
    });
    expect(c?.durationSeconds).toBeGreaterThanOrEqual(90);
    expect(sup.events.some((e) => e.event === 'call')).toBe(false);
    op.close();
    sup.close();
  });

  it('another operator may not read the card; bad tokens and bad events are refused', async () => {
    expect(
      (await cti({ event: 'newCall', callId: 'c-2', from: '+77015550000' }, 'wrong-token-wrong')).statusCode,
    ).toBe(403);
    const bad = await cti({ event: 'explode', callId: 'c-2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
    expect((await cti({ event: 'answer', callId: 'never-seen' })).statusCode).toBe(404);
    await cti({ event: 'newCall', callId: 'c-3', from: 'anonymous' });
    await cti({ event: 'answer', callId: 'c-3', user: ['t-supervisor'] });
    expect((await s.call('GET', '/api/v1/calls/c-3/card', { token: operator })).statusCode).toBe(403);
    const card = await s.call('GET', '/api/v1/calls/c-3/card', { token: supervisor });
    expect(card.json()).toEqual({ callId: 'c-3', caller: null });
    expect((await s.call('GET', '/api/v1/calls', { token: operator })).statusCode).toBe(403);
    expect((await s.call('GET', '/api/v1/callers?phone=abc', { token: operator })).statusCode).toBe(400);
  });

  it('finds a caller by phone for the intake screen', async () => {
    const r = await s.call('GET', '/api/v1/callers?phone=8%20701%20555%2009%2009', { token: operator });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().open.length).toBe(2);
    const unknown = (await s.call('GET', '/api/v1/callers?phone=%2B77000000001', { token: operator })).json();
    expect(unknown).toEqual({ phone: '+77000000001', resident: null, open: [], recent: [] });
    expect(
      (await s.call('GET', '/api/v1/callers?phone=%2B77000000001', { token: executor })).statusCode,
    ).toBe(403);
  });
});
