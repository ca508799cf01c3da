/**
 * The city's reference data held in memory for intake (categories, agencies, districts,
 * calendars), reloaded after 30 s or at once when an admin changes it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '@komek/domain/sla';
import { pointInGeometry } from '../../lib/geo.ts';
import {
  getCalendar,
  listAgencies,
  listCategories,
  listDistricts,
  type AgencyRow,
  type CategoryRow,
  type DistrictRow,
  type I18n,
} from './repository.ts';

export interface CityRow {
  id: string;
  name: I18n;
  time_zone: string;
  number_prefix: string;
  settings: CitySettings;
}

export interface CitySettings {
  /** Days after resolution in which the resident may reopen (default 15). */
  reopenWindowDays?: number;
  /** Whether residents may report without an account (default true). */
  anonymousReports?: boolean;
}

export interface CityCatalog {
  city: CityRow;
  categories: Map<string, CategoryRow>;
  agencies: Map<string, AgencyRow>;
  districts: DistrictRow[];
  calendars: Map<string, WorkCalendar>;
  overrides: Map<string, string>;
  /** The city's active criticality rules (editable by admins). */
  criticalityRules: { pattern: string; level: 'urgent' | 'high' | 'standard' | 'low' }[];
  loadedAt: number;
}

const TTL_MS = 30_000;
const cache = new WeakMap<Db, Map<string, CityCatalog>>();

export async function getCatalog(db: Db, cityId: string): Promise<CityCatalog | undefined> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(cityId);
  if (hit && Date.now() - hit.loadedAt < TTL_MS) return hit;
  const cities = await db.query<CityRow>(
    sql`SELECT id, name, time_zone, number_prefix, settings FROM cities WHERE id = ${cityId}`,
  );
  const city = cities[0];
  if (!city) return undefined;
  const [categories, agencies, districts, overrides, calendarCodes, rules] = await Promise.all([
    listCategories(db, cityId),
    listAgencies(db, cityId),
    listDistricts(db, cityId),
    db.query<{ category_code: string; district_code: string; agency_code: string }>(
      sql`SELECT category_code, district_code, agency_code FROM category_agency_overrides WHERE city_id = ${cityId}`,
    ),
    db.query<{ code: string }>(sql`SELECT code FROM calendars WHERE city_id = ${cityId}`),
    db.query<CityCatalog['criticalityRules'][number]>(
      sql`SELECT pattern, level FROM criticality_rules WHERE city_id = ${cityId} AND active ORDER BY id`,
    ),
  ]);
  const calendars = new Map<string, WorkCalendar>();
  for (const { code } of calendarCodes) {
    const cal = await getCalendar(db, cityId, code, city.time_zone);
    if (cal) calendars.set(code, cal);
  }
  const catalog: CityCatalog = {
    city,
    categories: new Map(categories.map((c) => [c.code, c])),
    agencies: new Map(agencies.map((a) => [a.code, a])),
    districts,
    calendars,
    overrides: new Map(overrides.map((o) => [`${o.category_code}|${o.district_code}`, o.agency_code])),
    criticalityRules: rules,
    loadedAt: Date.now(),
  };
  perDb.set(cityId, catalog);
  return catalog;
}

/** Forgets the cached catalog so the next intake reads the change. */
export function invalidateCatalog(db: Db, cityId: string): void {
  cache.get(db)?.delete(cityId);
}

/** The district a point lies in (bounding box first, then the polygon). */
export function districtAt(catalog: CityCatalog, lat: number, lon: number): DistrictRow | undefined {
  return catalog.districts.find((d) => {
    const [minX, minY, maxX, maxY] = d.bbox as [number, number, number, number];
    return lon >= minX && lon <= maxX && lat >= minY && lat <= maxY && pointInGeometry(d.geometry, lat, lon);
  });
}

/** The agency responsible for a category in a district (override first). */
export function responsibleAgency(
  catalog: CityCatalog,
  categoryCode: string | null,
  districtCode: string | null,
): string | null {
  if (!categoryCode) return null;
  if (districtCode) {
    const o = catalog.overrides.get(`${categoryCode}|${districtCode}`);
    if (o) return o;
  }
  return catalog.categories.get(categoryCode)?.agency_code ?? null;
}

/** Whether a category is in season on a local date 'MM-DD' (seasons may wrap the new year). */
export function inSeason(season: { from: string; to: string } | null, monthDay: string): boolean {
  if (!season) return true;
  return season.from <= season.to
    ? monthDay >= season.from && monthDay <= season.to
    : monthDay >= season.from || monthDay <= season.to;
}
