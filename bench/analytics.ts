/**
 * Analytics benchmark: times every panel page's queries (p50/p95/p99 over --runs repetitions)
 * against the database in DATABASE_URL (else PGlite in DATA_DIR, default ./data), and in the
 * same run the naive GROUP BY over the raw requests table that the rollups replace.
 *   npm run bench:analytics                       whatever data is present (e.g. a 10 M-row load)
 *   npm run bench:analytics -- --generate 200000  first adds N synthetic requests (komek generate)
 *   npm run bench:analytics -- --runs 20 --days 365 --city astana
 * Writes bench/results/analytics.json.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { addDays, localDate } from '@komek/domain/time';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/deps.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import { byDimension, seasonality, type Filter } from '../apps/server/src/modules/analytics/repository.ts';
import {
  backlog,
  overview,
  rising,
  volumeWithLastYear,
} from '../apps/server/src/modules/analytics/service.ts';
import { parseArgs } from '../apps/server/src/cli/io.ts';
import { percentile, root, writeResult } from './lib.ts';

const { flags } = parseArgs(process.argv.slice(2));
const runs = Number(flags.runs ?? 10);
const days = Number(flags.days ?? 365);
const generate = Number(flags.generate ?? 0);

if (generate > 0) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'apps/server/src/cli/main.ts'),
      'generate',
      '--requests',
      String(generate),
      '--seed',
      '42',
    ],
    { stdio: 'inherit', env: process.env },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const config = loadConfig();
const db = await openDatabase({ ...config, statementTimeoutMs: 0 });
await migrate(db);
const cityId = flags.city ?? config.cityId;
const tz = config.cityTimeZone;
const rawRows =
  (await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM requests WHERE city_id = ${cityId}`))[0]
    ?.n ?? 0;
const rollupRows =
  (
    await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM request_rollup_daily WHERE city_id = ${cityId}`,
    )
  )[0]?.n ?? 0;
const to = flags.to ?? localDate(new Date(), tz);
const f: Filter = { cityId, from: addDays(to, -(days - 1)), to };
const deps = { readDb: db };

const naiveWhere = sql`city_id = ${cityId} AND created_at >= (${f.from}::date)::timestamp AT TIME ZONE ${tz}
  AND created_at < (${addDays(to, 1)}::date)::timestamp AT TIME ZONE ${tz}`;
const cases: [string, () => Promise<unknown>][] = [
  ['overview', () => overview(deps, f)],
  ['volume+last year (week)', () => volumeWithLastYear(deps, f, 'week')],
  ['volume+last year (day)', () => volumeWithLastYear(deps, f, 'day')],
  ['rising topics', () => rising(deps, f)],
  ['seasonality', () => seasonality(db, f)],
  ...(['category_code', 'district_code', 'agency_code', 'channel', 'criticality', 'status'] as const).map(
    (d) => [`breakdown ${d}`, () => byDimension(db, f, d)] as [string, () => Promise<unknown>],
  ),
  ['backlog', () => backlog(deps, f)],
  [
    'NAIVE raw volume by day',
    () =>
      db.query(
        sql`SELECT (created_at AT TIME ZONE ${tz})::date AS day, count(*)::int FROM requests WHERE ${naiveWhere} GROUP BY 1`,
      ),
  ],
  [
    'NAIVE raw category×district SLA',
    () =>
      db.query(sql`SELECT category_code, district_code, count(*)::int,
        count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= due_at)::int AS met,
        avg(extract(epoch FROM resolved_at - created_at)) AS res
        FROM requests WHERE ${naiveWhere} GROUP BY 1, 2`),
  ],
];

const results: { query: string; p50: number; p95: number; p99: number; runs: number }[] = [];
for (const [name, fn] of cases) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  results.push({
    query: name,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    runs,
  });
}
await db.close();

const rows = [
  ['query', 'p50 ms', 'p95 ms', 'p99 ms'],
  ...results.map((r) => [r.query, r.p50, r.p95, r.p99].map(String)),
];
const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
process.stdout.write(
  `database ${db.kind}, city ${cityId}, ${rawRows} requests, ${rollupRows} rollup rows, range ${f.from}..${f.to}, ${runs} runs\n` +
    rows.map((r) => r.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ')).join('\n') +
    '\n',
);
const file = writeResult('analytics', {
  at: new Date().toISOString(),
  database: db.kind,
  requests: rawRows,
  rollupRows,
  range: { from: f.from, to: f.to },
  results,
});
process.stdout.write(`wrote ${file}\n`);
