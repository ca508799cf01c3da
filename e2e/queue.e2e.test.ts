import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('the queue: saved views and bulk actions', () => {
  let e: E2E;
  let token: string;
  const numbers: string[] = [];
  beforeAll(async () => {
    e = await startE2E();
    token = await e.apiToken('t-operator');
    for (const text of ['Яма на дороге у дома 3', 'Глубокая яма на въезде во двор', 'Нет света в подъезде']) {
      const r = await e.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          text,
          category: text.includes('света') ? 'electricity' : 'roads',
          channel: 'phone',
          lat: 51.15,
          lon: 71.35,
        },
      });
      numbers.push(r.json().number as string);
    }
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a supervisor filters the queue, saves the view, and assigns two requests at once', async () => {
    const page = await e.staffPage('t-supervisor');
    await page.getByRole('link', { name: numbers[2] as string }).waitFor();

    await page.getByLabel('Категория').selectOption('roads');
    await page.waitForURL(/category=roads/);
    await page.getByRole('link', { name: numbers[0] as string }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: numbers[2] as string }).count()).toBe(0);

    await page.getByLabel('Название вида').fill('Ямы');
    await page.getByRole('button', { name: 'Сохранить вид' }).click();
    await page.getByText('Вид сохранён').waitFor();

    await page.getByLabel('Выбрать все на странице').check();
    await page.getByText('Выбрано: 2').waitFor();
    await page.getByLabel('Передать службе').selectOption('roads');
    await e.shot(page, 'queue-bulk');
    await page.getByRole('button', { name: 'Применить' }).first().click();
    await page.getByText('Готово: 2, не удалось: 0').waitFor();
    await expect.poll(() => page.locator('td', { hasText: /^assigned$/ }).count()).toBe(2);

    // The saved view brings the same filters back from anywhere.
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Сохранённые виды').selectOption({ label: 'Ямы' });
    await page.waitForURL(/category=roads/);
    await page.getByRole('link', { name: numbers[1] as string }).waitFor();
    await e.shot(page, 'queue-view');

    // The request page lists the other pothole at the same place as a repeat.
    await page.getByRole('link', { name: numbers[0] as string }).click();
    const related = page.getByRole('region', { name: 'Связанные обращения' });
    await related.getByRole('link', { name: numbers[1] as string }).waitFor();
    expect(await related.getByRole('link', { name: numbers[2] as string }).count()).toBe(0);
    await e.shot(page, 'request-related');
    await page.context().close();

    for (const n of numbers.slice(0, 2)) {
      const r = await e.app.inject({
        method: 'GET',
        url: `/api/v1/requests/${n}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.json()).toMatchObject({ status: 'assigned', agency: 'roads' });
    }
  });
});
