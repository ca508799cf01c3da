/**
 * SQL for reads, feedback and the knowledge-base report: search log aggregates, per-article
 * usefulness and deflection (a reading session that filed no request within the window).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export async function insertView(
  db: Queryable,
  v: { cityId: string; articleId: number; sessionId: string; residentId: number | null; now: Date },
): Promise<void> {
  await db.query(sql`INSERT INTO kb_views (city_id, article_id, session_id, resident_id, created_at)
    VALUES (${v.cityId}, ${v.articleId}, ${v.sessionId}, ${v.residentId}, ${v.now})`);
}

export async function insertFeedback(
  db: Queryable,
  f: {
    cityId: string;
    articleId: number;
    helpful: boolean;
    actorKind: string;
    actorId: number | null;
    sessionId: string | null;
    now: Date;
  },
): Promise<number> {
  const rows = await db.query<{
    id: number;
  }>(sql`INSERT INTO kb_feedback (city_id, article_id, helpful, actor_kind, actor_id, session_id, created_at)
    VALUES (${f.cityId}, ${f.articleId}, ${f.helpful}, ${f.actorKind}, ${f.actorId}, ${f.sessionId}, ${f.now}) RETURNING id`);
  return (rows[0] as { id: number }).id;
}

export interface Period {
  cityId: string;
  from: Date;
  to: Date;
  now: Date;
  windowMinutes: number;
}

export interface QueryStatRow {
  query: string;
  count: number;
  avg_results: number;
}

export async function queryStats(db: Queryable, p: Period, noResultsOnly: boolean): Promise<QueryStatRow[]> {
  // A row is `searches` identical searches (insertSearches).
  return db.query<QueryStatRow>(sql`SELECT normalized AS query, sum(searches)::int AS count,
      round(sum(results * searches)::numeric / sum(searches), 2)::float8 AS avg_results
    FROM kb_searches WHERE city_id = ${p.cityId} AND created_at >= ${p.from} AND created_at < ${p.to} AND normalized <> ''
      ${noResultsOnly ? sql`AND results = 0` : sql``}
    GROUP BY normalized ORDER BY sum(searches) DESC, normalized LIMIT 20`);
}

export async function countSearches(db: Queryable, p: Period): Promise<number> {
  const rows = await db.query<{ n: number }>(
    sql`SELECT COALESCE(sum(searches), 0)::int AS n FROM kb_searches WHERE city_id = ${p.cityId} AND created_at >= ${p.from} AND created_at < ${p.to}`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Reading sessions of the period with whether their window has passed and whether a request
 * followed: by the same resident, or carrying the session id in attributes.kbSession.
 */
function judgedSessions(p: Period): SQL {
  const win = sql`make_interval(mins => ${p.windowMinutes}::int)`;
  return sql`sessions AS (
      SELECT session_id, min(created_at) AS first_at, max(resident_id) AS resident_id FROM kb_views
      WHERE city_id = ${p.cityId} AND created_at >= ${p.from} AND created_at < ${p.to} GROUP BY session_id
    ), judged AS (
      SELECT s.session_id, s.first_at + ${win} <= ${p.now} AS closed,
        EXISTS (SELECT 1 FROM requests r WHERE r.city_id = ${p.cityId} AND r.created_at >= s.first_at AND r.created_at < s.first_at + ${win}
          AND ((s.resident_id IS NOT NULL AND r.resident_id = s.resident_id) OR r.attributes->>'kbSession' = s.session_id)) AS filed
      FROM sessions s
    )`;
}

export async function deflectionTotals(
  db: Queryable,
  p: Period,
): Promise<{ sessions: number; deflected: number; pending: number }> {
  const rows = await db.query<{
    sessions: number;
    deflected: number;
    pending: number;
  }>(sql`WITH ${judgedSessions(p)}
    SELECT count(*) FILTER (WHERE closed)::int AS sessions, count(*) FILTER (WHERE closed AND NOT filed)::int AS deflected,
      count(*) FILTER (WHERE NOT closed)::int AS pending FROM judged`);
  return rows[0] ?? { sessions: 0, deflected: 0, pending: 0 };
}

export interface ArticleStatRow {
  id: number;
  title: string;
  views: number;
  helpful: number;
  not_helpful: number;
  links: number;
  deflected_sessions: number;
}

/** Per-article reads, feedback, answer links and deflected sessions in the period (articles with any). */
export async function articleStats(db: Queryable, p: Period): Promise<ArticleStatRow[]> {
  const inPeriod = sql`city_id = ${p.cityId} AND created_at >= ${p.from} AND created_at < ${p.to}`;
  return db.query<ArticleStatRow>(sql`WITH ${judgedSessions(p)},
    v AS (
      SELECT kv.article_id, count(*)::int AS views, count(DISTINCT kv.session_id) FILTER (WHERE j.closed AND NOT j.filed)::int AS deflected
      FROM kb_views kv JOIN judged j ON j.session_id = kv.session_id
      WHERE kv.city_id = ${p.cityId} AND kv.created_at >= ${p.from} AND kv.created_at < ${p.to} GROUP BY kv.article_id
    ), f AS (
      SELECT article_id, count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful
      FROM kb_feedback WHERE ${inPeriod} GROUP BY article_id
    ), l AS (
      SELECT target_id AS article_id, count(*)::int AS links FROM kb_links WHERE ${inPeriod} AND target_kind = 'article' GROUP BY target_id
    ), ids AS (SELECT article_id FROM v UNION SELECT article_id FROM f UNION SELECT article_id FROM l)
    SELECT a.id,
      coalesce((SELECT x.title FROM kb_article_variants x WHERE x.city_id = a.city_id AND x.article_id = a.id
        ORDER BY array_position(ARRAY['ru', 'kk', 'en'], x.lang) LIMIT 1), '') AS title,
      coalesce(v.views, 0) AS views, coalesce(f.helpful, 0) AS helpful, coalesce(f.not_helpful, 0) AS not_helpful,
      coalesce(l.links, 0) AS links, coalesce(v.deflected, 0) AS deflected_sessions
    FROM ids JOIN kb_articles a ON a.city_id = ${p.cityId} AND a.id = ids.article_id
    LEFT JOIN v ON v.article_id = a.id LEFT JOIN f ON f.article_id = a.id LEFT JOIN l ON l.article_id = a.id
    ORDER BY coalesce(v.views, 0) DESC, a.id LIMIT 200`);
}
