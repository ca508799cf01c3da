/**
 * A synthetic year of Astana's requests, deterministic for a seed: 2024 topic shares, seasonal
 * waves, weather spikes (a burst of one category in one district, with duplicates), rising
 * topics, repeats at the same place after closure, budget deferrals, texts in ru/kk/en, points
 * inside the districts, and each request's story of events up to `now`. Pure CPU work: run it in
 * a worker thread (synthetic-worker.ts); `synthesize` yields requests in creation order.
 */
import type { Criticality, Lang } from '@komek/domain/lifecycle';
import { detectLanguage } from '@komek/domain/text/normalize';
import { localParts } from '@komek/domain/time';
import { gridCell } from '../lib/geo.ts';
import { AKIMAT_OF, CITY, DISTRICTS, officeCalendarFor, type DistrictSeed } from './astana-data.ts';
import { agencyFor } from './astana-categories.ts';
import { liveRequest, type Life } from './synthetic-lifecycle.ts';
import { CHANNEL_SHARES, SPIKES } from './synthetic-profile.ts';
import {
  CALENDAR_OF,
  DISTRICT_BY_CODE,
  HOUR_INDEX,
  HOUR_W,
  LEAF_BY_CODE,
  LEAF_INDEX,
  LEAVES,
  criticalityOf,
  dayTable,
  newYear,
  pointIn,
  yearOf,
  type Day,
  type Leaf,
} from './synthetic-world.ts';
import { composeText, pickWeighted, residentAt, residentCount, rng, type Pick } from './synthetic-text.ts';
import { workClock } from './work-time.ts';

export { residentAt, residentCount, rng, type SynthResident } from './synthetic-text.ts';
export type { SynthEvent, SynthActor } from './synthetic-lifecycle.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const TZ = CITY.timeZone;

export interface SynthOptions {
  /** The end of the generated period (epoch ms). */
  now: number;
  count: number;
  seed?: number;
  /** Length of the period (default 365 days). */
  days?: number;
}

export interface SynthRequest extends Life {
  /** Position in creation order, from 0; `duplicateOf` refers to it. */
  seq: number;
  createdAt: number;
  /** Local year of creation (the public number carries it). */
  year: number;
  channel: string;
  text: string;
  lang: Lang;
  category: string;
  criticality: Criticality;
  lat: number;
  lon: number;
  geoCell: number;
  address: string;
  district: string;
  agency: string;
  /** Index of the resident (see residentAt), null for partner (Open311) reports. */
  resident: number | null;
  attributes: Record<string, unknown>;
  duplicateOf: number | null;
}

