/**
 * Learned re-ranking: every request answered with an article or template taught us that its
 * words and category lead there. A target scores for a query by how specifically (the share of
 * all links with that word) and how confidently (how many links) the query's words point to it.
 */
import type { CategoryStatRow, TargetKind, TermStatRow } from './repository-learn.ts';

export interface LearnedScore {
  terms: number;
  category: number;
  /** 0…1 */
  score: number;
}

/**
 * How much the learned score weighs against the text score (scaled to 0…1 by the best match):
 * equal, so what operators keep answering with can overtake a closer wording.
 */
export const LEARNED_WEIGHT = 1;
const TERM_SHARE = 0.7;

const confidence = (n: number): number => n / (n + 2);
export const targetKey = (kind: TargetKind, id: number): string => `${kind}:${id}`;

/** Learned scores of every target the query's words or category were linked to. */
export function learnedScores(
  termRows: readonly TermStatRow[],
  categoryRows: readonly CategoryStatRow[],
): Map<string, LearnedScore> {
  const known = new Set(termRows.map((r) => r.term));
  const out = new Map<string, LearnedScore>();
  const get = (kind: TargetKind, id: number): LearnedScore => {
    const k = targetKey(kind, id);
    let s = out.get(k);
    if (!s) out.set(k, (s = { terms: 0, category: 0, score: 0 }));
    return s;
  };
  for (const r of termRows) {
    const specificity = r.term_total > 0 ? r.n / r.term_total : 0;
    get(r.kind, r.target_id).terms += (specificity * confidence(r.n)) / known.size;
  }
  const catTotal = categoryRows.reduce((s, r) => s + r.n, 0);
  for (const r of categoryRows) get(r.kind, r.target_id).category = (r.n / catTotal) * confidence(r.n);
  for (const s of out.values()) s.score = TERM_SHARE * s.terms + (1 - TERM_SHARE) * s.category;
  return out;
}
