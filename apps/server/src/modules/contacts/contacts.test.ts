import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let operator: string;
let supervisor: string;
let resident: string;
let articleId: number;

beforeAll(async () => {
  s = await startTestServer();
  [operator, supervisor] = await Promise.all([s.token('operator'), s.token('supervisor')]);
  resident = await s.residentToken('+77015550301');
  const a = await s.call('POST', '/api/v1/kb/articles', {
    token: supervisor,
    body: {
      variants: [{ lang: 'ru', title: 'Когда включат отопление', body: 'С 15 сентября.', keywords: [] }],
    },
  });
  expect(a.statusCode, a.body).toBe(201);
  articleId = a.json().id as number;
});
afterAll(async () => {
  await s?.close();
});

describe('contacts and first-contact resolution', () => {
  it('counts contacts answered from the knowledge base against those that became requests', async () => {
    const before = (await s.call('GET', '/api/v1/contacts/summary', { token: supervisor })).json();
    expect(before.contacts).toBe(0);
    expect(before.firstContactResolution).toBeNull();
    for (let i = 0; i < 3; i++) {
      const r = await s.call('POST', '/api/v1/contacts', {
        token: operator,
        body: { channel: 'phone', outcome: 'answered', articleId },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const req = await s.call('POST', '/api/v1/requests', {
      token: operator,
      body: { text: 'нет света в подъезде', category: 'electricity', channel: 'phone' },
    });
    expect(req.statusCode, req.body).toBe(201);
    const created = await s.call('POST', '/api/v1/contacts', {
      token: operator,
      body: { outcome: 'request_created', requestNumber: req.json().number, category: 'electricity' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const sum = (await s.call('GET', '/api/v1/contacts/summary', { token: supervisor })).json();
    expect(sum.contacts).toBe(4);
    expect(sum.byOutcome).toMatchObject({ answered: 3, request_created: 1, redirected: 0 });
    expect(sum.firstContactResolution).toBe(0.75);
    expect(sum.topArticles).toEqual([{ articleId, answered: 3 }]);
  });

  it('refuses residents and anonymous callers, unknown articles and requests, and bad input', async () => {
    const body = { outcome: 'answered', articleId };
    expect((await s.call('POST', '/api/v1/contacts', { token: resident, body })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/v1/contacts', { body })).statusCode).toBe(401);
    const missing = await s.call('POST', '/api/v1/contacts', {
      token: operator,
      body: { outcome: 'answered', articleId: 999999 },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const noReq = await s.call('POST', '/api/v1/contacts', {
      token: operator,
      body: { outcome: 'request_created', requestNumber: '109-2026-99999999' },
    });
    expect(noReq.statusCode).toBe(404);
    for (const bad of [
      { outcome: 'solved' },
      { outcome: 'answered', channel: 'pigeon' },
      { outcome: 'answered', extra: 1 },
      {},
    ]) {
      const r = await s.call('POST', '/api/v1/contacts', { token: operator, body: bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await s.call('GET', '/api/v1/contacts/summary', { token: resident })).statusCode).toBe(403);
  });
});
