/**
 * The full-text search statement: the stages of a query (search.ts) over the weighted vectors of
 * every language variant (partial GIN indexes on published rows), each article ranked by its
 * best-matching variant, highlighted snippets for the page only. A template (db/template.ts):
 * its text depends on the stages, the plan and the filters, and is compiled once per shape.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { StatementTemplate, type Values } from '../../db/template.ts';
import { MARK_CLOSE, MARK_OPEN } from './markdown.ts';
import type { QueryTexts } from './query.ts';
import type { KbLang } from './repository.ts';
import { visibleWhere, type HitRow, type Visibility } from './repository-search.ts';
import { SnippetCache } from './snippets.ts';

/** A matching stage: which words must match where; the stages run from the most precise on. */
export interface TextStage {
  texts: QueryTexts;
  /** Match the title and keywords only ('head') or the whole article ('full'); ranking always uses the whole. */
  field: 'head' | 'full';
  /** Rank at most `candidates` matching variants (bounds the work of very broad queries). */
  capped: boolean;
  /** The page's order of stages, highest first (returned with each hit). */
  tier: number;
}

export interface TextSearchOptions {
  preferLang?: KbLang | undefined;
  limit: number;
  /** Articles already on the page. */
  exclude?: readonly number[] | undefined;
  /** The cap of a capped stage. */
  candidates: number;
  /**
   * 'custom': the tsqueries are written into the statement, so a plan made for its values sees
   * the words (and how common they are). 'generic': they come from init plans, computed once per
   * execution, so a plan made once does not parse them for every row.
   */
  plan: 'custom' | 'generic';
  /** Bodies (`body_key`s) whose snippets for this query the caller has: not highlighted again. */
  knownSnippets?: readonly string[] | undefined;
}

export interface StagedHitRow extends HitRow {
  tier: number;
}

const HEADLINE = `MaxFragments=2, MaxWords=22, MinWords=8, ShortWord=2, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, FragmentDelimiter=" … "`;

// Weights for D, C, B, A: title (A) outweighs keywords (B), which outweigh the body (C).
const WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';

/** What the statement's text depends on. */
interface Shape {
  stages: { field: TextStage['field']; capped: boolean; tier: number }[];
  plan: TextSearchOptions['plan'];
  staff: boolean;
  categories: boolean;
  exclude: boolean;
}

/**
 * Stage k is a CTE over a GIN index that runs only while the stages before it have not filled
 * the page (a one-time filter: the scan is not even started otherwise) and skips the articles
 * they found, so the page is what running the stages one after another would give, in one round
 * trip. With one stage it is that stage's statement.
 *
 * A query is one tsquery per stage: the 'russian' configuration stems Cyrillic words with the
 * Russian and Latin words with the English Snowball stemmer (the same as the 'english'
 * configuration the English variants are indexed with), and 'simple' over Kazakh stems matches
 * the Kazakh variants.
 */
