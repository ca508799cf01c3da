import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { DEFAULT_SLA_HOURS } from '@komek/domain/sla';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { bboxOf, isGeometry } from '../../lib/geo.ts';
import type { AgencyBody, CategoryBody } from './routes.ts';

export async function upsertCategory(
  db: Queryable,
  cityId: string,
  code: string,
  b: Static<typeof CategoryBody>,
): Promise<void> {
  if (b.parent === code)
    throw new AppError('validation_failed', 'a category cannot be its own parent', { field: 'parent' });
  await db.query(sql`INSERT INTO categories (city_id, code, parent_code, name, description, icon, default_criticality,
      sla_hours, agency_code, season, keywords, duplicate_radius_m, active, questions)
    VALUES (${cityId}, ${code}, ${b.parent ?? null}, ${JSON.stringify(b.name)}::jsonb, ${JSON.stringify(b.description ?? {})}::jsonb,
      ${b.icon ?? null}, ${b.defaultCriticality ?? 'standard'}, ${JSON.stringify(b.slaHours ?? DEFAULT_SLA_HOURS)}::jsonb,
      ${b.agency ?? null}, ${b.season ? JSON.stringify(b.season) : null}::jsonb, ${JSON.stringify(b.keywords ?? {})}::jsonb,
      ${b.duplicateRadiusM ?? 300}, ${b.active ?? true}, ${JSON.stringify(b.questions ?? [])}::jsonb)
    ON CONFLICT (city_id, code) DO UPDATE SET parent_code = EXCLUDED.parent_code, name = EXCLUDED.name,
      description = EXCLUDED.description, icon = EXCLUDED.icon, default_criticality = EXCLUDED.default_criticality,
      sla_hours = EXCLUDED.sla_hours, agency_code = EXCLUDED.agency_code, season = EXCLUDED.season,
      keywords = EXCLUDED.keywords, duplicate_radius_m = EXCLUDED.duplicate_radius_m, active = EXCLUDED.active,
      questions = EXCLUDED.questions`);
}

export async function upsertAgency(
  db: Queryable,
  cityId: string,
  code: string,
  b: Static<typeof AgencyBody>,
): Promise<void> {
  await db.query(sql`INSERT INTO agencies (city_id, code, kind, name, phone, email, address, working_hours, calendar_code, district_code, active)
    VALUES (${cityId}, ${code}, ${b.kind}, ${JSON.stringify(b.name)}::jsonb, ${b.phone ?? null}, ${b.email ?? null}, ${b.address ?? null},
      ${b.workingHours ?? null}, ${b.calendar ?? null}, ${b.district ?? null}, ${b.active ?? true})
    ON CONFLICT (city_id, code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, phone = EXCLUDED.phone,
      email = EXCLUDED.email, address = EXCLUDED.address, working_hours = EXCLUDED.working_hours,
      calendar_code = EXCLUDED.calendar_code, district_code = EXCLUDED.district_code, active = EXCLUDED.active`);
}

interface FeatureLike {
  type?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: unknown;
}

/** A per-language name: name_kk / name:kk, falling back to name, then the code. */
function nameIn(p: Record<string, unknown> | null | undefined, lang: string, code: string): string {
  const v = p?.[`name_${lang}`] ?? p?.[`name:${lang}`] ?? p?.name;
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : code;
}

/**
 * Loads districts from GeoJSON features (properties.id or code; name as {kk,ru,en}, or as
 * name_kk/name_ru/name_en or OSM's name:kk… with name as the fallback).
 */
export async function importDistricts(db: Queryable, cityId: string, features: unknown[]): Promise<string[]> {
  const rows = features.map((f, i) => {
    if (!f || typeof f !== 'object' || Array.isArray(f))
      throw new AppError('validation_failed', `feature ${i} is not a GeoJSON Feature`, { index: i });
    const feat = f as FeatureLike;
    if (
      feat.properties !== undefined &&
      (typeof feat.properties !== 'object' || Array.isArray(feat.properties))
    ) {
      throw new AppError('validation_failed', `feature ${i} has properties that are not an object`, {
        index: i,
      });
    }
    const code = String(feat.properties?.code ?? feat.properties?.id ?? '').toLowerCase();
    if (!/^[a-z0-9_-]{1,40}$/.test(code))
      throw new AppError('validation_failed', `feature ${i} needs properties.id or code (a slug)`, {
        index: i,
      });
    if (!isGeometry(feat.geometry))
      throw new AppError('validation_failed', `feature ${i} needs a Polygon or MultiPolygon geometry`, {
        index: i,
      });
    const n = feat.properties?.name;
    const name =
      typeof n === 'object' && n !== null && !Array.isArray(n)
        ? (n as Record<string, unknown>)
        : {
            kk: nameIn(feat.properties, 'kk', code),
            ru: nameIn(feat.properties, 'ru', code),
            en: nameIn(feat.properties, 'en', code),
          };
    if (['kk', 'ru', 'en'].some((l) => typeof name[l] !== 'string' || !(name[l] as string).trim()))
      throw new AppError('validation_failed', `feature ${i} needs a name in kk, ru and en`, { index: i });
    return { code, name, geometry: feat.geometry };
  });
  for (const r of rows) {
    await db.query(sql`INSERT INTO districts (city_id, code, name, geometry, bbox)
      VALUES (${cityId}, ${r.code}, ${JSON.stringify(r.name)}::jsonb, ${JSON.stringify(r.geometry)}::jsonb, ${sql.raw(`ARRAY[${bboxOf(r.geometry).join(',')}]::double precision[]`)})
      ON CONFLICT (city_id, code) DO UPDATE SET name = EXCLUDED.name, geometry = EXCLUDED.geometry, bbox = EXCLUDED.bbox`);
  }
  return rows.map((r) => r.code);
}

/**
 * With "replace": removes the city's districts the file leaves out, except those requests,
 * agencies or routing overrides still refer to (returned as kept).
 */
export async function removeDistrictsNotIn(
  db: Queryable,
  cityId: string,
  codes: string[],
): Promise<{ removed: string[]; kept: string[] }> {
  const list = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  const removed = await db.query<{ code: string }>(sql`DELETE FROM districts d
    WHERE d.city_id = ${cityId} AND d.code NOT IN (${list})
      AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.city_id = d.city_id AND r.district_code = d.code)
      AND NOT EXISTS (SELECT 1 FROM agencies a WHERE a.city_id = d.city_id AND a.district_code = d.code)
      AND NOT EXISTS (SELECT 1 FROM category_agency_overrides o WHERE o.city_id = d.city_id AND o.district_code = d.code)
    RETURNING d.code`);
  const kept = await db.query<{ code: string }>(
    sql`SELECT code FROM districts WHERE city_id = ${cityId} AND code NOT IN (${list}) ORDER BY code`,
  );
  return { removed: removed.map((r) => r.code).sort(), kept: kept.map((r) => r.code) };
}
