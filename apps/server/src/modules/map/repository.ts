/** The SQL behind the console map: located requests for the queue's filters, lean. */
import { sql, type SQL } from 'drizzle-orm';
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
  const anyOf = (col: string, vals?: string[]): void => {
    if (vals?.length)
      where.push(
        sql`${sql.identifier(col)} IN (${sql.join(
          vals.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
  };
  anyOf('status', f.status);
  anyOf('category_code', f.category);
  anyOf('agency_code', f.agency);
  anyOf('district_code', f.district);
  anyOf('criticality', f.criticality);
  return db.query<MapPointRow>(sql`SELECT number, lat, lon, status, criticality FROM requests
    WHERE ${sql.join(where, sql` AND `)} ORDER BY created_at DESC LIMIT ${f.limit}`);
}
