/**
 * The bell: a status change by staff shows up as an unread count in the resident's header, and
 * the lazily loaded list shows it and marks it read.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, PASSWORD, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('resident notifications', () => {
  let e: E2E;
  let operator: string;
  const phone = '+77027770091';

  beforeAll(async () => {
    e = await startE2E();
    const r = await e.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 't-operator', password: PASSWORD },
    });
    operator = r.json().token;
  });
  afterAll(async () => {
    await e?.close();
  });

  const staff = (url: string, payload: object) =>
    e.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${operator}` }, payload });

  async function signIn(page: Page): Promise<void> {
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Send the code' }).click();
    let code: string | undefined;
    for (let i = 0; i < 50 && !code; i++) {
      const items = (
        await e.app.inject({ method: 'GET', url: `/api/v1/dev/inbox?recipient=${encodeURIComponent(phone)}` })
      ).json().items as { body: string }[];
      code = items.map((m) => /Komek: (\d{6})/.exec(m.body)?.[1]).find(Boolean); // the sign-in code, not the request number
      if (!code) await new Promise((res) => setTimeout(res, 200));
    }
    await page.getByLabel('Code from the SMS (6 digits)').fill(code ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('counts a status change under the bell and lists it', async () => {
    const created = await staff('/api/v1/requests', {
      text: 'Не вывезли мусор во дворе',
      category: 'roads',
      channel: 'phone',
      address: 'ул. Абая 7',
      resident: { phone },
    });
    expect(created.statusCode).toBe(201);
    const number = created.json().number as string;

    const ctx = await e.context({ phone: true });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/app/signin`);
    await signIn(page);
    await page.getByRole('heading', { name: 'My requests' }).waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

    expect((await staff(`/api/v1/requests/${number}/transitions`, { to: 'in_progress' })).statusCode).toBe(
      200,
    );
    await page.evaluate(`document.dispatchEvent(new Event('visibilitychange'))`);
    const bell = page.getByRole('link', { name: '1 unread notification' });
    await bell.waitFor();
    await e.shot(page, 'resident-20-bell');
    await bell.click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page
      .getByText(new RegExp(`${number}`))
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await e.shot(page, 'resident-21-notifications');
    await ctx.close();
  });
});
