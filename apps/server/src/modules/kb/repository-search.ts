/**
 * Search SQL: full-text search over the weighted vectors of every language variant (partial GIN
 * indexes on published rows), typo correction from title and keyword words (pg_trgm similarity,
 * nearest neighbour on a GiST index), highlighted snippets for the page shown only, synonyms and
 * the search log.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import type { QueryTexts } from './query.ts';
import type { KbLang } from './repository.ts';
import { MARK_CLOSE, MARK_OPEN } from './markdown.ts';

export interface Visibility {
  cityId: string;
  /** Staff-only articles too. */
  staff: boolean;
  now: Date;
  /** Articles in any of these categories only. */
  categories?: readonly string[] | undefined;
}

export interface HitRow {
  id: number;
  lang: KbLang;
  title: string;
  snippet: string;
  categories: string[];
  rank: number;
}

/** Published (the partial GIN index), valid now, public unless the reader is staff, in the categories asked for. */
function visible(v: Visibility): SQL {
  return sql`s.status = 'published' AND (s.valid_from IS NULL OR s.valid_from <= ${v.now}) AND (s.valid_to IS NULL OR s.valid_to > ${v.now})
    ${v.staff ? sql`` : sql`AND s.audience = 'public'`}
    ${v.categories?.length ? sql`AND s.categories && ${sql.param([...v.categories])}::text[]` : sql``}`;
}

/**
 * The query as one tsquery: the 'russian' configuration stems Cyrillic words with the Russian
 * and Latin words with the English Snowball stemmer (the same as the 'english' configuration the
 * English variants are indexed with), and 'simple' over Kazakh stems matches the Kazakh variants.
 */
export function tsQuery(t: QueryTexts): SQL {
  return sql`(to_tsquery('russian', ${t.russian}) || to_tsquery('simple', ${t.kazakh}))`;
}

const HEADLINE = `MaxFragments=2, MaxWords=22, MinWords=8, ShortWord=2, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, FragmentDelimiter=" … "`;

// Weights for D, C, B, A: title (A) outweighs keywords (B), which outweigh the body (C).
const WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';

export interface TextSearchOptions {
  preferLang?: KbLang | undefined;
  limit: number;
  /** Articles already on the page. */
  exclude?: readonly number[] | undefined;
  /** Rank at most this many matching variants (bounds the work of very broad queries). */
  candidates?: number | undefined;
  /** Match the title and keywords only ('head') or the whole article ('full'); ranking always uses the whole. */
  field?: 'head' | 'full' | undefined;
}

/**
 * Full-text hits: each article ranked by its best-matching variant and shown in the preferred
 * language when that variant matched too, with a highlighted snippet computed only for the
 * rows returned.
 */
export async function searchText(
  db: Queryable,
  v: Visibility,
  t: QueryTexts,
  opts: TextSearchOptions,
): Promise<HitRow[]> {
  if (!t.russian && !t.kazakh) return [];
  return db.query<HitRow>(searchTextSql(v, t, opts));
}

/**
 * Runs a search's statements on sessions that price a random page like a cached one. The default
 * (4 sequential pages) assumes disks and makes the planner scan every row instead of the GIN
 * index for queries that match a few thousand; the search index is small and hot. The setting
 * comes with the session (`Db.withSettings`): no transaction, no round trips around the search.
 */
export const KB_SEARCH_SETTINGS = { random_page_cost: 1.1 };

export async function withSearchSettings<T>(db: Db, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return fn(db.withSettings(KB_SEARCH_SETTINGS));
}

/** The full-text search statement (exported for EXPLAIN in the benchmark). */
export function searchTextSql(v: Visibility, t: QueryTexts, opts: TextSearchOptions): SQL {
  const tq = tsQuery(t);
  // MATERIALIZED: rank once on the narrow index rows, so later sorts carry ids and ranks, not vectors.
  return sql`WITH hits AS MATERIALIZED (
      SELECT s.article_id, s.lang, s.categories, ts_rank(${WEIGHTS}::float4[], s.search, ${tq}) AS rank
      FROM kb_search_index s
      WHERE s.city_id = ${v.cityId} AND ${opts.field === 'head' ? sql`s.head` : sql`s.search`} @@ ${tq} AND ${visible(v)}
        ${opts.exclude?.length ? sql`AND s.article_id <> ALL(${sql.param([...opts.exclude])}::bigint[])` : sql``}
      ${opts.candidates ? sql`LIMIT ${opts.candidates}` : sql``}
    ), top AS (
      SELECT article_id, max(rank) AS rank, min(categories) AS categories,
        (array_agg(lang ORDER BY lang = ${opts.preferLang ?? null} DESC NULLS LAST, rank DESC))[1] AS lang
      FROM hits GROUP BY article_id ORDER BY max(rank) DESC, article_id LIMIT ${opts.limit}
    )
    SELECT t.article_id AS id, t.lang, t.rank, v.title, t.categories,
      CASE t.lang
        WHEN 'ru' THEN ts_headline('russian', v.body_text, to_tsquery('russian', ${t.headline.russian}), ${HEADLINE})
        WHEN 'en' THEN ts_headline('english', v.body_text, to_tsquery('english', ${t.headline.english}), ${HEADLINE})
        ELSE ts_headline('simple', v.body_text, to_tsquery('simple', ${t.headline.kazakh}), ${HEADLINE})
      END AS snippet
    FROM top t
    JOIN kb_article_variants v ON v.city_id = ${v.cityId} AND v.article_id = t.article_id AND v.lang = t.lang
    ORDER BY t.rank DESC, t.article_id`;
}

