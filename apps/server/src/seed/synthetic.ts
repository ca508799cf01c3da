/**
 * The synthetic year of a city's requests, shaped like Astana's: 2024 topic shares, seasonal
 * waves, weather spikes (blackouts, downpours, snowstorms), rising topics (e-scooters, open
 * manholes), repeats at the same place, and budget deferrals. Pure and deterministic (seeded);
 * run it in a worker thread (synthetic-worker.ts).
 */
import type { Criticality, Status } from '@komek/domain/lifecycle';
import { DEFAULT_SLA_HOURS } from '@komek/domain/sla';
import { detectLanguage } from '@komek/domain/text/normalize';
import { gridCell, pointInGeometry } from '../lib/geo.ts';
import { CATEGORIES, DISTRICT_AKIMATS, type CategorySeed } from './astana-categories.ts';
import { DISTRICTS, DISTRICT_WEIGHTS, STREETS } from './astana-city.ts';

export interface SynthRequest {
  createdAt: number;
  channel: string;
  text: string;
  lang: string;
  category: string;
  criticality: Criticality;
  status: Status;
  lat: number;
  lon: number;
  geoCell: number;
  address: string;
  district: string;
  agency: string;
  residentIndex: number;
  dueAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  plannedYear: number | null;
  breachedAt: number | null;
  rating: number | null;
  events: SynthEvent[];
}

export interface SynthEvent {
  type: string;
  at: number;
  from: string | null;
  to: string | null;
  visibility: 'public' | 'internal';
  body: string | null;
  data: Record<string, unknown>;
}

/** mulberry32: a small, fast, seeded PRNG. */
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

