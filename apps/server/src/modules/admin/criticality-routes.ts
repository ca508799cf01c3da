/**
 * The city's criticality rules: a phrase (any language; matched after normalisation) and the
 * level it sets. Intake and /classify use the edited rules at once (the catalog cache is dropped).
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { CriticalitySchema, errors, LangSchema } from '../../lib/schemas.ts';
import { requireAdmin, requireStaff } from '../auth/policy.ts';
import { invalidateCatalog } from '../catalog/cache.ts';

const Rule = Type.Object({
  id: Type.Integer(),
  pattern: Type.String(),
  lang: Type.Union([LangSchema, Type.Null()]),
  level: CriticalitySchema,
  active: Type.Boolean(),
});
const RuleInput = Type.Object(
  {
    pattern: Type.String({
      minLength: 2,
      maxLength: 200,
      pattern: '\\S',
      description: 'e.g. «нет света», «жарық жоқ»',
    }),
    lang: Type.Optional(Type.Union([LangSchema, Type.Null()])),
    level: CriticalitySchema,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });

interface RuleRow {
  id: number;
  pattern: string;
  lang: 'kk' | 'ru' | 'en' | null;
  level: 'urgent' | 'high' | 'standard' | 'low';
  active: boolean;
}

export function criticalityRoutes(app: App, deps: AppDeps): void {
  const tags = ['admin'];
  app.get(
    '/api/v1/admin/criticality-rules',
    {
      schema: {
        tags,
        summary: 'The criticality rules (supervisors and admins)',
        response: { 200: Type.Object({ items: Type.Array(Rule) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor, ['supervisor', 'admin']);
      const items = await deps.db.query<RuleRow>(
        sql`SELECT id, pattern, lang, level, active FROM criticality_rules WHERE city_id = ${staff.cityId} ORDER BY id`,
      );
      return { items };
    },
  );

  app.post(
    '/api/v1/admin/criticality-rules',
    {
      schema: {
        tags,
        summary: 'Adds a criticality rule (admins)',
        body: RuleInput,
        response: { 201: Rule, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const b = req.body;
      const rows = await deps.db
        .query<RuleRow>(sql`INSERT INTO criticality_rules (city_id, pattern, lang, level, active)
        VALUES (${admin.cityId}, ${b.pattern.trim()}, ${b.lang ?? null}, ${b.level}, ${b.active ?? true})
        RETURNING id, pattern, lang, level, active`);
      invalidateCatalog(deps.db, admin.cityId);
      return reply.status(201).send(rows[0] as RuleRow);
    },
  );

  app.put(
    '/api/v1/admin/criticality-rules/:id',
    {
      schema: {
        tags,
        summary: 'Changes a criticality rule (admins)',
        params: IdParams,
        body: RuleInput,
        response: { 200: Rule, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const b = req.body;
      const rows = await deps.db.query<RuleRow>(sql`UPDATE criticality_rules
        SET pattern = ${b.pattern.trim()}, lang = ${b.lang ?? null}, level = ${b.level}, active = ${b.active ?? true}
        WHERE city_id = ${admin.cityId} AND id = ${req.params.id}
        RETURNING id, pattern, lang, level, active`);
      if (!rows[0]) throw notFound('rule', { id: req.params.id });
      invalidateCatalog(deps.db, admin.cityId);
      return rows[0];
    },
  );

  app.delete(
    '/api/v1/admin/criticality-rules/:id',
    {
      schema: {
        tags,
        summary: 'Deletes a criticality rule (admins)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const rows = await deps.db.query(
        sql`DELETE FROM criticality_rules WHERE city_id = ${admin.cityId} AND id = ${req.params.id} RETURNING id`,
      );
      if (!rows.length) throw notFound('rule', { id: req.params.id });
      invalidateCatalog(deps.db, admin.cityId);
      return reply.status(204).send(null);
    },
  );
}
