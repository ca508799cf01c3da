/**
 * Ranking duplicate candidates: near, recent, same (or related) category, similar words. One
 * scoring for the server's intake (after its index-driven pre-filter) and the offline evaluation.
 */
import { normalizeText } from './text/normalize.ts';

export interface CandidateFacts {
  distanceM: number;
  hoursAgo: number;
  textSimilarity: number;
  sameCategory: boolean;
}

export interface RankOptions {
  radiusM: number;
  windowDays: number;
}

/** Score in [0, 1]: distance weighs most, then words, then time and category. */
export function candidateScore(f: CandidateFacts, o: RankOptions): number {
  const near = Math.max(0, 1 - f.distanceM / o.radiusM);
  const recent = Math.max(0, 1 - f.hoursAgo / (o.windowDays * 24));
  return 0.45 * near + 0.15 * recent + 0.3 * f.textSimilarity + 0.1 * (f.sameCategory ? 1 : 0.5);
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of normalizeText(s).split(' ')) {
    if (!w) continue;
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

/** Trigram similarity as pg_trgm computes it: shared trigrams over all distinct trigrams. */
export function textSimilarity(a: string, b: string): number {
  const A = trigrams(a);
  const B = trigrams(b);
  if (!A.size || !B.size) return 0;
  let shared = 0;
  for (const t of A) if (B.has(t)) shared++;
  return shared / (A.size + B.size - shared);
}

/** Great-circle distance in metres. */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const R = 6_371_000;
  const toRad = (d: number): number => (d * Math.PI) / 180;
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

const CELL_DEG = 0.00225;

/** A ~250 m grid cell id (the duplicate-candidate index key). */
export function gridCell(lat: number, lon: number): number {
  return Math.floor((lat + 90) / CELL_DEG) * 200_000 + Math.floor((lon + 180) / CELL_DEG);
}

/** The grid cells that cover a circle of `radiusM` metres around a point. */
export function cellsAround(lat: number, lon: number, radiusM: number): number[] {
  const dLat = radiusM / 111_320;
  const dLon = radiusM / (111_320 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
  const out: number[] = [];
  for (let r = Math.floor((lat - dLat + 90) / CELL_DEG); r <= Math.floor((lat + dLat + 90) / CELL_DEG); r++) {
    for (
      let c = Math.floor((lon - dLon + 180) / CELL_DEG);
      c <= Math.floor((lon + dLon + 180) / CELL_DEG);
      c++
    )
      out.push(r * 200_000 + c);
  }
  return out;
}
