/** An admin edits the criticality rules; the operator's intake follows them at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, PASSWORD, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('admin', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an admin adds a criticality rule and the intake suggests its level for matching text', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-admin');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Правила критичности' }).click();
    await page.getByLabel('Фраза').fill('искрит');
    await page.getByLabel('Критичность').selectOption('urgent');
    await page.getByRole('button', { name: 'Добавить правило' }).click();
    await page.getByRole('cell', { name: 'искрит', exact: true }).waitFor();
    await e.shot(page, 'admin-rules');

    await page.getByRole('link', { name: 'Новый звонок' }).click();
    await page.getByLabel('Суть обращения').fill('в подъезде искрит розетка');
    await page.getByText('Критичность: urgent').waitFor();
    // Switched off, the rule no longer applies.
    await page.getByRole('link', { name: 'Правила критичности' }).click();
    await page.getByLabel('Включено: искрит').uncheck();
    await page
      .getByLabel('Включено: искрит')
      .isChecked()
      .then((c) => (c ? Promise.reject(new Error('still on')) : undefined));
    await page.getByRole('link', { name: 'Новый звонок' }).click();
    await page.getByLabel('Суть обращения').fill('в подъезде искрит розетка');
    await page.getByText(/Критичность: (standard|high|low)/).waitFor();
    await ctx.close();
  });

  it('anyone reads the open-data page: monthly statistics and anonymised downloads', async () => {
    const login = await e.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 't-operator', password: PASSWORD },
    });
    const token = login.json().token as string;
    for (const text of ['нет света на улице', 'яма на дороге']) {
      await e.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: { authorization: `Bearer ${token}` },
        payload: { text, category: text.includes('света') ? 'electricity' : 'roads', channel: 'phone' },
      });
    }
    // The rollup job runs every 10 s (the statistics are cached for 5 minutes, so wait before the first read).
    const month = new Date().toISOString().slice(0, 7);
    await expect
      .poll(
        async () =>
          (
            (await e.app.inject({ method: 'GET', url: '/api/v1/open-data/monthly' })).json() as {
              rows: { month: string; requests: number }[];
            }
          ).rows
            .filter((r) => r.month === month)
            .reduce((n, r) => n + r.requests, 0),
        { timeout: 60_000, interval: 2000 },
      )
      .toBe(2);
    const ctx = await e.context({ phone: true });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/app`);
    await page.getByRole('link', { name: 'Open data' }).click();
    await page.getByRole('heading', { name: 'Open data' }).waitFor();
    await page.getByRole('cell', { name: month, exact: true }).waitFor();
    await page.getByRole('row', { name: new RegExp(`^${month} 2 `) }).waitFor();
    await page.getByRole('link', { name: 'XLSX' }).waitFor();
    await e.shot(page, 'resident-open-data');
    await ctx.close();
  });
});
