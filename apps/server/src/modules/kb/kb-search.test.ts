import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let admin: string;
let operator: string;
const ids: Record<string, number> = {};

interface Hit {
  id: number;
  lang: string;
  title: string;
  snippet: string;
  match: string;
  score: number;
}

async function create(key: string, body: Record<string, unknown>): Promise<void> {
  const r = await s.call('POST', '/api/v1/kb/articles', {
    token: admin,
    body: { status: 'published', ...body },
  });
  expect(r.statusCode, r.body).toBe(201);
  ids[key] = r.json().id;
}

async function search(
  q: string,
  opts: { lang?: string; category?: string; token?: string; limit?: number } = {},
): Promise<{ items: Hit[]; expandedWith: string[] }> {
  const qs = new URLSearchParams({
    q,
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.category ? { category: opts.category } : {}),
    ...(opts.limit ? { limit: String(opts.limit) } : {}),
  });
  const r = await s.call('GET', `/api/v1/kb/search?${qs}`, { token: opts.token });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

beforeAll(async () => {
  s = await startTestServer();
  [admin, operator] = await Promise.all([s.token('admin'), s.token('operator')]);
  await create('heating', {
    categories: ['utilities'],
    variants: [
      {
        lang: 'ru',
        title: 'Когда начинается отопительный сезон',
        keywords: ['отопление', 'тепло', 'батареи'],
        body: 'Отопление в городе включают, когда среднесуточная температура пять дней подряд ниже +10 °C.\n\nТепло подают по графику: сначала больницы и школы, затем жилые дома.',
      },
      {
        lang: 'kk',
        title: 'Жылу беру маусымы қашан басталады',
        keywords: ['жылу', 'жылыту'],
        body: 'Тәуліктік орташа температура бес күн қатарынан +10 °C-тан төмен болғанда жылу беріледі. Алдымен ауруханалар мен мектептерге, содан кейін тұрғын үйлерге.',
      },
      {
        lang: 'en',
        title: 'When does the heating season start',
        keywords: ['heating', 'radiators'],
        body: 'Heating is switched on when the average daily temperature stays below +10 °C for five days.',
      },
    ],
  });
  await create('epd', {
    variants: [
      {
        lang: 'ru',
        title: 'Где оплатить единый платёжный документ',
        body: 'Оплатить можно в банковском приложении, в отделениях Казпочты и в ЦОН.',
      },
      {
        lang: 'kk',
        title: 'Бірыңғай төлем құжатын қайда төлеуге болады',
        body: 'Банк қосымшасында, Қазпошта бөлімшелерінде төлеуге болады.',
      },
    ],
  });
  await create('title', {
    variants: [
      { lang: 'ru', title: 'Правила парковки самокатов', body: 'Оставляйте транспорт в отмеченных зонах.' },
    ],
  });
  await create('keyword', {
    variants: [
      {
        lang: 'ru',
        title: 'Средства индивидуальной мобильности',
        keywords: ['самокат'],
        body: 'Ограничение скорости в парках 15 км/ч.',
      },
    ],
  });
  await create('body', {
    variants: [
      {
        lang: 'ru',
        title: 'Благоустройство тротуаров',
        body: 'Весной ремонтируют тротуары; самокат на тротуаре должен уступать пешеходам.',
      },
    ],
  });
  await create('outage', {
    variants: [
      {
        lang: 'ru',
        title: 'Что делать, если пропало электричество',
        keywords: ['свет'],
        body: 'Проверьте автоматы в щитке и позвоните в аварийную службу энергосети.',
      },
    ],
  });
  await create('lights', {
    variants: [
      {
        lang: 'ru',
        title: 'Отключения света: плановые работы',
        keywords: ['свет', 'электричество'],
        body: 'График плановых отключений света публикует энергосеть.',
      },
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('search', () => {
  it('stems Russian: «отопления» finds «отопление», with the match highlighted', async () => {
    const r = await search('отопления');
    expect(r.items[0]).toMatchObject({ id: ids.heating, lang: 'ru', match: 'text' });
    expect(r.items[0]?.snippet).toMatch(/<mark>Отопление<\/mark>/);
  });

  it('keeps the snippets it made, and highlights the new text of an edited article', async () => {
    await create('meters', {
      variants: [
        {
          lang: 'ru',
          title: 'Поверка счётчиков воды',
          body: 'Счётчики проверяют раз в четыре года, поверку заказывает собственник.',
        },
      ],
    });
    const first = await search('поверка счётчиков');
    const again = await search('поверка счётчиков');
    expect(again).toEqual(first);
    expect(first.items[0]?.snippet).toMatch(/раз в четыре года/);
    const edit = await s.call('PUT', `/api/v1/kb/articles/${ids.meters}`, {
      token: admin,
      body: {
        status: 'published',
        variants: [
          {
            lang: 'ru',
            title: 'Поверка счётчиков воды',
            body: 'Счётчики горячей воды проверяют раз в шесть лет, поверку заказывает собственник.',
          },
        ],
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = await search('поверка счётчиков');
    expect(edited.items[0]?.id).toBe(ids.meters);
    expect(edited.items[0]?.snippet).toMatch(/раз в шесть лет/);
    expect(edited.items[0]?.snippet).not.toMatch(/четыре/);
  });

  it('stems Kazakh: «жылу қашан беріледі» finds the Kazakh variant', async () => {
    for (const lang of ['kk', undefined]) {
      const r = await search('жылу қашан беріледі', lang ? { lang } : {});
      expect(r.items[0]).toMatchObject({
        id: ids.heating,
        lang: 'kk',
        title: 'Жылу беру маусымы қашан басталады',
      });
    }
    // Another inflection of the same words.
    expect((await search('жылуды беру')).items[0]?.id).toBe(ids.heating);
  });

  it('tolerates a typo: «атопление» still finds the heating article', async () => {
    const r = await search('атопление');
    expect(r.items[0]).toMatchObject({ id: ids.heating, match: 'typo' });
  });

  it('expands synonyms the city edits: ЕПД = единый платёжный документ = бірыңғай төлем құжаты', async () => {
    expect((await search('ЕПД')).items.map((h) => h.id)).not.toContain(ids.epd);
    const terms = ['ЕПД', 'единый платёжный документ', 'бірыңғай төлем құжаты'];
    expect(
      (await s.call('POST', '/api/v1/kb/synonyms', { token: operator, body: { terms } })).statusCode,
    ).toBe(403);
    expect(
      (await s.call('POST', '/api/v1/kb/synonyms', { token: admin, body: { terms: ['ЕПД', 'епд'] } }))
        .statusCode,
    ).toBe(400);
    expect((await s.call('POST', '/api/v1/kb/synonyms', { token: admin, body: { terms } })).statusCode).toBe(
      201,
    );
    const r = await search('где оплатить ЕПД');
    expect(r.items[0]?.id).toBe(ids.epd);
    expect(r.expandedWith).toEqual(['единый платежный документ', 'бірыңғай төлем құжаты']);
    const kk = await search('ЕПД', { lang: 'kk' });
    expect(kk.items[0]).toMatchObject({ id: ids.epd, lang: 'kk' });
  });

  it('weighs the title above keywords above the body', async () => {
    const order = (await search('самокат')).items.map((h) => h.id);
    expect(order.slice(0, 3)).toEqual([ids.title, ids.keyword, ids.body]);
  });

  it('lists every word anywhere before some words in a title, each article once, up to the limit', async () => {
    // No title has both words; the body article has both; the title and keyword articles one.
    const all = await search('самокат тротуар');
    expect(all.items.map((h) => h.id)).toEqual([ids.body, ids.title, ids.keyword]);
    expect(all.items[0]?.score).toBeGreaterThan(all.items[1]?.score ?? Infinity);
    const one = await search('самокат тротуар', { limit: 1 });
    expect(one.items.map((h) => h.id)).toEqual([ids.body]);
  });

  it('filters by category, counting an article on a parent category as answering its children', async () => {
    expect((await search('отопление', { category: 'utilities' })).items[0]?.id).toBe(ids.heating);
    expect((await search('отопление', { category: 'electricity' })).items[0]?.id).toBe(ids.heating);
    expect((await search('отопление', { category: 'roads' })).items).toEqual([]);
  });
});

describe('suggestions', () => {
  it('move an article up once requests answered with it are linked to their words', async () => {
    const suggest = async () => {
      const r = await s.call('POST', '/api/v1/kb/suggest', {
        token: operator,
        body: { text: 'нет света в подъезде' },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { category: string | null; articles: (Hit & { learnedScore: number })[] };
    };
    const before = await suggest();
    const rankBefore = before.articles.findIndex((a) => a.id === ids.outage);
    expect(rankBefore).toBeGreaterThan(0);
    expect(before.articles[0]?.id).toBe(ids.lights);

    for (let i = 0; i < 4; i++) {
      const req = (
        await s.call('POST', '/api/v1/requests', {
          token: operator,
          body: {
            text: `нет света в подъезде, дом ${i + 1}`,
            channel: 'phone',
            category: 'electricity',
            resident: { phone: `+7701555020${i}` },
          },
        })
      ).json();
      const link = await s.call('POST', `/api/v1/requests/${req.number}/kb-links`, {
        token: operator,
        body: { articleId: ids.outage },
      });
      expect(link.statusCode, link.body).toBe(201);
      expect(link.json().recorded).toEqual([{ kind: 'article', id: ids.outage, created: true }]);
      // Linking twice teaches nothing twice.
      expect(
        (
          await s.call('POST', `/api/v1/requests/${req.number}/kb-links`, {
            token: operator,
            body: { articleId: ids.outage },
          })
        ).json().recorded[0].created,
      ).toBe(false);
    }
    const after = await suggest();
    const rankAfter = after.articles.findIndex((a) => a.id === ids.outage);
    expect(rankAfter).toBeLessThan(rankBefore);
    expect(after.articles[rankAfter]?.learnedScore).toBeGreaterThan(0);
    expect(after.category).toBe('electricity');
  });

  it('refuses links by those who may not work the request, and to missing articles', async () => {
    const req = (
      await s.call('POST', '/api/v1/requests', {
        token: operator,
        body: {
          text: 'яма на дороге',
          channel: 'phone',
          category: 'roads',
          resident: { phone: '+77015550299' },
        },
      })
    ).json();
    expect(
      (
        await s.call('POST', `/api/v1/requests/${req.number}/kb-links`, {
          token: await s.token('executor'),
          body: { articleId: ids.outage },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await s.call('POST', `/api/v1/requests/${req.number}/kb-links`, {
          token: operator,
          body: { articleId: 987654 },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await s.call('POST', `/api/v1/requests/${req.number}/kb-links`, { token: operator, body: {} }))
        .statusCode,
    ).toBe(400);
  });
});

describe('reads, feedback and the report', () => {
  it('counts deflected sessions, no-result queries and articles that never help', async () => {
    const t0 = new Date(Date.now() + 3_600_000);
    s.setNow(t0);
    const resident = await s.residentToken('+77015550301');
    const view = (id: number, sessionId: string, token?: string) =>
      s.call('POST', `/api/v1/kb/articles/${id}/views`, { token, body: { sessionId } });
    expect((await view(ids.heating as number, 'anon-session-1')).json()).toEqual({ recorded: true });
    expect((await view(ids.epd as number, 'res-session-1', resident)).statusCode).toBe(202);
    expect((await view(ids.epd as number, 'anon-session-2')).statusCode).toBe(202);
    expect((await view(ids.heating as number, 'staff-session-1', operator)).json()).toEqual({
      recorded: false,
    });
    expect((await view(ids.heating as number, 'bad id')).statusCode).toBe(400);

    s.setNow(new Date(t0.getTime() + 10 * 60_000));
    expect(
      (
        await s.call('POST', '/api/v1/requests', {
          token: resident,
          body: { text: 'не пришёл ЕПД', channel: 'app' },
        })
      ).statusCode,
    ).toBe(201);
    // A visitor who read anonymously, then signed in and filed: the form carries the session id.
    const later = await s.residentToken('+77015550302');
    expect(
      (
        await s.call('POST', '/api/v1/requests', {
          token: later,
          body: { text: 'вопрос по ЕПД', channel: 'web', attributes: { kbSession: 'anon-session-2' } },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await s.call('POST', `/api/v1/kb/articles/${ids.body}/feedback`, { body: { helpful: false } }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await s.call('POST', `/api/v1/kb/articles/${ids.heating}/feedback`, {
          token: resident,
          body: { helpful: true },
        })
      ).statusCode,
    ).toBe(201);
    await search('квантовая телепортация');
    await search('квантовая телепортация');

    s.setNow(new Date(t0.getTime() + 2 * 3_600_000));
    expect((await s.call('GET', '/api/v1/kb/analytics', { token: operator })).statusCode).toBe(403);
    const r = await s.call('GET', '/api/v1/kb/analytics?windowMinutes=60', {
      token: await s.token('supervisor'),
    });
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a.deflection).toEqual({ windowMinutes: 60, sessions: 3, deflected: 1, pending: 0, rate: 0.333 });
    expect(a.noResultQueries[0]).toEqual({ query: 'квантовая телепортация', count: 2, avgResults: 0 });
    expect(a.topQueries.map((q: { query: string }) => q.query)).toContain('отопления');
    // Both readers of the ЕПД article filed a request anyway; the body-only article was voted down.
    expect(a.neverHelpful.map((x: { id: number }) => x.id)).toEqual([ids.epd, ids.body]);
    const heating = a.articles.find((x: { id: number }) => x.id === ids.heating);
    expect(heating).toMatchObject({ views: 1, helpful: 1, deflectedSessions: 1 });
    expect(a.articles.find((x: { id: number }) => x.id === ids.outage)).toMatchObject({ links: 4 });
  });
});
