/**
 * Seasonal and emergency modes. The season follows the calendar (the city's local date); an
 * emergency is declared by a supervisor (or accepted from a spike alert) and ends by hand or by
 * itself at its end time. Every change is a mode event. While one is active its categories, and
 * the articles and templates of those categories, come first (catalog, KB suggestions).
 */
import { sql } from 'drizzle-orm';
import { localDate } from '@komek/domain/time';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';

export const KINDS = ['storm', 'blackout', 'flood', 'heat', 'frost', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export type Season = 'winter' | 'spring' | 'summer' | 'autumn';
type Texts = Partial<Record<'kk' | 'ru' | 'en', string>>;

/** The meteorological season of a local date (MM-DD or YYYY-MM-DD). */
export function seasonOf(date: string): Season {
  const m = Number(date.length > 5 ? date.slice(5, 7) : date.slice(0, 2));
  return m === 12 || m <= 2 ? 'winter' : m <= 5 ? 'spring' : m <= 8 ? 'summer' : 'autumn';
}

interface Row {
  id: number;
  kind: Kind;
  title: Texts;
  message: Texts;
  category_codes: string[];
  district_codes: string[];
  alert_id: number | null;
  starts_at: Date;
  ends_at: Date | null;
  ended_at: Date | null;
}

const present = (r: Row) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  message: r.message,
  categories: r.category_codes,
  districts: r.district_codes,
  alertId: r.alert_id,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at?.toISOString() ?? null,
  endedAt: r.ended_at?.toISOString() ?? null,
});
export type Emergency = ReturnType<typeof present>;