/**
 * Spelling corrections from the lexicon of title and keyword words: for each word, its nearest
 * lexicon word by trigram distance (pg_trgm `<->`, a k-nearest-neighbour scan of the GiST index),
 * kept when the word itself is unknown and the similarity is at least 0.4.
 */
export async function correctWords(
  db: Queryable,
  cityId: string,
  words: readonly string[],
): Promise<Map<string, string>> {
  if (!words.length) return new Map();
  const rows = await db.query<{ tok: string; word: string }>(sql`SELECT t.tok, c.word
    FROM unnest(${sql.param([...words])}::text[]) AS t(tok)
    CROSS JOIN LATERAL (
      SELECT l.word, similarity(l.word, t.tok) AS sim FROM kb_lexicon l
      WHERE l.city_id = ${cityId} ORDER BY l.word OPERATOR(public.<->) t.tok LIMIT 1
    ) c
    WHERE c.sim >= 0.4 AND c.word <> t.tok`);
  return new Map(rows.map((r) => [r.tok, r.word]));
}

/** Articles by id with their best variant for a language (for learned suggestions without a text match). */
export async function visibleByIds(
  db: Queryable,
  v: Visibility,
  ids: readonly number[],
  preferLang: KbLang | undefined,
): Promise<HitRow[]> {
  if (!ids.length) return [];
  return db.query<HitRow>(sql`SELECT DISTINCT ON (s.article_id) s.article_id AS id, s.lang, x.title, s.categories, 0::float8 AS rank, left(x.body_text, 180) AS snippet
    FROM kb_search_index s JOIN kb_article_variants x ON x.city_id = s.city_id AND x.article_id = s.article_id AND x.lang = s.lang
    WHERE s.city_id = ${v.cityId} AND s.article_id = ANY(${sql.param([...ids])}::bigint[]) AND ${visible(v)}
    ORDER BY s.article_id, (s.lang = ${preferLang ?? 'ru'}) DESC, array_position(ARRAY['ru', 'kk', 'en'], s.lang)`);
}

export interface SynonymRow {
  id: number;
  terms: string[];
}

export async function listSynonyms(db: Queryable, cityId: string): Promise<SynonymRow[]> {
  return db.query<SynonymRow>(sql`SELECT id, terms FROM kb_synonyms WHERE city_id = ${cityId} ORDER BY id`);
}

export async function insertSynonym(
  db: Queryable,
  cityId: string,
  terms: readonly string[],
): Promise<SynonymRow> {
  const rows = await db.query<SynonymRow>(
    sql`INSERT INTO kb_synonyms (city_id, terms) VALUES (${cityId}, ${sql.param([...terms])}::text[]) RETURNING id, terms`,
  );
  return rows[0] as SynonymRow;
}

export async function updateSynonym(
  db: Queryable,
  cityId: string,
  id: number,
  terms: readonly string[],
): Promise<SynonymRow | undefined> {
  const rows = await db.query<SynonymRow>(
    sql`UPDATE kb_synonyms SET terms = ${sql.param([...terms])}::text[] WHERE city_id = ${cityId} AND id = ${id} RETURNING id, terms`,
  );
  return rows[0];
}

export async function deleteSynonym(db: Queryable, cityId: string, id: number): Promise<boolean> {
  return (
    (await db.query(sql`DELETE FROM kb_synonyms WHERE city_id = ${cityId} AND id = ${id} RETURNING id`))
      .length > 0
  );
}

export interface SearchLogRow {
  cityId: string;
  query: string;
  normalized: string;
  lang: string | null;
  category: string | null;
  results: number;
  actorKind: string;
  now: Date;
}

/**
 * Writes logged searches in one statement (one shape whatever their number: the columns go as
 * arrays). The rows are analytics, not a record anyone relies on, so the commit does not wait for
 * the WAL flush (synchronous_commit off, local to the statement's own transaction).
 */
export async function insertSearches(db: Db, rows: readonly SearchLogRow[]): Promise<void> {
  const col = <T>(f: (r: SearchLogRow) => T): T[] => rows.map(f);
  await db.query(sql`WITH async AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO kb_searches (city_id, query, normalized, lang, category_code, results, actor_kind, created_at)
    SELECT r.* FROM async, unnest(${sql.param(col((r) => r.cityId))}::text[], ${sql.param(col((r) => r.query))}::text[],
      ${sql.param(col((r) => r.normalized))}::text[], ${sql.param(col((r) => r.lang))}::text[],
      ${sql.param(col((r) => r.category))}::text[], ${sql.param(col((r) => r.results))}::int[],
      ${sql.param(col((r) => r.actorKind))}::text[], ${sql.param(col((r) => r.now.toISOString()))}::timestamptz[])
      AS r (city_id, query, normalized, lang, category_code, results, actor_kind, created_at)`);
}
