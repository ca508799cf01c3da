/**
 * Intake benchmark: autocannon on loopback against POST /api/v1/requests, and in the same run
 * the raw single-row autocommit INSERT rate of the same database as the ceiling (measured
 * before and after intake, as long as intake runs; the mean is the ceiling).
 *   npm run bench:intake                 both databases (PostgreSQL if reachable)
 *   BENCH_DB=pglite npm run bench:intake one of them
 *   BENCH_WORKERS=1,2 npm run bench:intake   PostgreSQL with KOMEK_WORKERS=1 then 2 (default 1)
 *   BENCH_CONNECTIONS=40 npm run bench:intake  PostgreSQL's concurrent clients (default 64)
 *
 * On PostgreSQL intake runs at BENCH_CONNECTIONS concurrent clients (default 64), and the raw
 * ceiling is the best of 10, 20, 40 and BENCH_CONNECTIONS clients, each on its own connection. The
 * ceiling is the commit rate, flat in the clients (measured at 10/20/40 on 2 cores: 6,341–6,547 /
 * 6,179–7,209 / 5,289–6,509 rows/s); intake is not, because it writes the requests that queue up
 * together in one statement: 2,207–2,435 requests/s at 20 clients, 2,859–3,271 at 40, 3,150–3,152
 * at 64 and 3,618–3,773 at 100, on the same machine. A city's contact center, app and partners
 * make far more than 64 callers at once; p99 is in the table.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../apps/server/src/db/client.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import { CITY, PASSWORD, seedTestCity } from '../apps/server/test/factories.ts';
import type autocannon from 'autocannon';
import { load, pinSelf, startServer, tempDir, writeResult } from './lib.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);

async function rawInsertCeiling(db: Db, seconds: number, concurrency: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let n = 0;
  const worker = async (): Promise<void> => {
    while (Date.now() < end) {
      await db.query(sql`INSERT INTO requests (city_id, id, number, channel, text, lang, criticality, status, due_at)
        SELECT ${CITY}, n.id, 'RAW-' || n.id, 'phone', 'raw insert ceiling', 'ru', 'standard', 'new', now() + interval '10 days'
        FROM (SELECT request_id_at(now()) AS id) n`);
      n++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await db.query(sql`DELETE FROM requests WHERE number LIKE 'RAW-%'`);
  return Math.round(n / seconds);
}

/**
 * The raw ceiling is measured for as long as intake runs, once before and once after it (the
 * machine's speed drifts between runs): the mean of the two is the ceiling of the ratio.
 */
async function prepare(kind: 'pglite' | 'postgres'): Promise<{
  env: Record<string, string>;
  ceiling(): Promise<number>;
  cleanup(): Promise<void>;
}> {
  if (kind === 'pglite') {
    const dataDir = tempDir('komek-bench-');
    const open = () => openDb({ dataDir: join(dataDir, 'pglite') });
    const db = await open();
    await migrate(db);
    await seedTestCity(db);
    await db.close();
    return {
      env: { DATA_DIR: dataDir, SEED_DEMO: 'false', CITY_ID: CITY },
      async ceiling() {
        const d = await open();
        const c = await rawInsertCeiling(d, DURATION, 1);
        await d.close();
        return c;
      },
      cleanup: async () => undefined,
    };
  }
  const schema = `bench_${Date.now()}`;
  const db = await openDb({ url: PG_URL, schema, poolSize: 10 });
  await migrate(db);
  await seedTestCity(db);
  await db.close();
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
  return {
    env: { DATABASE_URL: url, SEED_DEMO: 'false', CITY_ID: CITY },
    async ceiling() {
      // The best of a few concurrencies, each for a share of the time.
      const levels = [...new Set([10, 20, 40, CONNECTIONS])];
      let best = 0;
      for (const clients of levels) {
        const d = await openDb({ url: PG_URL, schema, poolSize: clients });
        best = Math.max(best, await rawInsertCeiling(d, Math.max(3, DURATION / levels.length), clients));
        await d.close();
      }
      return best;
    },
    async cleanup() {
      const admin = await openDb({ url: PG_URL });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    },
  };
}

async function pgReachable(): Promise<boolean> {
  try {
    const db = await openDb({ url: PG_URL, poolSize: 1 });
    await db.query('SELECT 1');
    await db.close();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  pinSelf(0);
  const kinds: ('pglite' | 'postgres')[] = [];
  const only = process.env.BENCH_DB;
  if (!only || only === 'postgres') {
    if (await pgReachable()) kinds.push('postgres');
    else process.stderr.write(`PostgreSQL not reachable at ${PG_URL}; skipping it\n`);
  }
  if (!only || only === 'pglite') kinds.push('pglite');
  const rows: Record<string, unknown>[] = [];
  let port = 18109;
  const workerCounts = (process.env.BENCH_WORKERS ?? '1').split(',').map(Number);
  const runs = kinds.flatMap((kind): { kind: 'pglite' | 'postgres'; workers: number }[] =>
    kind === 'pglite' ? [{ kind, workers: 1 }] : workerCounts.map((workers) => ({ kind, workers })),
  );
  for (const { kind, workers } of runs) {
    const p = await prepare(kind);
    const before = await p.ceiling();
    const server = await startServer({ ...p.env, KOMEK_WORKERS: String(workers) }, port++);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 't-operator', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    // Every call is a different caller at a different place, as on a real contact-center day.
    let seq = 0;
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/api/v1/requests',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (req) => {
          seq++;
          req.body = JSON.stringify({
            text: 'Нет света в подъезде, третий этаж',
            category: 'electricity',
            lat: 51.1 + (seq % 1000) / 10_000,
            lon: 71.3 + (seq % 997) / 5000,
            channel: 'phone',
            resident: { phone: `+7701${String(1_000_000 + (seq % 500_000)).slice(1)}` },
          });
          return req;
        },
      },
    ];
    await load({ url: server.url, duration: 2, connections: 10, requests });
    const r = await load({
      url: server.url,
      duration: DURATION,
      connections: kind === 'pglite' ? 10 : CONNECTIONS,
      requests,
    });
    const rss = server.rssMb();
    await server.stop();
    const after = await p.ceiling();
    const ceiling = Math.round((before + after) / 2);
    rows.push({
      database: kind,
      workers,
      clients: kind === 'pglite' ? 10 : CONNECTIONS,
      intake_rps: r.rps,
      p50_ms: r.p50,
      p95_ms: r.p95,
      p97_5_ms: r.p97_5,
      p99_ms: r.p99,
      errors: r.errors,
      non2xx: r.non2xx,
      raw_insert_ceiling_rps: ceiling,
      ceiling_before_after: `${before}/${after}`,
      ratio: Math.round((r.rps / ceiling) * 100) / 100,
      server_rss_mb: rss,
    });
    await p.cleanup();
  }
  console.table(rows);
  process.stdout.write(
    `results: ${writeResult('intake', { at: new Date().toISOString(), durationSeconds: DURATION, rows })}\n`,
  );
}

await main();
