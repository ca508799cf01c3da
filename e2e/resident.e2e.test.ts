/**
 * The resident app in a phone-sized Chromium: sign in with a code, report with a photo (its GPS
 * read, its EXIF stripped) and a map pin, the suggested category, a report sent offline that
 * arrives once, a status change from staff, confirming the fix and rating it.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExifGps } from '../apps/web/src/resident/exif.ts';
import { hasChromium, PASSWORD, startE2E, type E2E } from './harness.ts';

/** An EXIF APP1 segment with a GPS position (little-endian TIFF, degrees/minutes/seconds). */
function exifGps(lat: [number, number, number], lon: [number, number, number], refs = 'NE'): Buffer {
  const t = Buffer.alloc(128);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  t.writeUInt16LE(1, 8); // IFD0: one entry, the GPS pointer
  t.writeUInt16LE(0x8825, 10);
  t.writeUInt16LE(4, 12);
  t.writeUInt32LE(1, 14);
  t.writeUInt32LE(26, 18);
  t.writeUInt32LE(0, 22);
  t.writeUInt16LE(4, 26); // GPS IFD: four entries
  const entry = (i: number, tag: number, type: number, count: number, value: (o: number) => void) => {
    const o = 28 + i * 12;
    t.writeUInt16LE(tag, o);
    t.writeUInt16LE(type, o + 2);
    t.writeUInt32LE(count, o + 4);
    value(o + 8);
  };
  entry(0, 1, 2, 2, (o) => t.write(`${refs[0]}\0`, o, 'latin1'));
  entry(1, 2, 5, 3, (o) => t.writeUInt32LE(80, o));
  entry(2, 3, 2, 2, (o) => t.write(`${refs[1]}\0`, o, 'latin1'));
  entry(3, 4, 5, 3, (o) => t.writeUInt32LE(104, o));
  [...lat, ...lon].forEach((v, i) => {
    t.writeUInt32LE(v, 80 + i * 8);
    t.writeUInt32LE(1, 84 + i * 8);
  });
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), len, payload]);
}

const withExif = (jpeg: Buffer, app1: Buffer) => Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
const ab = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
const SOI_ONLY = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

describe('the EXIF GPS reader', () => {
  it('reads north/east and south/west positions and ignores files without one', () => {
    const p = readExifGps(ab(withExif(SOI_ONLY, exifGps([51, 9, 18], [71, 21, 36]))));
    expect(p?.lat).toBeCloseTo(51.155, 6);
    expect(p?.lon).toBeCloseTo(71.36, 6);
    const sw = readExifGps(ab(withExif(SOI_ONLY, exifGps([33, 52, 4], [151, 12, 36], 'SW'))));
    expect(sw?.lat).toBeCloseTo(-33.8678, 3);
    expect(sw?.lon).toBeCloseTo(-151.21, 3);
    expect(readExifGps(ab(SOI_ONLY))).toBeUndefined();
    expect(readExifGps(ab(Buffer.from('not a jpeg')))).toBeUndefined();
    expect(
      readExifGps(ab(withExif(SOI_ONLY, exifGps([51, 9, 18], [71, 21, 36])).subarray(0, 40))),
    ).toBeUndefined();
  });
});

