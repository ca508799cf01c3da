/**
 * The demo city: Astana. District shapes are simplified drawings made for this project (not
 * OpenStreetMap data); `npx komek import districts <file.geojson>` loads real ones.
 */
export const CITY = {
  id: 'astana',
  name: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
  timeZone: 'Asia/Almaty',
  numberPrefix: '109',
  settings: { reopenWindowDays: 15, anonymousReports: true },
};

type Ring = [number, number][];
const box = (w: number, s: number, e: number, n: number): Ring => [[w, s], [e, s], [e, n], [w, n], [w, s]];

export const DISTRICTS: { code: string; name: [string, string, string]; ring: Ring }[] = [
  { code: 'saryarka', name: ['Сарыарқа', 'Сарыарка', 'Saryarka'], ring: box(71.22, 51.15, 71.45, 51.3) },
  { code: 'baikonur', name: ['Байқоңыр', 'Байконыр', 'Baikonyr'], ring: box(71.45, 51.15, 71.62, 51.35) },
  {
    code: 'almaty',
    name: ['Алматы', 'Алматы', 'Almaty'],
    ring: [[71.55, 51.12], [71.79, 51.12], [71.79, 51.3], [71.62, 51.3], [71.62, 51.15], [71.55, 51.15], [71.55, 51.12]],
  },
  { code: 'nura', name: ['Нұра', 'Нура', 'Nura'], ring: box(71.22, 50.98, 71.4, 51.15) },
  { code: 'esil', name: ['Есіл', 'Есиль', 'Yesil'], ring: box(71.4, 50.93, 71.55, 51.15) },
  { code: 'saraishyk', name: ['Сарайшық', 'Сарайшык', 'Saraishyk'], ring: box(71.55, 50.98, 71.79, 51.12) },
];

/** District weights of the demo load (population-ish). */
export const DISTRICT_WEIGHTS: Record<string, number> = { almaty: 0.22, baikonur: 0.16, esil: 0.2, saryarka: 0.17, nura: 0.12, saraishyk: 0.13 };

export const STREETS = [
  'проспект Республики', 'проспект Абая', 'улица Кенесары', 'проспект Туран', 'проспект Кабанбай батыра', 'улица Сыганак',
  'проспект Мангилик Ел', 'улица Бейбитшилик', 'проспект Сарыарка', 'улица Жубанова', 'проспект Тауелсиздик', 'улица Иманова',
  'улица Сейфуллина', 'проспект Богенбай батыра', 'улица Московская', 'улица Куйши Дина', 'проспект Улы Дала', 'улица Акмешит',
];

export const STAFF = [
  { login: 'operator', name: 'Айгерим Серикова', role: 'operator', agency: null },
  { login: 'supervisor', name: 'Ерлан Жумабеков', role: 'supervisor', agency: null },
  { login: 'executor', name: 'Данияр Оспанов', role: 'executor', agency: 'dept-roads' },
  { login: 'analyst', name: 'Мадина Ахметова', role: 'analyst', agency: null },
  { login: 'admin', name: 'Асель Нурланова', role: 'admin', agency: null },
] as const;

export const CRITICALITY_RULES: { pattern: string; lang: 'kk' | 'ru' | 'en'; level: 'urgent' | 'high' }[] = [
  { pattern: 'нет света', lang: 'ru', level: 'urgent' },
  { pattern: 'открытый люк', lang: 'ru', level: 'urgent' },
  { pattern: 'запах газа', lang: 'ru', level: 'urgent' },
  { pattern: 'застрял в лифте', lang: 'ru', level: 'urgent' },
  { pattern: 'прорыв трубы', lang: 'ru', level: 'urgent' },
  { pattern: 'жарық жоқ', lang: 'kk', level: 'urgent' },
  { pattern: 'газ иісі', lang: 'kk', level: 'urgent' },
  { pattern: 'ашық люк', lang: 'kk', level: 'urgent' },
  { pattern: 'gas smell', lang: 'en', level: 'urgent' },
  { pattern: 'no power', lang: 'en', level: 'urgent' },
  { pattern: 'нет отопления', lang: 'ru', level: 'high' },
];
