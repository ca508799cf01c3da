/**
 * Duplicate candidates at intake: which open requests are probably the same problem as a new one.
 * The server's index-driven query (city + geo cells + time + category) brings the rows; this file
 * scores and ranks them, and explains each score (distance, hours apart, text, category).
 * Deterministic: equal inputs give equal rankings, ties broken by distance, recency, then id.
 */
import { haversineM } from './geo.ts';
import { textProfile, textSimilarity, type TextProfile } from './text.ts';

/** What duplicate scoring needs of a request. `createdAt` is epoch milliseconds or a Date. */
export interface GeoRequest {
  id: string;
  lat: number;
  lon: number;
  createdAt: number | Date;
  category?: string | null | undefined;
  text: string;
  /** Pre-computed `textProfile(text)`, to save work when one request is compared many times. */
  profile?: TextProfile | undefined;
}

/** The weights of the four signals; they are normalised to sum to 1. */
export interface ScoreWeights {
  distance: number;
  time: number;
  text: number;
  category: number;
}

export interface ScoreOptions {
  /** Default search radius in metres (300). */
  radiusM?: number;
  /** Radius per category code (a pothole is "the same" over a shorter stretch than a blackout). */
  radiusByCategory?: Readonly<Record<string, number>>;
  /** How far back to look, in days (30). */
  windowDays?: number;
  /** Group of a category (e.g. its parent); two categories are related when their groups match. */
  groupOf?: (category: string) => string | null | undefined;
  weights?: Partial<ScoreWeights>;
}

export interface CandidateReasons {
  distanceM: number;
  /** New minus candidate creation time, in hours (positive when the candidate is older). */
  hoursApart: number;
  textSimilarity: number;
  sameCategory: boolean;
  relatedCategory: boolean;
}

export interface ScoredCandidate<R extends GeoRequest = GeoRequest> {
  candidate: R;
  score: number;
  reasons: CandidateReasons;
}

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = {
  distance: 0.4,
  time: 0.2,
  text: 0.25,
  category: 0.15,
};
const DEFAULT_RADIUS_M = 300;
const DEFAULT_WINDOW_DAYS = 30;

/** Epoch milliseconds of a number-or-Date. */
export function toMs(t: number | Date): number {
  return typeof t === 'number' ? t : t.getTime();
}

/** The radius that applies to a request's category. */
export function radiusFor(category: string | null | undefined, o: ScoreOptions = {}): number {
  return (category ? o.radiusByCategory?.[category] : undefined) ?? o.radiusM ?? DEFAULT_RADIUS_M;
}

function profileOf(r: GeoRequest): TextProfile {
  return r.profile ?? textProfile(r.text);
}

/** Same / related (same group) / unknown (the new request has no category yet) / other. */
function categoryMatch(
  a: GeoRequest,
  b: GeoRequest,
  o: ScoreOptions,
): { same: boolean; related: boolean; value: number } {
  if (!a.category || !b.category) return { same: false, related: false, value: 0.5 };
  if (a.category === b.category) return { same: true, related: true, value: 1 };
  const ga = o.groupOf?.(a.category);
  const related = Boolean(ga) && ga === o.groupOf?.(b.category);
  return { same: false, related, value: related ? 0.5 : 0 };
}

/**
 * Scores how likely `candidate` is the same problem as `newReq`, in [0, 1], with its reasons.
 * Closeness counts most (it decays fast: half at a fifth of the radius, as most duplicates sit at the
 * same address), then words, recency and category.
 */
export function scoreCandidate(
  newReq: GeoRequest,
  candidate: GeoRequest,
  opts: ScoreOptions = {},
): { score: number; reasons: CandidateReasons } {
  const radius = radiusFor(newReq.category, opts);
  const windowH = (opts.windowDays ?? DEFAULT_WINDOW_DAYS) * 24;
  const distanceM = haversineM(newReq.lat, newReq.lon, candidate.lat, candidate.lon);
  const hoursApart = (toMs(newReq.createdAt) - toMs(candidate.createdAt)) / 3_600_000;
  const text = textSimilarity(profileOf(newReq), profileOf(candidate));
  const cat = categoryMatch(newReq, candidate, opts);
  const w = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const sum = w.distance + w.time + w.text + w.category || 1;
  const near = distanceM >= radius ? 0 : 1 / (1 + (5 * distanceM) / radius);
  const recent = Math.max(0, 1 - Math.abs(hoursApart) / windowH);
  const score = (w.distance * near + w.time * recent + w.text * text + w.category * cat.value) / sum;
  return {
    score: Math.min(1, Math.max(0, score)),
    reasons: {
      distanceM,
      hoursApart,
      textSimilarity: text,
      sameCategory: cat.same,
      relatedCategory: cat.related,
    },
  };
}

export interface RankOptions extends ScoreOptions {
  /** How many to return (5). */
  limit?: number;
  /** Drop candidates of unrelated categories (as the server's `category IN (...)` does). Default true. */
  requireRelated?: boolean;
}

/**
 * The top candidates for a new request: those within its category's radius and the time window,
 * best first. Never returns the request itself.
 */
export function rankCandidates<R extends GeoRequest>(
  newReq: GeoRequest,
  candidates: readonly R[],
  opts: RankOptions = {},
): ScoredCandidate<R>[] {
  const radius = radiusFor(newReq.category, opts);
  const windowH = (opts.windowDays ?? DEFAULT_WINDOW_DAYS) * 24;
  const requireRelated = opts.requireRelated ?? true;
  const mine = { ...newReq, profile: profileOf(newReq) };
  const out: ScoredCandidate<R>[] = [];
  for (const c of candidates) {
    if (c.id === newReq.id) continue;
    const s = scoreCandidate(mine, c, opts);
    if (s.reasons.distanceM > radius || Math.abs(s.reasons.hoursApart) > windowH) continue;
    if (requireRelated && newReq.category && c.category && !s.reasons.relatedCategory) continue;
    out.push({ candidate: c, score: s.score, reasons: s.reasons });
  }
  out.sort(
    (a, b) =>
      b.score - a.score ||
      a.reasons.distanceM - b.reasons.distanceM ||
      a.reasons.hoursApart - b.reasons.hoursApart ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return out.slice(0, opts.limit ?? 5);
}