const statement = new StatementTemplate<Shape>((s, p) => {
  const generic = s.plan === 'generic';
  const tsQuery = (k: number): SQL =>
    sql`(to_tsquery('russian', ${p(`ru${k}`)}) || to_tsquery('simple', ${p(`kk${k}`)}))`;
  const tq = (k: number): SQL => (generic ? sql.raw(`(SELECT tq${k} FROM q)`) : tsQuery(k));
  const hl = (config: 'russian' | 'english' | 'simple'): SQL =>
    generic
      ? sql.raw(`(SELECT hl_${config} FROM q)`)
      : sql`to_tsquery(${sql.raw(`'${config}'`)}, ${p(`hl_${config}`)})`;
  const found = (k: number): SQL =>
    sql.raw(Array.from({ length: k }, (_, i) => `SELECT article_id FROM s${i}`).join(' UNION ALL '));
  const q = sql`q AS MATERIALIZED (
      SELECT ${sql.join(s.stages.map((_, k) => sql`${tsQuery(k)} AS ${sql.raw(`tq${k}`)}, `))}
        to_tsquery('russian', ${p('hl_russian')}) AS hl_russian, to_tsquery('english', ${p('hl_english')}) AS hl_english,
        to_tsquery('simple', ${p('hl_simple')}) AS hl_simple
    )`;
  const visible = visibleWhere(s.staff, s.categories, p('now'), p('categories'));
  // MATERIALIZED: rank once on the narrow index rows, so later sorts carry ids and ranks, not vectors.
  const ctes = s.stages.map(
    (st, k) => sql`${sql.raw(`s${k}`)} AS MATERIALIZED (
      SELECT ${sql.raw(String(Math.trunc(st.tier)))} AS tier, s.article_id, s.lang, s.categories,
        ts_rank(${WEIGHTS}::float4[], s.search, ${tq(k)}) AS rank
      FROM kb_search_index s
      WHERE s.city_id = ${p('city')} AND ${st.field === 'head' ? sql`s.head` : sql`s.search`} @@ ${tq(k)} AND ${visible}
        ${s.exclude ? sql`AND s.article_id <> ALL(${p('exclude')}::bigint[])` : sql``}
        ${k > 0 ? sql`AND (SELECT count(DISTINCT article_id) FROM (${found(k)}) f) < ${p('limit')} AND s.article_id NOT IN (${found(k)})` : sql``}
      ${st.capped ? sql`LIMIT ${p('candidates')}` : sql``}
    )`,
  );
  const hits = sql.raw(s.stages.map((_, k) => `SELECT * FROM s${k}`).join(' UNION ALL '));
  return sql`WITH ${sql.join(generic ? [q, ...ctes] : ctes, sql`, `)}, top AS (
      SELECT article_id, max(tier) AS tier, max(rank) AS rank, min(categories) AS categories,
        (array_agg(lang ORDER BY lang = ${p('prefer')} DESC NULLS LAST, rank DESC))[1] AS lang
      FROM (${hits}) h GROUP BY article_id ORDER BY max(tier) DESC, max(rank) DESC, article_id LIMIT ${p('limit')}
    )
    SELECT t.article_id AS id, t.lang, t.rank, t.tier, v.title, t.categories, k.body_key,
      CASE WHEN k.body_key = ANY(${p('known')}::text[]) THEN NULL
        WHEN t.lang = 'ru' THEN ts_headline('russian', v.body_text, ${hl('russian')}, ${HEADLINE})
        WHEN t.lang = 'en' THEN ts_headline('english', v.body_text, ${hl('english')}, ${HEADLINE})
        ELSE ts_headline('simple', v.body_text, ${hl('simple')}, ${HEADLINE})
      END AS snippet
    FROM top t
    JOIN kb_article_variants v ON v.city_id = ${p('city')} AND v.article_id = t.article_id AND v.lang = t.lang
    CROSS JOIN LATERAL (SELECT md5(v.lang || v.body_text) AS body_key) k
    ORDER BY t.tier DESC, t.rank DESC, t.article_id`;
});

function shapeAndValues(
  v: Visibility,
  stages: readonly TextStage[],
  opts: TextSearchOptions,
): [Shape, Values] {
  const head = stages[0]?.texts.headline ?? { russian: '', english: '', kazakh: '' };
  const values: Values = {
    city: v.cityId,
    now: v.now,
    categories: [...(v.categories ?? [])],
    exclude: [...(opts.exclude ?? [])],
    limit: opts.limit,
    candidates: opts.candidates,
    prefer: opts.preferLang ?? null,
    known: [...(opts.knownSnippets ?? [])],
    hl_russian: head.russian,
    hl_english: head.english,
    hl_simple: head.kazakh,
  };
  stages.forEach((st, k) => {
    values[`ru${k}`] = st.texts.russian;
    values[`kk${k}`] = st.texts.kazakh;
  });
  const shape: Shape = {
    stages: stages.map((st) => ({ field: st.field, capped: st.capped, tier: st.tier })),
    plan: opts.plan,
    staff: v.staff,
    categories: (v.categories?.length ?? 0) > 0,
    exclude: (opts.exclude?.length ?? 0) > 0,
  };
  return [shape, values];
}

/** The search statement as SQL (for EXPLAIN). */
export function searchTextSql(v: Visibility, stages: readonly TextStage[], opts: TextSearchOptions): SQL {
  return statement.sql(...shapeAndValues(v, stages, opts));
}

const snippets = new SnippetCache();

/**
 * Full-text hits of the stages: each article ranked by its best-matching variant in the first
 * stage that matches it, and shown in the preferred language when that variant matched too,
 * with a highlighted snippet for the rows returned (made by the statement unless this process
 * has it: snippets.ts).
 */
export async function searchText(
  db: Queryable,
  v: Visibility,
  stages: readonly TextStage[],
  opts: TextSearchOptions,
): Promise<StagedHitRow[]> {
  const first = stages[0];
  if (!first || (!first.texts.russian && !first.texts.kazakh)) return [];
  const known = snippets.of(first.texts.headline);
  const { text, values } = statement.query(
    ...shapeAndValues(v, stages, { ...opts, knownSnippets: [...known.keys()] }),
  );
  const rows = await db.query<Omit<StagedHitRow, 'snippet'> & { body_key: string; snippet: string | null }>(
    text,
    values,
  );
  return rows.map(({ body_key: key, ...r }) => {
    if (r.snippet === null) return { ...r, snippet: known.get(key) ?? '' };
    SnippetCache.add(known, key, r.snippet);
    return { ...r, snippet: r.snippet };
  });
}
