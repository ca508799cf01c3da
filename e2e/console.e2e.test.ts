import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { hasChromium, PASSWORD, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('operator console', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an operator takes a call with a suggested category; an executor works it to resolved with a public reply', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-operator');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Новый звонок' }).click();
    await page.getByLabel('Телефон звонящего').fill('+77015559999');
    await page.getByLabel('Суть обращения').fill('Огромная яма на дороге у дома, машины объезжают');
    await page.getByLabel('Широта').fill('51.15');
    await page.getByLabel('Долгота').fill('71.35');
    await page.getByLabel('Где это?').selectOption({ label: 'Улица, дорога' });
    // The suggestion arrives while typing and preselects the category.
    await page.getByRole('button', { name: /roads ru — \d+%/ }).waitFor();
    expect(await page.getByLabel('Категория').inputValue()).toBe('roads');
    await e.shot(page, 'console-intake');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    const number = /109-\d{4}-\d{7}/.exec((await status.textContent()) ?? '')?.[0];
    expect(number).toBeTruthy();
    const [kept] = await e.deps.db.query<{ place: string }>(
      sql`SELECT attributes->>'place' AS place FROM requests WHERE number = ${number as string}`,
    );
    expect(kept?.place).toBe('street');
    await e.shot(page, 'console-registered');
    await ctx.close();

    const ctx2 = await e.context();
    await ctx2.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const p2 = await ctx2.newPage();
    await p2.goto(`${e.baseUrl}/console`);
    await p2.getByLabel('Логин').fill('t-executor2');
    await p2.getByLabel('Пароль').fill(PASSWORD);
    await p2.getByRole('button', { name: 'Войти' }).click();
    await p2.getByRole('link', { name: number as string }).click();
    for (const to of ['in_progress', 'resolved']) {
      await p2.getByLabel('Перевести в статус').selectOption(to);
      await p2.getByRole('button', { name: 'Применить' }).click();
      await p2.locator(`.status-${to}`).waitFor();
    }
    await p2.getByLabel('Комментарий').fill('Яма заделана, спасибо за обращение');
    await p2.getByRole('button', { name: 'Отправить' }).click();
    await p2.getByText('Яма заделана, спасибо за обращение').waitFor();
    await e.shot(p2, 'console-request');
    const r = await e.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${number}/events`,
      headers: {
        authorization: `Bearer ${(await e.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 't-operator', password: PASSWORD } })).json().token}`,
      },
    });
    const types = (r.json() as { items: { type: string; toStatus: string | null }[] }).items.map(
      (x) => `${x.type}:${x.toStatus ?? ''}`,
    );
    expect(types).toEqual([
      'created:new',
      'status_changed:in_progress',
      'status_changed:resolved',
      'comment:',
    ]);
    await ctx2.close();
  });

  it('a supervisor sees the requests in the panel dashboard', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-supervisor');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Новый звонок' }).waitFor();
    // The rollup job runs every 10 s; the dashboard reads the rollups.
    let shown = 0;
    for (let i = 0; i < 20 && shown < 1; i++) {
      await page.goto(`${e.baseUrl}/panel`);
      await page.getByLabel('KPIs').waitFor();
      shown = Number((await page.locator('.kpis .card b').first().textContent()) ?? 0);
      if (shown < 1) await page.waitForTimeout(1500);
    }
    expect(shown).toBeGreaterThanOrEqual(1);
    await page.getByRole('img', { name: 'volume' }).waitFor();
    await page.getByRole('img', { name: 'districts map' }).waitFor();
    await page.getByRole('img', { name: 'open by agency' }).waitFor();
    await page.getByText('открыто сейчас').waitFor();
    await e.shot(page, 'panel-dashboard');
    // The panel in Kazakh, then through to the queue of what is overdue.
    await page.getByLabel('language').selectOption('kk');
    await page.getByText('Қызметтер бойынша ашық өтініштер').waitFor();
    await page.getByText('қазір мерзімі өткен').click();
    await page.waitForURL(/\/console\?overdue=true/);
    await ctx.close();
  });

  it('switches the interface to Kazakh', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-supervisor');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByLabel('language').selectOption('kk');
    await page.getByRole('link', { name: 'Жаңа қоңырау' }).waitFor();
    await e.shot(page, 'console-kk');
    await ctx.close();
  });
});
