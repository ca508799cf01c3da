import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from './diff.ts';
import { csvToArticles, splitMarkdown } from './import.ts';
import { stemKazakh } from './kazakh-stem.ts';
import { learnedScores } from './learning.ts';
import { markdownToText, renderMarkdown, safeUrl } from './markdown.ts';
import { parseQuery, queryTexts, toTsQueryText, withCorrections } from './query.ts';
import { fillPlaceholders, unknownPlaceholders } from './templates.ts';

describe('Kazakh stemmer', () => {
  it('brings inflected forms of a word to one stem', () => {
    const same = (words: string[]) => expect(new Set(words.map(stemKazakh)).size, words.join(' ')).toBe(1);
    same(['жылу', 'жылуды', 'жылудың', 'жылумен']);
    same(['беру', 'береді', 'беріледі', 'берілу']);
    same(['құжат', 'құжаты', 'құжатын']);
    same(['самокат', 'самокаттар', 'самокаттарды']);
    same(['емхана', 'емханаға']);
    same(['жарық', 'жарығы']);
  });

  it('leaves short stems, numbers and Latin words alone', () => {
    expect(stemKazakh('үй')).toBe('үй');
    expect(stemKazakh('109')).toBe('109');
    expect(stemKazakh('heating')).toBe('heating');
  });
});

/** The tags a renderer produced. */
const tags = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];

describe('Markdown renderer', () => {
  it('renders the supported syntax', () => {
    const html = renderMarkdown(
      '## Часы\n\n**Пн–Пт** 9:00–18:00, *обед* `13:00`\n\n1. раз\n2. два\n\n> цитата\n\n| День | Часы |\n|---|---|\n| Сб | 10–14 |',
    );
    expect(html).toContain('<h2>Часы</h2>');
    expect(html).toContain('<strong>Пн–Пт</strong>');
    expect(html).toContain('<em>обед</em> <code>13:00</code>');
    expect(html).toContain('<ol><li>раз</li><li>два</li></ol>');
    expect(html).toContain('<blockquote><p>цитата</p></blockquote>');
    expect(html).toContain('<td>Сб</td><td>10–14</td>');
  });

  it('never emits a script, an event handler or an unsafe link, whatever the source', () => {
    const nasty = fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](data:text/html,<b>)',
      '<a href="javascript:x">y</a>',
      '" onmouseover="x',
      '<svg/onload=alert(1)>',
      '[x](//evil.example)',
      '`<script>`',
      '```\n<script>\n```',
      '<https://ok.example>',
      '[ok](https://ok.example "t")',
      '**',
      '_',
      '|',
      '\n',
      '# ',
      '- ',
      '> ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(nasty, fc.string()), { maxLength: 12 }), (parts) => {
        const html = renderMarkdown(parts.join(''));
        for (const tag of tags(html)) {
          expect(tag).toMatch(
            /^<\/?(h[1-6]|p|br|strong|em|del|code|pre|ul|ol|li|blockquote|hr|table|thead|tbody|tr|th|td|a)( href="[^"]*" rel="noopener noreferrer nofollow")?>$/,
          );
          const href = /href="([^"]*)"/.exec(tag)?.[1];
          if (href !== undefined) expect(href).toMatch(/^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepts only http(s), mailto, tel, site paths and anchors as link targets', () => {
    expect(safeUrl('https://astana.gov.kz')).toBe('https://astana.gov.kz');
    expect(safeUrl('/kb/12')).toBe('/kb/12');
    expect(safeUrl('tel:109')).toBe('tel:109');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:x',
      'java\tscript:x',
      'data:text/html,x',
      '//evil.example',
      'vbscript:x',
    ])
      expect(safeUrl(bad)).toBeNull();
  });

  it('gives plain text without syntax or link targets', () => {
    expect(markdownToText('# Заголовок\n\n**Жирный** [ссылка](https://x.example)')).toBe(
      'Заголовок\n\nЖирный ссылка',
    );
  });
});

/** Applies a unified diff to `before` (the way an editor's history view reconstructs a version). */
function applyDiff(before: string, diff: string): string {
  const a = before === '' ? [] : before.split('\n');
  const out: string[] = [];
  let i = 0;
  for (const line of diff.split('\n')) {
    const h = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(line);
    if (h) {
      const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
      while (i < start) out.push(a[i++] as string);
    } else if (line.startsWith('+')) out.push(line.slice(1));
    else if (line.startsWith('-') || line.startsWith(' ')) {
      if (line.startsWith(' ')) out.push(line.slice(1));
      i++;
    }
  }
  while (i < a.length) out.push(a[i++] as string);
  return out.join('\n');
}

