/**
 * Small deterministic pieces of the generator: the seeded PRNG, weighted choice, synthetic
 * residents (phones +7 70x…, Kazakh and Russian names) and the request texts built from the
 * per-category phrases, with an address on a street of the district.
 */
import type { Lang, Place } from '@komek/domain/lifecycle';
import { STREETS } from './astana-data.ts';
import { LANG_SHARES } from './synthetic-profile.ts';
import { NAMES, PLACE, WRAP } from './synthetic-phrases.ts';
import { TEXTS } from './synthetic-texts.ts';

/** mulberry32: a small, fast, seeded PRNG returning [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an item with probability proportional to its weight, given a uniform draw `u` in [0, 1). */
export function pickWeighted<T>(items: readonly T[], weights: readonly number[], u: number): T {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

export interface SynthResident {
  phone: string;
  name: string;
  lang: Lang;
}

const MOBILE = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '777', '778'];
const LANG_W = LANG_SHARES.map(([, w]) => w);

/** How many distinct residents call in a run of `count` requests (many call more than once). */
export function residentCount(count: number): number {
  return Math.max(1, Math.round(count * 0.35));
}

/** The i-th synthetic resident of a seed: a unique phone per index, a name, a language. */
export function residentAt(i: number, seed: number): SynthResident {
  const r = rng((seed * 0x9e3779b1) ^ (i * 0x85ebca6b));
  // x → x·7,919,093 + offset is a bijection modulo 10⁷, so phones are unique within a seed.
  const local = (Math.floor(i / MOBILE.length) * 7_919_093 + (seed % 1000) * 10_007) % 10_000_000;
  const phone = `+7${MOBILE[i % MOBILE.length]}${String(local).padStart(7, '0')}`;
  const lang = pickWeighted(LANG_SHARES, LANG_W, r())[0];
  const male = r() < 0.45;
  const first = male ? NAMES.male : NAMES.female;
  const surname = NAMES.surnames[Math.floor(r() * NAMES.surnames.length)] as [string, string];
  return { phone, name: `${first[Math.floor(r() * first.length)]} ${male ? surname[0] : surname[1]}`, lang };
}

export type Pick = <T>(xs: readonly T[]) => T;

export interface ComposeInput {
  r: () => number;
  pick: Pick;
  code: string;
  district: string;
  /** The category is about a place: mention the address when the phrase does not. */
  place: boolean;
  residentLang: Lang | null;
  /** The earlier request whose problem came back. */
  repeatOf?: { text: string; lang: Lang; address: string; attributes: Record<string, unknown> } | undefined;
}

export interface Composed {
  text: string;
  address: string;
  attributes: Record<string, unknown>;
}

const ROUTES = [
  '1',
  '4',
  '10',
  '12',
  '14',
  '18',
  '21',
  '28',
  '32',
  '37',
  '40',
  '46',
  '54',
  '70',
  '80',
  '100',
  '501',
  '503',
];

/**
 * Where a category's problems are, as a resident would tell it (`place` in the attributes; the
 * classifier weighs it with the text). Categories about a service, not a place (clinics,
 * schools, payment documents, routes), have none.
 */
const PLACES_OF: Record<string, readonly Place[]> = {
  'utilities.heating': ['apartment', 'apartment', 'building'],
  'utilities.hot-water': ['apartment', 'apartment', 'building'],
  'utilities.cold-water': ['apartment', 'apartment', 'building'],
  'utilities.gas': ['apartment', 'building', 'yard'],
  'utilities.sewage': ['building', 'apartment', 'yard'],
  utilities: ['building'],
  'electricity.outage': ['apartment', 'building', 'street'],
  'electricity.wiring': ['building', 'street'],
  'electricity.meter': ['apartment'],
  'roads.lighting': ['street', 'yard'],
  'roads.manhole': ['street', 'yard'],
  'roads.snow': ['street', 'yard', 'street'],
  roads: ['street'],
  'improvement.scooters': ['street', 'park'],
  'improvement.restoration': ['yard', 'street'],
  improvement: ['yard'],
  'green.pruning': ['yard', 'street', 'park'],
  'green.dump': ['other', 'yard'],
  green: ['park', 'yard', 'street'],
  waste: ['yard'],
  'transport.stops': ['structure'],
  'order.noise': ['building', 'apartment'],
  'order.trade': ['street'],
  order: ['yard', 'street'],
};

/** A request text in the resident's language, its address and its answers to the category's questions. */
export function composeText(o: ComposeInput): Composed {
  const { r, pick } = o;
  if (o.repeatOf) {
    const { lang, text } = o.repeatOf;
    const again = WRAP[lang].repeat.some((p) => text.startsWith(p))
      ? text
      : `${pick(WRAP[lang].repeat)}${text}`;
    return { text: again, address: o.repeatOf.address, attributes: o.repeatOf.attributes };
  }
  const lang: Lang =
    o.residentLang && r() < 0.85 ? o.residentLang : pickWeighted(LANG_SHARES, LANG_W, r())[0];
  const phrases = TEXTS[o.code];
  if (!phrases) throw new Error(`no texts for category ${o.code}`);
  const street = pick(STREETS[o.district] ?? STREETS.esil ?? []);
  const streetName = lang === 'kk' ? street[0] : lang === 'ru' ? street[1] : street[2];
  const house = `${1 + Math.floor(r() * 140)}${r() < 0.1 ? '/1' : ''}`;
  const address = `${streetName}, ${house}`;
  const attributes: Record<string, unknown> = {};
  const route = pick(ROUTES);
  const entrance = 1 + Math.floor(r() * 8);
  if (o.code.startsWith('transport.') && o.code !== 'transport.stops') attributes.route = route;
  if (o.code === 'utilities.lift') Object.assign(attributes, { entrance, floor: 1 + Math.floor(r() * 16) });
  if (o.code === 'roads.pothole') attributes.size = pick(['small', 'medium', 'medium', 'large']);
  if (o.code === 'electricity.outage') attributes.scope = pick(['flat', 'building', 'building', 'street']);
  // Six residents in ten say where it is (an operator asks less often than the app does).
  const places = PLACES_OF[o.code] ?? PLACES_OF[o.code.split('.')[0] as string];
  if (places && r() < 0.6) attributes.place = pick(places);
  const problem = pick(phrases[lang])
    .replaceAll('{addr}', `${streetName}, ${house}`)
    .replaceAll('{street}', streetName)
    .replaceAll('{house}', house)
    .replaceAll('{route}', route)
    .replaceAll('{entrance}', String(entrance))
    .replaceAll('{clinic}', String(1 + Math.floor(r() * 36)))
    .replaceAll('{n}', String(2 + Math.floor(r() * 14)));
  const wrap = WRAP[lang];
  const where =
    o.place && !problem.includes(streetName) && r() < 0.6
      ? `, ${pick(PLACE[lang]).replace('{addr}', `${streetName}, ${house}`)}`
      : '';
  const timed = /бері|уже|недел|месяц|дн|час|минут|утр|since|for |week|month|hour/i.test(problem);
  const since = !timed && r() < 0.35 ? pick(wrap.since) : '';
  const text = `${pick(wrap.open)}${problem}${since}${where}.${pick(wrap.ask)}`;
  return { text, address, attributes };
}
