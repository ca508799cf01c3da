/**
 * The demo city, Astana: the city, its districts, the office calendar, the demo staff and the
 * criticality rules. Pure data. District shapes are rough drawings made for this project (not
 * OpenStreetMap data); `npx komek import districts <file.geojson>` replaces them with real ones.
 * Agencies and categories live in astana-agencies.ts and astana-categories.ts.
 */
import type { Criticality, Lang } from '@komek/domain/lifecycle';
import { officeCalendar, type WorkCalendar } from '@komek/domain/sla';
import { kazakhstanHolidays } from '@komek/domain/holidays-kz';

export { AGENCIES, type AgencySeed } from './astana-agencies.ts';
export { CATEGORIES, type CategorySeed } from './astana-categories.ts';

/** Names in the order [kk, ru, en]. */
export type I18nTuple = readonly [kk: string, ru: string, en: string];

export const CITY = {
  id: 'astana',
  name: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
  timeZone: 'Asia/Almaty',
  numberPrefix: '109',
  settings: { reopenWindowDays: 15, anonymousReports: true },
} as const;

/** [lon, lat], as GeoJSON writes points. */
export type LonLat = readonly [lon: number, lat: number];

export interface DistrictSeed {
  /** Codes match the ids of /work/shared/data/astana/districts.geojson, so an import replaces them. */
  code: string;
  name: I18nTuple;
  /** A point well inside the shape, [lat, lon], where the map writes the name. */
  label: readonly [lat: number, lon: number];
  /** Closed outer ring. Neighbours share their border vertices, so the shapes do not overlap. */
  ring: readonly LonLat[];
  /** Share of the city's requests (population-ish). */
  weight: number;
  /** Denser neighbourhoods, [lat, lon]: synthetic requests cluster around them. */
  hubs: readonly (readonly [lat: number, lon: number])[];
}

// Shared border vertices. R*: the Yesil river (left bank south, right bank north) and its
// continuation east; the others split the banks into districts.
const R0: LonLat = [71.22, 51.175];
const R1: LonLat = [71.3, 51.172];
const R2: LonLat = [71.38, 51.168];
const R3: LonLat = [71.44, 51.163];
const R4: LonLat = [71.5, 51.158];
const R5: LonLat = [71.54, 51.15];
const R6: LonLat = [71.6, 51.13];
const R7: LonLat = [71.68, 51.12];
const R8: LonLat = [71.79, 51.13];
const SB1: LonLat = [71.45, 51.22]; // Saryarka | Baikonyr
const SB2: LonLat = [71.43, 51.3];
const BA1: LonLat = [71.56, 51.22]; // Baikonyr | Almaty
const BA2: LonLat = [71.58, 51.3];
const NY1: LonLat = [71.4, 51.12]; // Nura | Yesil
const NY2: LonLat = [71.4, 51.06];
const NY3: LonLat = [71.42, 50.96];
const YS1: LonLat = [71.545, 51.08]; // Yesil | Saraishyk
const YS2: LonLat = [71.56, 50.99];

const close = (...pts: LonLat[]): LonLat[] => [...pts, pts[0] as LonLat];