describe('line diff', () => {
  it('rebuilds the new text from the old one and counts what changed', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', ''), { maxLength: 25 });
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const before = x.join('\n');
        const after = y.join('\n');
        const d = diffLines(before, after);
        expect(applyDiff(before, d.text)).toBe(after);
        expect(d.text.split('\n').filter((l) => l.startsWith('+')).length).toBe(d.added);
        if (before === after) expect(d.text).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('queries', () => {
  const synonyms = [['ЕПД', 'единый платёжный документ', 'бірыңғай төлем құжаты']];

  it('expands a synonym, longest term first, and reports what it added', () => {
    const q = parseQuery('Где оплатить единый платёжный документ?', synonyms);
    expect(q.clauses).toEqual([
      [['где']],
      [['оплатить']],
      [['епд'], ['единый', 'платежный', 'документ'], ['бірыңғай', 'төлем', 'құжаты']],
    ]);
    expect(q.expandedWith).toEqual(['епд', 'бірыңғай төлем құжаты']);
  });

  it('builds AND and OR queries with Kazakh stems and a prefix for the word being typed', () => {
    const q = parseQuery('жылу қашан беріледі', []);
    expect(toTsQueryText(q.clauses, { join: 'and' })).toBe('жылу & қашан & беріледі');
    expect(queryTexts(q.clauses, 'last', 'or').kazakh).toBe('жыл | бер:*');
    expect(queryTexts(q.clauses, 'none', 'and').kazakh).toBe('жыл & бер');
    expect(toTsQueryText(parseQuery('ЕПД', synonyms).clauses, { join: 'and' })).toBe(
      '(епд | (единый & платежный & документ) | (бірыңғай & төлем & құжаты))',
    );
  });

  it('adds a spelling correction as an alternative of the word', () => {
    expect(
      withCorrections(parseQuery('атопление дома', []).clauses, new Map([['атопление', 'отопление']])),
    ).toEqual([[['атопление'], ['отопление']], [['дома']]]);
  });
});

describe('templates', () => {
  it('fills known placeholders, reports missing values and finds unknown ones', () => {
    const text = 'Заявка {{ request.number }}: {{agency.name}}, {{agency.phone}}. {{other}}';
    expect(unknownPlaceholders(text)).toEqual(['other']);
    expect(
      fillPlaceholders(text, {
        'request.number': '109-2026-0000001',
        'agency.name': 'Энергосеть',
        'agency.phone': null,
      }),
    ).toEqual({
      text: 'Заявка 109-2026-0000001: Энергосеть, . {{other}}',
      missing: ['agency.phone'],
    });
  });
});

describe('FAQ import parsing', () => {
  it('splits Markdown at top-level headings, not inside code', () => {
    const md = 'intro\n# Первый\nтекст\n```\n# не заголовок\n```\n## подзаголовок\n# Второй\nещё';
    const a = splitMarkdown(md, 'ru');
    expect(a.map((x) => x.variants[0]?.title)).toEqual(['Первый', 'Второй']);
    expect(a[0]?.variants[0]?.body).toBe('текст\n```\n# не заголовок\n```\n## подзаголовок');
  });

  it('groups language variants of one article and rejects rows it cannot use', () => {
    const rows = [
      { id: '1', lang: 'ru', q: 'Вопрос', a: 'Ответ', cat: 'roads; yards' },
      { id: '1', lang: 'kk', q: 'Сұрақ', a: 'Жауап', cat: '' },
      { id: '2', lang: 'de', q: 'Frage', a: 'x', cat: '' },
      { id: '3', lang: 'ru', q: '', a: 'x', cat: '' },
      { id: '1', lang: 'ru', q: 'Дубль', a: 'x', cat: '' },
    ];
    const r = csvToArticles(rows, {
      title: 'q',
      body: 'a',
      lang: 'ru',
      langColumn: 'lang',
      groupColumn: 'id',
      categoryColumn: 'cat',
    });
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({
      categories: ['roads', 'yards'],
      variants: [
        { lang: 'ru', title: 'Вопрос' },
        { lang: 'kk', title: 'Сұрақ' },
      ],
    });
    expect(r.rejected.map((x) => x.source)).toEqual(['row 4', 'row 5', 'row 6']);
  });
});

describe('learned scores', () => {
  it('grow with links and favour the target a word points to specifically', () => {
    const row = (id: number, term: string, n: number, total: number) => ({
      kind: 'article' as const,
      target_id: id,
      term,
      n,
      term_total: total,
    });
    const few = learnedScores([row(1, 'свет', 1, 1)], []).get('article:1')?.score ?? 0;
    const many = learnedScores([row(1, 'свет', 5, 5)], []).get('article:1')?.score ?? 0;
    expect(many).toBeGreaterThan(few);
    const shared = learnedScores([row(1, 'свет', 5, 10), row(2, 'свет', 5, 10)], []);
    expect(shared.get('article:1')?.score ?? 0).toBeLessThan(many);
    const withCategory =
      learnedScores([row(1, 'свет', 5, 5)], [{ kind: 'article', target_id: 1, n: 3 }]).get('article:1')
        ?.score ?? 0;
    expect(withCategory).toBeGreaterThan(many);
  });
});
