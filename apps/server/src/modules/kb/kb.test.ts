import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let admin: string;
let supervisor: string;
let operator: string;
let resident: string;

beforeAll(async () => {
  s = await startTestServer();
  [admin, supervisor, operator] = await Promise.all([
    s.token('admin'),
    s.token('supervisor'),
    s.token('operator'),
  ]);
  resident = await s.residentToken('+77015550101');
});
afterAll(async () => {
  await s?.close();
});

interface Article {
  id: number;
  status?: string;
  version?: number;
  variants: { lang: string; title: string; html: string }[];
}

const article = (title: string, extra: Record<string, unknown> = {}) => ({
  variants: [{ lang: 'ru', title, body: `Текст статьи «${title}».`, keywords: [] }],
  ...extra,
});

async function create(body: unknown, token = admin): Promise<Article> {
  const r = await s.call('POST', '/api/v1/kb/articles', { token, body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as Article;
}

describe('articles: permissions', () => {
  it('lets editors write and refuses operators, residents and anonymous', async () => {
    const body = article('Вывоз крупногабаритного мусора');
    expect((await s.call('POST', '/api/v1/kb/articles', { token: operator, body })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/v1/kb/articles', { token: resident, body })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/v1/kb/articles', { body })).statusCode).toBe(401);
    const a = await create(body, supervisor);
    expect(a).toMatchObject({ status: 'draft', version: 1 });
    const put = await s.call('PUT', `/api/v1/kb/articles/${a.id}`, { token: operator, body });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('forbidden');
  });

  it('hides drafts from everyone but editors, and staff-only articles from residents and anonymous', async () => {
    const draft = await create(article('Черновик про парковки'));
    for (const token of [undefined, resident, operator]) {
      expect((await s.call('GET', `/api/v1/kb/articles/${draft.id}`, { token })).statusCode).toBe(404);
    }
    expect((await s.call('GET', `/api/v1/kb/articles/${draft.id}`, { token: supervisor })).statusCode).toBe(
      200,
    );
    const pub = await s.call('POST', `/api/v1/kb/articles/${draft.id}/status`, {
      token: admin,
      body: { status: 'published' },
    });
    expect(pub.json()).toMatchObject({ status: 'published', version: 2 });
    const anon = await s.call('GET', `/api/v1/kb/articles/${draft.id}`);
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).not.toHaveProperty('status');

    const internal = await create(
      article('Внутренний регламент эскалации аварий', { audience: 'staff', status: 'published' }),
    );
    expect((await s.call('GET', `/api/v1/kb/articles/${internal.id}`)).statusCode).toBe(403);
    expect((await s.call('GET', `/api/v1/kb/articles/${internal.id}`, { token: resident })).statusCode).toBe(
      403,
    );
    expect((await s.call('GET', `/api/v1/kb/articles/${internal.id}`, { token: operator })).statusCode).toBe(
      200,
    );
    for (const token of [undefined, resident]) {
      const found = (
        await s.call('GET', `/api/v1/kb/search?q=${encodeURIComponent('регламент эскалации')}`, { token })
      ).json().items;
      expect(found.map((h: { id: number }) => h.id)).not.toContain(internal.id);
      const listed = (await s.call('GET', '/api/v1/kb/articles', { token })).json().items;
      expect(listed.map((h: { id: number }) => h.id)).not.toContain(internal.id);
      const suggested = (
        await s.call('POST', '/api/v1/kb/suggest', { token, body: { text: 'регламент эскалации аварий' } })
      ).json();
      expect(suggested.articles.map((h: { id: number }) => h.id)).not.toContain(internal.id);
      expect(suggested.templates).toEqual([]);
    }
    const staffHits = (
      await s.call('GET', `/api/v1/kb/search?q=${encodeURIComponent('регламент эскалации')}`, {
        token: operator,
      })
    ).json().items;
    expect(staffHits[0].id).toBe(internal.id);
    // Listing drafts is for editors.
    expect((await s.call('GET', '/api/v1/kb/articles?status=draft', { token: operator })).statusCode).toBe(
      403,
    );
  });

  it('does not suggest an article outside its validity dates', async () => {
    const now = Date.now();
    const past = await create(
      article('Летний график полива газонов', {
        status: 'published',
        validFrom: new Date(now - 90 * 86_400_000).toISOString(),
        validTo: new Date(now - 86_400_000).toISOString(),
      }),
    );
    const q = `/api/v1/kb/search?q=${encodeURIComponent('график полива')}`;
    expect((await s.call('GET', q)).json().items.map((h: { id: number }) => h.id)).not.toContain(past.id);
    await s.call('PUT', `/api/v1/kb/articles/${past.id}`, {
      token: admin,
      body: { ...article('Летний график полива газонов'), validTo: null },
    });
    expect((await s.call('GET', q)).json().items.map((h: { id: number }) => h.id)).toContain(past.id);
  });

  it('answers bad input with 400 in the one error shape', async () => {
    const bad: unknown[] = [
      { variants: [] },
      {
        variants: [
          { lang: 'ru', title: 'a', body: 'b' },
          { lang: 'ru', title: 'c', body: 'd' },
        ],
      },
      { variants: [{ lang: 'de', title: 'a', body: 'b' }] },
      { variants: [{ lang: 'ru', title: '   ', body: 'b' }] },
      { ...article('x'), categories: ['no-such-category'] },
      { ...article('x'), validFrom: '2026-05-01', validTo: '2026-04-01' },
      { ...article('x'), surprise: true },
      { ...article('x'), status: 'deleted' },
    ];
    for (const body of bad) {
      const r = await s.call('POST', '/api/v1/kb/articles', { token: admin, body });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      const e = r.json().error;
      expect(Object.keys(e).sort()).toEqual(['code', 'details', 'message']);
      expect(e.code).toBe('validation_failed');
    }
    expect((await s.call('GET', '/api/v1/kb/articles/abc')).statusCode).toBe(400);
    expect((await s.call('GET', '/api/v1/kb/search')).statusCode).toBe(400);
    expect((await s.call('POST', '/api/v1/kb/suggest', { body: { text: '' } })).statusCode).toBe(400);
    expect((await s.call('GET', '/api/v1/kb/articles/999999')).statusCode).toBe(404);
  });

  it('renders Markdown to HTML without scripts, handlers or javascript: links', async () => {
    const body =
      '# Заголовок <script>alert(1)</script>\n\n**Важно**: [сайт](https://astana.gov.kz) [плохо](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n- один\n- два';
    const a = await create({ variants: [{ lang: 'ru', title: 'XSS', body }] });
    const html = a.variants[0]?.html ?? '';
    expect(html).toContain('<strong>Важно</strong>');
    expect(html).toContain('<a href="https://astana.gov.kz"');
    expect(html).toContain('<ul><li>один</li><li>два</li></ul>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/\son\w+\s*=/i);
  });
});

describe('articles: versions', () => {
  it('appends a version with author and line diff on every save that changes something', async () => {
    const a = await create({
      variants: [
        {
          lang: 'ru',
          title: 'Отключение воды',
          body: 'Первая строка\nГорячую воду отключают на 10 дней.\nПоследняя строка',
        },
      ],
    });
    const body = {
      variants: [
        {
          lang: 'ru',
          title: 'Отключение воды',
          body: 'Первая строка\nГорячую воду отключают на 7 дней.\nПоследняя строка',
        },
      ],
      note: 'срок сокращён',
    };
    const saved = await s.call('PUT', `/api/v1/kb/articles/${a.id}`, {
      token: supervisor,
      body: { ...body, expectedVersion: 1 },
    });
    expect(saved.json().version).toBe(2);
    // The same content again: nothing changed, no new version.
    expect(
      (await s.call('PUT', `/api/v1/kb/articles/${a.id}`, { token: supervisor, body })).json().version,
    ).toBe(2);
    // A stale editor is refused.
    const stale = await s.call('PUT', `/api/v1/kb/articles/${a.id}`, {
      token: admin,
      body: { ...body, expectedVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);

    // A draft's history is for editors; operators read the history of published articles.
    expect(
      (await s.call('GET', `/api/v1/kb/articles/${a.id}/versions`, { token: operator })).statusCode,
    ).toBe(404);
    const versions = (
      await s.call('GET', `/api/v1/kb/articles/${a.id}/versions`, { token: supervisor })
    ).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      authorName: 'Test supervisor',
      note: 'срок сокращён',
      added: 1,
      removed: 1,
    });
    expect(versions[0].diff).toContain('-Горячую воду отключают на 10 дней.');
    expect(versions[0].diff).toContain('+Горячую воду отключают на 7 дней.');
    expect(versions[0].diff).not.toContain('-Первая строка');
    expect(versions[1]).toMatchObject({ authorName: 'Test admin', removed: 0 });
    const v1 = (await s.call('GET', `/api/v1/kb/articles/${a.id}/versions/1`, { token: admin })).json();
    expect(v1.snapshot.variants[0].body).toContain('10 дней');
    expect(
      (await s.call('GET', `/api/v1/kb/articles/${a.id}/versions`, { token: resident })).statusCode,
    ).toBe(403);
    expect((await s.call('GET', `/api/v1/kb/articles/${a.id}/versions/9`, { token: admin })).statusCode).toBe(
      404,
    );

    const archived = await s.call('POST', `/api/v1/kb/articles/${a.id}/status`, {
      token: admin,
      body: { status: 'archived' },
    });
    expect(archived.json().version).toBe(3);
    const last = (await s.call('GET', `/api/v1/kb/articles/${a.id}/versions`, { token: admin })).json()
      .items[0];
    expect(last.diff).toContain('-status: draft');
    expect(last.diff).toContain('+status: archived');
  });

  it('keeps attachment metadata, with storage keys for staff only', async () => {
    const a = await create(article('Образец заявления', { status: 'published' }));
    const att = {
      name: 'заявление.pdf',
      type: 'application/pdf',
      size: 48213,
      storageKey: 'kb/2026/form-1.pdf',
    };
    expect(
      (await s.call('POST', `/api/v1/kb/articles/${a.id}/attachments`, { token: operator, body: att }))
        .statusCode,
    ).toBe(403);
    const r = await s.call('POST', `/api/v1/kb/articles/${a.id}/attachments`, { token: admin, body: att });
    expect(r.statusCode).toBe(201);
    expect(
      (await s.call('GET', `/api/v1/kb/articles/${a.id}`, { token: operator })).json().attachments,
    ).toEqual([{ id: r.json().id, ...att }]);
    expect((await s.call('GET', `/api/v1/kb/articles/${a.id}`)).json().attachments).toEqual([
      { id: r.json().id, name: att.name, type: att.type, size: att.size },
    ]);
    expect(
      (
        await s.call('POST', `/api/v1/kb/articles/${a.id}/attachments`, {
          token: admin,
          body: { ...att, storageKey: '../etc passwd' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await s.call('DELETE', `/api/v1/kb/articles/${a.id}/attachments/${r.json().id}`, { token: admin }))
        .statusCode,
    ).toBe(204);
  });
});

describe('answer templates', () => {
  it('fills placeholders for a request and refuses unknown ones', async () => {
    const bodies = {
      ru: 'Ваша заявка {{request.number}} ({{category.name}}) передана в {{agency.name}}, тел. {{agency.phone}}. Срок: {{due_date}}.',
    };
    const bad = await s.call('POST', '/api/v1/kb/templates', {
      token: admin,
      body: { name: 'x', bodies: { ru: 'Здравствуйте, {{resident.name}}' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.unknown).toEqual(['resident.name']);
    expect(
      (await s.call('POST', '/api/v1/kb/templates', { token: admin, body: { name: 'x', bodies: {} } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await s.call('POST', '/api/v1/kb/templates', { token: operator, body: { name: 'x', bodies } }))
        .statusCode,
    ).toBe(403);
    const t = (
      await s.call('POST', '/api/v1/kb/templates', {
        token: supervisor,
        body: { name: 'Передано в службу', bodies, categories: ['electricity'] },
      })
    ).json();

    const req = (
      await s.call('POST', '/api/v1/requests', {
        token: operator,
        body: {
          text: 'нет света в доме',
          category: 'electricity',
          channel: 'phone',
          resident: { phone: '+77015550102' },
        },
      })
    ).json();
    const r = await s.call('POST', `/api/v1/kb/templates/${t.id}/render`, {
      token: operator,
      body: { requestNumber: req.number },
    });
    expect(r.statusCode, r.body).toBe(200);
    const due = new Date(req.dueAt).toLocaleDateString('ru-RU', { timeZone: 'Asia/Almaty' });
    expect(r.json()).toEqual({
      text: `Ваша заявка ${req.number} (electricity ru) передана в energy, тел. +77172000000. Срок: ${due}.`,
      lang: 'ru',
      missing: [],
    });
    expect(
      (
        await s.call('POST', `/api/v1/kb/templates/${t.id}/render`, {
          token: operator,
          body: { requestNumber: '109-2026-99999999' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await s.call('POST', `/api/v1/kb/templates/${t.id}/render`, {
          token: resident,
          body: { requestNumber: req.number },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await s.call('POST', `/api/v1/kb/templates/${t.id}/render`, {
          token: operator,
          body: { requestNumber: 'nope' },
        })
      ).statusCode,
    ).toBe(400);
  });
});
