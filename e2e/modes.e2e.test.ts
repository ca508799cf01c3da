import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('emergency modes', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a supervisor declares a blackout: the banner shows in the console and in the resident app, and ends by hand', async () => {
    const page = await e.staffPage('t-supervisor');
    const resident = await (await e.context({ phone: true })).newPage();
    await resident.addInitScript(() => localStorage.setItem('komek.lang', 'kk'));
    await resident.goto(`${e.baseUrl}/`);
    await resident.locator('header').first().waitFor();
    expect(await resident.locator('.emergency-banner').count()).toBe(0);

    await page.getByRole('link', { name: 'Режимы и ЧС' }).click();
    await page.getByLabel('Вид').selectOption('blackout');
    await page.getByLabel('Заголовок (ru)').fill('Отключение электричества в восточной части города');
    await page.getByLabel('Заголовок (kk)').fill('Қаланың шығысында жарық жоқ');
    await page.getByLabel('Сообщение жителям (ru)').fill('Аварийные бригады работают, свет вернут к 18:00.');
    await page.getByLabel('Категории (первыми в приёме и базе знаний)').selectOption(['electricity']);
    await page.getByLabel('Длительность, ч (пусто — до отмены)').fill('6');
    await page.getByRole('button', { name: 'Объявить ЧС' }).click();
    await page.getByText('ЧС объявлена').waitFor();
    // The console's banner follows at once (a live event); the history records it.
    const banner = page.locator('.emergency-banner');
    await banner.getByText('Отключение электричества в восточной части города').waitFor();
    await page.getByRole('cell', { name: 'emergency_declared' }).waitFor();
    await e.shot(page, 'modes-console');

    await resident.reload();
    await resident.locator('.emergency-banner').getByText('Қаланың шығысында жарық жоқ').waitFor();
    await e.shot(resident, 'modes-resident');

    await page.getByRole('button', { name: 'Завершить' }).click();
    await page.getByRole('cell', { name: 'emergency_ended' }).waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await page.context().close();
    await resident.context().close();
  });
});
