/**
 * The world the generator draws from: the categories with their yearly profiles, the local days
 * of the period with each category's expected volume, points inside districts, and the
 * criticality a text would be given.
 */
import type { Criticality } from '@komek/domain/lifecycle';
import { normalizeText } from '@komek/domain/text/normalize';
import { addDays, localDate, localParts, localToInstant, weekdayOf } from '@komek/domain/time';
import { kazakhstanHolidays } from '@komek/domain/holidays-kz';
import { pointInGeometry } from '../lib/geo.ts';
import { AGENCIES, CITY, CRITICALITY_RULES, DISTRICTS, type DistrictSeed } from './astana-data.ts';
import { LEAF_CATEGORIES, type CategorySeed } from './astana-categories.ts';
import { PROFILES, type TopicProfile } from './synthetic-profile.ts';

const DAY = 86_400_000;
const TZ = CITY.timeZone;

export interface Leaf {
  cat: CategorySeed;
  profile: TopicProfile;
}

export const LEAVES: readonly Leaf[] = LEAF_CATEGORIES.map((cat) => {
  const profile = PROFILES[cat.code];
  if (!profile) throw new Error(`no synthetic profile for category ${cat.code}`);
  return { cat, profile };
});
export const LEAF_BY_CODE = new Map(LEAVES.map((l) => [l.cat.code, l]));
export const LEAF_INDEX = new Map(LEAVES.map((l, i) => [l.cat.code, i]));
export const DISTRICT_BY_CODE = new Map(DISTRICTS.map((d) => [d.code, d]));
export const CALENDAR_OF = new Map(AGENCIES.map((a) => [a.code, a.calendar]));
export const yearOf = (t: number): number => localParts(t, TZ).year;
export const newYear = (y: number): number => localToInstant(y, 1, 1, 0, 0, TZ);
const SEVERITY: Record<Criticality, number> = { urgent: 3, high: 2, standard: 1, low: 0 };
const RULES = CRITICALITY_RULES.map((x) => ({ pattern: normalizeText(x.pattern), level: x.level }));
// Local hours 0..23: few calls at night, a morning peak, a smaller evening one.
export const HOUR_W = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 2, 4.5, 6.5, 7, 6.8, 6, 6.2, 6.5, 6.2, 5.8, 5.4, 4.8, 4.2, 3.4, 2.4, 1.4,
  0.7,
];

export function inSeason(season: CategorySeed['season'], md: string): boolean {
  if (!season) return true;
  return season.from <= season.to
    ? md >= season.from && md <= season.to
    : md >= season.from || md <= season.to;
}

export interface Day {
  start: number;
  end: number;
  month: number;
  md: string;
  weights: number[];
  total: number;
}

/** The local days of the period with each category's expected volume. */
export function dayTable(now: number, days: number): Day[] {
  const today = localDate(now, TZ);
  const holidays = new Set<string>();
  const y = localParts(now, TZ).year;
  for (const h of [...kazakhstanHolidays(y - 2), ...kazakhstanHolidays(y - 1), ...kazakhstanHolidays(y)])
    holidays.add(h);
  const out: Day[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(today, d - (days - 1));
    const [yy, mm, dd] = date.split('-').map(Number) as [number, number, number];
    const start = localToInstant(yy, mm, dd, 0, 0, TZ);
    const end = Math.min(now, start + DAY);
    const wd = weekdayOf(date);
    const dayFactor = holidays.has(date) ? 0.7 : wd === 7 ? 0.6 : wd === 6 ? 0.75 : 1.05;
    const partial = (end - start) / DAY;
    const monthsFromMiddle = (d - days / 2) / 30.44;
    const md = date.slice(5);
    const weights = LEAVES.map(({ cat, profile }) =>
      inSeason(cat.season, md)
        ? (profile.yearly / 365) *
          (profile.months[mm - 1] ?? 1) *
          (profile.growth ?? 1) ** monthsFromMiddle *
          dayFactor *
          partial
        : 0,
    );
    out.push({ start, end, month: mm - 1, md, weights, total: weights.reduce((a, b) => a + b, 0) });
  }
  return out;
}

/** A random point of a district: mostly around its dense neighbourhoods. */
export function pointIn(
  d: DistrictSeed,
  r: () => number,
  near?: readonly [number, number],
  spread = 0.012,
): [number, number] {
  const geometry = { type: 'Polygon' as const, coordinates: [d.ring] };
  const lons = d.ring.map((p) => p[0]);
  const lats = d.ring.map((p) => p[1]);
  for (let i = 0; i < 40; i++) {
    let lat: number;
    let lon: number;
    if (near || r() < 0.7) {
      const [clat, clon] = near ?? (d.hubs[Math.floor(r() * d.hubs.length)] as readonly [number, number]);
      // Box–Muller: a normal spread around the hub (longitude degrees are shorter here).
      const radius = spread * Math.sqrt(-2 * Math.log(1 - r()));
      const angle = 2 * Math.PI * r();
      lat = clat + radius * Math.sin(angle);
      lon = clon + 1.6 * radius * Math.cos(angle);
    } else {
      lat = Math.min(...lats) + r() * (Math.max(...lats) - Math.min(...lats));
      lon = Math.min(...lons) + r() * (Math.max(...lons) - Math.min(...lons));
    }
    if (pointInGeometry(geometry, lat, lon))
      return [Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6];
  }
  return [d.label[0], d.label[1]];
}

export function criticalityOf(text: string, byDefault: Criticality): Criticality {
  const t = normalizeText(text);
  let level = byDefault;
  for (const rule of RULES)
    if (t.includes(rule.pattern) && SEVERITY[rule.level] > SEVERITY[level]) level = rule.level;
  return level;
}

export const HOUR_INDEX = HOUR_W.map((_, i) => i);
