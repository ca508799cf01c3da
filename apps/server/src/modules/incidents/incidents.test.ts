import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { groupIncidents } from './service.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('mass incidents', () => {
  it('groups a burst of blackout reports into one incident, attaches later ones, and closing it resolves all with one answer', async () => {
    const op = await s.token('operator');
    const post = async (i: number, lat: number, lon: number, category = 'electricity') =>
      (
        await s.call('POST', '/api/v1/requests', {
          token: op,
          body: {
            text: `нет света ${i}`,
            category,
            lat,
            lon,
            channel: 'phone',
            resident: { phone: `+7701666${String(i).padStart(4, '0')}` },
          },
        })
      ).json().number as string;
    const burst: string[] = [];
    for (let i = 0; i < 5; i++) burst.push(await post(i, 51.15 + i * 0.0005, 71.35 + i * 0.0005));
    // Spread over the city, the same problem is not an incident.
    for (let i = 0; i < 5; i++) await post(10 + i, 51.11 + i * 0.02, 71.31 + i * 0.03);
    expect(await groupIncidents(s.db, new Date())).toEqual({ created: 1, attached: 5 });
    const late = await post(20, 51.1512, 71.3512);
    expect((await groupIncidents(s.db, new Date())).attached).toBe(1);

    const list = (await s.call('GET', '/api/v1/incidents?status=open', { token: op })).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ category: 'electricity', requests: 6, openRequests: 6 });
    const lateReq = (await s.call('GET', `/api/v1/requests/${late}`, { token: op })).json();
    expect(lateReq.incidentId).toBe(list[0].id);

    const closed = await s.call('POST', `/api/v1/incidents/${list[0].id}/close`, {
      token: await s.token('supervisor'),
      body: { answer: 'Авария на подстанции устранена' },
    });
    expect(closed.json()).toEqual({ id: list[0].id, resolved: 6 });
    for (const n of [...burst, late]) {
      const r = (await s.call('GET', `/api/v1/requests/${n}`, { token: op })).json();
      expect(r.status).toBe('resolved');
    }
    const events = (await s.call('GET', `/api/v1/requests/${late}/events`, { token: op }))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(events).toEqual(['created', 'incident_linked', 'comment', 'status_changed']);
    expect(
      (
        await s.call('POST', `/api/v1/incidents/${list[0].id}/close`, {
          token: await s.token('supervisor'),
          body: { answer: 'x' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await s.call('POST', `/api/v1/incidents/${list[0].id}/close`, {
          token: await s.token('analyst'),
          body: { answer: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
