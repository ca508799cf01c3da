/** Categories, agencies, districts and calendars: the city's reference data. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { Geometry } from '../../lib/geo.ts';
import type { SlaHours, WorkCalendar } from '@komek/domain/sla';
import type { Criticality } from '@komek/domain/lifecycle';

export interface I18n {
  kk: string;
  ru: string;
  en: string;
}

export interface CategoryQuestion {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description: I18n;
  values?: { key: string; name: I18n }[];
}

export interface CategoryRow {
  city_id: string;
  code: string;
  parent_code: string | null;
  name: I18n;
  description: Partial<I18n>;
  icon: string | null;
  default_criticality: Criticality;
  sla_hours: SlaHours;
  agency_code: string | null;
  season: { from: string; to: string } | null;
  questions: CategoryQuestion[];
  keywords: Partial<Record<'kk' | 'ru' | 'en', string[]>>;
  duplicate_radius_m: number;
  active: boolean;
  sort: number;
}

export interface AgencyRow {
  city_id: string;
  code: string;
  kind: string;
  name: I18n;
  phone: string | null;
  email: string | null;
  address: string | null;
  working_hours: string | null;
  calendar_code: string | null;
  district_code: string | null;
  active: boolean;
}

export interface DistrictRow {
  city_id: string;
  code: string;
  name: I18n;
  geometry: Geometry;
  bbox: number[];
}

export async function listCategories(db: Queryable, cityId: string): Promise<CategoryRow[]> {
  return db.query<CategoryRow>(sql`SELECT * FROM categories WHERE city_id = ${cityId} ORDER BY sort, code`);
}

export async function getCategory(
  db: Queryable,
  cityId: string,
  code: string,
): Promise<CategoryRow | undefined> {
  return (
    await db.query<CategoryRow>(sql`SELECT * FROM categories WHERE city_id = ${cityId} AND code = ${code}`)
  )[0];
}

export async function listAgencies(db: Queryable, cityId: string): Promise<AgencyRow[]> {
  return db.query<AgencyRow>(sql`SELECT * FROM agencies WHERE city_id = ${cityId} ORDER BY kind, code`);
}

export async function getAgency(db: Queryable, cityId: string, code: string): Promise<AgencyRow | undefined> {
  return (
    await db.query<AgencyRow>(sql`SELECT * FROM agencies WHERE city_id = ${cityId} AND code = ${code}`)
  )[0];
}

export async function listDistricts(db: Queryable, cityId: string): Promise<DistrictRow[]> {
  return db.query<DistrictRow>(
    sql`SELECT city_id, code, name, geometry, bbox FROM districts WHERE city_id = ${cityId} ORDER BY code`,
  );
}

export async function agencyOverride(
  db: Queryable,
  cityId: string,
  category: string,
  district: string,
): Promise<string | undefined> {
  const r = await db.query<{ agency_code: string }>(sql`SELECT agency_code FROM category_agency_overrides
    WHERE city_id = ${cityId} AND category_code = ${category} AND district_code = ${district}`);
  return r[0]?.agency_code;
}

export async function getCalendar(
  db: Queryable,
  cityId: string,
  code: string,
  timeZone: string,
): Promise<WorkCalendar | undefined> {
  const r = await db.query<{
    hours: Record<string, [number, number][]>;
    holidays: string[];
    workdays: string[];
  }>(sql`SELECT hours, holidays, workdays FROM calendars WHERE city_id = ${cityId} AND code = ${code}`);
  const row = r[0];
  if (!row) return undefined;
  const hours: WorkCalendar['hours'] = {};
  for (const [k, v] of Object.entries(row.hours)) hours[Number(k)] = v;
  return { timeZone, hours, holidays: row.holidays, workdays: row.workdays };
}
