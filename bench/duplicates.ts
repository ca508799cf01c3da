/**
 * Duplicate-candidate benchmark: the intake's candidate search (`findCandidates`, the same code
 * the API runs) for --n probes taken from stored requests — their place, category and words —
 * against the database in DATABASE_URL (else PGlite in DATA_DIR, default ./data). Prints
 * p50/p95/p99, the plan's index and buffers for one probe, and writes bench/results/duplicates.json.
 *   DATABASE_URL=postgres://…/komek_bench npm run bench:duplicates
 *   npm run bench:duplicates -- --n 500 --city astana
 * Goal (issue #3): p95 ≤ 20 ms at 10 M stored requests.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/deps.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import { parseArgs } from '../apps/server/src/cli/io.ts';
import { candidatesSql, findCandidates } from '../apps/server/src/modules/duplicates/service.ts';
import { percentile, writeResult } from './lib.ts';

const { flags } = parseArgs(process.argv.slice(2));
const n = Number(flags.n ?? 300);
const config = loadConfig();
const db = await openDatabase({ ...config, statementTimeoutMs: 0 });
await migrate(db);
const cityId = flags.city ?? config.cityId;

const total =
  (await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM requests WHERE city_id = ${cityId}`))[0]
    ?.n ?? 0;
// Probes: recent requests with a place (what intake sees: a new report where others were made).
const newest = (
  await db.query<{ t: Date | null }>(sql`SELECT max(created_at) AS t FROM requests WHERE city_id = ${cityId}`)
)[0]?.t;
if (!newest) {
  process.stdout.write('no requests stored: load some first (npx komek generate --requests N)\n');
  process.exit(0);
}
const probes = await db.query<{ text: string; lat: number; lon: number; category_code: string | null }>(sql`
  SELECT text, lat, lon, category_code FROM requests
  WHERE city_id = ${cityId} AND lat IS NOT NULL AND created_at >= ${new Date(newest.getTime() - 30 * 86_400_000)}
  ORDER BY md5(id::text) LIMIT ${n}`);
const deps = { db, now: () => newest };

const ms: number[] = [];
let found = 0;
for (const [i, p] of probes.entries()) {
  const input = { text: p.text, lat: p.lat, lon: p.lon, category: p.category_code ?? undefined };
  if (i < 5) await findCandidates(deps, cityId, input); // warm-up
  const t0 = performance.now();
  const got = await findCandidates(deps, cityId, input);
  ms.push(performance.now() - t0);
  found += got.length;
}

// One probe's plan: which index, how many buffers.
const p0 = probes[0];
let plan = '';
if (p0 && db.kind === 'postgres') {
  // The statement findCandidates runs (candidatesSql), for the probe's place within 300 m.
  const statement = candidatesSql({
    cityId,
    text: p0.text,
    lat: p0.lat,
    lon: p0.lon,
    radius: 300,
    related: [],
    since: new Date(newest.getTime() - 30 * 86_400_000),
    now: newest,
  });
  const rows = await db.query<{ 'QUERY PLAN': string }>(
    sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement}`,
  );
  plan = rows.map((r) => r['QUERY PLAN']).join('\n');
}
await db.close();

const result = {
  at: new Date().toISOString(),
  database: db.kind,
  requests: total,
  probes: probes.length,
  avgCandidates: probes.length ? Math.round((found / probes.length) * 10) / 10 : 0,
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  p99: percentile(ms, 99),
  goalP95: 20,
};
process.stdout.write(
  `database ${db.kind}, ${total} requests, ${probes.length} probes (recent stored requests), ` +
    `${result.avgCandidates} candidates each on average\n` +
    `duplicate candidates  p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  (goal p95 ≤ 20 ms)\n` +
    (plan ? `plan of one probe:\n${plan}\n` : ''),
);
process.stdout.write(`wrote ${writeResult('duplicates', { ...result, plan })}\n`);
