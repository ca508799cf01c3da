/**
 * Browser tests: a real server (in this process, on a free port, on PGlite or a fresh PostgreSQL
 * schema) serving the built web app, and Debian's Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { createRuntime } from '../apps/server/src/deps.ts';
import type { AppDeps } from '../apps/server/src/lib/context.ts';
import type { App } from '../apps/server/src/lib/http.ts';
import { CITY, PASSWORD, seedTestCity } from '../apps/server/test/factories.ts';
import { openTestDb } from '../apps/server/test/server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Browser tests skip (clearly) where Chromium is not installed. */
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = join(root, 'e2e', 'screenshots');
export { PASSWORD, CITY };

export interface E2E {
  baseUrl: string;
  app: App;
  deps: AppDeps;
  browser: Browser;
  /** A new browser context (phone: a 360×740 touch viewport). */
  context(opts?: { phone?: boolean; offline?: boolean }): Promise<BrowserContext>;
  /** Saves a screenshot under e2e/screenshots/<name>.png. */
  shot(page: Page, name: string): Promise<void>;
  /** A new desktop page in `lang`, signed in to the console as a test staff member (e.g. 't-operator'). */
  staffPage(login: string, lang?: 'kk' | 'ru' | 'en'): Promise<Page>;
  /** A bearer token for a test staff member, for API calls next to the browser. */
  apiToken(login: string): Promise<string>;
  close(): Promise<void>;
}

function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-web.mjs')], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) throw new Error('the web app did not build');
}

export async function startE2E(opts: { seed?: (deps: AppDeps) => Promise<void> } = {}): Promise<E2E> {
  ensureWebBuilt();
  const { db, drop } = await openTestDb();
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      CITY_ID: CITY,
      SEED_DEMO: 'false',
      JOBS: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'komek-e2e-')),
    }),
    databaseUrl: process.env.DATABASE_URL,
  };
  const runtime = await createRuntime(config, { db });
  await seedTestCity(db);
  if (opts.seed) await opts.seed(runtime.deps);
  const app = await buildApp({ deps: runtime.deps, webDist: join(root, 'apps', 'web', 'dist') });
  const { startJobs } = await import('../apps/server/src/jobs/runner.ts');
  const stopJobs = startJobs(runtime.deps, app.log);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const e2e: E2E = {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    deps: runtime.deps,
    browser,
    async context(o = {}) {
      const ctx = await browser.newContext(
        o.phone
          ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
          : { viewport: { width: 1366, height: 900 } },
      );
      if (o.offline) await ctx.setOffline(true);
      return ctx;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async staffPage(login, lang = 'ru') {
      const ctx = await e2e.context();
      await ctx.addInitScript((l: string) => localStorage.setItem('komek.lang', l), lang);
      const page = await ctx.newPage();
      await page.goto(`${e2e.baseUrl}/console`);
      const res = await page.request.post(`${e2e.baseUrl}/api/v1/auth/login`, {
        data: { login, password: PASSWORD },
      });
      if (!res.ok()) throw new Error(`${login} could not sign in: ${res.status()}`);
      await page.reload();
      await page.locator('header.bar').waitFor();
      return page;
    },
    async apiToken(login) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login, password: PASSWORD },
      });
      return r.json().token as string;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await stopJobs();
      await app.close();
      await runtime.close().catch(() => undefined);
      await drop();
    },
  };
  return e2e;
}
