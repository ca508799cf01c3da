/**
 * A test server on a real database: PGlite in memory by default, or a fresh schema on the
 * PostgreSQL server named by DATABASE_URL (dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDb, type Db } from '../src/db/client.ts';
import { createRuntime } from '../src/deps.ts';
import type { AppDeps } from '../src/lib/context.ts';
import type { App } from '../src/lib/http.ts';
import { CITY, PASSWORD, seedTestCity, type TestRole } from './factories.ts';

export interface TestServer {
  app: App;
  deps: AppDeps;
  db: Db;
  /** Signs in a test staff member and returns a bearer token. */
  token(role: TestRole): Promise<string>;
  /** Signs a resident in by phone + one-time code (read from the development inbox). */
  residentToken(phone: string): Promise<string>;
  /** app.inject with a bearer token. */
  call(
    method: string,
    url: string,
    opts?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** Sets the clock (tests of time). */
  setNow(d: Date): void;
  close(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

export async function openTestDb(): Promise<{ db: Db; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDb({ dataDir: 'memory://' });
    return { db, drop: async () => db.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openDb({ url, schema, poolSize: 5 });
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

export async function startTestServer(opts: { seed?: boolean } = {}): Promise<TestServer> {
  const { db, drop } = await openTestDb();
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      CITY_ID: CITY,
      SEED_DEMO: 'false',
      JOBS: 'false',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'komek-test-')),
    }),
    databaseUrl: process.env.DATABASE_URL,
  };
  let clock: Date | undefined;
  const runtime = await createRuntime(config, { db, now: () => clock ?? new Date() });
  if (opts.seed !== false) await seedTestCity(db);
  const app = await buildApp({ deps: runtime.deps });
  await app.ready();
  const tokens = new Map<string, string>();
  const call: TestServer['call'] = (method, url, o = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.headers ?? {}) },
      ...(o.body !== undefined ? { payload: o.body as object } : {}),
    });
  return {
    app,
    deps: runtime.deps,
    db,
    call,
    setNow: (d) => {
      clock = d;
    },
    async token(role) {
      const hit = tokens.get(role);
      if (hit) return hit;
      const r = await call('POST', '/api/v1/auth/login', {
        body: { login: `t-${role}`, password: PASSWORD },
      });
      if (r.statusCode !== 200) throw new Error(`login ${role}: ${r.statusCode} ${r.body}`);
      const t = (r.json() as { token: string }).token;
      tokens.set(role, t);
      return t;
    },
    async residentToken(phone) {
      const req = await call('POST', '/api/v1/auth/otp/request', { body: { phone } });
      if (req.statusCode !== 202) throw new Error(`otp request: ${req.statusCode} ${req.body}`);
      const { dispatchOutbox, devSender } = await import('../src/jobs/outbox-dispatcher.ts');
      await dispatchOutbox(db, devSender, () => new Date(Date.now() + 1000));
      const inbox = await call('GET', `/api/v1/dev/inbox?recipient=${encodeURIComponent(phone)}`);
      const body = (inbox.json() as { items: { body: string }[] }).items[0]?.body ?? '';
      const code = /(\d{6})/.exec(body)?.[1];
      if (!code) throw new Error(`no code in the inbox for ${phone}`);
      const v = await call('POST', '/api/v1/auth/otp/verify', { body: { phone, code } });
      if (v.statusCode !== 200) throw new Error(`otp verify: ${v.statusCode} ${v.body}`);
      return (v.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await runtime.close().catch(() => undefined);
      await drop();
    },
  };
}