const textArray = (xs: string[]) =>
  xs.length
    ? sql`ARRAY[${sql.join(
        xs.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

const COLUMNS = sql`id, kind, title, message, category_codes, district_codes, alert_id, starts_at, ends_at, ended_at`;

async function event(
  db: Queryable,
  cityId: string,
  type: string,
  now: Date,
  o: { emergencyId?: number; actorId?: number | null; data?: Record<string, unknown> } = {},
): Promise<void> {
  await db.query(sql`INSERT INTO mode_events (city_id, type, emergency_id, actor_id, data, created_at)
    VALUES (${cityId}, ${type}, ${o.emergencyId ?? null}, ${o.actorId ?? null}, ${JSON.stringify(o.data ?? {})}::jsonb, ${now})`);
}

/**
 * Ends the emergencies whose time is up and records a season change: runs as a job every
 * minute and before every read of the current mode, so it holds even when jobs are off.
 */
export async function tickModes(db: Db, cityId: string, timeZone: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const got = await tx.query<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(hashtext(${'modes:' + cityId})) AS ok`,
    );
    if (!got[0]?.ok) return;
    const expired = await tx.query<{ id: number }>(
      sql`UPDATE emergencies SET ended_at = ends_at
          WHERE city_id = ${cityId} AND ended_at IS NULL AND ends_at <= ${now} RETURNING id`,
    );
    for (const e of expired) await event(tx, cityId, 'emergency_expired', now, { emergencyId: e.id });
    const season = seasonOf(localDate(now, timeZone));
    const [last] = await tx.query<{ season: string }>(
      sql`SELECT data->>'season' AS season FROM mode_events WHERE city_id = ${cityId} AND type = 'season_changed'
          ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    if (last?.season !== season)
      await event(tx, cityId, 'season_changed', now, { data: { season, from: last?.season ?? null } });
  });
}

export async function activeEmergencies(db: Queryable, cityId: string, now: Date): Promise<Emergency[]> {
  const rows = await db.query<Row>(sql`SELECT ${COLUMNS} FROM emergencies
    WHERE city_id = ${cityId} AND ended_at IS NULL AND starts_at <= ${now} AND (ends_at IS NULL OR ends_at > ${now})
    ORDER BY starts_at DESC, id DESC`);
  return rows.map(present);
}

/** The categories of the active emergencies (and so their sub-categories' parents' order). */
export async function emergencyCategories(db: Queryable, cityId: string, now: Date): Promise<Set<string>> {
  const rows = await db.query<{
    code: string;
  }>(sql`SELECT DISTINCT unnest(category_codes) AS code FROM emergencies
    WHERE city_id = ${cityId} AND ended_at IS NULL AND starts_at <= ${now} AND (ends_at IS NULL OR ends_at > ${now})`);
  return new Set(rows.map((r) => r.code));
}

export async function listEmergencies(db: Queryable, cityId: string): Promise<Emergency[]> {
  const rows = await db.query<Row>(
    sql`SELECT ${COLUMNS} FROM emergencies WHERE city_id = ${cityId} ORDER BY starts_at DESC, id DESC LIMIT 100`,
  );
  return rows.map(present);
}

export async function listModeEvents(db: Queryable, cityId: string) {
  const rows = await db.query<{
    id: number;
    type: string;
    emergency_id: number | null;
    actor: string | null;
    data: Record<string, unknown>;
    created_at: Date;
  }>(sql`SELECT m.id, m.type, m.emergency_id, s.login AS actor, m.data, m.created_at FROM mode_events m
    LEFT JOIN staff s ON s.city_id = m.city_id AND s.id = m.actor_id
    WHERE m.city_id = ${cityId} ORDER BY m.created_at DESC, m.id DESC LIMIT 200`);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    emergencyId: r.emergency_id,
    actor: r.actor,
    data: r.data,
    at: r.created_at.toISOString(),
  }));
}

export interface DeclareInput {
  kind: Kind;
  title: Texts;
  message?: Texts | undefined;
  categories?: string[] | undefined;
  districts?: string[] | undefined;
  hours?: number | undefined;
  alertId?: number | undefined;
}

export async function declareEmergency(
  db: Db,
  o: {
    cityId: string;
    staffId: number;
    now: Date;
    knownCategories: Set<string>;
    knownDistricts: Set<string>;
  },
  input: DeclareInput,
): Promise<Emergency> {
  if (!Object.values(input.title).some((t) => t?.trim()))
    throw new AppError('validation_failed', 'the emergency needs a title in at least one language', {
      field: 'title',
    });
  const unknownCat = (input.categories ?? []).filter((c) => !o.knownCategories.has(c));
  if (unknownCat.length)
    throw new AppError('validation_failed', `unknown categories: ${unknownCat.join(', ')}`, {
      field: 'categories',
    });
  const unknownDistrict = (input.districts ?? []).filter((d) => !o.knownDistricts.has(d));
  if (unknownDistrict.length)
    throw new AppError('validation_failed', `unknown districts: ${unknownDistrict.join(', ')}`, {
      field: 'districts',
    });
  const endsAt = input.hours ? new Date(o.now.getTime() + input.hours * 3_600_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Row>(sql`INSERT INTO emergencies
      (city_id, kind, title, message, category_codes, district_codes, alert_id, declared_by, starts_at, ends_at)
      VALUES (${o.cityId}, ${input.kind}, ${JSON.stringify(input.title)}::jsonb, ${JSON.stringify(input.message ?? {})}::jsonb,
        ${textArray(input.categories ?? [])}, ${textArray(input.districts ?? [])},
        ${input.alertId ?? null}, ${o.staffId}, ${o.now}, ${endsAt})
      RETURNING ${COLUMNS}`);
    const e = row as Row;
    await event(tx, o.cityId, 'emergency_declared', o.now, {
      emergencyId: e.id,
      actorId: o.staffId,
      data: { kind: e.kind, categories: e.category_codes, districts: e.district_codes, alertId: e.alert_id },
    });
    return present(e);
  });
}

export async function endEmergency(
  db: Db,
  cityId: string,
  id: number,
  staffId: number,
  now: Date,
): Promise<Emergency> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Row>(sql`UPDATE emergencies SET ended_at = ${now}, ended_by = ${staffId}
      WHERE city_id = ${cityId} AND id = ${id} AND ended_at IS NULL RETURNING ${COLUMNS}`);
    if (!row) {
      const [exists] = await tx.query(
        sql`SELECT 1 FROM emergencies WHERE city_id = ${cityId} AND id = ${id}`,
      );
      if (!exists) throw notFound('emergency');
      throw new AppError('conflict', 'this emergency has already ended');
    }
    await event(tx, cityId, 'emergency_ended', now, { emergencyId: id, actorId: staffId });
    return present(row);
  });
}
