/** The SQL behind the console map: located requests for the queue's filters, lean. */
import { sql, type SQL } from 'drizzle-orm';
import { inList } from '../../lib/sql.ts';
import type { Queryable } from '../../db/client.ts';

export interface MapFilters {
  cityId: string;
  status?: string[] | undefined;
  category?: string[] | undefined;
  agency?: string[] | undefined;
  district?: string[] | undefined;
  criticality?: string[] | undefined;
  limit: number;
}

export interface MapPointRow {
  number: string;
  lat: number;
  lon: number;
  status: string;
  criticality: string;
}

/** The newest located requests matching the filters, at most `limit`. */
export async function listMapPoints(db: Queryable, f: MapFilters): Promise<MapPointRow[]> {
  const where: SQL[] = [sql`city_id = ${f.cityId}`, sql`lat IS NOT NULL`];
  for (const [col, vals] of [
    ['status', f.status],
    ['category_code', f.category],
    ['agency_code', f.agency],
    ['district_code', f.district],
    ['criticality', f.criticality],
  ] as const) {
    const c = inList(sql`${sql.identifier(col)}`, vals);
    if (c) where.push(c);
  }
  return db.query<MapPointRow>(sql`SELECT number, lat, lon, status, criticality FROM requests
    WHERE ${sql.join(where, sql` AND `)} ORDER BY created_at DESC LIMIT ${f.limit}`);
}