export const DISTRICTS: readonly DistrictSeed[] = [
  {
    code: 'saryarka',
    name: ['Сарыарқа', 'Сарыарка', 'Saryarka'],
    label: [51.23, 71.34],
    ring: close(R0, R1, R2, R3, SB1, SB2, [71.34, 51.33], [71.25, 51.3], [71.22, 51.24]),
    weight: 0.17,
    hubs: [
      [51.19, 71.41],
      [51.21, 71.36],
      [51.24, 71.3],
    ],
  },
  {
    code: 'baikonur',
    name: ['Байқоңыр', 'Байконыр', 'Baikonyr'],
    label: [51.25, 71.5],
    ring: close(R3, R4, R5, BA1, BA2, [71.52, 51.35], [71.46, 51.34], SB2, SB1),
    weight: 0.15,
    hubs: [
      [51.18, 71.47],
      [51.2, 71.51],
      [51.26, 71.5],
    ],
  },
  {
    code: 'almaty',
    name: ['Алматы', 'Алматы', 'Almaty'],
    label: [51.2, 71.65],
    ring: close(R5, R6, R7, R8, [71.79, 51.24], [71.7, 51.29], BA2, BA1),
    weight: 0.21,
    hubs: [
      [51.16, 71.58],
      [51.19, 71.62],
      [51.22, 71.68],
    ],
  },
  {
    code: 'nura',
    name: ['Нұра', 'Нура', 'Nura'],
    label: [51.1, 71.32],
    ring: close(R0, R1, R2, NY1, NY2, NY3, [71.33, 50.98], [71.25, 51.04], [71.22, 51.12]),
    weight: 0.14,
    hubs: [
      [51.13, 71.36],
      [51.1, 71.3],
      [51.06, 71.34],
    ],
  },
  {
    code: 'esil',
    name: ['Есіл', 'Есиль', 'Yesil'],
    label: [51.08, 71.47],
    ring: close(R2, R3, R4, R5, YS1, YS2, [71.5, 50.93], NY3, NY2, NY1),
    weight: 0.2,
    hubs: [
      [51.13, 71.43],
      [51.12, 71.48],
      [51.09, 71.45],
    ],
  },
  {
    code: 'saraishyk',
    name: ['Сарайшық', 'Сарайшык', 'Saraishyk'],
    label: [51.08, 71.62],
    ring: close(R5, YS1, YS2, [71.64, 51.01], [71.7, 51.07], R7, R6),
    weight: 0.13,
    hubs: [
      [51.12, 71.57],
      [51.1, 71.61],
      [51.06, 71.63],
    ],
  },
];

/** The district akimat of each district: yard and improvement topics are theirs. */
export const AKIMAT_OF: Readonly<Record<string, string>> = {
  almaty: 'akimat-almaty',
  baikonur: 'akimat-baikonyr',
  esil: 'akimat-yesil',
  saryarka: 'akimat-saryarka',
  nura: 'akimat-nura',
  saraishyk: 'akimat-saraishyk',
};

/** The 'office' calendar: Mon–Fri 09:00–18:00, lunch 13–14, Kazakhstan's days off from `fromYear` to `toYear`. */
export function officeCalendarFor(fromYear: number, toYear: number): WorkCalendar {
  const holidays: string[] = [];
  for (let y = fromYear; y <= toYear; y++) holidays.push(...kazakhstanHolidays(y));
  return officeCalendar(CITY.timeZone, holidays);
}

export interface StaffSeed {
  login: string;
  name: string;
  role: 'operator' | 'supervisor' | 'executor' | 'analyst' | 'admin';
  agency: string | null;
  lang: Lang;
  /** Telephone extension: the PBX names it when this person answers a call. */
  extension?: string;
}

/** The demo accounts; all sign in with DEMO_PASSWORD ('komek-demo'). */
export const STAFF: readonly StaffSeed[] = [
  {
    login: 'operator',
    name: 'Айгерим Сейткалиева',
    role: 'operator',
    agency: 'ikomek',
    lang: 'kk',
    extension: '101',
  },
  {
    login: 'supervisor',
    name: 'Ержан Тулегенов',
    role: 'supervisor',
    agency: null,
    lang: 'ru',
    extension: '102',
  },
  { login: 'executor', name: 'Данияр Оспанов', role: 'executor', agency: 'akimat-yesil', lang: 'ru' },
  { login: 'analyst', name: 'Мадина Ахметова', role: 'analyst', agency: null, lang: 'ru' },
  { login: 'admin', name: 'Ольга Ким', role: 'admin', agency: null, lang: 'en' },
];

export interface CriticalityRuleSeed {
  pattern: string;
  lang: Lang;
  level: Criticality;
}

/** Phrases that make a request urgent (or high) whatever its category's default. */
export const CRITICALITY_RULES: readonly CriticalityRuleSeed[] = [
  { pattern: 'нет света', lang: 'ru', level: 'urgent' },
  { pattern: 'открытый люк', lang: 'ru', level: 'urgent' },
  { pattern: 'запах газа', lang: 'ru', level: 'urgent' },
  { pattern: 'застрял в лифте', lang: 'ru', level: 'urgent' },
  { pattern: 'прорыв трубы', lang: 'ru', level: 'urgent' },
  { pattern: 'оборван провод', lang: 'ru', level: 'urgent' },
  { pattern: 'угроза жизни', lang: 'ru', level: 'urgent' },
  { pattern: 'жарық жоқ', lang: 'kk', level: 'urgent' },
  { pattern: 'газ иісі', lang: 'kk', level: 'urgent' },
  { pattern: 'ашық люк', lang: 'kk', level: 'urgent' },
  { pattern: 'лифтте қалып', lang: 'kk', level: 'urgent' },
  { pattern: 'сым үзіліп', lang: 'kk', level: 'urgent' },
  { pattern: 'no power', lang: 'en', level: 'urgent' },
  { pattern: 'gas smell', lang: 'en', level: 'urgent' },
  { pattern: 'open manhole', lang: 'en', level: 'urgent' },
  { pattern: 'нет отопления', lang: 'ru', level: 'high' },
  { pattern: 'жылу жоқ', lang: 'kk', level: 'high' },
];

