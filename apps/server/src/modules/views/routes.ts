/**
 * Saved queue views (`/api/v1/views`): a staff member names the queue's current filters (the query
 * string of its URL) and finds them again in one click; a supervisor or admin may share a view with
 * everyone. Bulk actions on the queue's selection live next door (`/api/v1/requests/bulk`).
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';

const FILTERS = ['status', 'q', 'category', 'district', 'criticality', 'agency', 'overdue', 'sort'];

const View = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  query: Type.String({
    description: 'the queue filters as a URL query string, e.g. status=new&district=esil',
  }),
  shared: Type.Boolean(),
  mine: Type.Boolean(),
});
const ViewInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    query: Type.String({ maxLength: 2000 }),
    shared: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });

/** Keeps only the queue's own filters, so a view cannot carry anything else. */
export function cleanQuery(query: string): string {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const out = new URLSearchParams();
  for (const [k, v] of p) if (FILTERS.includes(k) && v && v.length <= 500) out.set(k, v);
  return out.toString();
}

interface ViewRow {
  id: number;
  name: string;
  query: string;
  shared: boolean;
  staff_id: number;
}

export function viewRoutes(app: App, deps: AppDeps): void {
  const tags = ['queues'];
  app.get(
    '/api/v1/views',
    {
      schema: {
        tags,
        summary: 'The saved queue views I may use (mine and shared ones)',
        response: { 200: Type.Object({ items: Type.Array(View) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const me = requireStaff(req.actor);
      const rows = await deps.db.query<ViewRow>(
        sql`SELECT id, name, query, shared, staff_id FROM saved_views
            WHERE city_id = ${me.cityId} AND (staff_id = ${me.id} OR shared)
            ORDER BY (staff_id = ${me.id}) DESC, lower(name)`,
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          query: r.query,
          shared: r.shared,
          mine: r.staff_id === me.id,
        })),
      };
    },
  );

  app.post(
    '/api/v1/views',
    {
      schema: {
        tags,
        summary: 'Saves the queue filters under a name (supervisors and admins may share it)',
        body: ViewInput,
        response: { 201: View, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const me = requireStaff(req.actor);
      const shared = req.body.shared ?? false;
      if (shared && !['supervisor', 'admin'].includes(me.role))
        throw forbidden('only supervisors and admins share views');
      const name = req.body.name.trim();
      const query = cleanQuery(req.body.query);
      const [row] = await deps.db.query<ViewRow>(
        sql`INSERT INTO saved_views (city_id, staff_id, name, query, shared)
            VALUES (${me.cityId}, ${me.id}, ${name}, ${query}, ${shared})
            ON CONFLICT (city_id, staff_id, lower(name)) DO NOTHING
            RETURNING id, name, query, shared, staff_id`,
      );
      if (!row) throw new AppError('conflict', 'you already have a view with this name', { field: 'name' });
      return reply.status(201).send({ ...row, mine: true });
    },
  );

  app.delete(
    '/api/v1/views/:id',
    {
      schema: {
        tags,
        summary: 'Deletes one of my views (admins: any shared view)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const me = requireStaff(req.actor);
      const [row] = await deps.db.query<ViewRow>(
        sql`SELECT id, staff_id, shared FROM saved_views WHERE city_id = ${me.cityId} AND id = ${req.params.id}`,
      );
      if (!row || (row.staff_id !== me.id && !row.shared)) throw notFound('view');
      if (row.staff_id !== me.id && me.role !== 'admin') throw forbidden('this view is someone else’s');
      await deps.db.query(
        sql`DELETE FROM saved_views WHERE city_id = ${me.cityId} AND id = ${req.params.id}`,
      );
      return reply.status(204).send(null);
    },
  );
}
