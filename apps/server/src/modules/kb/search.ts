/**
 * Search and suggestions. Search: full-text over the three languages with synonyms, spelling
 * correction, category filter and snippets, logged for analytics. Suggestions (while a resident
 * or operator types): the same text ranking re-ranked by what answered similar requests before.
 */
import { emergencyCategories } from '../modes/service.ts';
import { detectLanguage } from '@komek/domain/text/normalize';
import type { Queryable } from '../../db/client.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import { getCatalog, type CityCatalog } from '../catalog/cache.ts';
import { learnedScores, LEARNED_WEIGHT, targetKey } from './learning.ts';
import { reachOf } from './policy.ts';
import { snippetHtml } from './presenter.ts';
import {
  kazakhIndexText,
  normalizeTerm,
  parseQuery,
  queryTexts,
  withCorrections,
  type Clause,
  type ParsedQuery,
} from './query.ts';
import { categoryStats, termStats } from './repository-learn.ts';
import {
  correctWords,
  withSearchSettings,
  listSynonyms,
  visibleByIds,
  type HitRow,
  type SearchSession,
  type Visibility,
} from './repository-search.ts';
import { listTemplates } from './repository-templates.ts';
import { searchText, type StagedHitRow, type TextStage } from './search-statement.ts';
import { logSearch } from './search-log.ts';
import type { KbLang } from './repository.ts';

type Deps = Pick<AppDeps, 'db' | 'readDb' | 'now'>;

const SYNONYM_TTL_MS = 30_000;
const synonymCache = new WeakMap<Queryable, Map<string, { at: number; groups: string[][] }>>();

/** The city's synonym groups (cached for 30 s; editors' changes invalidate at once). */
export async function synonymsOf(db: Queryable, cityId: string): Promise<string[][]> {
  let perDb = synonymCache.get(db);
  if (!perDb) synonymCache.set(db, (perDb = new Map()));
  const hit = perDb.get(cityId);
  if (hit && Date.now() - hit.at < SYNONYM_TTL_MS) return hit.groups;
  const groups = (await listSynonyms(db, cityId)).map((r) => r.terms);
  perDb.set(cityId, { at: Date.now(), groups });
  return groups;
}

export function invalidateSynonyms(db: Queryable, cityId: string): void {
  synonymCache.get(db)?.delete(cityId);
}

/** A category, its ancestors (an article on «utilities» answers «utilities.heating») and its children. */
function categoryFamily(catalog: CityCatalog | undefined, code: string): string[] {
  const out = new Set([code]);
  let parent = catalog?.categories.get(code)?.parent_code ?? null;
  while (parent && !out.has(parent)) {
    out.add(parent);
    parent = catalog?.categories.get(parent)?.parent_code ?? null;
  }
  for (const c of catalog?.categories.values() ?? []) if (c.parent_code === code) out.add(c.code);
  return [...out];
}