/** A street as residents write it in each language. */
export type Street = I18nTuple;

/** Real-sounding streets of each district (for synthetic addresses). */
export const STREETS: Readonly<Record<string, readonly Street[]>> = {
  saryarka: [
    ['Сейфуллин көшесі', 'улица Сейфуллина', 'Seifullin St'],
    ['Бейбітшілік көшесі', 'улица Бейбитшилик', 'Beibitshilik St'],
    ['Бөгенбай батыр даңғылы', 'проспект Богенбай батыра', 'Bogenbay Batyr Ave'],
    ['Кенесары көшесі', 'улица Кенесары', 'Kenesary St'],
    ['Әуезов көшесі', 'улица Ауэзова', 'Auezov St'],
    ['Жеңіс даңғылы', 'проспект Женис', 'Zhenis Ave'],
  ],
  baikonur: [
    ['Абай даңғылы', 'проспект Абая', 'Abay Ave'],
    ['Иманов көшесі', 'улица Иманова', 'Imanov St'],
    ['Мәскеу көшесі', 'улица Московская', 'Moskovskaya St'],
    ['Бөкейхан көшесі', 'улица Бокейхана', 'Bokeikhan St'],
    ['Пушкин көшесі', 'улица Пушкина', 'Pushkin St'],
    ['Сарыарқа даңғылы', 'проспект Сарыарка', 'Saryarka Ave'],
  ],
  almaty: [
    ['Тәуелсіздік даңғылы', 'проспект Тауелсиздик', 'Tauelsizdik Ave'],
    ['Республика даңғылы', 'проспект Республики', 'Respublika Ave'],
    ['Жұбанов көшесі', 'улица Жубанова', 'Zhubanov St'],
    ['Абылай хан даңғылы', 'проспект Абылай хана', 'Abylai Khan Ave'],
    ['Қошқарбаев даңғылы', 'проспект Кошкарбаева', 'Koshkarbayev Ave'],
    ['Күйші Дина көшесі', 'улица Куйши Дина', 'Kuishi Dina St'],
  ],
  nura: [
    ['Ұлы Дала даңғылы', 'проспект Улы Дала', 'Uly Dala Ave'],
    ['Хусейн бен Талал көшесі', 'улица Хусейн бен Талал', 'Hussein bin Talal St'],
    ['Ақмешіт көшесі', 'улица Акмешит', 'Akmeshit St'],
    ['Қалдаяқов көшесі', 'улица Калдаякова', 'Kaldayakov St'],
    ['Түркістан көшесі', 'улица Туркестан', 'Turkistan St'],
  ],
  esil: [
    ['Мәңгілік Ел даңғылы', 'проспект Мангилик Ел', 'Mangilik El Ave'],
    ['Тұран даңғылы', 'проспект Туран', 'Turan Ave'],
    ['Қабанбай батыр даңғылы', 'проспект Кабанбай батыра', 'Kabanbay Batyr Ave'],
    ['Сығанақ көшесі', 'улица Сыганак', 'Syganak St'],
    ['Достық көшесі', 'улица Достык', 'Dostyk St'],
    ['Қонаев көшесі', 'улица Кунаева', 'Kunayev St'],
  ],
  saraishyk: [
    ['Орынбор көшесі', 'улица Орынбор', 'Orynbor St'],
    ['Сарайшық көшесі', 'улица Сарайшык', 'Saraishyk St'],
    ['Ә. Бөкейхан көшесі', 'улица А. Бокейхана', 'A. Bokeikhan St'],
    ['Шәкәрім көшесі', 'улица Шакарима', 'Shakarim St'],
    ['Е-10 көшесі', 'улица Е-10', 'E-10 St'],
  ],
};
