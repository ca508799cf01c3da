/**
 * From what a resident or operator typed to PostgreSQL tsquery text: normalisation, synonym
 * expansion (ЕПД = единый платёжный документ = бірыңғай төлем құжаты) and one query per text
 * search configuration (russian and english stem in the database; Kazakh is stemmed here and
 * searched with 'simple').
 */
import { normalizeText } from '@komek/domain/text/normalize';
import { stemKazakh, KAZAKH_STOPWORDS } from './kazakh-stem.ts';

/** One alternative: a word or a phrase (all its words must occur). */
export type Alternative = string[];
/** One position of the query: any of its alternatives. */
export type Clause = Alternative[];

export interface ParsedQuery {
  /** The normalised query (what the search log groups by). */
  normalized: string;
  tokens: string[];
  clauses: Clause[];
  /** Synonym terms added to the query, for display. */
  expandedWith: string[];
}

const MAX_TOKENS = 32;

/** Normalises a synonym term or keyword the way queries are normalised. */
export function normalizeTerm(term: string): string[] {
  return normalizeText(term).split(' ').filter(Boolean);
}

// The city's groups are one cached array between editors' changes: normalised once, not per query.
const groupsCache = new WeakMap<readonly (readonly string[])[], string[][][]>();

function normalizedGroups(groups: readonly (readonly string[])[]): string[][][] {
  let out = groupsCache.get(groups);
  if (!out)
    groupsCache.set(groups, (out = groups.map((g) => g.map(normalizeTerm).filter((t) => t.length > 0))));
  return out;
}

/** Splits the query into clauses and replaces each synonym occurrence by a clause of the whole group. */
export function parseQuery(text: string, synonymGroups: readonly (readonly string[])[]): ParsedQuery {
  const normalized = normalizeText(text);
  const tokens = normalized ? normalized.split(' ').slice(0, MAX_TOKENS) : [];
  const groups = normalizedGroups(synonymGroups);
  const clauses: Clause[] = [];
  const expandedWith: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: { len: number; group: string[][] } | undefined;
    for (const group of groups) {
      for (const term of group) {
        if (term.length > (best?.len ?? 0) && term.every((w, k) => tokens[i + k] === w))
          best = { len: term.length, group };
      }
    }
    if (best) {
      clauses.push(best.group.map((t) => [...t]));
      const matched = tokens.slice(i, i + best.len).join(' ');
      for (const t of best.group) if (t.join(' ') !== matched) expandedWith.push(t.join(' '));
      i += best.len;
    } else {
      clauses.push([[tokens[i] as string]]);
      i++;
    }
  }
  return { normalized, tokens, clauses, expandedWith };
}

export interface TsQueryOptions {
  /** Map a word to its index form, or null to drop it (Kazakh stems and stop words). */
  mapWord?: (w: string) => string | null;
  /** Add `:*` to the last word (typing in progress) or to every word (highlighting stems). */
  prefix?: 'none' | 'last' | 'all';
  /** 'and': every clause must match (precise); 'or': any clause (recall; ranking rewards more). */
  join?: 'and' | 'or';
}

const SAFE_WORD = /^[\p{L}\p{N}]+$/u;

/** tsquery text of the clauses: alternatives within a clause are ORed, clauses joined by `join`. */
export function toTsQueryText(clauses: readonly Clause[], opts: TsQueryOptions = {}): string {
  const map = opts.mapWord ?? ((w: string) => w);
  const parts: string[] = [];
  clauses.forEach((clause, ci) => {
    const alts: string[] = [];
    for (const alt of clause) {
      const words: string[] = [];
      alt.forEach((w, wi) => {
        const m = map(w);
        if (!m || !SAFE_WORD.test(m)) return;
        const lastTyped =
          opts.prefix === 'last' &&
          ci === clauses.length - 1 &&
          clause.length === 1 &&
          wi === alt.length - 1 &&
          m.length >= 3;
        words.push(opts.prefix === 'all' || lastTyped ? `${m}:*` : m);
      });
      if (words.length) alts.push(words.length > 1 ? `(${words.join(' & ')})` : (words[0] as string));
    }
    if (alts.length) parts.push(alts.length > 1 ? `(${alts.join(' | ')})` : (alts[0] as string));
  });
  return parts.join(opts.join === 'and' ? ' & ' : ' | ');
}

/** Kazakh index form of a word: stop words dropped, the rest stemmed. */
export function kazakhWord(w: string): string | null {
  return KAZAKH_STOPWORDS.has(w) ? null : stemKazakh(w);
}

/** Kazakh text as the index stores it: normalised, stop words dropped, stemmed. */
export function kazakhIndexText(text: string): string {
  return normalizeTerm(text)
    .map(kazakhWord)
    .filter((w): w is string => w !== null)
    .join(' ');
}

/**
 * The tsquery texts of a query: for matching, 'russian' (Cyrillic words by the Russian, Latin
 * words by the English stemmer) and 'simple' over Kazakh stems; for highlighting, one per
 * variant language, always OR so that every matched word is marked.
 */
export interface QueryTexts {
  russian: string;
  kazakh: string;
  headline: { russian: string; english: string; kazakh: string };
}

/** Builds the per-configuration query texts of clauses. */
export function queryTexts(
  clauses: readonly Clause[],
  prefix: 'none' | 'last',
  join: 'and' | 'or',
): QueryTexts {
  const any = toTsQueryText(clauses, { prefix });
  return {
    russian: toTsQueryText(clauses, { prefix, join }),
    kazakh: toTsQueryText(clauses, { prefix, join, mapWord: kazakhWord }),
    headline: {
      russian: any,
      english: any,
      kazakh: toTsQueryText(clauses, { prefix: 'all', mapWord: kazakhWord }),
    },
  };
}

/** The clauses with corrected spellings added as alternatives of the words they correct. */
export function withCorrections(clauses: readonly Clause[], fixes: ReadonlyMap<string, string>): Clause[] {
  return clauses.map((c) => {
    const only = c.length === 1 && c[0]?.length === 1 ? (c[0][0] as string) : undefined;
    const fix = only !== undefined ? fixes.get(only) : undefined;
    return fix ? [[only as string], [fix]] : c.map((a) => [...a]);
  });
}
