/**
 * Seeds the demo city (Astana) once: reference data in one transaction, then a synthetic year
 * of requests generated in a worker thread and inserted in batches.
 */
import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_SLA_HOURS, officeCalendar } from '@komek/domain/sla';
import { kazakhstanHolidays } from '@komek/domain/holidays-kz';
import type { Db, Queryable } from '../db/client.ts';
import { bboxOf } from '../lib/geo.ts';
import { rebuildAll } from '../modules/analytics/rollups.ts';
import { startTsWorker } from '../lib/worker.ts';
import { DEMO_PASSWORD, hashPassword } from '../modules/auth/passwords.ts';
import { AGENCIES } from './astana-agencies.ts';
import { CATEGORIES, DISTRICT_AKIMATS } from './astana-categories.ts';
import { CITY, CRITICALITY_RULES, DISTRICTS, STAFF } from './astana-city.ts';
import { syntheticResidents, type SynthRequest } from './synthetic.ts';

const j = (v: unknown): SQL => sql`${JSON.stringify(v)}::jsonb`;
const i18n = ([kk, ru, en]: readonly [string, string, string]) => ({ kk, ru, en });

const QUESTIONS: Record<string, unknown[]> = {
  'roads.pothole': [
    { code: 'size', datatype: 'singlevaluelist', required: false, description: { kk: 'Шұңқыр өлшемі', ru: 'Размер ямы', en: 'Pothole size' }, values: [
      { key: 'small', name: { kk: 'Кішкентай', ru: 'Небольшая', en: 'Small' } },
      { key: 'large', name: { kk: 'Үлкен', ru: 'Большая', en: 'Large' } },
    ] },
  ],
  'utilities.lift': [{ code: 'entrance', datatype: 'number', required: true, description: { kk: 'Подъезд нөмірі', ru: 'Номер подъезда', en: 'Entrance number' } }],
};

/** Inserts the city, districts, calendar, agencies, categories, staff and rules. */
export async function seedReferenceData(tx: Queryable, now: Date): Promise<void> {
  await tx.query(sql`INSERT INTO cities (id, name, time_zone, number_prefix, settings)
    VALUES (${CITY.id}, ${j(CITY.name)}, ${CITY.timeZone}, ${CITY.numberPrefix}, ${j(CITY.settings)})`);
  for (const d of DISTRICTS) {
    const g = { type: 'Polygon' as const, coordinates: [d.ring] };
    await tx.query(sql`INSERT INTO districts (city_id, code, name, geometry, bbox)
      VALUES (${CITY.id}, ${d.code}, ${j(i18n(d.name))}, ${j(g)}, ${sql.raw(`ARRAY[${bboxOf(g).join(',')}]::double precision[]`)})`);
  }
  const year = now.getUTCFullYear();
  const office = officeCalendar(CITY.timeZone, [...kazakhstanHolidays(year - 1), ...kazakhstanHolidays(year), ...kazakhstanHolidays(year + 1)]);
  await tx.query(sql`INSERT INTO calendars (city_id, code, hours, holidays) VALUES (${CITY.id}, 'office', ${j(office.hours)},
    ${sql.raw(`ARRAY[${office.holidays.map((h) => `'${h}'`).join(',')}]::text[]`)})`);
  for (const a of AGENCIES) {
    await tx.query(sql`INSERT INTO agencies (city_id, code, kind, name, phone, email, working_hours, calendar_code, district_code)
      VALUES (${CITY.id}, ${a.code}, ${a.kind}, ${j(i18n(a.name))}, ${a.phone}, ${`info@${a.code}.example.kz`},
        ${a.calendar ? 'Пн–Пт 09:00–18:00' : 'круглосуточно'}, ${a.calendar ?? null}, ${a.district ?? null})`);
  }
  let sort = 0;
  for (const c of CATEGORIES) {
    await tx.query(sql`INSERT INTO categories (city_id, code, parent_code, name, description, icon, default_criticality, sla_hours,
        agency_code, season, questions, keywords, duplicate_radius_m, sort)
      VALUES (${CITY.id}, ${c.code}, ${c.parent}, ${j(i18n(c.name))}, ${j({})}, ${c.icon}, ${c.crit ?? 'standard'}, ${j(DEFAULT_SLA_HOURS)},
        ${c.agency ?? null}, ${c.season ? j(c.season) : null}, ${j(QUESTIONS[c.code] ?? [])}, ${j(c.keywords ?? {})},
        ${c.code.startsWith('utilities.electricity') ? 1000 : 300}, ${sort++})`);
    if (c.byDistrict) {
      for (const [district, agency] of Object.entries(DISTRICT_AKIMATS)) {
        await tx.query(sql`INSERT INTO category_agency_overrides (city_id, category_code, district_code, agency_code)
          VALUES (${CITY.id}, ${c.code}, ${district}, ${agency})`);
      }
    }
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const s of STAFF) {
    await tx.query(sql`INSERT INTO staff (city_id, login, password_hash, name, role, agency_code)
      VALUES (${CITY.id}, ${s.login}, ${hash}, ${s.name}, ${s.role}, ${s.agency})`);
  }
  for (const rule of CRITICALITY_RULES) {
    await tx.query(sql`INSERT INTO criticality_rules (city_id, pattern, lang, level) VALUES (${CITY.id}, ${rule.pattern}, ${rule.lang}, ${rule.level})`);
  }
}

