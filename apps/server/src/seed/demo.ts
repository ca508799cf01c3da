/**
 * Seeds the demo city (Astana) once: the reference data in one transaction, then a synthetic
 * year of requests generated in a worker thread and inserted in batches.
 */
import { localParts } from '@komek/domain/time';
import type { Db, Queryable } from '../db/client.ts';
import { bboxOf } from '../lib/geo.ts';
import { DEMO_PASSWORD, hashPassword } from '../modules/auth/passwords.ts';
import {
  AGENCIES,
  AKIMAT_OF,
  CATEGORIES,
  CITY,
  CRITICALITY_RULES,
  DISTRICTS,
  STAFF,
  officeCalendarFor,
} from './astana-data.ts';
import { insertSynthetic } from './insert-synthetic.ts';

export { insertSynthetic } from './insert-synthetic.ts';

const i18n = ([kk, ru, en]: readonly [string, string, string]) => JSON.stringify({ kk, ru, en });

/**
 * Inserts the city, districts, the office calendar, agencies, the category tree with its
 * per-district agencies, the demo staff (all with `passwordHash`) and the criticality rules. Returns false (and writes
 * nothing) when the city exists already.
 */
export async function seedReferenceData(tx: Queryable, now: Date, passwordHash: string): Promise<boolean> {
  const created = await tx.query(
    `INSERT INTO cities (id, name, time_zone, number_prefix, settings) VALUES ($1, $2::jsonb, $3, $4, $5::jsonb)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [CITY.id, JSON.stringify(CITY.name), CITY.timeZone, CITY.numberPrefix, JSON.stringify(CITY.settings)],
  );
  if (!created.length) return false;
  for (const d of DISTRICTS) {
    const geometry = { type: 'Polygon' as const, coordinates: [d.ring.map(([lon, lat]) => [lon, lat])] };
    await tx.query(
      `INSERT INTO districts (city_id, code, name, geometry, bbox) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::float8[])`,
      [CITY.id, d.code, i18n(d.name), JSON.stringify(geometry), bboxOf(geometry)],
    );
  }
  // The synthetic history reaches into last year, so its holidays are there too.
  const year = localParts(now, CITY.timeZone).year;
  const office = officeCalendarFor(year - 1, year + 1);
  await tx.query(
    `INSERT INTO calendars (city_id, code, hours, holidays) VALUES ($1, 'office', $2::jsonb, $3::text[])`,
    [CITY.id, JSON.stringify(office.hours), [...office.holidays]],
  );
  for (const a of AGENCIES) {
    await tx.query(
      `INSERT INTO agencies (city_id, code, kind, name, phone, email, address, working_hours, calendar_code, district_code)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10)`,
      [
        CITY.id,
        a.code,
        a.kind,
        i18n(a.name),
        a.phone,
        a.email,
        a.address,
        a.workingHours,
        a.calendar,
        a.district,
      ],
    );
  }
  let sort = 0;
  for (const c of CATEGORIES) {
    await tx.query(
      `INSERT INTO categories (city_id, code, parent_code, name, description, icon, default_criticality, sla_hours, agency_code,
         season, questions, keywords, duplicate_radius_m, sort)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14)`,
      [
        CITY.id,
        c.code,
        c.parent,
        i18n(c.name),
        i18n(c.description),
        c.icon,
        c.criticality,
        JSON.stringify(c.slaHours),
        c.agency,
        c.season ? JSON.stringify(c.season) : null,
        JSON.stringify(c.questions),
        JSON.stringify(c.keywords),
        c.duplicateRadiusM,
        (sort += 10),
      ],
    );
    const overrides = c.byDistrict ? AKIMAT_OF : c.overrides;
    for (const [district, agency] of Object.entries(overrides)) {
      await tx.query(
        `INSERT INTO category_agency_overrides (city_id, category_code, district_code, agency_code) VALUES ($1, $2, $3, $4)`,
        [CITY.id, c.code, district, agency],
      );
    }
  }
  for (const s of STAFF) {
    await tx.query(
      `INSERT INTO staff (city_id, login, password_hash, name, role, agency_code, preferred_lang, extension) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [CITY.id, s.login, passwordHash, s.name, s.role, s.agency, s.lang, s.extension ?? null],
    );
  }
  for (const rule of CRITICALITY_RULES) {
    await tx.query(`INSERT INTO criticality_rules (city_id, pattern, lang, level) VALUES ($1, $2, $3, $4)`, [
      CITY.id,
      rule.pattern,
      rule.lang,
      rule.level,
    ]);
  }
  return true;
}

export interface SeedOptions {
  now: Date;
  /** Synthetic requests in the year before `now` (23,000 ≈ 1 % of Astana's volume). */
  requests: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Seeds the demo city unless it exists (then nothing is written and `seeded` is false). */
export async function seedDemoCity(db: Db, opts: SeedOptions): Promise<{ seeded: boolean }> {
  const exists = await db.query(`SELECT 1 FROM cities WHERE id = $1`, [CITY.id]);
  if (exists.length) return { seeded: false };
  // argon2 is slow on purpose: hash once (outside the transaction); the demo accounts share it.
  const hash = await hashPassword(DEMO_PASSWORD);
  const seeded = await db.transaction((tx) => seedReferenceData(tx, opts.now, hash));
  if (!seeded) return { seeded: false };
  if (opts.requests > 0) {
    await insertSynthetic(db, {
      now: opts.now,
      count: opts.requests,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  }
  return { seeded: true };
}
