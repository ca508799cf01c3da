import { sql, type SQL } from 'drizzle-orm';

/** `column IN (values…)` for a filter list, or undefined when the list is empty (no condition). */
export function inList(column: SQL, values?: readonly string[]): SQL | undefined {
  if (!values?.length) return undefined;
  return sql`${column} IN (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}
