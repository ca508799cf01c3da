/** The rollup job: refreshes the analytics rollups of every city for the days touched since its last run. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { refreshRollups } from '../modules/analytics/rollups.ts';

export async function refreshAllRollups(db: Db, now: Date): Promise<number> {
  const cities = await db.query<{ id: string; time_zone: string }>(sql`SELECT id, time_zone FROM cities`);
  let days = 0;
  for (const c of cities) days += (await refreshRollups(db, c.id, c.time_zone, now)).length;
  return days;
}
