/** SQL for answer templates (macros). */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export interface TemplateRow {
  id: number;
  name: string;
  bodies: Partial<Record<'kk' | 'ru' | 'en', string>>;
  categories: string[];
  active: boolean;
  updated_at: Date;
}

export interface TemplateFields {
  name: string;
  bodies: TemplateRow['bodies'];
  categories: string[];
  active: boolean;
}

const COLUMNS = sql`id, name, bodies, categories, active, updated_at`;

export async function listTemplates(
  db: Queryable,
  cityId: string,
  activeOnly: boolean,
): Promise<TemplateRow[]> {
  return db.query<TemplateRow>(
    sql`SELECT ${COLUMNS} FROM kb_templates WHERE city_id = ${cityId} ${activeOnly ? sql`AND active` : sql``} ORDER BY name, id`,
  );
}

export async function findTemplate(
  db: Queryable,
  cityId: string,
  id: number,
): Promise<TemplateRow | undefined> {
  const rows = await db.query<TemplateRow>(
    sql`SELECT ${COLUMNS} FROM kb_templates WHERE city_id = ${cityId} AND id = ${id}`,
  );
  return rows[0];
}

export async function insertTemplate(
  db: Queryable,
  cityId: string,
  t: TemplateFields,
  staffId: number | null,
  now: Date,
): Promise<TemplateRow> {
  const rows =
    await db.query<TemplateRow>(sql`INSERT INTO kb_templates (city_id, name, bodies, categories, active, created_by, created_at, updated_at)
    VALUES (${cityId}, ${t.name}, ${JSON.stringify(t.bodies)}::jsonb, ${sql.param(t.categories)}::text[], ${t.active}, ${staffId}, ${now}, ${now})
    RETURNING ${COLUMNS}`);
  return rows[0] as TemplateRow;
}

export async function updateTemplate(
  db: Queryable,
  cityId: string,
  id: number,
  t: TemplateFields,
  now: Date,
): Promise<TemplateRow | undefined> {
  const rows =
    await db.query<TemplateRow>(sql`UPDATE kb_templates SET name = ${t.name}, bodies = ${JSON.stringify(t.bodies)}::jsonb,
      categories = ${sql.param(t.categories)}::text[], active = ${t.active}, updated_at = ${now}
    WHERE city_id = ${cityId} AND id = ${id} RETURNING ${COLUMNS}`);
  return rows[0];
}
