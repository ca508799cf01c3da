/**
 * The benchmark suite (`npm run bench`): loads N synthetic requests (the demo generator), starts
 * the server in its own process (pinned away from the load generator), and measures the hot
 * read paths with autocannon: queue list, request page, dashboard (rollups) against the naive
 * GROUP BY over the raw table, duplicate candidates, KB search and the Open311 list when those
 * modules are present. Prints one table and writes bench/results/suite.json.
 *   BENCH_DB=postgres|pglite  BENCH_REQUESTS=200000  BENCH_SECONDS=5  BENCH_WARMUP=2  BENCH_CONNECTIONS=10  npm run bench
 *   BENCH_ONLY='kb search'   only the endpoints whose names contain it
 *   BENCH_NODE_FLAGS='--max-semi-space-size=8'   flags for the server's node (BENCH_CPU_PROF=dir for a profile)
 * Against an already loaded database (no regeneration when it holds ≥ BENCH_REQUESTS):
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/komek_bench BENCH_SCHEMA=public BENCH_REQUESTS=1 npm run bench
 *   BENCH_DB=pglite BENCH_DATA_DIR=/tmp/komek-suite-… BENCH_REQUESTS=1 npm run bench   (a data directory
 *   an earlier run loaded and printed)
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../apps/server/src/db/client.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import { rebuildAll } from '../apps/server/src/modules/analytics/rollups.ts';
import { seedKbDemo } from '../apps/server/src/modules/kb/demo.ts';
import { insertSynthetic, seedDemoCity } from '../apps/server/src/seed/demo.ts';
import { load, percentile, pinSelf, startServer, tempDir, writeResult } from './lib.ts';

const KIND = (process.env.BENCH_DB ?? 'postgres') as 'postgres' | 'pglite';
const N = Number(process.env.BENCH_REQUESTS ?? (KIND === 'pglite' ? 100_000 : 200_000));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Seconds of unrecorded load on each endpoint before its measurement. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
/** Concurrent clients per endpoint (1 shows one user's latency without queueing). */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Only the endpoints whose names contain this (case-insensitive), e.g. BENCH_ONLY='KB search'. */
const ONLY = process.env.BENCH_ONLY?.toLowerCase();
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function timeQuery(
  db: Db,
  q: ReturnType<typeof sql>,
  runs = 20,
): Promise<{ p50: number; p95: number }> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await db.query(q);
    t.push(performance.now() - s);
  }
  return { p50: percentile(t, 50), p95: percentile(t, 95) };
}

