import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let admin: string;
let supervisor: string;
let operator: string;

beforeAll(async () => {
  s = await startTestServer();
  [admin, supervisor, operator] = await Promise.all([
    s.token('admin'),
    s.token('supervisor'),
    s.token('operator'),
  ]);
});
afterAll(async () => {
  await s?.close();
});

const classify = async (text: string) =>
  (await s.call('POST', '/api/v1/classify', { token: operator, body: { text } })).json() as {
    criticality: string;
    criticalityRule: string | null;
  };

describe('criticality rules the city edits', () => {
  it('starts from the built-in urgent phrases, then follows the rules an admin writes, at once', async () => {
    expect(await classify('в подъезде нет света')).toMatchObject({
      criticality: 'urgent',
      criticalityRule: 'нет света',
    });
    expect((await classify('искрит розетка в подъезде')).criticalityRule).toBeNull();

    const created = await s.call('POST', '/api/v1/admin/criticality-rules', {
      token: admin,
      body: { pattern: 'Искрит', lang: 'ru', level: 'urgent' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect(await classify('искрит розетка в подъезде')).toMatchObject({
      criticality: 'urgent',
      criticalityRule: 'Искрит',
    });
    // Once the city has rules of its own, the built-in list no longer applies.
    expect((await classify('в подъезде нет света')).criticalityRule).toBeNull();

    // A request registered with that text gets the rule's level and its SLA.
    const req = await s.call('POST', '/api/v1/requests', {
      token: operator,
      body: { text: 'Искрит проводка на лестнице', category: 'electricity', channel: 'phone' },
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json().criticality).toBe('urgent');

    // The most severe matching rule wins; a switched-off rule does nothing.
    await s.call('POST', '/api/v1/admin/criticality-rules', {
      token: admin,
      body: { pattern: 'розетка', level: 'low' },
    });
    expect((await classify('искрит розетка')).criticality).toBe('urgent');
    const off = await s.call('PUT', `/api/v1/admin/criticality-rules/${id}`, {
      token: admin,
      body: { pattern: 'искрит', lang: 'ru', level: 'urgent', active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(await classify('искрит розетка')).toMatchObject({
      criticality: 'low',
      criticalityRule: 'розетка',
    });

    const list = await s.call('GET', '/api/v1/admin/criticality-rules', { token: supervisor });
    expect(list.json().items.map((r: { pattern: string; active: boolean }) => [r.pattern, r.active])).toEqual(
      [
        ['искрит', false],
        ['розетка', true],
      ],
    );
    expect(
      (await s.call('DELETE', `/api/v1/admin/criticality-rules/${id}`, { token: admin })).statusCode,
    ).toBe(204);
    expect(
      (await s.call('DELETE', `/api/v1/admin/criticality-rules/${id}`, { token: admin })).statusCode,
    ).toBe(404);
  });

  it('lets only admins edit, and refuses bad rules with a 400', async () => {
    const body = { pattern: 'запах гари', level: 'urgent' };
    expect(
      (await s.call('POST', '/api/v1/admin/criticality-rules', { token: supervisor, body })).statusCode,
    ).toBe(403);
    expect(
      (await s.call('POST', '/api/v1/admin/criticality-rules', { token: operator, body })).statusCode,
    ).toBe(403);
    expect((await s.call('GET', '/api/v1/admin/criticality-rules', { token: operator })).statusCode).toBe(
      403,
    );
    expect((await s.call('POST', '/api/v1/admin/criticality-rules', { body })).statusCode).toBe(401);
    for (const bad of [
      { pattern: 'x', level: 'urgent' },
      { pattern: 'запах', level: 'critical' },
      { pattern: '   ', level: 'high' },
      { level: 'high' },
    ]) {
      const r = await s.call('POST', '/api/v1/admin/criticality-rules', { token: admin, body: bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });
});
