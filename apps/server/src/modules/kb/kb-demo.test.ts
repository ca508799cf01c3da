import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { CITY } from '../../../test/factories.ts';
import { seedKbDemo } from './demo.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const top = async (q: string, lang?: string): Promise<{ title: string; lang: string } | undefined> => {
  const r = await s.call('GET', `/api/v1/kb/search?${new URLSearchParams({ q, ...(lang ? { lang } : {}) })}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items[0];
};

describe('demo knowledge base', () => {
  it('answers the questions residents ask, in three languages, once', async () => {
    expect(await seedKbDemo(s.db, CITY)).toBe(16);
    expect(await seedKbDemo(s.db, CITY)).toBe(0);
    expect(await top('когда дадут отопление')).toMatchObject({
      lang: 'ru',
      title: 'Когда дадут отопление: начало отопительного сезона',
    });
    expect(await top('жылу қашан беріледі', 'kk')).toMatchObject({
      lang: 'kk',
      title: 'Жылу беру маусымы қашан басталады',
    });
    expect(await top('when is the heating on', 'en')).toMatchObject({
      lang: 'en',
      title: 'When is the heating switched on',
    });
    expect((await top('где оплатить ЕПД'))?.title).toBe('Где и как оплатить единый платёжный документ (ЕПД)');
    expect((await top('БТҚ қайда төлеймін', 'kk'))?.title).toBe(
      'Бірыңғай төлем құжатын (БТҚ) қайда және қалай төлеуге болады',
    );
    expect((await top('нет света во всём доме'))?.title).toBe('Что делать, если нет света (электричества)');
    expect((await top('где парковать самокат'))?.title).toBe('Правила парковки электросамокатов');
    expect((await top('к какой поликлинике прикреплён'))?.title).toBe(
      'К какой поликлинике я прикреплён и как сменить её',
    );
    // The staff procedure stays internal.
    const staffOnly = await s.call(
      'GET',
      `/api/v1/kb/search?q=${encodeURIComponent('массовое отключение регламент')}`,
    );
    expect(staffOnly.json().items.map((h: { title: string }) => h.title)).not.toContain(
      'Регламент: приём заявок при массовом отключении электричества',
    );
    const op = await s.token('operator');
    const templates = (await s.call('GET', '/api/v1/kb/templates', { token: op })).json().items;
    expect(templates).toHaveLength(5);
  });
});
