/**
 * Staff accounts (admins): list, create with a password, change role or agency, deactivate.
 * A change of role, agency or activity ends the member's sessions at once.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { CodeSchema, errors, LangSchema } from '../../lib/schemas.ts';
import { requireAdmin } from '../auth/policy.ts';
import { hashPassword } from '../auth/passwords.ts';
import { clearActorCache } from '../auth/repository.ts';

const Role = Type.Union(
  ['operator', 'supervisor', 'executor', 'analyst', 'admin'].map((r) => Type.Literal(r)),
);
const Staff = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  name: Type.String(),
  role: Role,
  agency: Type.Union([Type.String(), Type.Null()]),
  lang: LangSchema,
  active: Type.Boolean(),
  createdAt: Type.String(),
});
const CreateStaff = Type.Object(
  {
    login: Type.String({ pattern: '^[a-z0-9_.-]{2,60}$', description: 'lower-case letters, digits, _ . -' }),
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    password: Type.String({ minLength: 10, maxLength: 200 }),
    role: Role,
    agency: Type.Optional(Type.Union([CodeSchema, Type.Null()])),
    lang: Type.Optional(LangSchema),
  },
  { additionalProperties: false },
);
const PatchStaff = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    role: Type.Optional(Role),
    agency: Type.Optional(Type.Union([CodeSchema, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });

interface StaffRow {
  id: number;
  login: string;
  name: string;
  role: 'operator' | 'supervisor' | 'executor' | 'analyst' | 'admin';
  agency_code: string | null;
  preferred_lang: 'kk' | 'ru' | 'en';
  active: boolean;
  created_at: Date;
}
const COLUMNS = sql`id, login, name, role, agency_code, preferred_lang, active, created_at`;
const present = (r: StaffRow) => ({
  id: Number(r.id),
  login: r.login,
  name: r.name,
  role: r.role,
  agency: r.agency_code,
  lang: r.preferred_lang,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

/** Checks the role/agency pair against the city's agencies before the database does. */
async function checkAgency(
  deps: AppDeps,
  cityId: string,
  role: string,
  agency: string | null,
): Promise<void> {
  if (role === 'executor' && !agency)
    throw new AppError('validation_failed', 'an executor belongs to an agency', { field: 'agency' });
  if (!agency) return;
  const [row] = await deps.db.query(
    sql`SELECT 1 FROM agencies WHERE city_id = ${cityId} AND code = ${agency}`,
  );
  if (!row) throw new AppError('validation_failed', 'no such agency', { field: 'agency' });
}

export function staffRoutes(app: App, deps: AppDeps): void {
  const tags = ['admin'];
  app.get(
    '/api/v1/admin/staff',
    {
      schema: {
        tags,
        summary: 'Staff accounts of the city (admin)',
        response: { 200: Type.Object({ items: Type.Array(Staff) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const rows = await deps.db.query<StaffRow>(
        sql`SELECT ${COLUMNS} FROM staff WHERE city_id = ${admin.cityId} ORDER BY active DESC, role, login`,
      );
      return { items: rows.map(present) };
    },
  );

  app.post(
    '/api/v1/admin/staff',
    {
      schema: {
        tags,
        summary: 'Creates a staff account with a password (admin)',
        body: CreateStaff,
        response: { 201: Staff, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const b = req.body;
      const agency = b.agency ?? null;
      await checkAgency(deps, admin.cityId, b.role, agency);
      const [taken] = await deps.db.query(sql`SELECT 1 FROM staff WHERE login = ${b.login}`);
      if (taken) throw new AppError('conflict', 'this login is taken', { field: 'login' });
      const hash = await hashPassword(b.password);
      const rows = await deps.db
        .query<StaffRow>(sql`INSERT INTO staff (city_id, login, password_hash, name, role, agency_code, preferred_lang)
        VALUES (${admin.cityId}, ${b.login}, ${hash}, ${b.name.trim()}, ${b.role}, ${agency}, ${b.lang ?? 'ru'})
        RETURNING ${COLUMNS}`);
      return reply.status(201).send(present(rows[0] as StaffRow));
    },
  );

  app.patch(
    '/api/v1/admin/staff/:id',
    {
      schema: {
        tags,
        summary: 'Changes a staff member’s name, role, agency, password or activity (admin)',
        params: IdParams,
        body: PatchStaff,
        response: { 200: Staff, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const b = req.body;
      const [cur] = await deps.db.query<StaffRow>(
        sql`SELECT ${COLUMNS} FROM staff WHERE city_id = ${admin.cityId} AND id = ${req.params.id}`,
      );
      if (!cur) throw notFound('staff member', { id: req.params.id });
      if (Number(cur.id) === admin.id && (b.active === false || (b.role && b.role !== 'admin')))
        throw new AppError('validation_failed', 'you cannot demote or deactivate yourself', {
          field: 'role',
        });
      const role = b.role ?? cur.role;
      // Only executors need an agency; other roles keep one only when it is given.
      const agency = b.agency !== undefined ? b.agency : role === 'executor' ? cur.agency_code : null;
      await checkAgency(deps, admin.cityId, role, agency);
      const hash = b.password ? await hashPassword(b.password) : null;
      const rows = await deps.db
        .query<StaffRow>(sql`UPDATE staff SET name = ${b.name?.trim() ?? cur.name}, role = ${role},
          agency_code = ${agency}, active = ${b.active ?? cur.active}
          ${hash ? sql`, password_hash = ${hash}` : sql``}
        WHERE city_id = ${admin.cityId} AND id = ${req.params.id} RETURNING ${COLUMNS}`);
      const changedAccess =
        role !== cur.role || agency !== cur.agency_code || b.active === false || hash !== null;
      if (changedAccess) {
        await deps.db.query(
          sql`DELETE FROM sessions WHERE city_id = ${admin.cityId} AND subject_kind = 'staff' AND subject_id = ${req.params.id}`,
        );
        clearActorCache();
      }
      return present(rows[0] as StaffRow);
    },
  );
}
