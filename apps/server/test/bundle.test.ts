/**
 * The bundled server (`npm start` runs dist/main.js, built by scripts/build.mjs): it starts with
 * plain `node`, applies the migrations it carries, takes a request, and runs a worker thread of
 * its own bundle (the open-data CSV is formatted in one) — on PostgreSQL or PGlite like the rest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedTestCity } from './factories.ts';
import { serverEnv, serverTarget, waitUp, type ServerTarget } from './server-process.ts';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the package, so that the bundle resolves its npm packages from node_modules as dist/ does.
const outdir = join(pkg, `.bundle-test-${process.pid}`);

let t: ServerTarget | undefined;
let child: ChildProcess | undefined;
afterAll(async () => {
  await stopBundle();
  rmSync(outdir, { recursive: true, force: true });
  await t?.cleanup();
});

let stderr = '';

async function startBundle(env: Record<string, string>, port: number, base: string): Promise<void> {
  child = spawn(process.execPath, [join(outdir, 'main.js')], {
    // No loader inherited from the test runner: the bundle runs on plain node.
    env: { ...serverEnv(env, port), NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  await waitUp(base).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${stderr}`);
  });
}

async function stopBundle(): Promise<void> {
  const c = child;
  if (!c || c.exitCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  await exited;
}

describe('the bundled server', () => {
  it('builds, starts with plain node, takes a request and streams open data from its worker bundle', async () => {
    const { buildServer } = (await import(join(pkg, 'scripts', 'build.mjs'))) as {
      buildServer(outdir: string): Promise<string[]>;
    };
    const entries = await buildServer(outdir);
    expect(entries).toEqual(
      expect.arrayContaining(['main', 'format-worker', 'training-worker', 'train-member-worker']),
    );
    for (const e of entries) expect(existsSync(join(outdir, `${e}.js`))).toBe(true);
    expect(existsSync(join(outdir, 'migrations'))).toBe(true);

    // First start on an empty database: the bundle applies the migrations it carries.
    t = await serverTarget('bundle');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const base = `http://127.0.0.1:${port}`;
    await startBundle(t.env, port, base);
    await stopBundle();
    const db = await t.open();
    const applied = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM requests');
    expect(applied[0]?.n).toBe(0);
    await seedTestCity(db);
    await db.close();
    await startBundle(t.env, port, base);

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 't-operator', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${base}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: 'нет света во всём доме', category: 'electricity', channel: 'phone' }),
    });
    expect(created.status).toBe(201);
    const { number } = (await created.json()) as { number: string };

    const csv = await fetch(`${base}/api/v1/open-data/requests?category=electricity`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^number,/);
    expect(lines.some((l) => l.startsWith(`${number},`))).toBe(true);
    expect(stderr).toBe('');
    await stopBundle();
  }, 120_000);
});
