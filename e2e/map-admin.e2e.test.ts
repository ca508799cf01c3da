/**
 * The console map and the admin pages: a supervisor sees the districts and clusters of requests,
 * zooms into a cluster, opens a request from its point and switches to the heat map; an admin
 * creates a category with names in three languages and finds it in the list.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY, hasChromium, PASSWORD, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('map and admin pages', () => {
  let e: E2E;
  let lonely = '';
  beforeAll(async () => {
    e = await startE2E({
      seed: async (deps) => {
        // 300 requests spread over both test districts (71.30–71.50 × 51.10–51.20).
        const rows = Array.from({ length: 300 }, (_, i) => {
          const lat = 51.12 + ((i * 37) % 60) / 1000;
          const lon = 71.33 + ((i * 53) % 140) / 1000;
          return sql`(${CITY}, ${`109-2026-${900000 + i}`}, 'phone', 'яма на дороге', 'ru', 'roads', 'roads', ${lon < 71.4 ? 'west' : 'east'},
            ${i % 4 === 0 ? 'urgent' : 'standard'}, 'new', ${lat}, ${lon}, now() + interval '3 days', now() - ${`${i} minutes`}::interval)`;
        });
        await deps.db
          .query(sql`INSERT INTO requests (city_id, number, channel, text, lang, category_code, agency_code, district_code,
          criticality, status, lat, lon, due_at, created_at) VALUES ${sql.join(rows, sql`, `)}`);
      },
    });
    // One request on its own in the far corner, registered the ordinary way.
    const login = await e.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 't-operator', password: PASSWORD },
    });
    const r = await e.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { authorization: `Bearer ${login.json().token as string}` },
      payload: {
        text: 'нет света на улице',
        category: 'electricity',
        channel: 'phone',
        lat: 51.197,
        lon: 71.302,
      },
    });
    lonely = r.json().number as string;
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a supervisor opens the map: districts, clusters, zoom on click, a point opens its request, heat map', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-supervisor');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Карта' }).click();
    await page.getByRole('status').filter({ hasText: 'На карте: 301' }).waitFor();
    await expect.poll(() => page.locator('path.district').count()).toBe(2);
    await page.locator('.map-cluster').first().waitFor();
    const clusters = await page.locator('.map-cluster').count();
    expect(clusters).toBeGreaterThan(1);
    const total = await page
      .locator('.map-cluster span')
      .allTextContents()
      .then((xs) => xs.reduce((a, x) => a + Number(x), 0));
    expect(total + (await page.locator('.map-point').count())).toBe(301);
    await e.shot(page, 'map-clusters');

    // Clicking the biggest cluster zooms in: more, smaller clusters.
    const counts = (await page.locator('.map-cluster span').allTextContents()).map(Number);
    const biggest = counts.indexOf(Math.max(...counts));
    await page.locator('.map-cluster').nth(biggest).click();
    await expect.poll(() => page.locator('.map-cluster, .map-point').count()).not.toBe(clusters);
    await e.shot(page, 'map-zoomed');

    // Filters live in the URL; the lonely request's point opens its page.
    await page.goto(`${e.baseUrl}/console/map?category=electricity&status=new`);
    await page.getByRole('status').filter({ hasText: 'На карте: 1' }).waitFor();
    await page.locator('.map-point').click();
    await page.waitForURL(`**/console/r/${lonely}`);

    await page.goto(`${e.baseUrl}/console/map?view=heat`);
    await page.getByRole('status').filter({ hasText: 'На карте: 301' }).waitFor();
    await page.locator('canvas.heat-layer').waitFor();
    expect(await page.getByLabel('Тепловая карта').isChecked()).toBe(true);
    expect(await page.locator('.map-cluster').count()).toBe(0);
    await e.shot(page, 'map-heat');
    await ctx.close();
  });

  it('an executor sees only their agency’s requests on the map', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-executor2');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Карта' }).click();
    // The 300 road requests; the electricity one belongs to another agency.
    await page.getByRole('status').filter({ hasText: 'На карте: 300' }).waitFor();
    expect(await page.getByLabel('Исполнитель').isDisabled()).toBe(true);
    await ctx.close();
  });

  it('an admin creates a category with three names and sees it in the list', async () => {
    const ctx = await e.context();
    await ctx.addInitScript(() => localStorage.setItem('komek.lang', 'ru'));
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/console`);
    await page.getByLabel('Логин').fill('t-admin');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Администрирование' }).click();
    await page.getByRole('heading', { name: 'Категории' }).waitFor();
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByLabel('Код').fill('heating');
    await page.getByLabel('Название (каз.)').fill('Жылу');
    await page.getByLabel('Название (рус.)').fill('Отопление');
    await page.getByLabel('Название (англ.)').fill('Heating');
    await page.getByLabel('Родитель').selectOption('utilities');
    await page.getByLabel('Критичность').selectOption('high');
    await page.getByLabel('Исполнитель').selectOption('energy');
    await page.getByLabel('Сезон (ММ-ДД — ММ-ДД) 1').fill('10-01');
    await page.getByLabel('Сезон (ММ-ДД — ММ-ДД) 2').fill('04-30');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('cell', { name: 'Жылу / Отопление / Heating' }).waitFor();
    await e.shot(page, 'admin-categories');
    const cats = await e.app.inject({ method: 'GET', url: '/api/v1/categories?all=true' });
    const utilities = (
      cats.json().items as { code: string; children: { code: string; agency: string }[] }[]
    ).find((c) => c.code === 'utilities');
    expect(utilities?.children.find((c) => c.code === 'heating')).toMatchObject({ agency: 'energy' });

    await page.getByRole('link', { name: 'Сотрудники' }).click();
    await page.getByRole('cell', { name: 't-executor', exact: true }).waitFor();
    await e.shot(page, 'admin-staff');
    // A district file uploaded through the page: names per language from the properties.
    await page.getByRole('link', { name: 'Районы' }).click();
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'north', name_kk: 'Солтүстік', name_ru: 'Север', name_en: 'North' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [71.3, 51.2],
                [71.5, 51.2],
                [71.5, 51.25],
                [71.3, 51.25],
                [71.3, 51.2],
              ],
            ],
          },
        },
      ],
    };
    await page.getByLabel('GeoJSON-файл (FeatureCollection)').setInputFiles({
      name: 'north.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(fc)),
    });
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await page.getByText('Загружено районов: 1').waitFor();
    await page.getByRole('cell', { name: 'Солтүстік / Север / North' }).waitFor();
    await e.shot(page, 'admin-districts');
    await page.getByRole('link', { name: 'Классификатор' }).click();
    await page.getByText('Обученной модели нет').waitFor();
    await e.shot(page, 'admin-classifier');
    await ctx.close();
  });
});
