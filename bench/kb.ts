/**
 * Knowledge-base search benchmark: 10,000 synthetic articles (kk + ru + en variants, so 30,000
 * indexed rows; 90 % published, 85 % public) plus the 16 demo articles and synonyms, then
 * p50/p95/p99 of search and of suggestions over 40 queries (Russian, Kazakh, English, typos,
 * synonyms, single common words, long descriptions), measured in-process at the service (no
 * HTTP), search-log insert included. Articles draw their words from one of 16 topics and from a
 * general vocabulary with a Zipf–Mandelbrot law, so the commonest general words (адрес, город)
 * occur in about a quarter of the articles and a topic word in about 5 %.
 *   node --import tsx bench/kb.ts                              PGlite in memory
 *   DATABASE_URL=postgres://… node --import tsx bench/kb.ts   PostgreSQL (a fresh schema, dropped after)
 *   KB_ARTICLES=10000 KB_ROUNDS=10                             corpus size, passes over the query set
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDb, type Db } from '../apps/server/src/db/client.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import type { Actor } from '../apps/server/src/lib/context.ts';
import { createKeywordClassifier } from '../apps/server/src/modules/classify/service.ts';
import { seedKbDemo } from '../apps/server/src/modules/kb/demo.ts';
import { parseQuery } from '../apps/server/src/modules/kb/query.ts';
import { insertArticle, replaceVariants } from '../apps/server/src/modules/kb/repository.ts';
import { withSearchSettings } from '../apps/server/src/modules/kb/repository-search.ts';
import { searchTextSql } from '../apps/server/src/modules/kb/search-statement.ts';
import { searchArticles, suggestForText, synonymsOf, textStages } from '../apps/server/src/modules/kb/search.ts';
import { flushSearchLog } from '../apps/server/src/modules/kb/search-log.ts';
import { indexVariant } from '../apps/server/src/modules/kb/service.ts';
import { CITY, seedTestCity } from '../apps/server/test/factories.ts';
import { percentile } from './lib.ts';

const N = Number(process.env.KB_ARTICLES ?? 10_000);
const ROUNDS = Number(process.env.KB_ROUNDS ?? 10);
const URL = process.env.DATABASE_URL;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Topics: [ru words, kk words, en words]; an article draws most of its words from one topic. */
const TOPICS: [string[], string[], string[]][] = [
  [['отопление', 'батареи', 'тепло', 'радиатор', 'котельная'], ['жылу', 'батарея', 'жылыту', 'радиатор', 'қазандық'], ['heating', 'radiator', 'warmth', 'boiler', 'pipes']],
  [['вода', 'горячая', 'холодная', 'давление', 'трубы'], ['су', 'ыстық', 'суық', 'қысым', 'құбыр'], ['water', 'hot', 'cold', 'pressure', 'plumbing']],
  [['свет', 'электричество', 'отключение', 'щиток', 'проводка'], ['жарық', 'электр', 'сөндіру', 'қалқан', 'сым'], ['power', 'electricity', 'outage', 'panel', 'wiring']],
  [['дорога', 'яма', 'асфальт', 'ремонт', 'тротуар'], ['жол', 'шұңқыр', 'асфальт', 'жөндеу', 'тротуар'], ['road', 'pothole', 'asphalt', 'repair', 'sidewalk']],
  [['снег', 'уборка', 'гололёд', 'наледь', 'сосульки'], ['қар', 'тазалау', 'көктайғақ', 'мұз', 'сүңгі'], ['snow', 'cleaning', 'ice', 'icicles', 'slush']],
  [['мусор', 'контейнер', 'вывоз', 'свалка', 'урна'], ['қоқыс', 'контейнер', 'шығару', 'үйінді', 'урна'], ['waste', 'container', 'collection', 'dump', 'bin']],
  [['лифт', 'подъезд', 'домофон', 'крыша', 'подвал'], ['лифт', 'кіреберіс', 'домофон', 'шатыр', 'жертөле'], ['lift', 'entrance', 'intercom', 'roof', 'basement']],
  [['поликлиника', 'врач', 'запись', 'прикрепление', 'справка'], ['емхана', 'дәрігер', 'жазылу', 'бекіту', 'анықтама'], ['clinic', 'doctor', 'appointment', 'attachment', 'certificate']],
  [['автобус', 'остановка', 'маршрут', 'проезд', 'карта'], ['автобус', 'аялдама', 'бағыт', 'жол ақысы', 'карта'], ['bus', 'stop', 'route', 'fare', 'card']],
  [['детский', 'сад', 'очередь', 'школа', 'направление'], ['балабақша', 'кезек', 'мектеп', 'жолдама', 'бала'], ['kindergarten', 'queue', 'school', 'referral', 'child']],
  [['парковка', 'автомобиль', 'эвакуатор', 'штраф', 'разметка'], ['тұрақ', 'көлік', 'эвакуатор', 'айыппұл', 'белгі'], ['parking', 'car', 'towing', 'fine', 'markings']],
  [['собаки', 'животные', 'отлов', 'укус', 'вакцинация'], ['иттер', 'жануарлар', 'аулау', 'тістеу', 'екпе'], ['dogs', 'animals', 'capture', 'bite', 'vaccination']],
  [['шум', 'соседи', 'стройка', 'ночью', 'музыка'], ['шу', 'көршілер', 'құрылыс', 'түнде', 'музыка'], ['noise', 'neighbours', 'construction', 'night', 'music']],
  [['деревья', 'газон', 'полив', 'обрезка', 'парк'], ['ағаштар', 'көгал', 'суару', 'кесу', 'саябақ'], ['trees', 'lawn', 'watering', 'pruning', 'park']],
  [['квитанция', 'оплата', 'тариф', 'начисление', 'долг'], ['түбіртек', 'төлем', 'тариф', 'есептеу', 'қарыз'], ['bill', 'payment', 'tariff', 'charge', 'debt']],
  [['самокат', 'велосипед', 'дорожка', 'прокат', 'скорость'], ['самокат', 'велосипед', 'жолақ', 'жалға', 'жылдамдық'], ['scooter', 'bicycle', 'lane', 'rental', 'speed']],
];
const GENERAL: [string[], string[], string[]] = [
  ['житель', 'город', 'район', 'адрес', 'заявка', 'служба', 'срок', 'график', 'обращение', 'акимат', 'работы', 'дом', 'улица', 'двор', 'порядок', 'правила'],
  ['тұрғын', 'қала', 'аудан', 'мекенжай', 'өтінім', 'қызмет', 'мерзім', 'кесте', 'әкімдік', 'жұмыс', 'үй', 'көше', 'аула', 'тәртіп', 'ереже', 'хабарлама'],
  ['resident', 'city', 'district', 'address', 'request', 'service', 'deadline', 'schedule', 'akimat', 'works', 'building', 'street', 'yard', 'procedure', 'rules', 'notice'],
];
const CATS = ['utilities', 'electricity', 'roads', 'yards'];