function pickWeighted<T>(items: readonly T[], weights: readonly number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i] as number;
    if (x <= 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const LEAVES = CATEGORIES.filter((c) => c.yearly);
const CHANNELS = ['phone', 'app', 'web', 'messenger', 'email'];
const CHANNEL_W = [79, 9, 6, 4, 2];
const FIRST = ['Айгуль', 'Нурлан', 'Ержан', 'Алия', 'Данияр', 'Гульнара', 'Сергей', 'Ольга', 'Асхат', 'Жанар', 'Марат', 'Елена', 'Бауыржан', 'Камила'];
const LAST = ['Ахметов', 'Серикова', 'Иванов', 'Жумабаева', 'Ким', 'Оспанов', 'Касымова', 'Петрова', 'Нурланов', 'Абдрахманова'];

export interface SynthOptions {
  now: number;
  count: number;
  seed?: number;
  days?: number;
}

export interface SynthResident {
  phone: string;
  name: string;
  lang: 'kk' | 'ru' | 'en';
}

export function syntheticResidents(count: number, seed = 7): SynthResident[] {
  const r = rng(seed);
  const out: SynthResident[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `+7${['701', '702', '705', '707', '747', '771', '775', '778'][i % 8]}${String(1_000_000 + i).slice(1).padStart(7, '0')}`;
    const lang = r() < 0.35 ? 'kk' : r() < 0.97 ? 'ru' : 'en';
    out.push({ phone, name: `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`, lang });
  }
  return out;
}

function monthIndex(t: number): number {
  return new Date(t + 5 * HOUR).getUTCMonth();
}

function pointIn(code: string, r: () => number): [number, number] {
  const d = DISTRICTS.find((x) => x.code === code) ?? (DISTRICTS[0] as (typeof DISTRICTS)[number]);
  const xs = d.ring.map((p) => p[0]);
  const ys = d.ring.map((p) => p[1]);
  const g = { type: 'Polygon' as const, coordinates: [d.ring] };
  for (let i = 0; i < 50; i++) {
    const lon = Math.min(...xs) + r() * (Math.max(...xs) - Math.min(...xs));
    const lat = Math.min(...ys) + r() * (Math.max(...ys) - Math.min(...ys));
    if (pointInGeometry(g, lat, lon)) return [lat, lon];
  }
  return [ys[0] as number, xs[0] as number];
}

function fill(template: string, r: () => number, street: string, house: number): string {
  return template
    .replaceAll('{n}', String(1 + Math.floor(r() * 60)))
    .replaceAll('{addr}', `${street}, ${house}`)
    .replaceAll('{street}', street);
}

interface Spike {
  day: number;
  category: string;
  district: string;
  extra: number;
  center: [number, number];
}

/** Generates `count` requests over the `days` before `now`, sorted by creation time. */
export function generateRequests(opts: SynthOptions): SynthRequest[] {
  const r = rng(opts.seed ?? 109);
  const days = opts.days ?? 365;
  const start = opts.now - days * DAY;
  const districtCodes = Object.keys(DISTRICT_WEIGHTS);
  const districtW = districtCodes.map((c) => DISTRICT_WEIGHTS[c] as number);
  // Expected volume per day × category, from yearly shares, month profiles and growth.
  const catWeightsByDay: number[][] = [];
  const dayTotals: number[] = [];
  for (let d = 0; d < days; d++) {
    const t = start + d * DAY;
    const m = monthIndex(t);
    const monthsFromStart = d / 30.4;
    const weekday = new Date(t).getUTCDay();
    const weekFactor = weekday === 0 ? 0.6 : weekday === 6 ? 0.75 : 1.05;
    const w = LEAVES.map((c) => ((c.yearly as number) / 365) * (c.months?.[m] ?? 1) * Math.pow(c.growth ?? 1, monthsFromStart) * weekFactor);
    catWeightsByDay.push(w);
    dayTotals.push(w.reduce((a, b) => a + b, 0));
  }
  const spikeShare = 0.03;
  const base = Math.round(opts.count * (1 - spikeShare - 0.02));
  const spikes: Spike[] = [];
  const spikeKinds: [string, number][] = [['utilities.electricity', 0.25], ['roads.flooding', 0.6], ['roads.snow', 0.1], ['utilities.heating', 0.8], ['utilities.water', 0.45], ['utilities.electricity', 0.7]];
  for (const [category, at] of spikeKinds) {
    const day = Math.floor(at * (days - 2));
    const district = pickWeighted(districtCodes, districtW, r());
    spikes.push({ day, category, district, extra: Math.round((opts.count * spikeShare) / spikeKinds.length), center: pointIn(district, r) });
  }
  const residents = Math.max(1, Math.round(opts.count / 3));
  const out: SynthRequest[] = [];
  const make = (dayIdx: number, cat: CategorySeed, district: string, point?: [number, number]): SynthRequest => {
    const hour = pickWeighted([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0], [2, 5, 8, 9, 9, 8, 7, 8, 8, 8, 7, 6, 5, 4, 3, 2, 1, 1], r());
    const createdAt = Math.min(opts.now - 60_000, start + dayIdx * DAY + (hour - 5) * HOUR + Math.floor(r() * HOUR));
    const [lat, lon] = point ?? pointIn(district, r);
    const street = STREETS[Math.floor(r() * STREETS.length)] as string;
    const house = 1 + Math.floor(r() * 80);
    const text = fill((cat.texts as string[])[Math.floor(r() * (cat.texts as string[]).length)] as string, r, street, house);
    return shapeLifecycle({
      r, now: opts.now, cat, createdAt, text, lat, lon, street, house, district,
      channel: pickWeighted(CHANNELS, CHANNEL_W, r()),
      residentIndex: Math.floor(r() * residents),
    });
  };
  for (let i = 0; i < base; i++) {
    const dayIdx = Math.floor(pickWeighted([...dayTotals.keys()], dayTotals, r()));
    const cat = pickWeighted(LEAVES, catWeightsByDay[dayIdx] as number[], r());
    out.push(make(dayIdx, cat, pickWeighted(districtCodes, districtW, r())));
  }
  for (const s of spikes) {
    const cat = LEAVES.find((c) => c.code === s.category) as CategorySeed;
    for (let i = 0; i < s.extra; i++) {
      const jitter = (): number => (r() - 0.5) * 0.008;
      out.push(make(s.day, cat, s.district, [s.center[0] + jitter(), s.center[1] + jitter()]));
    }
  }
  // Repeats: the same problem at the same place after the first was closed or deferred.
  const repeatable = out.filter((q) => (q.status === 'closed' || q.status === 'deferred') && LEAVES.find((c) => c.code === q.category)?.deferrable);
  const repeats = Math.round(opts.count * 0.02);
  for (let i = 0; i < repeats && repeatable.length; i++) {
    const first = repeatable[Math.floor(r() * repeatable.length)] as SynthRequest;
    const after = (first.closedAt ?? first.createdAt) + (3 + r() * 60) * DAY;
    if (after >= opts.now) continue;
    const cat = LEAVES.find((c) => c.code === first.category) as CategorySeed;
    const dayIdx = Math.floor((after - start) / DAY);
    const q = make(dayIdx, cat, first.district, [first.lat + (r() - 0.5) * 0.0003, first.lon + (r() - 0.5) * 0.0003]);
    q.text = `Повторно: ${first.text}`;
    q.lang = 'ru';
    out.push(q);
  }
  out.sort((a, b) => a.createdAt - b.createdAt);
  return out;
}

function shapeLifecycle(o: {
  r: () => number; now: number; cat: CategorySeed; createdAt: number; text: string; lat: number; lon: number;
  street: string; house: number; district: string; channel: string; residentIndex: number;
}): SynthRequest {
  const { r, cat, createdAt, now } = o;
  const criticality: Criticality = /нет света|запах газа|открытый люк|застрял|жарық жоқ|газ иісі/i.test(o.text) ? 'urgent' : (cat.crit ?? 'standard');
  const slaH = DEFAULT_SLA_HOURS[criticality];
  const dueAt = createdAt + slaH * HOUR;
  const agency = cat.byDistrict ? (DISTRICT_AKIMATS[o.district] as string) : (cat.agency as string);
  const events: SynthEvent[] = [
    { type: 'created', at: createdAt, from: null, to: 'new', visibility: 'public', body: null, data: { channel: o.channel, category: cat.code, criticality, agency, district: o.district } },
  ];
  const ev = (type: string, at: number, from: string | null, to: string | null, body: string | null = null, visibility: 'public' | 'internal' = 'public'): void => {
    events.push({ type, at, from, to, visibility, body, data: {} });
  };
  let status: Status = 'new';
  let firstResponseAt: number | null = null;
  let resolvedAt: number | null = null;
  let closedAt: number | null = null;
  let plannedYear: number | null = null;
  let rating: number | null = null;
  // Part of the last days' intake still waits in the queue for an agency to take it.
  const waiting = now - createdAt < 3 * DAY && r() < 0.35;
  const assignedAt = createdAt + (0.2 + r() * 3) * HOUR;
  if (assignedAt < now && !waiting) {
    status = 'assigned';
    ev('assigned', assignedAt, 'new', 'assigned', null, 'internal');
    const workAt = assignedAt + (0.5 + r() * 0.2 * slaH) * HOUR;
    if (workAt < now) {
      ev('status_changed', workAt, status, 'in_progress');
      status = 'in_progress';
      firstResponseAt = workAt;
      if (cat.deferrable && r() < 0.18) {
        const at = workAt + (1 + r() * 48) * HOUR;
        if (at < now) {
          plannedYear = new Date(now).getUTCFullYear() + 1;
          ev('status_changed', at, status, 'deferred', 'Нет финансирования в этом году; включено в план на следующий год');
          status = 'deferred';
        }
      } else {
        // Most are resolved within the SLA; some run late.
        const took = slaH * (r() < 0.86 ? 0.15 + r() * 0.8 : 1 + r() * 0.8) * HOUR;
        const at = createdAt + took;
        if (at < now && at > workAt) {
          ev('comment', at - 60_000, null, null, 'Работы выполнены, проблема устранена.');
          ev('status_changed', at, status, 'resolved');
          status = 'resolved';
          resolvedAt = at;
          const closeAt = at + (1 + r() * 14) * DAY;
          if (closeAt < now) {
            ev('status_changed', closeAt, status, 'closed');
            status = 'closed';
            closedAt = closeAt;
            if (r() < 0.3) rating = r() < 0.7 ? 4 + Math.round(r()) : 1 + Math.floor(r() * 3);
          }
        }
      }
    }
  }
  const breachedAt = (resolvedAt ?? now) > dueAt && status !== 'deferred' ? dueAt : null;
  if (breachedAt && breachedAt < now) ev('sla_breach', breachedAt, null, null, null, 'internal');
  events.sort((a, b) => a.at - b.at);
  return {
    createdAt, channel: o.channel, text: o.text, lang: detectLanguage(o.text), category: cat.code, criticality, status,
    lat: o.lat, lon: o.lon, geoCell: gridCell(o.lat, o.lon), address: `${o.street}, ${o.house}`, district: o.district, agency,
    residentIndex: o.residentIndex, dueAt, firstResponseAt, resolvedAt, closedAt, plannedYear, breachedAt, rating, events,
  };
}
