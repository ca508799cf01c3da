/**
 * `komek explain [--out FILE] [--city ID]`: runs `EXPLAIN (ANALYZE, BUFFERS)` on the hot queries
 * (queue list, request page and history, dashboard rollups against the naive GROUP BY, duplicate
 * candidates, KB search, Open311 list) against the configured database and writes the plans to a
 * Markdown file (default `docs/plans/<postgres|pglite>.md`) as a record of which index each uses.
 * The queue list, request page, dashboard, candidates, KB search and Open311 statements are the
 * ones the modules run (exported by their repositories); the number lookup, history, volume and
 * backlog ones copy their modules' shapes. Parameters are taken from the data (the newest
 * request with a location).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import type { Db, Settings } from '../../db/client.ts';
import { overviewSql } from '../../modules/analytics/repository.ts';
import { comparisonRanges } from '../../modules/analytics/service.ts';
import { candidatesSql } from '../../modules/duplicates/service.ts';
import { parseQuery } from '../../modules/kb/query.ts';
import { KB_SEARCH_SETTINGS } from '../../modules/kb/repository-search.ts';
import { searchTextSql } from '../../modules/kb/search-statement.ts';
import { textStages } from '../../modules/kb/search.ts';
import { publicListQuery } from '../../modules/open311/list.ts';
import { listSql, viewByIdSql } from '../../modules/requests/repository.ts';
import { parseArgs } from '../io.ts';

interface Sample {
  id: number;
  number: string;
  lat: number;
  lon: number;
  category_code: string;
  agency_code: string | null;
}

export function hotQueries(
  city: string,
  s: Sample,
  now: Date,
  kind: Db['kind'] = 'postgres',
): { name: string; q: SQL; settings?: Settings }[] {
  const since30 = new Date(now.getTime() - 30 * 86_400_000);
  const since90 = new Date(now.getTime() - 90 * 86_400_000);
  const day = (d: Date): string => d.toISOString().slice(0, 10);
  return [
    {
      name: 'queue list (open, newest first, 50)',
      q: listSql({ cityId: city, status: ['new', 'assigned', 'in_progress', 'reopened'], limit: 50, now }),
    },
    {
      name: 'queue list, one agency, overdue',
      q: listSql({ cityId: city, agency: [s.agency_code ?? ''], overdue: true, limit: 50, now }),
    },
    {
      name: 'request page, 1: the number to its id (request_numbers)',
      q: sql`SELECT request_id FROM request_numbers WHERE city_id = ${city} AND number = ${s.number}`,
    },
    {
      name: 'request page, 2: the request by id (one month partition)',
      q: viewByIdSql(city, s.id),
    },
    {
      name: 'request history (events of one request)',
      q: sql`SELECT e.id, e.type, e.actor_kind, e.actor_id, e.from_status, e.to_status, e.visibility, e.body, e.created_at
        FROM request_events e WHERE e.city_id = ${city} AND e.request_id = ${s.id} ORDER BY e.id`,
    },
    {
      name: 'dashboard (the overview: last 30 days against the previous 30 and last year, rollups)',
      q: (() => {
        const f = { cityId: city, from: day(since30), to: day(now) };
        const { previous, lastYear } = comparisonRanges(f);
        return overviewSql(f, previous, lastYear);
      })(),
    },
    {
      name: 'naive: last 30 days by category and district over raw requests',
      q: sql`SELECT category_code, district_code, count(*) FROM requests
        WHERE city_id = ${city} AND created_at >= ${since30} GROUP BY 1, 2`,
    },
    {
      name: 'duplicate candidates (per geo cell and month the newest 40 open within 300 m, 30 days; similarity on the newest 200)',
      q: candidatesSql({
        cityId: city,
        text: 'яма на дороге',
        lat: s.lat,
        lon: s.lon,
        radius: 300,
        related: [],
        since: since30,
        now,
      }),
    },
    {
      name: 'volume by week over a year, whole city (city-wide daily rollup)',
      q: sql`SELECT date_trunc('week', day)::date AS week, sum(requests)::int AS requests FROM request_rollup_city_daily
        WHERE city_id = ${city} AND day >= ${day(new Date(now.getTime() - 365 * 86_400_000))} AND day <= ${day(now)}
        GROUP BY 1 ORDER BY 1`,
    },
    {
      name: 'budget backlog (deferred requests with their repeats)',
      q: sql`SELECT planned_year, category_code, district_code, agency_code, count(*)::int AS requests,
          sum(repeats)::int AS repeats, min(created_at) AS oldest
        FROM requests WHERE city_id = ${city} AND status = 'deferred' GROUP BY 1, 2, 3, 4 ORDER BY 1, 5 DESC`,
    },
    {
      name:
        kind === 'pglite'
          ? 'KB search, its stages in one statement (the word in a title or keywords, then anywhere; published, public)'
          : 'KB search, first stage (the word in a title or keywords, published, public)',
      // As the search runs it (withSearchSettings): on sessions that price a random page like a
      // cached one; on PGlite every stage in one statement (EXPLAIN plans it for its values).
      settings: KB_SEARCH_SETTINGS,
      q: searchTextSql(
        { cityId: city, staff: false, now },
        textStages(parseQuery('отопление', []).clauses, 'none').slice(0, kind === 'pglite' ? undefined : 1),
        { preferLang: 'ru', limit: 10, candidates: 1000, plan: kind === 'pglite' ? 'generic' : 'custom' },
      ),
    },
    {
      name: 'Open311 list (last 90 days, newest first, the default page of 1,000)',
      q: publicListQuery({
        cityId: city,
        start: since90,
        end: now,
        filters: {},
        pageSize: 1000,
        offset: 0,
      }),
    },
  ];
}

async function plan(db: Db, q: SQL, settings?: Settings): Promise<string> {
  const on = settings ? db.withSettings(settings) : db;
  // Once before, as a warm server would have: the recorded planning time is the steady one, not
  // the first-use cost of opening every partition's catalog entries on a fresh connection.
  await on.query(q);
  const rows = await on.query<Record<string, string>>(sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

/** The Markdown record: one `EXPLAIN (ANALYZE, BUFFERS)` block per hot query. */
export async function explainHotQueries(
  db: Db,
  city: string,
  onQuery: (name: string) => void = () => undefined,
): Promise<{ markdown: string; plans: Map<string, string> }> {
  const counts = (
    await db.query<{ requests: number; events: number }>(sql`SELECT
      (SELECT count(*) FROM requests WHERE city_id = ${city})::int AS requests,
      (SELECT count(*) FROM request_events WHERE city_id = ${city})::int AS events`)
  )[0] ?? { requests: 0, events: 0 };
  const s = (
    await db.query<Sample>(sql`SELECT id, number, lat, lon, category_code, agency_code FROM requests
      WHERE city_id = ${city} AND lat IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1`)
  )[0];
  if (!s) throw new Error(`no requests with a location in city "${city}": load data first (komek generate)`);
  const now = new Date();
  const parts = [
    `# Hot query plans — ${db.kind}`,
    '',
    `Written by \`npx komek explain\` on ${now.toISOString()}: ${counts.requests} requests, ${counts.events} events ` +
      `in city \`${city}\`. Each block is \`EXPLAIN (ANALYZE, BUFFERS)\` of the statement shape the module runs.`,
    '',
  ];
  const plans = new Map<string, string>();
  for (const h of hotQueries(city, s, now, db.kind)) {
    onQuery(h.name);
    const p = await plan(db, h.q, h.settings);
    plans.set(h.name, p);
    parts.push(`## ${h.name}`, '', '```', p, '```', '');
  }
  return { markdown: parts.join('\n'), plans };
}

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const config = loadConfig();
  const city = flags.city ?? config.cityId;
  const db = await openDatabase({ ...config, statementTimeoutMs: 0, databasePoolSize: 1 });
  try {
    const out = resolve(flags.out ?? `docs/plans/${db.kind}.md`);
    const { markdown } = await explainHotQueries(db, city, (name) =>
      process.stderr.write(`explain: ${name}\n`),
    );
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, markdown);
    process.stdout.write(`${out}\n`);
  } finally {
    await db.close();
  }
}
