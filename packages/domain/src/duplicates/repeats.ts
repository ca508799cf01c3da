/**
 * Repeats: the same problem at the same place reported again after the first request was closed
 * or deferred (the fix did not hold, or the answer did not satisfy). Unlike a duplicate, the
 * earlier request is no longer open, so the server looks it up in recent closed history.
 */
import { haversineM } from './geo.ts';
import { toMs, type GeoRequest } from './score.ts';
import { textProfile, textSimilarity } from './text.ts';

/** A request that may carry an exact place key (building id, address id). */
export interface PlacedRequest extends GeoRequest {
  placeId?: string | null | undefined;
}

/** A closed or deferred request; `closedAt` is when it was closed, answered or deferred. */
export interface ClosedRequest extends PlacedRequest {
  closedAt: number | Date;
}

export interface RepeatOptions {
  /** How long after the closing a new report still counts as a repeat, in days (7). */
  withinDays?: number;
  /** "Same place" when either side has no place id: within this many metres (50). */
  radiusM?: number;
  /** Related categories also count (same group); by default only the same category does. */
  groupOf?: (category: string) => string | null | undefined;
  /** Minimum text similarity (0: place and category are enough). */
  minTextSimilarity?: number;
}

export interface RepeatMatch<C extends ClosedRequest = ClosedRequest> {
  original: C;
  score: number;
  reasons: {
    distanceM: number;
    samePlaceId: boolean;
    daysSinceClosed: number;
    textSimilarity: number;
    sameCategory: boolean;
  };
}

function sameProblem(a: GeoRequest, b: GeoRequest, o: RepeatOptions): boolean {
  if (!a.category || !b.category) return true;
  if (a.category === b.category) return true;
  const g = o.groupOf?.(a.category);
  return Boolean(g) && g === o.groupOf?.(b.category);
}

/**
 * The earlier closed/deferred request that `newReq` repeats, or null: same (or related) category,
 * same place (equal place ids when both have one, else within `radiusM`), created within
 * `withinDays` after that request was closed. The best match is the nearest, most similar and
 * most recently closed; ties go to the later closing, then the smaller id.
 */
export function findRepeatOf<C extends ClosedRequest>(
  newReq: PlacedRequest,
  history: readonly C[],
  opts: RepeatOptions = {},
): RepeatMatch<C> | null {
  const withinMs = (opts.withinDays ?? 7) * 86_400_000;
  const radius = opts.radiusM ?? 50;
  const created = toMs(newReq.createdAt);
  const mine = newReq.profile ?? textProfile(newReq.text);
  let best: RepeatMatch<C> | null = null;
  for (const h of history) {
    if (h.id === newReq.id) continue;
    const closed = toMs(h.closedAt);
    const since = created - closed;
    if (since < 0 || since > withinMs || toMs(h.createdAt) > created) continue;
    if (!sameProblem(newReq, h, opts)) continue;
    const distanceM = haversineM(newReq.lat, newReq.lon, h.lat, h.lon);
    const bothIds = Boolean(newReq.placeId) && Boolean(h.placeId);
    const samePlaceId = bothIds && newReq.placeId === h.placeId;
    if (bothIds ? !samePlaceId : distanceM > radius) continue;
    const text = textSimilarity(mine, h.profile ?? textProfile(h.text));
    if (text < (opts.minTextSimilarity ?? 0)) continue;
    const near = samePlaceId ? 1 : 1 - distanceM / Math.max(1, radius);
    const score = 0.45 * near + 0.3 * text + 0.25 * (1 - since / withinMs);
    const m: RepeatMatch<C> = {
      original: h,
      score,
      reasons: {
        distanceM,
        samePlaceId,
        daysSinceClosed: since / 86_400_000,
        textSimilarity: text,
        sameCategory: newReq.category === h.category,
      },
    };
    if (
      !best ||
      score > best.score ||
      (score === best.score &&
        (closed > toMs(best.original.closedAt) ||
          (closed === toMs(best.original.closedAt) && h.id < best.original.id)))
    )
      best = m;
  }
  return best;
}
