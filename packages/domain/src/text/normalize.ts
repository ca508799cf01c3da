/**
 * Text normalisation shared by the classifier, duplicate scoring and knowledge-base search.
 * Handles Russian, Kazakh and English, mixed Cyrillic/Latin, HTML remnants and masked personal
 * data (runs of X as the St Petersburg portal writes them).
 */

const HTML_TAG = /<[^>]{0,200}>/g;
const HTML_ENTITY = /&(?:nbsp|amp|quot|lt|gt|laquo|raquo|mdash|ndash|#\d+);/g;
const MASK = /\b[XХ]{2,}\b/g;
const URL = /https?:\/\/\S+/g;

/** Latin letters that look like Cyrillic ones, used when a word mixes both scripts. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/;

/** Lower-cases, strips HTML and masks, folds ё→е, and repairs words that mix scripts. */
export function normalizeText(input: string): string {
  let s = input.replace(HTML_TAG, ' ').replace(HTML_ENTITY, ' ').replace(URL, ' ');
  s = s.replace(MASK, ' ');
  s = s.toLowerCase().replaceAll('ё', 'е');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!s) return '';
  return s
    .split(' ')
    .map((w) =>
      CYRILLIC.test(w) && LATIN.test(w) ? [...w].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('') : w,
    )
    .join(' ');
}

/** Splits normalised text into word tokens. */
export function tokenize(input: string): string[] {
  const n = normalizeText(input);
  return n ? n.split(' ') : [];
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/;

/** Guesses the language of a text: Kazakh by its own letters, Russian by Cyrillic, else English. */
export function detectLanguage(input: string): 'kk' | 'ru' | 'en' {
  const s = input.toLowerCase();
  let kk = 0;
  let cyr = 0;
  let lat = 0;
  for (const ch of s) {
    if (KAZAKH_LETTERS.test(ch)) kk++;
    else if (CYRILLIC.test(ch)) cyr++;
    else if (LATIN.test(ch)) lat++;
  }
  if (kk > 0 && kk * 40 >= cyr) return 'kk';
  if (cyr >= lat) return cyr > 0 ? 'ru' : 'en';
  return 'en';
}
