/**
 * Search SQL around the full-text statement (search-statement.ts): the sessions searches run on,
 * visibility, typo correction from title and keyword words (pg_trgm similarity, nearest neighbour
 * on a GiST index), articles by id, synonyms and the search log.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import type { KbLang } from './repository.ts';

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

/**
 * Published (the partial GIN index), valid now, public unless the reader is staff, in the
 * categories asked for (`now` and `categories` as the caller writes values: bound, or template
 * placeholders).
 */
export function visibleWhere(staff: boolean, inCategories: boolean, now: SQL, categories: SQL): SQL {
  return sql`s.status = 'published' AND (s.valid_from IS NULL OR s.valid_from <= ${now}) AND (s.valid_to IS NULL OR s.valid_to > ${now})
    ${staff ? sql`` : sql`AND s.audience = 'public'`}
    ${inCategories ? sql`AND s.categories && ${categories}::text[]` : sql``}`;
}

function visible(v: Visibility): SQL {
  const categories = v.categories?.length ? [...v.categories] : [];
  return visibleWhere(v.staff, categories.length > 0, sql`${v.now}`, sql`${sql.param(categories)}`);
}

/**
 * Runs a search's statements on sessions that price a random page like a cached one. The default
 * (4 sequential pages) assumes disks and makes the planner scan every row instead of the GIN
 * index for queries that match a few thousand; the search index is small and hot. The setting
 * comes with the session (`Db.withSettings`): no transaction, no round trips around the search.
 */
export const KB_SEARCH_SETTINGS = { random_page_cost: 1.1 };

/** Where a search's statements run, and how. */
export interface SearchSession {
  db: Queryable;
  /** All matching stages in one statement on a generic plan (PGlite), or one statement a stage planned for its words (PostgreSQL). */
  oneStatement: boolean;
}

/**
 * On PostgreSQL each stage is its own statement, planned for its words: planning is cheap beside
 * a round trip to another process that works in parallel, and a page the first stage fills
 * plans no more. On PGlite one thread answers every request and each statement costs a fixed
 * share of it; there every stage goes in one statement on its generic plan (planning was half a
 * statement's time, and the plan hardly depends on the words once the tsqueries come from init
 * plans). Measured in docs/SCALING.md.
 */
export async function withSearchSettings<T>(db: Db, fn: (s: SearchSession) => Promise<T>): Promise<T> {
  const pglite = db.kind === 'pglite';
  return fn({
    db: db.withSettings(
      pglite ? { ...KB_SEARCH_SETTINGS, plan_cache_mode: 'force_generic_plan' } : KB_SEARCH_SETTINGS,
    ),
    oneStatement: pglite,
  });
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

/** Identical searches of one second, as one row with their number (the earliest time kept). */
function groupSearches(rows: readonly SearchLogRow[]): (SearchLogRow & { searches: number })[] {
  const groups = new Map<string, SearchLogRow & { searches: number }>();
  for (const r of rows) {
    const key = JSON.stringify([
      r.cityId,
      r.query,
      r.normalized,
      r.lang,
      r.category,
      r.results,
      r.actorKind,
      Math.floor(r.now.getTime() / 1000),
    ]);
    const g = groups.get(key);
    if (!g) groups.set(key, { ...r, searches: 1 });
    else {
      g.searches++;
      if (r.now < g.now) g.now = r.now;
    }
  }
  return [...groups.values()];
}

/**
 * Writes logged searches in one statement (one shape whatever their number: the columns go as
 * arrays), identical ones of one second as one row with their count. The rows are analytics, not
 * a record anyone relies on, so the commit does not wait for the WAL flush (synchronous_commit
 * off, local to the statement's own transaction).
 */
export async function insertSearches(db: Db, logged: readonly SearchLogRow[]): Promise<void> {
  const rows = groupSearches(logged);
  const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
  await db.query(sql`WITH async AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO kb_searches (city_id, query, normalized, lang, category_code, results, actor_kind, created_at, searches)
    SELECT r.* FROM async, unnest(${sql.param(col((r) => r.cityId))}::text[], ${sql.param(col((r) => r.query))}::text[],
      ${sql.param(col((r) => r.normalized))}::text[], ${sql.param(col((r) => r.lang))}::text[],
      ${sql.param(col((r) => r.category))}::text[], ${sql.param(col((r) => r.results))}::int[],
      ${sql.param(col((r) => r.actorKind))}::text[], ${sql.param(col((r) => r.now.toISOString()))}::timestamptz[],
      ${sql.param(col((r) => r.searches))}::int[])
      AS r (city_id, query, normalized, lang, category_code, results, actor_kind, created_at, searches)`);
}
