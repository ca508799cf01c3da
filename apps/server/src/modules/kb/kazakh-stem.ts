/**
 * A light suffix-stripping stemmer for Kazakh, so that «жылу», «жылуды», «жылудың» and «беріледі»,
 * «беру», «береді» meet in one index term. PostgreSQL has no Kazakh dictionary (and PGlite no
 * hunspell), so Kazakh text and queries are stemmed here and indexed with the 'simple' config.
 * It is not a morphological analyser: it strips endings consistently on both sides, which is what
 * search needs.
 */

/**
 * Endings with the sound that must precede them (Kazakh suffixes follow vowel harmony and the
 * stem's last sound), which keeps «құжаты» from losing its «т» to the accusative «ты».
 * C: after a consonant (у and й count as consonants here), V: after a vowel, P: after the
 * possessive ы/і, A: anywhere. Each pass strips the longest ending whose condition holds.
 */
const ENDINGS: ReadonlyArray<readonly [string, 'C' | 'V' | 'P' | 'A']> = [
  // instrumental, ablative, locative, genitive, dative, accusative
  ['менен', 'A'],
  ['бенен', 'A'],
  ['пенен', 'A'],
  ['мен', 'A'],
  ['бен', 'A'],
  ['пен', 'A'],
  ['дан', 'C'],
  ['ден', 'C'],
  ['тан', 'C'],
  ['тен', 'C'],
  ['нан', 'P'],
  ['нен', 'P'],
  ['нда', 'P'],
  ['нде', 'P'],
  ['да', 'C'],
  ['де', 'C'],
  ['та', 'C'],
  ['те', 'C'],
  ['ның', 'A'],
  ['нің', 'A'],
  ['дың', 'C'],
  ['дің', 'C'],
  ['тың', 'C'],
  ['тің', 'C'],
  ['ға', 'A'],
  ['ге', 'A'],
  ['қа', 'A'],
  ['ке', 'A'],
  ['на', 'P'],
  ['не', 'P'],
  ['ны', 'V'],
  ['ні', 'V'],
  ['ды', 'C'],
  ['ді', 'C'],
  ['ты', 'C'],
  ['ті', 'C'],
  // plural and possessive
  ['лар', 'A'],
  ['лер', 'A'],
  ['дар', 'C'],
  ['дер', 'C'],
  ['тар', 'C'],
  ['тер', 'C'],
  ['ымыз', 'C'],
  ['іміз', 'C'],
  ['ыңыз', 'C'],
  ['іңіз', 'C'],
  ['мыз', 'V'],
  ['міз', 'V'],
  ['ңыз', 'V'],
  ['ңіз', 'V'],
  ['ым', 'C'],
  ['ім', 'C'],
  ['ың', 'C'],
  ['ің', 'C'],
  ['сы', 'V'],
  ['сі', 'V'],
  ['ы', 'C'],
  ['і', 'C'],
  // verbs: tense, participles, voice, verbal noun
  ['ады', 'C'],
  ['еді', 'C'],
  ['йды', 'V'],
  ['йді', 'V'],
  ['ған', 'A'],
  ['ген', 'A'],
  ['қан', 'A'],
  ['кен', 'A'],
  ['ып', 'C'],
  ['іп', 'C'],
  ['са', 'A'],
  ['се', 'A'],
  ['ыл', 'C'],
  ['іл', 'C'],
  ['ын', 'C'],
  ['ін', 'C'],
  ['н', 'V'],
  ['у', 'A'],
  // abstract nouns and adjectives (коммуналдық → коммунал)
  ['лық', 'A'],
  ['лік', 'A'],
  ['дық', 'C'],
  ['дік', 'C'],
  ['тық', 'C'],
  ['тік', 'C'],
];
const BY_LENGTH = [...ENDINGS].sort((a, b) => b[0].length - a[0].length);

const VOWELS = /[аәеёиоөұүыіэюя]/;
const HAS_VOWEL = /[аәеёиоөуұүыіэюя]/;
const CYRILLIC_WORD = /^[\u0400-\u04ff]+$/;
/** A stem-final voiced consonant is the voiceless one before a vowel ending: жарығы → жарық. */
const DEVOICE: Record<string, string> = { ғ: 'қ', г: 'к', б: 'п' };
const MIN_STEM = 2;
const MAX_PASSES = 4;

function fits(stem: string, cond: 'C' | 'V' | 'P' | 'A'): boolean {
  if (stem.length < MIN_STEM || !HAS_VOWEL.test(stem)) return false;
  const last = stem[stem.length - 1] as string;
  if (cond === 'C') return !VOWELS.test(last);
  if (cond === 'V') return VOWELS.test(last);
  if (cond === 'P') return last === 'ы' || last === 'і';
  return true;
}

/** Question words and particles that carry no search meaning. */
export const KAZAKH_STOPWORDS = new Set([
  'және',
  'мен',
  'бен',
  'пен',
  'да',
  'де',
  'та',
  'те',
  'ма',
  'ме',
  'ба',
  'бе',
  'па',
  'пе',
  'бұл',
  'сол',
  'осы',
  'ол',
  'не',
  'қашан',
  'қайда',
  'қалай',
  'неге',
  'неше',
  'қандай',
  'кім',
  'үшін',
  'бойынша',
  'туралы',
  'немесе',
  'бір',
  'әр',
  'ғой',
  'ғана',
  'тек',
  'ал',
  'бірақ',
  'дейін',
  'кейін',
  'сияқты',
  'сен',
  'біз',
  'сіз',
  'олар',
]);

/** Stems one lower-cased word; words not in Cyrillic (numbers, Latin) are returned unchanged. */
export function stemKazakh(word: string): string {
  if (!CYRILLIC_WORD.test(word)) return word;
  let w = word;
  let stripped = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const hit = BY_LENGTH.find(([x, cond]) => w.endsWith(x) && fits(w.slice(0, w.length - x.length), cond));
    if (!hit) break;
    w = w.slice(0, w.length - hit[0].length);
    stripped = true;
  }
  const last = w[w.length - 1] as string;
  return stripped && DEVOICE[last] ? w.slice(0, -1) + DEVOICE[last] : w;
}

/** Stems the words of normalised text, dropping stop words. */
export function stemKazakhText(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (!KAZAKH_STOPWORDS.has(t)) out.push(stemKazakh(t));
  return out;
}