async function countArticles(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM kb_articles WHERE city_id = 'astana'`,
  );
  return r[0]?.n ?? 0;
}

async function main(): Promise<void> {
  pinSelf(0);
  const t0 = Date.now();
  let db: Db;
  let env: Record<string, string>;
  const schema = process.env.BENCH_SCHEMA ?? `bench_suite`;
  if (KIND === 'pglite') {
    const dir = process.env.BENCH_DATA_DIR ?? tempDir('komek-suite-');
    db = await openDb({ dataDir: join(dir, 'pglite') });
    env = { DATA_DIR: dir };
  } else {
    db = await openDb({ url: PG_URL, schema, poolSize: 4 });
    env = {
      DATABASE_URL:
        schema === 'public'
          ? PG_URL
          : `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema},public`)}`,
    };
  }
  await migrate(db);
  const have = (await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM requests`))[0]?.n ?? 0;
  if (have < N) {
    await seedDemoCity(db, { now: new Date(), requests: 0 });
    process.stderr.write(`loading ${N - have} requests into ${KIND} …\n`);
    await insertSynthetic(db, { now: new Date(), count: N - have, seed: 42 });
    await rebuildAll(db, 'astana', 'Asia/Almaty');
    // PGlite has no autovacuum: without statistics every estimate is one row.
    await db.query('ANALYZE');
  }
  // The demo knowledge base, as `npm start` seeds it (a generated city has none, and KB search
  // over an empty base measures only its overhead), each in three languages.
  const kbArticles = (await seedKbDemo(db, 'astana')) || (await countArticles(db));
  const total = (await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM requests`))[0]?.n ?? 0;
  const naive = await timeQuery(
    db,
    sql`SELECT category_code, district_code, count(*) FROM requests
    WHERE city_id = 'astana' AND created_at >= now() - interval '30 days' GROUP BY 1, 2`,
    10,
  );
  const naiveYear = await timeQuery(
    db,
    sql`SELECT date_trunc('week', created_at), category_code, count(*) FROM requests WHERE city_id = 'astana' GROUP BY 1, 2`,
    5,
  );
  const sample = (
    await db.query<{ number: string; lat: number; lon: number }>(
      sql`SELECT number, lat, lon FROM requests WHERE lat IS NOT NULL ORDER BY id DESC LIMIT 1`,
    )
  )[0];
  await db.close();
  process.stderr.write(
    `data ready: ${total} requests in ${Math.round((Date.now() - t0) / 1000)} s${KIND === 'pglite' ? ` (${env.DATA_DIR})` : ''}\n`,
  );

  const server = await startServer({ ...env, SEED_DEMO: 'false' }, 18200);
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'supervisor', password: 'komek-demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const cases: { name: string; path: string; method?: 'GET' | 'POST'; body?: string }[] = [
    {
      name: 'queue list (open, by due time)',
      path: '/api/v1/requests?status=new,assigned,in_progress&limit=50',
    },
    { name: 'request page', path: `/api/v1/requests/${sample?.number ?? 'x'}` },
    { name: 'request history', path: `/api/v1/requests/${sample?.number ?? 'x'}/events` },
    { name: 'dashboard (analytics overview, rollups)', path: '/api/v1/analytics/overview' },
    {
      name: 'volume by week, a year (rollups)',
      path: `/api/v1/analytics/volume?bucket=week&from=${new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)}`,
    },
    {
      name: 'duplicate candidates',
      path: '/api/v1/requests/candidates',
      method: 'POST',
      body: JSON.stringify({ text: 'яма на дороге', lat: sample?.lat ?? 51.15, lon: sample?.lon ?? 71.43 }),
    },
    {
      name: 'classify',
      path: '/api/v1/classify',
      method: 'POST',
      body: JSON.stringify({ text: 'нет света в подъезде' }),
    },
    {
      name: 'KB search',
      path: '/api/v1/kb/search?q=%D0%BE%D1%82%D0%BE%D0%BF%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5&lang=ru',
    },
    { name: 'Open311 list', path: '/open311/v2/requests.json' },
  ];
  const rows: Record<string, unknown>[] = [];
  for (const c of cases) {
    if (ONLY && !c.name.toLowerCase().includes(ONLY)) continue;
    const probe = await fetch(server.url + c.path, {
      method: c.method ?? 'GET',
      headers: auth,
      ...(c.body ? { body: c.body } : {}),
    });
    if (probe.status === 404 && !c.path.includes('/requests/')) {
      rows.push({ endpoint: c.name, note: 'not present yet' });
      continue;
    }
    const opts = {
      url: server.url + c.path,
      method: c.method ?? 'GET',
      headers: auth,
      ...(c.body ? { body: c.body } : {}),
      connections: CONNECTIONS,
    };
    // A warm-up under the same load, not recorded: the JIT, the pools' connections and the
    // prepared statements' generic plans settle, so the row is the steady state.
    if (WARMUP > 0) await load({ ...opts, duration: WARMUP });
    const r = await load({ ...opts, duration: SECONDS });
    rows.push({
      endpoint: c.name,
      rps: r.rps,
      p50_ms: r.p50,
      p95_ms: r.p95,
      p97_5_ms: r.p97_5,
      p99_ms: r.p99,
      non2xx: r.non2xx,
      rss_mb: server.rssMb(),
    });
  }
  rows.push({
    endpoint: 'naive GROUP BY over raw requests (30 days, SQL only)',
    p50_ms: naive.p50,
    p95_ms: naive.p95,
  });
  rows.push({
    endpoint: 'naive GROUP BY over raw requests (all, by week, SQL only)',
    p50_ms: naiveYear.p50,
    p95_ms: naiveYear.p95,
  });
  const dash = rows.find((r) => String(r.endpoint).startsWith('volume by week')) as
    { p50_ms?: number } | undefined;
  if (dash?.p50_ms)
    rows.push({
      endpoint: 'naive-by-week p50 ÷ volume-by-week p50 over HTTP (× faster)',
      rps: Math.round((naiveYear.p50 / dash.p50_ms) * 10) / 10,
    });
  // The server's resident memory at the end (each endpoint's row has it as it was after that endpoint).
  rows.push({ endpoint: 'server RSS (MB)', rps: server.rssMb() });
  await server.stop();
  console.log(
    `Komek benchmark — ${KIND}, ${total} requests, ${kbArticles} KB articles, ${SECONDS} s per endpoint after ${WARMUP} s of warm-up, ${CONNECTIONS} connections`,
  );
  console.table(rows);
  process.stdout.write(
    `results: ${writeResult(`suite-${KIND}`, { at: new Date().toISOString(), database: KIND, requests: total, kbArticles, connections: CONNECTIONS, rows })}\n`,
  );
}

await main();