interface ParentRef {
  seq: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

/** A request to make: when and what, and for spikes and repeats also where and what it follows. */
interface Slot {
  at: number;
  leaf: Leaf;
  district?: DistrictSeed;
  near?: readonly [number, number];
  /** The first request of a spike fills this in; the followers may duplicate it. */
  spike?: { ref: ParentRef; first: boolean };
  repeatOf?: SynthRequest;
}

/** Generates `count` requests over the `days` before `now`, in creation order. */
export function* synthesize(opts: SynthOptions): Generator<SynthRequest> {
  const seed = opts.seed ?? 109;
  const r = rng(seed);
  const days = opts.days ?? 365;
  const now = opts.now;
  const table = dayTable(now, days);
  const from = table[0]?.start ?? now;
  const year = localParts(now, TZ).year;
  const office = workClock(officeCalendarFor(year - 2, year + 2), from, now);
  const wall = workClock(null, from, now);
  const residents = residentCount(opts.count);
  const districtW = DISTRICTS.map((d) => d.weight);
  const channelW = CHANNEL_SHARES.map(([, w]) => w);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)] as (typeof xs)[number];

  const spikes = planSpikes(table, opts.count, r, now);
  const spikeTotal = [...spikes.values()].reduce((a, l) => a + l.length, 0);
  const base = Math.max(0, opts.count - spikeTotal);
  const grand = table.reduce((a, d) => a + d.total, 0);
  const pool: SynthRequest[] = [];
  let cumulative = 0;
  let allocated = 0;
  let seq = 0;
  for (let d = 0; d < days; d++) {
    const day = table[d] as Day;
    cumulative += day.total;
    // Cumulative rounding: the days add up to exactly `base`.
    const n = Math.round((cumulative / grand) * base) - allocated;
    allocated += n;
    const slots: Slot[] = [...(spikes.get(d) ?? [])];
    for (let i = 0; i < n; i++) {
      let at = day.start + (pickWeighted(HOUR_INDEX, HOUR_W, r()) + r()) * HOUR;
      if (at >= day.end) at = day.start + r() * (day.end - day.start);
      const found = r() < 0.04 ? findRepeat(pool, at, r) : undefined;
      // A problem comes back only in its season (no snow complaints in June).
      const repeatOf =
        found && (day.weights[LEAF_INDEX.get(found.category) ?? -1] ?? 0) > 0 ? found : undefined;
      const leaf = repeatOf ? LEAF_BY_CODE.get(repeatOf.category) : pickWeighted(LEAVES, day.weights, r());
      slots.push({ at, leaf: leaf as Leaf, ...(repeatOf ? { repeatOf } : {}) });
    }
    slots.sort((a, b) => a.at - b.at);
    for (const slot of slots) {
      const q = build(slot, seq++);
      if (slot.spike?.first)
        Object.assign(slot.spike.ref, { seq: q.seq, resolvedAt: q.resolvedAt, closedAt: q.closedAt });
      if (slot.leaf.profile.repeats && q.closedAt !== null && q.duplicateOf === null) {
        pool.push(q);
        if (pool.length > 4000) pool.splice(0, 1000);
      }
      yield q;
    }
  }

  function build(slot: Slot, n: number): SynthRequest {
    const { cat, profile } = slot.leaf;
    const first = slot.repeatOf;
    const district = first
      ? (DISTRICT_BY_CODE.get(first.district) as DistrictSeed)
      : (slot.district ?? pickWeighted(DISTRICTS, districtW, r()));
    const channel = pickWeighted(CHANNEL_SHARES, channelW, r())[0];
    const resident = first
      ? first.resident
      : channel === 'open311'
        ? null
        : Math.floor(residents * r() ** 1.6);
    const [lat, lon] = first
      ? [first.lat, first.lon]
      : pointIn(district, r, slot.near, slot.near ? 0.0015 : 0.012);
    const composed = composeText({
      r,
      pick,
      code: cat.code,
      district: district.code,
      place: profile.place ?? false,
      residentLang: resident === null ? null : residentAt(resident, seed).lang,
      repeatOf: first,
    });
    const criticality = criticalityOf(composed.text, cat.criticality);
    const agency = agencyFor(cat, district.code, AKIMAT_OF);
    const lang = detectLanguage(composed.text);
    const ref =
      slot.spike && !slot.spike.first && slot.spike.ref.seq !== null && r() < 0.5
        ? slot.spike.ref
        : undefined;
    const duplicateOf = ref
      ? { seq: ref.seq as number, resolvedAt: ref.resolvedAt, closedAt: ref.closedAt }
      : undefined;
    const createdAt = Math.round(slot.at);
    const life = liveRequest({
      r,
      now,
      yearOf,
      newYear,
      clock: CALENDAR_OF.get(agency) === 'office' ? office : wall,
      createdAt,
      slaMs: cat.slaHours[criticality] * HOUR,
      channel,
      lang,
      category: cat.code,
      criticality,
      agency,
      district: district.code,
      deferrable: profile.deferrable ?? false,
      duplicateOf,
    });
    return {
      seq: n,
      createdAt,
      year: yearOf(createdAt),
      channel,
      text: composed.text,
      lang,
      category: cat.code,
      criticality,
      lat,
      lon,
      geoCell: gridCell(lat, lon),
      address: composed.address,
      district: district.code,
      agency,
      resident,
      attributes: composed.attributes,
      duplicateOf: duplicateOf?.seq ?? null,
      ...life,
    };
  }
}

/** Weather and failure days: a burst of one category around one place of one district. */
function planSpikes(table: readonly Day[], count: number, r: () => number, now: number): Map<number, Slot[]> {
  const size = count >= 200 ? Math.max(3, Math.round(count * 0.004)) : 0;
  const out = new Map<number, Slot[]>();
  if (!size) return out;
  const days = table.length;
  const districtW = DISTRICTS.map((d) => d.weight);
  for (const kind of SPIKES) {
    const leaf = LEAF_BY_CODE.get(kind.category) as Leaf;
    const li = LEAF_INDEX.get(kind.category) ?? -1;
    const candidates = table.flatMap((day, i) =>
      i < days - 2 && kind.months.includes(day.month) && (day.weights[li] ?? 0) > 0 ? [i] : [],
    );
    const dayIdx =
      kind.daysAgo !== undefined ? days - 1 - kind.daysAgo : candidates[Math.floor(r() * candidates.length)];
    if (dayIdx === undefined || dayIdx < 0) continue;
    const day = table[dayIdx] as Day;
    const district = pickWeighted(DISTRICTS, districtW, r());
    const near = pointIn(district, r);
    const ref: ParentRef = { seq: null, resolvedAt: null, closedAt: null };
    const list = out.get(dayIdx) ?? [];
    let at = day.start + (7 + r() * 10) * HOUR;
    for (let i = 0; i < size; i++) {
      // Calls come fast at first, then thin out over about half a day; all before `now`.
      if (i > 0) at += -Math.log(1 - r()) * (3 + (i * 600) / (size * size)) * 60_000;
      list.push({
        at: Math.min(at, now - (size - i) * 1000),
        leaf,
        district,
        near,
        spike: { ref, first: i === 0 },
      });
    }
    out.set(dayIdx, list);
  }
  return out;
}

/** A closed request at the same place that the problem comes back to. */
function findRepeat(pool: readonly SynthRequest[], at: number, r: () => number): SynthRequest | undefined {
  for (let i = 0; i < 6 && pool.length; i++) {
    const q = pool[Math.floor(r() * pool.length)] as SynthRequest;
    if (q.closedAt !== null && q.closedAt < at - DAY && q.duplicateOf === null) return q;
  }
  return undefined;
}

/** All requests at once (tests and small runs). */
export function generateRequests(opts: SynthOptions): SynthRequest[] {
  return [...synthesize(opts)];
}