describe.skipIf(!hasChromium)('the resident app on a phone', () => {
  let e: E2E;
  let operator: string;
  const phone = '+77027770001';

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

  const staff = (method: 'POST' | 'GET', url: string, payload?: object) =>
    e.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${operator}` },
      ...(payload ? { payload } : {}),
    });

  const inbox = async (p: string): Promise<{ id: number; body: string } | undefined> =>
    (
      await e.app.inject({ method: 'GET', url: `/api/v1/dev/inbox?recipient=${encodeURIComponent(p)}` })
    ).json().items[0];

  /** The newest one-time code in the development inbox, sent after message `after` (the outbox job delivers it within a second or two). */
  async function codeFor(p: string, after: number): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const m = await inbox(p);
      const code = m && m.id > after ? /(\d{6})/.exec(m.body)?.[1] : undefined;
      if (code) return code;
      await new Promise((res) => setTimeout(res, 200));
    }
    throw new Error('no code arrived');
  }

  async function signIn(page: Page, p: string): Promise<void> {
    const before = (await inbox(p))?.id ?? 0;
    await page.getByLabel('Phone number').fill(p);
    await page.getByRole('button', { name: 'Send the code' }).click();
    await page.getByLabel('Code from the SMS (6 digits)').fill(await codeFor(p, before));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** A JPEG drawn by the browser, with an EXIF GPS block spliced in (as a phone camera writes it). */
  async function cameraPhoto(page: Page): Promise<Buffer> {
    // A string, not a function: this file is type-checked without the DOM library.
    const b64 = await page.evaluate<string>(`(async () => {
      const c = document.createElement('canvas');
      c.width = 800;
      c.height = 600;
      const g = c.getContext('2d');
      g.fillStyle = '#6b6b6b';
      g.fillRect(0, 0, 800, 600);
      g.fillStyle = '#2b2b2b';
      g.beginPath();
      g.ellipse(400, 330, 220, 110, 0, 0, Math.PI * 2);
      g.fill();
      const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      bytes.forEach((x) => (s += String.fromCharCode(x)));
      return btoa(s);
    })()`);
    return withExif(Buffer.from(b64, 'base64'), exifGps([51, 9, 18], [71, 21, 36]));
  }

  it('signs in with a code, reports with a photo and a map pin, and takes the suggested category', async () => {
    const ctx = await e.context({ phone: true });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/`);
    await page.getByRole('heading', { name: 'Something wrong in the city?' }).waitFor();
    await e.shot(page, 'resident-01-home');
    await page.getByRole('link', { name: 'My requests' }).first().click();
    await page.getByRole('heading', { name: 'Sign in with your phone' }).waitFor();
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Send the code' }).click();
    await page.getByRole('link', { name: 'Open the development inbox' }).waitFor();
    await e.shot(page, 'resident-02-code');
    await page.getByLabel('Code from the SMS (6 digits)').fill(await codeFor(phone, 0));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('No requests yet.').waitFor();

    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await page.getByLabel('Describe the problem').fill('Глубокая яма на дороге у остановки, машины въезжают');
    // Where it is goes with the words to the classifier and stays on the request.
    await page.getByRole('button', { name: 'Street or road' }).click();
    await page.getByRole('button', { name: 'Street or road', pressed: true }).waitFor();
    // The classifier suggests "roads" from the words; the resident takes it.
    await page.getByRole('button', { name: /roads/ }).waitFor();
    await e.shot(page, 'resident-03-suggested');
    await page.getByRole('button', { name: /roads/ }).click();
    await page.locator('.r-chosen').getByText('roads', { exact: true }).waitFor();
    await e.shot(page, 'resident-03-chosen');
    await page.getByRole('button', { name: 'Next' }).click();

    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page) });
    await page.getByText('The place is taken from the photo', { exact: false }).waitFor();
    await e.shot(page, 'resident-04-photo');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByText('From the photo', { exact: false }).waitFor();
    const map = page.getByTestId('map');
    await map.locator('path').first().waitFor();
    const box = await map.boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.getByText('Placed on the map', { exact: false }).waitFor();
    await page.getByText('west', { exact: false }).waitFor();
    await e.shot(page, 'resident-05-place');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const number = (await page.getByTestId('request-number').textContent())
      ?.replace('Number: ', '')
      .trim() as string;
    await e.shot(page, 'resident-06-done');

    const [req] = await e.deps.db.query<{
      category_code: string;
      district_code: string;
      lat: number;
      resident_id: number;
      place: string;
    }>(
      sql`SELECT category_code, district_code, lat, resident_id, attributes->>'place' AS place FROM requests WHERE number = ${number}`,
    );
    expect(req).toMatchObject({ category_code: 'roads', district_code: 'west', place: 'street' });
    expect(req?.lat).toBeGreaterThan(51.1);
    const files = await e.deps.db.query<{ content_type: string; storage_key: string }>(
      sql`SELECT a.content_type, a.storage_key FROM attachments a JOIN requests r ON r.city_id = a.city_id AND r.id = a.request_id WHERE r.number = ${number}`,
    );
    expect(files.map((f) => f.content_type)).toEqual(['image/jpeg']);
    const { readFileSync } = await import('node:fs');
    const stored = readFileSync(`${e.deps.config.dataDir}/attachments/${files[0]?.storage_key}`);
    expect(stored.includes(Buffer.from('Exif'))).toBe(false);
    expect(readExifGps(ab(stored))).toBeUndefined();
    await ctx.close();
  });

  it('keeps a report written offline and sends it once when the connection returns', async () => {
    const ctx = await e.context({ phone: true });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/app/signin`);
    await signIn(page, '+77027770002');
    await page.getByRole('heading', { name: 'My requests' }).waitFor();
    const sw = await page.evaluate<string>(
      `Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), new Promise((r) => setTimeout(() => r('no service worker'), 15000))])`,
    );
    expect(sw).toBe('ready');
    await page.reload();
    await page.waitForFunction('navigator.serviceWorker.controller !== null');

    await ctx.setOffline(true);
    // The installed app opens without a network: the service worker serves the shell.
    await page.goto(`${e.baseUrl}/app/report`);
    await page.getByText('No connection', { exact: false }).waitFor();
    const text = 'Не горит фонарь во дворе дома, темно вечером';
    await page.getByLabel('Describe the problem').fill(text);
    await page.getByRole('button', { name: 'Choose the kind from the list' }).click();
    await page.getByRole('button', { name: /yards/ }).click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^(Next|Skip)$/ }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('heading', { name: 'Saved on your phone' }).waitFor();
    await e.shot(page, 'resident-07-offline-saved');

    // Back online: the first attempt reaches the server but its answer is lost; the retry must not register it twice.
    let cut = 0;
    await page.route('**/api/v1/requests', async (route) => {
      if (route.request().method() === 'POST' && cut++ === 0) {
        await route.fetch();
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await ctx.setOffline(false);
    await page
      .getByRole('heading', { name: 'Thank you! Your report is registered' })
      .waitFor({ timeout: 60_000 });
    expect(cut).toBeGreaterThanOrEqual(2);
    const rows = await e.deps.db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM requests WHERE text = ${text}`,
    );
    expect(rows[0]?.n).toBe(1);
    await e.shot(page, 'resident-08-sent-after-offline');
    await ctx.close();
  });

  it('shows the status change from staff, then the resident confirms the fix and rates it', async () => {
    const ctx = await e.context({ phone: true });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/app/signin`);
    await signIn(page, phone);
    await page.getByRole('heading', { name: 'My requests' }).waitFor();
    const number = (
      await e.deps.db.query<{ number: string }>(
        sql`SELECT r.number FROM requests r JOIN residents res ON res.city_id = r.city_id AND res.id = r.resident_id WHERE res.phone = ${phone}`,
      )
    )[0]?.number as string;
    await page.getByRole('link', { name: /roads/ }).click();
    await page.getByText('Received', { exact: true }).waitFor();

    expect(
      (await staff('POST', `/api/v1/requests/${number}/transitions`, { to: 'in_progress' })).statusCode,
    ).toBe(200);
    // The resident comes back to the app: it checks at once (and every 30 s while open).
    await page.evaluate(`document.dispatchEvent(new Event('visibilitychange'))`);
    await page
      .getByRole('status')
      .filter({ hasText: `Request ${number}: Being worked on` })
      .waitFor();
    await page.getByText('Being worked on', { exact: true }).first().waitFor();
    await e.shot(page, 'resident-09-status-change');

    await staff('POST', `/api/v1/requests/${number}/comments`, {
      body: 'Яму заделали сегодня утром.',
      visibility: 'public',
    });
    const fix = await e.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${number}/attachments?kind=fix`,
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'image/jpeg' },
      payload: await cameraPhoto(page),
    });
    expect(fix.statusCode).toBe(201);
    expect(
      (await staff('POST', `/api/v1/requests/${number}/transitions`, { to: 'resolved' })).statusCode,
    ).toBe(200);
    await page.evaluate(`document.dispatchEvent(new Event('visibilitychange'))`);
    await page.getByRole('heading', { name: 'Is it fixed?' }).waitFor();
    await page.getByText('Яму заделали сегодня утром.').waitFor();
    await page.getByRole('img', { name: 'Photo of the fix' }).waitFor();
    await e.shot(page, 'resident-10-resolved');

    await page.getByRole('button', { name: 'Yes, it is fixed' }).click();
    await page.getByText('Closed', { exact: true }).first().waitFor();
    await page.locator('.r-stars label').nth(3).click();
    await page.getByLabel('Comment (optional)').fill('Быстро, спасибо');
    await page.getByRole('button', { name: 'Rate' }).click();
    await page.getByText('Your rating:').waitFor();
    await e.shot(page, 'resident-11-rated');
    const [r] = await e.deps.db.query<{ status: string; rating: number; rating_comment: string }>(
      sql`SELECT status, rating, rating_comment FROM requests WHERE number = ${number}`,
    );
    expect(r).toEqual({ status: 'closed', rating: 4, rating_comment: 'Быстро, спасибо' });
    await ctx.close();
  });

  it('reports without an account, claims it after sign-in, and speaks Kazakh and Russian', async () => {
    const ctx = await e.context({ phone: true });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/app/report`);
    await page.getByLabel('Describe the problem').fill('Сломана скамейка на детской площадке');
    await page.getByRole('button', { name: 'Choose the kind from the list' }).click();
    await page.getByRole('button', { name: /yards/ }).click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^(Next|Skip)$/ }).click();
    await page.getByRole('button', { name: 'Send without an account' }).click();
    const number = (await page.getByTestId('request-number').textContent())
      ?.replace('Number: ', '')
      .trim() as string;
    await page.getByRole('button', { name: 'Sign in to follow it' }).click();
    await signIn(page, '+77027770003');
    await page.getByRole('heading', { name: 'What you reported' }).waitFor();
    await page.getByText(`№ ${number}`).waitFor();

    await page.getByRole('button', { name: 'Қаз' }).click();
    await page.getByRole('heading', { name: 'yards kk' }).waitFor();
    await page.getByText('Қабылданды', { exact: true }).waitFor();
    await page
      .getByText(
        /Мерзімі: \d+ (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан), \d\d:\d\d/,
      )
      .waitFor();
    await e.shot(page, 'resident-12-kazakh');
    await page.getByRole('button', { name: 'Рус' }).click();
    await page.getByRole('link', { name: 'Карта' }).click();
    await page.getByRole('heading', { name: 'Проблемы на карте' }).waitFor();
    await page.getByTestId('public-map').locator('path').first().waitFor();
    await page.getByLabel('Показать').selectOption('');
    await page.getByText(/3 проблемы за 90 дней/).waitFor();
    await page.getByTestId('public-map').locator('path.leaflet-interactive').nth(2).waitFor();
    await e.shot(page, 'resident-13-public-map-ru');
    await ctx.close();
  });
});