export interface Hit {
  id: number;
  lang: string;
  title: string;
  snippet: string;
  categories: string[];
  score: number;
  match: 'text' | 'typo' | 'learned';
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

async function parsed(db: Queryable, cityId: string, text: string): Promise<ParsedQuery> {
  return parseQuery(text, await synonymsOf(db, cityId));
}

interface Found {
  row: HitRow;
  /** Every clause of the query matched (an AND stage). */
  all: boolean;
  /** The stage's place from broad (1) to precise (4): pages list stages in this order. */
  tier: number;
  match: 'text' | 'typo';
}

/** A matching stage: which words must match where, and whether its candidates are capped. */
interface Stage {
  join: 'and' | 'or';
  field: 'head' | 'full';
  capped: boolean;
}

/**
 * Stages from precise to broad, each on a GIN index and run only while the page is not full:
 * every clause in the title or keywords, every clause anywhere, any clause in the title or
 * keywords, any clause anywhere. Title and keyword matches are few and ranked in full; body
 * matches of very common words are ranked up to a cap, so a broad query stays cheap.
 */
function stagesFor(clauses: number): Stage[] {
  if (clauses <= 1)
    return [
      { join: 'and', field: 'head', capped: false },
      { join: 'and', field: 'full', capped: true },
    ];
  return [
    { join: 'and', field: 'head', capped: false },
    { join: 'and', field: 'full', capped: true },
    { join: 'or', field: 'head', capped: true },
    { join: 'or', field: 'full', capped: true },
  ];
}

/** The stages of a query with their tsquery texts and their place on the page (4 = first). */
export function textStages(clauses: readonly Clause[], prefix: 'none' | 'last'): TextStage[] {
  const stages = stagesFor(clauses.length);
  const and = queryTexts(clauses, prefix, 'and');
  const or = stages.some((st) => st.join === 'or') ? queryTexts(clauses, prefix, 'or') : and;
  return stages.map((st) => ({
    texts: st.join === 'and' ? and : or,
    field: st.field,
    capped: st.capped,
    tier: (st.join === 'and' ? 3 : 1) + (st.field === 'head' ? 1 : 0),
  }));
}

/**
 * The page of text matches: stages run in order while the page is not full, each skipping the
 * articles found before it; in one statement or one statement a stage (`SearchSession`).
 */
async function matchText(
  session: SearchSession,
  vis: Visibility,
  clauses: Clause[],
  o: { preferLang: KbLang; limit: number; exclude: number[]; match: Found['match']; prefix: 'none' | 'last' },
): Promise<Found[]> {
  const stages = textStages(clauses, o.prefix);
  const opts = { preferLang: o.preferLang, candidates: CANDIDATES };
  const rows: StagedHitRow[] = [];
  if (session.oneStatement)
    rows.push(
      ...(await searchText(session.db, vis, stages, {
        ...opts,
        limit: o.limit,
        exclude: o.exclude,
        plan: 'generic',
      })),
    );
  else
    for (const stage of stages) {
      if (rows.length >= o.limit) break;
      rows.push(
        ...(await searchText(session.db, vis, [stage], {
          ...opts,
          limit: o.limit - rows.length,
          exclude: [...o.exclude, ...rows.map((r) => r.id)],
          plan: 'custom',
        })),
      );
    }
  return rows.map((row) => ({ row, all: row.tier >= 3, tier: row.tier, match: o.match }));
}

/** Body matches ranked per stage at most (a common word matches a quarter of a real FAQ). */
const CANDIDATES = 1000;

// Correcting spelling costs a lexicon lookup: only for pages that text matching left short.
const MAX_CORRECTED_WORDS = 8;

/** Text matches, then matches with misspelt words corrected from the lexicon when the page is not full. */
async function findArticles(
  session: SearchSession,
  vis: Visibility,
  pq: ParsedQuery,
  o: { preferLang: KbLang; limit: number; prefix: 'none' | 'last' },
): Promise<Found[]> {
  const { preferLang, limit, prefix } = o;
  const found = await matchText(session, vis, pq.clauses, {
    preferLang,
    limit,
    exclude: [],
    match: 'text',
    prefix,
  });
  // A hit with every word means every word is in the base: none is misspelt (correcting it would
  // only find other, similar words), and the lexicon lookup is saved.
  if (found.length >= limit || found.some((f) => f.all)) return found;
  const words = [...new Set(pq.tokens.filter((t) => t.length >= 4 && !/^\d+$/.test(t)))].slice(
    0,
    MAX_CORRECTED_WORDS,
  );
  const fixes = await correctWords(session.db, vis.cityId, words);
  if (!fixes.size) return found;
  const more = await matchText(session, vis, withCorrections(pq.clauses, fixes), {
    preferLang,
    limit: limit - found.length,
    exclude: found.map((f) => f.row.id),
    match: 'typo',
    prefix,
  });
  return [...found, ...more];
}

/** A page score in page order: by stage (title before body, all words before some), then rank; corrected spellings last. */
function pageScore(f: Found): number {
  const r = f.row.rank / (1 + f.row.rank);
  return f.match === 'typo' ? r / 2 : f.tier + r;
}

function toHit(r: HitRow, match: Hit['match'], score: number): Hit {
  return {
    id: r.id,
    lang: r.lang,
    title: r.title,
    snippet: snippetHtml(r.snippet),
    categories: r.categories,
    score: round(score),
    match,
  };
}

/** GET /kb/search: ranked articles the actor may read, with highlighted snippets; the query is logged. */
export async function searchArticles(
  deps: Deps,
  actor: Actor,
  input: { q: string; lang?: KbLang | undefined; category?: string | undefined; limit?: number | undefined },
): Promise<{ items: Hit[]; expandedWith: string[] }> {
  const cityId = actor.cityId;
  const limit = input.limit ?? 10;
  const pq = await parsed(deps.readDb, cityId, input.q);
  const catalog = input.category ? await getCatalog(deps.db, cityId) : undefined;
  const vis: Visibility = {
    cityId,
    staff: reachOf(actor).staff,
    now: deps.now(),
    categories: input.category ? categoryFamily(catalog, input.category) : undefined,
  };
  // Without a language asked for, show the variant in the language the query is written in.
  const preferLang = input.lang ?? detectLanguage(input.q);
  // A submitted query is whole words; suggestions see words still being typed (prefix on the last).
  const found = await withSearchSettings(deps.readDb, (s) =>
    findArticles(s, vis, pq, { preferLang, limit, prefix: 'none' }),
  );
  const items = found.map((f) => toHit(f.row, f.match, pageScore(f)));
  logSearch(deps.db, {
    cityId,
    query: input.q.slice(0, 300),
    normalized: pq.normalized.slice(0, 300),
    lang: input.lang ?? null,
    category: input.category ?? null,
    results: items.length,
    actorKind: actor.kind,
    now: deps.now(),
  });
  return { items, expandedWith: pq.expandedWith };
}

export interface SuggestedArticle extends Hit {
  textScore: number;
  learnedScore: number;
}

export interface Suggestions {
  category: string | null;
  articles: SuggestedArticle[];
  templates: { id: number; name: string; score: number }[];
}

/** Bonus for an article filed under the request's category. */
const CATEGORY_BONUS = 0.15;
/** An article of an active emergency's categories outranks any ordinary match. */
const EMERGENCY_BONUS = 1;
const TEXT_CANDIDATES = 20;

/** The text score of a candidate on 0…1: its rank against the best, plus a share for matching every clause. */
function textScore(f: Found, maxRank: number): number {
  const rel = f.row.rank / maxRank;
  if (f.match === 'typo') return 0.3 * rel;
  return 0.6 * rel + (f.all ? 0.4 : 0);
}

/**
 * POST /kb/suggest: articles (and, for staff, templates) for a request being typed, ranked by
 * the text and by what was learned from requests answered with them.
 */
export async function suggestForText(
  deps: Deps & Pick<AppDeps, 'classifier'>,
  actor: Actor,
  input: {
    text: string;
    category?: string | undefined;
    lang?: KbLang | undefined;
    limit?: number | undefined;
  },
): Promise<Suggestions> {
  const cityId = actor.cityId;
  const limit = input.limit ?? 5;
  const reach = reachOf(actor);
  const category =
    input.category ?? (await deps.classifier.suggest(cityId, input.text, 1))[0]?.category ?? null;
  const pq = await parsed(deps.readDb, cityId, input.text);
  const vis: Visibility = { cityId, staff: reach.staff, now: deps.now() };
  const preferLang = input.lang ?? detectLanguage(input.text);
  const [found, learned, cats] = await Promise.all([
    withSearchSettings(deps.readDb, (s) =>
      findArticles(s, vis, pq, { preferLang, limit: TEXT_CANDIDATES, prefix: 'last' }),
    ),
    termStats(deps.readDb, cityId, pq.normalized, kazakhIndexText(input.text)),
    category ? categoryStats(deps.readDb, cityId, category) : Promise.resolve([]),
  ]);
  const scores = learnedScores(learned.rows, cats);
  // Articles and templates of an active emergency's categories come first.
  const hot = await emergencyCategories(deps.readDb, cityId, deps.now());
  const emergency = (categories: string[]): number =>
    categories.some((c) => hot.has(c)) ? EMERGENCY_BONUS : 0;
  const seen = new Set(found.map((f) => f.row.id));
  const learnedOnly = [...scores.keys()]
    .filter((k) => k.startsWith('article:'))
    .map((k) => Number(k.slice(8)))
    .filter((id) => !seen.has(id));
  const extra = await visibleByIds(deps.readDb, vis, learnedOnly, preferLang);
  const maxRank = Math.max(1e-9, ...found.map((f) => f.row.rank));
  const candidates: [HitRow, Hit['match'], number][] = [
    ...found.map((f): [HitRow, Hit['match'], number] => [f.row, f.match, textScore(f, maxRank)]),
    ...extra.map((r): [HitRow, Hit['match'], number] => [r, 'learned', 0]),
  ];
  const articles = candidates
    .map(([r, match, text]) => {
      const l = scores.get(targetKey('article', r.id))?.score ?? 0;
      const bonus =
        (category && r.categories.includes(category) ? CATEGORY_BONUS : 0) + emergency(r.categories);
      return {
        ...toHit(r, match, text + LEARNED_WEIGHT * l + bonus),
        textScore: round(text),
        learnedScore: round(l),
      };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
  const templates = reach.staff ? await rankTemplates(deps.readDb, cityId, pq, category, scores, hot) : [];
  return { category, articles, templates };
}

async function rankTemplates(
  db: Queryable,
  cityId: string,
  pq: ParsedQuery,
  category: string | null,
  scores: ReturnType<typeof learnedScores>,
  hot: Set<string>,
) {
  const words = new Set(pq.tokens.filter((t) => t.length >= 4).map((t) => t.slice(0, 5)));
  return (await listTemplates(db, cityId, true))
    .map((t) => {
      const own = new Set(
        normalizeTerm(`${t.name} ${Object.values(t.bodies).join(' ')}`).map((w) => w.slice(0, 5)),
      );
      const overlap = words.size ? [...words].filter((w) => own.has(w)).length / words.size : 0;
      const l = scores.get(targetKey('template', t.id))?.score ?? 0;
      const score =
        0.5 * overlap +
        LEARNED_WEIGHT * l +
        (category && t.categories.includes(category) ? 0.3 : 0) +
        (t.categories.some((c) => hot.has(c)) ? EMERGENCY_BONUS : 0);
      return { id: t.id, name: t.name, score: round(score) };
    })
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, 3);
}
