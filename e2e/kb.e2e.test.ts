/**
 * The knowledge base in the browser: an editor writes an article in three languages, an operator
 * typing a caller's question (in Russian, then in Kazakh) sees it suggested and answers the call
 * from it without a request, and a resident writing a report finds it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, PASSWORD, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('knowledge base', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an editor publishes an article in kk/ru/en; the operator sees it while typing and answers from it', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-supervisor');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'База знаний' }).click();
    await page.getByRole('button', { name: 'Новая статья' }).click();
    const variants = [
      [
        'ru',
        'Когда дадут отопление',
        'Отопительный сезон начинается, когда среднесуточная температура ниже +8 °C пять дней подряд.',
        'отопление, тепло, батареи',
      ],
      [
        'kk',
        'Жылу қашан беріледі',
        'Жылу беру маусымы тәуліктік орташа температура бес күн қатарынан +8 °C-тан төмен болғанда басталады.',
        'жылу, батарея',
      ],
      [
        'en',
        'When the heating comes on',
        'The heating season starts when the daily mean temperature stays below +8 °C for five days.',
        'heating, radiators',
      ],
    ];
    for (const [lang, title, body, keywords] of variants) {
      await page.getByRole('tab', { name: new RegExp(`^${lang}`) }).click();
      await page.getByLabel(/^Заголовок/).fill(title as string);
      await page.getByLabel(/^Текст/).fill(body as string);
      await page.getByLabel(/^Ключевые слова/).fill(keywords as string);
    }
    await page.getByLabel('Статус').selectOption('published');
    await page.getByRole('button', { name: 'Сохранить статью' }).click();
    await page.waitForURL(/\/console\/kb\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())?.[1]);
    await page.getByRole('tab', { name: /^kk ✓/ }).waitFor();
    await page.getByRole('button', { name: /^v1 · / }).click();
    await page.locator('pre.diff').waitFor();
    await e.shot(page, 'kb-editor');
    await ctx.close();

    const op = await e.context();
    await op.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const p2 = await op.newPage();
    await p2.goto(`${e.baseUrl}/console`);
    await p2.getByLabel('Логин').fill('t-operator');
    await p2.getByLabel('Пароль').fill(PASSWORD);
    await p2.getByRole('button', { name: 'Войти' }).click();
    await p2.getByRole('link', { name: 'Новый звонок' }).click();
    await p2.getByLabel('Суть обращения').fill('когда дадут отопление');
    const suggestions = p2.getByRole('region', { name: 'Статьи базы знаний' });
    await suggestions.getByRole('button', { name: 'Когда дадут отопление' }).click();
    await suggestions.getByText('пять дней подряд').waitFor();
    await e.shot(p2, 'kb-operator-suggestion');
    // The same question in Kazakh finds the same article.
    await p2.getByLabel('Суть обращения').fill('жылу қашан беріледі');
    // (the article opened above stays open while the suggestions refresh)
    await suggestions
      .getByRole('button', { name: /Жылу қашан беріледі|Когда дадут отопление/, expanded: true })
      .waitFor();
    await suggestions.getByRole('button', { name: 'Ответил по статье — без обращения' }).click();
    await p2.getByRole('status').getByText('вопрос решён по базе знаний').waitFor();
    await op.close();

    const login = await e.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 't-supervisor', password: PASSWORD },
    });
    const summary = await e.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/summary',
      headers: { authorization: `Bearer ${login.json().token as string}` },
    });
    expect(summary.json()).toMatchObject({
      contacts: 1,
      byOutcome: { answered: 1 },
      topArticles: [{ articleId: id, answered: 1 }],
    });

    // A resident writing a report is offered the article before sending.
    const res = await e.context({ phone: true });
    const p3 = await res.newPage();
    await p3.goto(`${e.baseUrl}/app/report`);
    await p3.getByLabel('Describe the problem').fill('When will the heating come on? Radiators are cold');
    await p3.getByRole('button', { name: 'Choose the kind from the list' }).click();
    await p3.getByRole('button', { name: /yards/ }).click();
    for (let i = 0; i < 3; i++) await p3.getByRole('button', { name: /^(Next|Skip)$/ }).click();
    // The last step, before sending: "maybe this answers your question".
    await p3.getByText('When the heating comes on').waitFor();
    await e.shot(p3, 'kb-resident-suggestion');
    await res.close();
  });
});
