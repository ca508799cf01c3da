/**
 * Text similarity for duplicates and repeats, with nothing to download: the overlap of words
 * (stop words dropped) and of character trigrams (which tolerate Russian/Kazakh endings and typos).
 */
import { tokenize } from '../text/normalize.ts';

/** The pre-computed sets one text is compared by; build it once per request when comparing many. */
export interface TextProfile {
  words: ReadonlySet<string>;
  grams: ReadonlySet<string>;
}

// Function words that match everywhere and say nothing about the problem.
const STOP = new Set(
  (
    'и в во на по с со к ко у о об от до из за для не нет да же ли бы что как это этот эта эти уже ' +
    'а но или то там тут очень просьба прошу пожалуйста все так при под над про ' +
    'және бұл де ма ме мен үшін жоқ бар ' +
    'the a an of to in on at for and or is are was be it this that with from by please'
  ).split(' '),
);

/** Builds the word and trigram sets of a text. */
export function textProfile(text: string): TextProfile {
  const words = new Set<string>();
  const grams = new Set<string>();
  for (const w of tokenize(text)) {
    if (STOP.has(w)) continue;
    words.add(w);
    const p = ` ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) grams.add(p.slice(i, i + 3));
  }
  return { words, grams };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (big.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Similarity in [0, 1]: the mean of word and trigram Jaccard overlaps; 0 when either is empty. */
export function textSimilarity(a: string | TextProfile, b: string | TextProfile): number {
  const pa = typeof a === 'string' ? textProfile(a) : a;
  const pb = typeof b === 'string' ? textProfile(b) : b;
  return (jaccard(pa.words, pb.words) + jaccard(pa.grams, pb.grams)) / 2;
}