const SYLLABLES = {
  ru: ['ка', 'ро', 'ми', 'ле', 'ту', 'на', 'вер', 'сол', 'пра', 'дин', 'гор', 'ст', 'вал', 'ник', 'бе', 'зо', 'лу', 'шен', 'тор', 'ва'],
  kk: ['қа', 'ра', 'бі', 'лі', 'тұ', 'ңы', 'жер', 'сөз', 'бас', 'тау', 'өр', 'құ', 'ғы', 'ке', 'мен', 'сал', 'үй', 'ді', 'ша', 'ой'],
  en: ['ka', 'ro', 'mi', 'le', 'tu', 'na', 'ver', 'sol', 'pra', 'din', 'gor', 'st', 'val', 'nik', 'be', 'zo', 'lu', 'shen', 'tor', 'va'],
};
const VOCAB = 3000;

/**
 * The general vocabulary of a language: the 16 real general words first, then pseudo-words, drawn
 * by a Zipf–Mandelbrot law (rank + 50): the commonest words (адрес, город …) end up in about a
 * quarter of the articles, like the commonest content words of a real FAQ.
 */
function vocabulary(lang: 'ru' | 'kk' | 'en', real: string[]): { words: string[]; cdf: Float64Array } {
  const r = rng(lang.charCodeAt(0) * 7919);
  const syl = SYLLABLES[lang];
  const words = [...real];
  const seen = new Set(words);
  while (words.length < VOCAB) {
    const w = Array.from({ length: 2 + Math.floor(r() * 3) }, () => syl[Math.floor(r() * syl.length)] as string).join('');
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const cdf = new Float64Array(VOCAB);
  let acc = 0;
  for (let i = 0; i < VOCAB; i++) cdf[i] = acc += 1 / (i + 51);
  for (let i = 0; i < VOCAB; i++) cdf[i] = (cdf[i] as number) / acc;
  return { words, cdf };
}

function draw(r: () => number, v: { words: string[]; cdf: Float64Array }): string {
  const x = r();
  let lo = 0;
  let hi = VOCAB - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v.cdf[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo] as string;
}

function words(r: () => number, topic: string[], general: { words: string[]; cdf: Float64Array }, n: number, topicShare: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r() < topicShare ? (topic[Math.floor(r() * topic.length)] as string) : draw(r, general));
  return out.join(' ');
}

