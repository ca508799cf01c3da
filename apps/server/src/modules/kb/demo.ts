/**
 * Demo knowledge base for a city: 16 articles in kk/ru/en (one staff-only, two seasonal), five
 * answer templates and the synonym groups residents need (ЕПД …). Written through the same
 * service as the editors' screens, so the search index and versions are real.
 */
import { localParts, localToInstant } from '@komek/domain/time';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { getCatalog } from '../catalog/cache.ts';
import { DEMO_ARTICLES, type DemoArticle } from './demo-articles.ts';
import { MORE_DEMO_ARTICLES } from './demo-articles-more.ts';
import { insertSynonym } from './repository-search.ts';
import { insertTemplate } from './repository-templates.ts';
import { createArticle, type Author } from './service.ts';

const AUTHOR: Author = { id: null, name: 'demo seed' };

export const DEMO_SYNONYMS: string[][] = [
  ['ЕПД', 'единый платёжный документ', 'бірыңғай төлем құжаты', 'БТҚ', 'EPD', 'unified payment document'],
  ['ОСИ', 'КСК', 'управляющая компания', 'пәтер иелерінің бірлестігі', 'building management'],
  ['самокат', 'электросамокат', 'СИМ', 'e-scooter'],
  ['свет', 'электричество', 'жарық', 'power'],
  ['отопление', 'тепло', 'жылу', 'heating'],
];

export const DEMO_TEMPLATES: {
  name: string;
  categories: string[];
  bodies: { kk: string; ru: string; en: string };
}[] = [
  {
    name: 'Принято и передано в службу',
    categories: [],
    bodies: {
      kk: '№ {{request.number}} өтініміңіз қабылданып, {{agency.name}} қызметіне жіберілді. Жауап {{due_date}} дейін беріледі. Қызмет телефоны: {{agency.phone}}.',
      ru: 'Ваше обращение № {{request.number}} принято и передано в {{agency.name}}. Ответ будет не позднее {{due_date}}. Телефон службы: {{agency.phone}}.',
      en: 'Your request No. {{request.number}} has been registered and sent to {{agency.name}}. You will get an answer by {{due_date}}. Service phone: {{agency.phone}}.',
    },
  },
  {
    name: 'Плановые работы',
    categories: ['electricity.outage', 'utilities.hot-water', 'utilities.cold-water'],
    bodies: {
      kk: '№ {{request.number}} өтінім бойынша ({{category.name}}): мекенжайыңызда жоспарлы жұмыстар жүргізілуде. {{agency.name}} жұмыстарды {{due_date}} дейін аяқтайды.',
      ru: 'По обращению № {{request.number}} ({{category.name}}): по вашему адресу идут плановые работы. {{agency.name}} завершит их до {{due_date}}.',
      en: 'About request No. {{request.number}} ({{category.name}}): planned works are under way at your address. {{agency.name}} will finish them by {{due_date}}.',
    },
  },
  {
    name: 'Отопительный сезон',
    categories: ['utilities.heating'],
    bodies: {
      kk: '№ {{request.number}} өтінім бойынша: жылу үйлерге кезең-кезеңімен беріледі. Үш-бес күн ішінде жылу келмесе, {{agency.name}} ({{agency.phone}}) мәселені {{due_date}} дейін шешеді.',
      ru: 'По обращению № {{request.number}}: тепло подают в дома поэтапно. Если батареи останутся холодными, {{agency.name}} ({{agency.phone}}) решит вопрос до {{due_date}}.',
      en: 'About request No. {{request.number}}: heat is supplied to buildings in stages. If your radiators stay cold, {{agency.name}} ({{agency.phone}}) will fix it by {{due_date}}.',
    },
  },
  {
    name: 'Уточните адрес',
    categories: [],
    bodies: {
      kk: '№ {{request.number}} өтінім бойынша жұмысты бастау үшін нақты мекенжайды (үй, кіреберіс, қабат) немесе картадағы белгіні жіберіңізші.',
      ru: 'Чтобы начать работу по обращению № {{request.number}}, уточните, пожалуйста, точный адрес (дом, подъезд, этаж) или отметьте место на карте.',
      en: 'To start work on request No. {{request.number}}, please send the exact address (building, entrance, floor) or mark the place on the map.',
    },
  },
  {
    name: 'Работы выполнены',
    categories: [],
    bodies: {
      kk: '№ {{request.number}} өтінім бойынша жұмыстар орындалды ({{agency.name}}). Мәселе қалса, осы хабарламаға жауап беріңіз немесе 109-ға қоңырау шалыңыз.',
      ru: 'Работы по обращению № {{request.number}} выполнены ({{agency.name}}). Если проблема осталась, ответьте на это сообщение или позвоните в 109.',
      en: 'The work on request No. {{request.number}} is done ({{agency.name}}). If the problem remains, reply to this message or call 109.',
    },
  },
];

function seasonOf(
  a: DemoArticle,
  now: Date,
  timeZone: string,
): { validFrom: string | null; validTo: string | null } {
  if (!a.season) return { validFrom: null, validTo: null };
  const year = localParts(now, timeZone).year;
  const at = (md: string): string => {
    const [m, d] = md.split('-').map(Number) as [number, number];
    return new Date(localToInstant(year, m, d, 0, 0, timeZone)).toISOString();
  };
  return { validFrom: at(a.season.from), validTo: at(a.season.to) };
}

/**
 * Seeds the demo knowledge base into a city once (does nothing when the city has articles).
 * Categories the city does not have are left out. Returns how many articles were created.
 */
export async function seedKbDemo(db: Db, cityId: string, now: Date = new Date()): Promise<number> {
  const existing = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM kb_articles WHERE city_id = ${cityId}`,
  );
  if ((existing[0]?.n ?? 0) > 0) return 0;
  const catalog = await getCatalog(db, cityId);
  if (!catalog) throw new Error(`no city "${cityId}"`);
  const known = (codes: readonly string[]): string[] => codes.filter((c) => catalog.categories.has(c));
  const deps = { db, now: () => now };
  let n = 0;
  for (const a of [...DEMO_ARTICLES, ...MORE_DEMO_ARTICLES]) {
    await createArticle(deps, cityId, AUTHOR, {
      status: 'published',
      audience: a.audience ?? 'public',
      categories: known(a.categories),
      ...seasonOf(a, now, catalog.city.time_zone),
      variants: (['kk', 'ru', 'en'] as const).map((lang) => ({ lang, ...a[lang] })),
      note: 'demo content',
    });
    n++;
  }
  for (const t of DEMO_TEMPLATES) {
    await insertTemplate(
      db,
      cityId,
      { name: t.name, bodies: t.bodies, categories: known(t.categories), active: true },
      null,
      now,
    );
  }
  for (const terms of DEMO_SYNONYMS) await insertSynonym(db, cityId, terms);
  return n;
}
