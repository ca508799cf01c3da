/**
 * SQL for what the knowledge base learns: links from requests to the articles and templates that
 * answered them, and per-target counts of the request words (as text-search lexemes) and categories.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { KbLang } from './repository.ts';

export type TargetKind = 'article' | 'template';

export interface NewLink {
  cityId: string;
  requestId: number;
  kind: TargetKind;
  targetId: number;
  staffId: number | null;
  category: string | null;
  /** The request text in the form its configuration indexes (Kazakh stemmed). */
  indexText: string;
  lang: KbLang;
}

const CONFIG: Record<KbLang, string> = { ru: 'russian', en: 'english', kk: 'simple' };

/** Records a link once; the first time, adds the request's words (not numbers: house numbers teach nothing) and category to the target's counts. */
export async function recordLink(tx: Queryable, l: NewLink, now: Date): Promise<boolean> {
  const rows =
    await tx.query(sql`INSERT INTO kb_links (city_id, request_id, target_kind, target_id, staff_id, category_code, created_at)
    VALUES (${l.cityId}, ${l.requestId}, ${l.kind}, ${l.targetId}, ${l.staffId}, ${l.category}, ${now})
    ON CONFLICT (city_id, request_id, target_kind, target_id) DO NOTHING RETURNING id`);
  if (!rows.length) return false;
  await tx.query(sql`INSERT INTO kb_learned_terms (city_id, target_kind, target_id, term, n)
    SELECT ${l.cityId}, ${l.kind}, ${l.targetId}, u.lexeme, 1 FROM unnest(to_tsvector(${CONFIG[l.lang]}::regconfig, ${l.indexText})) AS u
    WHERE u.lexeme !~ '^[0-9]+$'
    ON CONFLICT (city_id, target_kind, target_id, term) DO UPDATE SET n = kb_learned_terms.n + 1`);
  if (l.category) {
    await tx.query(sql`INSERT INTO kb_learned_categories (city_id, target_kind, target_id, category_code, n)
      VALUES (${l.cityId}, ${l.kind}, ${l.targetId}, ${l.category}, 1)
      ON CONFLICT (city_id, target_kind, target_id, category_code) DO UPDATE SET n = kb_learned_categories.n + 1`);
  }
  return true;
}

export interface TermStatRow {
  kind: TargetKind;
  target_id: number;
  term: string;
  /** Links of this target whose request had the term. */
  n: number;
  /** Links of any target whose request had the term. */
  term_total: number;
}

/**
 * The learned counts for the query's lexemes: the text is analysed by all three configurations
 * (the query's language is a guess), so whichever one the linked requests were indexed with matches.
 */
export async function termStats(
  db: Queryable,
  cityId: string,
  text: string,
  kazakhText: string,
): Promise<{ terms: string[]; rows: TermStatRow[] }> {
  const rows = await db.query<TermStatRow & { terms: string[] }>(sql`WITH q AS (
      SELECT array_agg(DISTINCT u.lexeme) AS terms
      FROM unnest(to_tsvector('russian', ${text}) || to_tsvector('english', ${text}) || to_tsvector('simple', ${kazakhText})) AS u
    ), s AS (
      SELECT t.target_kind AS kind, t.target_id, t.term, t.n, sum(t.n) OVER (PARTITION BY t.term) AS term_total
      FROM kb_learned_terms t, q WHERE t.city_id = ${cityId} AND t.term = ANY(q.terms)
    )
    SELECT q.terms, s.kind, s.target_id, s.term, s.n, s.term_total FROM q LEFT JOIN s ON true`);
  const terms = rows[0]?.terms ?? [];
  return { terms, rows: rows.filter((r) => r.kind !== null) };
}

export interface CategoryStatRow {
  kind: TargetKind;
  target_id: number;
  n: number;
}

export async function categoryStats(
  db: Queryable,
  cityId: string,
  category: string,
): Promise<CategoryStatRow[]> {
  return db.query<CategoryStatRow>(sql`SELECT target_kind AS kind, target_id, n FROM kb_learned_categories
    WHERE city_id = ${cityId} AND category_code = ${category}`);
}
