/**
 * Hashed text features for linear models: word unigrams and bigrams plus character n-grams
 * inside word boundaries, hashed into 2^bits buckets (no vocabulary to store), weighted by
 * sublinear term frequency × IDF, L2-normalised.
 */
import { tokenize } from './normalize.ts';

export interface FeatureOptions {
  bits: number;
  charMin: number;
  charMax: number;
  bigrams: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { bits: 18, charMin: 2, charMax: 5, bigrams: true };

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

function hash(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** Hashed feature counts of a text. */
export function featureCounts(text: string, o: FeatureOptions): Map<number, number> {
  const mask = (1 << o.bits) - 1;
  const counts = new Map<number, number>();
  const add = (key: string, seed: number): void => {
    const b = hash(key, seed) & mask;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  const words = tokenize(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    add(w, 0x811c9dc5);
    if (o.bigrams && i + 1 < words.length) add(w + ' ' + (words[i + 1] as string), 0x9e3779b1);
    const p = ` ${w} `;
    for (let n = o.charMin; n <= o.charMax; n++) {
      for (let j = 0; j + n <= p.length; j++) add(p.slice(j, j + n), 0x85ebca6b ^ n);
    }
  }
  return counts;
}

/** IDF per bucket, smoothed, from training texts. */
export function fitIdf(texts: readonly string[], o: FeatureOptions): Float32Array {
  const df = new Uint32Array(1 << o.bits);
  for (const t of texts) for (const b of featureCounts(t, o).keys()) df[b] = (df[b] as number) + 1;
  const idf = new Float32Array(df.length);
  const n = texts.length;
  for (let i = 0; i < df.length; i++) idf[i] = Math.log((1 + n) / (1 + (df[i] as number))) + 1;
  return idf;
}

/** The sparse, L2-normalised TF-IDF vector of a text. */
export function vectorize(text: string, o: FeatureOptions, idf: Float32Array | null): SparseVector {
  const counts = featureCounts(text, o);
  const idx = new Int32Array(counts.size);
  const val = new Float32Array(counts.size);
  let k = 0;
  let norm = 0;
  for (const [b, c] of counts) {
    const v = (1 + Math.log(c)) * (idf ? (idf[b] as number) : 1);
    idx[k] = b;
    val[k] = v;
    norm += v * v;
    k++;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < val.length; i++) val[i] = (val[i] as number) * inv;
  return { idx, val };
}
