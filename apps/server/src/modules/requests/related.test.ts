import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let operator: string;
let supervisor: string;

beforeAll(async () => {
  s = await startTestServer();
  [operator, supervisor] = await Promise.all([s.token('operator'), s.token('supervisor')]);
});
afterAll(async () => {
  await s?.close();
});

const create = async (text: string, lat: number, lon: number, category = 'roads') => {
  const r = await s.call('POST', '/api/v1/requests', {
    token: operator,
    body: { text, category, lat, lon, channel: 'phone', resident: { phone: '+77015556677', name: 'Секрет' } },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().number as string;
};

describe('related requests on the request page', () => {
  it('shows the parent, the duplicates and the repeats at the same place, without personal data', async () => {
    const first = await create('Яма на дороге у дома 12', 51.1501, 71.3501);
    const dup = await create('Та же яма у дома 12', 51.1502, 71.3502);
    const again = await create('Снова яма у дома 12', 51.1503, 71.3501);
    const elsewhere = await create('Яма у школы на другом конце', 51.19, 71.39);
    const light = await create('Не горит фонарь у дома 12', 51.1501, 71.3501, 'electricity');
    const m = await s.call('POST', `/api/v1/requests/${dup}/transitions`, {
      token: supervisor,
      body: { to: 'duplicate', duplicateOf: first },
    });
    expect(m.statusCode, m.body).toBe(200);

    const r = await s.call('GET', `/api/v1/requests/${first}/related`, { token: supervisor });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.parent).toBeNull();
    expect(body.duplicates.map((x: { number: string }) => x.number)).toEqual([dup]);
    const repeats = body.repeats.map((x: { number: string }) => x.number);
    expect(repeats).toContain(again);
    expect(repeats).not.toContain(dup); // already listed as a duplicate
    expect(repeats).not.toContain(elsewhere);
    expect(repeats).not.toContain(light); // another category
    expect(body.incident).toBeNull();
    expect(r.body).not.toMatch(/Секрет|7015556677/);

    const child = (await s.call('GET', `/api/v1/requests/${dup}/related`, { token: supervisor })).json();
    expect(child.parent.number).toBe(first);
  });

  it('is for staff who may read the request', async () => {
    const n = await create('Яма', 51.16, 71.36);
    expect((await s.call('GET', `/api/v1/requests/${n}/related`)).statusCode).toBe(401);
    expect(
      (await s.call('GET', `/api/v1/requests/${n}/related`, { token: await s.token('executor') })).statusCode,
    ).toBe(403);
    expect(
      (await s.call('GET', '/api/v1/requests/109-2026-9999999/related', { token: supervisor })).statusCode,
    ).toBe(404);
  });
});
