/** The partition job: the current month's partitions of requests and events and three months ahead. */
import type { Queryable } from '../db/client.ts';
import { ensurePartitions } from '../modules/requests/ids.ts';

export const MONTHS_AHEAD = 3;

export async function ensureMonthsAhead(db: Queryable, now: Date): Promise<number> {
  const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + MONTHS_AHEAD, 1));
  return ensurePartitions(db, now, ahead);
}