/** Inserts the synthetic corpus (N articles × kk/ru/en) into the test city. */
export async function seedCorpus(db: Db): Promise<void> {
  const r = rng(42);
  const vocab = (['ru', 'kk', 'en'] as const).map((l, i) => vocabulary(l, GENERAL[i] as string[]));
  const now = new Date();
  const BATCH = 250;
  const t0 = performance.now();
  for (let start = 0; start < N; start += BATCH) {
    await db.transaction(async (tx) => {
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const t = Math.floor(r() * TOPICS.length);
        const topic = TOPICS[t] as [string[], string[], string[]];
        const variants = (['ru', 'kk', 'en'] as const).map((lang, li) => {
          const tw = topic[li] as string[];
          const gw = vocab[li] as { words: string[]; cdf: Float64Array };
          const sentences = Array.from({ length: 4 + Math.floor(r() * 6) }, () => `${words(r, tw, gw, 8 + Math.floor(r() * 10), 0.3)}.`);
          return indexVariant({ lang, title: `${words(r, tw, gw, 5, 0.4)} №${i}`, body: sentences.join(' '), keywords: [tw[Math.floor(r() * tw.length)] as string] });
        });
        const fields = {
          status: r() < 0.9 ? ('published' as const) : ('draft' as const),
          audience: r() < 0.85 ? ('public' as const) : ('staff' as const),
          categories: [CATS[t % CATS.length] as string],
          tags: [],
          validFrom: null,
          validTo: null,
        };
        const id = await insertArticle(tx, CITY, fields, null, now);
        await replaceVariants(tx, CITY, id, fields, variants);
      }
    });
    process.stderr.write(`\rseeding ${Math.min(N, start + BATCH)}/${N}`);
  }
  await db.query('ANALYZE');
  process.stderr.write(`\rseeded ${N} articles (${N * 3} variants) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

export const QUERIES: { q: string; lang?: 'kk' | 'ru' | 'en'; category?: string }[] = [
  { q: 'отопление' }, { q: 'когда дадут отопление' }, { q: 'отопления нет в квартире', lang: 'ru' }, { q: 'атопление' }, { q: 'горячей воды нет' },
  { q: 'нет света' }, { q: 'отключение электричества в доме', category: 'electricity' }, { q: 'яма на дороге' }, { q: 'уборка снега во дворе' },
  { q: 'вывоз мусора график' }, { q: 'не работает лифт' }, { q: 'поликлиника прикрепление' }, { q: 'где оплатить ЕПД' }, { q: 'ЕПД' },
  { q: 'парковка самокатов' }, { q: 'бездомные собаки' }, { q: 'шум ночью стройка' }, { q: 'квитанция тариф начисление' }, { q: 'детский сад очередь' },
  { q: 'жылу қашан беріледі', lang: 'kk' }, { q: 'жарық жоқ', lang: 'kk' }, { q: 'қар тазалау' }, { q: 'қоқыс шығару кестесі' }, { q: 'балабақша кезек' },
  { q: 'бірыңғай төлем құжаты' }, { q: 'when is the heating on', lang: 'en' }, { q: 'power outage', lang: 'en' }, { q: 'pothole' }, { q: 'snow removal schedule' },
  { q: 'scooter parking rules' }, { q: 'watter presure', lang: 'en' }, { q: 'электричиство' }, { q: 'самакат' }, { q: 'парковка' },
  { q: 'у нас в подъезде третий день нет горячей воды и батареи холодные, управляющая компания не отвечает' },
  { q: 'возле дома огромная яма на дороге машины объезжают по тротуару' }, { q: 'адрес' }, { q: 'город' }, { q: 'zzzzqqq' }, { q: 'справка' },
];

function percentiles(ms: number[]): { p50: number; p95: number; p99: number; max: number; n: number } {
  const at = (p: number): number => percentile(ms, p, 2);
  return { p50: at(50), p95: at(95), p99: at(99), max: at(100), n: ms.length };
}

async function main(): Promise<void> {
  const schema = URL ? `kbbench_${randomBytes(4).toString('hex')}` : undefined;
  const db = await openDb(URL ? { url: URL, schema, poolSize: 4 } : { dataDir: 'memory://' });
  try {
    await migrate(db);
    await seedTestCity(db);
    await seedKbDemo(db, CITY);
    await seedCorpus(db);
    const deps = { db, readDb: db, now: () => new Date(), classifier: createKeywordClassifier(db) };
    const anonymous: Actor = { kind: 'anonymous', cityId: CITY };
    const operator: Actor = { kind: 'staff', cityId: CITY, id: 1, login: 't-operator', name: 'bench', role: 'operator', agencyCode: null };
    // Warm-up pass (caches, plans), not measured.
    for (const q of QUERIES) await searchArticles(deps, anonymous, q);
    const search: number[] = [];
    const suggest: number[] = [];
    let hits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of QUERIES) {
        let t = performance.now();
        const r = await searchArticles(deps, anonymous, q);
        search.push(performance.now() - t);
        hits += r.items.length;
        t = performance.now();
        await suggestForText(deps, operator, { text: q.q, ...(q.lang ? { lang: q.lang } : {}) });
        suggest.push(performance.now() - t);
      }
    }
    const vis = { cityId: CITY, staff: false, now: new Date() };
    const synonyms = await synonymsOf(db, CITY);
    // The first statement of a search as it runs: every stage on PGlite, the first on PostgreSQL
    // (EXPLAIN plans it for its values either way).
    for (const q of ['когда дадут отопление', 'адрес']) {
      const stages = textStages(parseQuery(q, synonyms).clauses, 'none');
      const plan = await withSearchSettings(db, (s) =>
        s.db.query<{ 'QUERY PLAN': string }>(sql`EXPLAIN ANALYZE ${searchTextSql(vis, s.oneStatement ? stages : stages.slice(0, 1), { preferLang: 'ru', limit: 10, candidates: 1000, plan: s.oneStatement ? 'generic' : 'custom' })}`),
      );
      process.stderr.write(`\nEXPLAIN ANALYZE «${q}»:\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n`);
    }
    const result = {
      database: db.kind,
      articles: N,
      variants: N * 3,
      queries: QUERIES.length,
      rounds: ROUNDS,
      avgHitsPerSearch: Math.round((hits / search.length) * 10) / 10,
      searchMs: percentiles(search),
      suggestMs: percentiles(suggest),
      target: 'search p95 <= 20 ms',
    };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } finally {
    await flushSearchLog(db);
    await db.close();
    if (URL && schema) {
      const c = new pg.Client({ connectionString: URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  }
}

// Run when executed, not when imported (experiments reuse the corpus builder).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