/** Seeds the demo city unless it exists. */
export async function seedDemoCity(db: Db, opts: { now: Date; requests: number; onProgress?: (done: number, total: number) => void }): Promise<{ seeded: boolean }> {
  const exists = await db.query(sql`SELECT 1 FROM cities WHERE id = ${CITY.id}`);
  if (exists.length) return { seeded: false };
  await db.transaction((tx) => seedReferenceData(tx, opts.now));
  if (opts.requests > 0) {
    await insertSynthetic(db, { now: opts.now, count: opts.requests, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    await rebuildAll(db, CITY.id, CITY.timeZone);
  }
  return { seeded: true };
}

/** Generates requests in a worker thread and inserts them (with residents and events) in batches. */
export async function insertSynthetic(db: Db, opts: { now: Date; count: number; seed?: number; onProgress?: (done: number, total: number) => void }): Promise<number> {
  const residentCount = Math.max(1, Math.round(opts.count / 3));
  const residentIds = await insertResidents(db, syntheticResidents(residentCount, opts.seed ?? 7));
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const worker = startTsWorker(new URL('./synthetic-worker.ts', import.meta.url), { now: opts.now.getTime(), count: opts.count, seed: opts.seed ?? 109, batch: 1000 });
    let chain = Promise.resolve();
    worker.on('message', (m: { type: 'batch'; rows: SynthRequest[] } | { type: 'done'; total: number }) => {
      chain = chain.then(async () => {
        if (m.type === 'batch') {
          await insertBatch(db, m.rows, residentIds);
          done += m.rows.length;
          opts.onProgress?.(done, opts.count);
        } else resolve();
      });
      chain.catch(reject);
    });
    worker.on('error', reject);
  });
  return done;
}

async function insertResidents(db: Db, residents: ReturnType<typeof syntheticResidents>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < residents.length; i += 2000) {
    const chunk = residents.slice(i, i + 2000);
    const rows = await db.query<{ id: number }>(sql`INSERT INTO residents (city_id, phone, name, preferred_lang)
      VALUES ${sql.join(chunk.map((r) => sql`(${CITY.id}, ${r.phone}, ${r.name}, ${r.lang})`), sql`, `)}
      ON CONFLICT (city_id, phone) DO UPDATE SET name = EXCLUDED.name RETURNING id`);
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const d = (t: number | null): Date | null => (t === null ? null : new Date(t));

async function insertBatch(db: Db, rows: SynthRequest[], residentIds: number[]): Promise<void> {
  if (!rows.length) return;
  await db.transaction(async (tx) => {
    const ids = await tx.query<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('requests', 'id')) AS id FROM generate_series(1, ${rows.length})`);
    const values = rows.map((q, i) => {
      const id = (ids[i] as { id: number }).id;
      const year = new Date(q.createdAt + 5 * 3_600_000).getUTCFullYear();
      return sql`(${CITY.id}, ${id}, ${`${CITY.numberPrefix}-${year}-${String(id).padStart(7, '0')}`}, ${q.channel}, ${q.text}, ${q.lang},
        ${q.category}, ${q.criticality}, ${q.status}, ${q.lat}, ${q.lon}, ${q.geoCell}, ${q.address}, ${q.district},
        ${residentIds[q.residentIndex % residentIds.length] ?? null}, ${q.agency}, ${d(q.dueAt)}, ${d(q.firstResponseAt)},
        ${d(q.resolvedAt)}, ${d(q.closedAt)}, ${q.plannedYear}, ${d(q.breachedAt)}, ${q.rating}, ${d(q.createdAt)}, ${d(q.closedAt ?? q.resolvedAt ?? q.createdAt)})`;
    });
    await tx.query(sql`INSERT INTO requests (city_id, id, number, channel, text, lang, category_code, criticality, status, lat, lon,
        geo_cell, address, district_code, resident_id, agency_code, due_at, first_response_at, resolved_at, closed_at, planned_year,
        sla_breached_at, rating, created_at, updated_at)
      VALUES ${sql.join(values, sql`, `)}`);
    const events: SQL[] = [];
    rows.forEach((q, i) => {
      const id = (ids[i] as { id: number }).id;
      for (const e of q.events) {
        events.push(sql`(${CITY.id}, ${id}, ${e.type}, ${e.type === 'created' ? 'staff' : 'system'}, ${e.from}, ${e.to}, ${e.visibility}, ${e.body}, ${j(e.data)}, ${new Date(e.at)})`);
      }
    });
    for (let k = 0; k < events.length; k += 3000) {
      await tx.query(sql`INSERT INTO request_events (city_id, request_id, type, actor_kind, from_status, to_status, visibility, body, data, created_at)
        VALUES ${sql.join(events.slice(k, k + 3000), sql`, `)}`);
    }
  });
}
