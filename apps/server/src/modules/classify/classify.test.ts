import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('POST /api/v1/classify', () => {
  it('suggests the category, agency and due time from the words, and a known urgent phrase is urgent', async () => {
    const r = await s.call('POST', '/api/v1/classify', {
      body: { text: 'Во всем доме нет света уже три часа', lat: 51.15, lon: 71.35 },
    });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.categories[0].code).toBe('electricity');
    expect(b.categories[0].confidence).toBeGreaterThan(0);
    expect(b.categories[0].confidence).toBeLessThanOrEqual(1);
    expect(b.criticality).toBe('urgent');
    expect(b.agency.code).toBe('energy');
    expect(b.district).toBe('west');
    expect(new Date(b.dueAt).getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000 + 1000);
  });

  it('keeps the category default when no rule matches, and answers nothing for unrelated text', async () => {
    const r = (
      await s.call('POST', '/api/v1/classify', { body: { text: 'яма на дороге возле школы' } })
    ).json();
    expect(r.categories[0].code).toBe('roads');
    expect(r.criticality).toBe('standard');
    const none = (await s.call('POST', '/api/v1/classify', { body: { text: 'qwerty zxcv' } })).json();
    expect(none.categories).toEqual([]);
    expect(none.dueAt).toBeNull();
  });

  it('refuses empty and oversized text', async () => {
    expect((await s.call('POST', '/api/v1/classify', { body: { text: '' } })).statusCode).toBe(400);
    expect((await s.call('POST', '/api/v1/classify', { body: { text: 'a'.repeat(5001) } })).statusCode).toBe(
      400,
    );
  });
});
