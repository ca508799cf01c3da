import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('the web app loads in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('serves the resident app, the console and the panel from one server', async () => {
    const ctx = await e.context();
    const page = await ctx.newPage();
    for (const path of ['/', '/console', '/panel']) {
      const res = await page.goto(e.baseUrl + path);
      expect(res?.status()).toBe(200);
      await page.waitForSelector('main');
      expect(await page.locator('main').count()).toBeGreaterThan(0);
    }
    const health = await page.goto(e.baseUrl + '/health');
    expect(await health?.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    });
    await ctx.close();
  });
});
