/**
 * Hashed text features for linear models: word unigrams and bigrams plus character n-grams
 * inside word boundaries, hashed into 2^bits buckets (no vocabulary to store), weighted by
 * sublinear term frequency × IDF, L2-normalised. Context tags (what the resident chose besides
 * the text, e.g. `place:yard`) are features of their own, hashed apart from the text's.
 */
import { tokenize } from './normalize.ts';

export interface FeatureOptions {
  bits: number;
  charMin: number;
  charMax: number;
  bigrams: boolean;
  /** Each context tag counts as this many occurrences (absent: 1). */
  tagWeight?: number;
}

/** Context tags per text, aligned with the texts (undefined: none). */
export type TagLists = readonly (readonly string[] | undefined)[];

/**
 * tagWeight: a place tag is one feature among a text's few hundred n-grams; counted 20 times (a
 * sublinear weight of 4) it holds its own against them. Chosen on Jan 2021 with Oct–Dec 2020
 * training (St Petersburg, category with reasons blended, the place as its tag): weight 1 / 3 /
 * 6 / 10 / 20 → accuracy 0.952 / 0.960 / 0.962 / 0.963 / 0.965.
 */
export const DEFAULT_FEATURES: FeatureOptions = {
  bits: 18,
  charMin: 2,
  charMax: 5,
  bigrams: true,
  tagWeight: 20,
};

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
export function featureCounts(
  text: string,
  o: FeatureOptions,
  tags: readonly string[] = [],
): Map<number, number> {
  const mask = (1 << o.bits) - 1;
  const counts = new Map<number, number>();
  const add = (key: string, seed: number, n = 1): void => {
    const b = hash(key, seed) & mask;
    counts.set(b, (counts.get(b) ?? 0) + n);
  };
  for (const t of tags) add(t, 0x27d4eb2f, o.tagWeight ?? 1);
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
export function fitIdf(texts: readonly string[], o: FeatureOptions, tags?: TagLists): Float32Array {
  const df = new Uint32Array(1 << o.bits);
  texts.forEach((t, i) => {
    for (const b of featureCounts(t, o, tags?.[i]).keys()) df[b] = (df[b] as number) + 1;
  });
  const idf = new Float32Array(df.length);
  const n = texts.length;
  for (let i = 0; i < df.length; i++) idf[i] = Math.log((1 + n) / (1 + (df[i] as number))) + 1;
  return idf;
}

/** The sparse, L2-normalised TF-IDF vector of a text. */
export function vectorize(
  text: string,
  o: FeatureOptions,
  idf: Float32Array | null,
  tags?: readonly string[],
): SparseVector {
  const counts = featureCounts(text, o, tags);
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
