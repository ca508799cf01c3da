/**
 * A synthetic storm for demos and drills: a burst of requests of one category in one district
 * over the last minutes, written like intake writes them (created_at/updated_at around `now`),
 * so the ordinary rollup job (every 10 s) and alert job (every 30 s) pick it up within a minute.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface StormOptions {
  cityId: string;
  now: Date;
  category?: string;
  district?: string;
  count?: number;
  /** The burst is spread over this many minutes before `now`. */
  minutes?: number;
}

export async function injectStorm(db: Db, o: StormOptions): Promise<{ inserted: number; numbers: string[] }> {
  const category = o.category ?? 'electricity.outage';
  const district = o.district ?? 'esil';
  const count = o.count ?? 40;
  const minutes = o.minutes ?? 30;
  const tag = `STORM-${o.now.getTime().toString(36)}`;
  const rows = Array.from({ length: count }, (_, i) => {
    const at = new Date(o.now.getTime() - Math.round(((i + 1) * minutes * 60_000) / (count + 1)));
    return sql`(${o.cityId}, request_id_at(${at}::timestamptz), ${`${tag}-${i + 1}`}, 'phone', ${'Нет света во всём доме (учебная авария)'}, 'ru', ${category},
      'urgent', 'new', ${new Date(at.getTime() + 4 * 3_600_000)}, ${at}, ${at}, ${district})`;
  });
  const r = await db.query<{ number: string }>(
    sql`INSERT INTO requests (city_id, id, number, channel, text, lang, category_code, criticality, status, due_at, created_at, updated_at, district_code)
      VALUES ${sql.join(rows, sql`, `)} RETURNING number`,
  );
  return { inserted: r.length, numbers: r.map((x) => x.number) };
}
