import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { CodeSchema, CriticalitySchema, errors, I18nText } from '../../lib/schemas.ts';
import { requireAdmin } from '../auth/policy.ts';
import { emergencyCategories } from '../modes/service.ts';
import { districtAt, getCatalog, invalidateCatalog } from './cache.ts';
import { presentAgency, presentCategoryTree, presentDistricts, type CategoryNode } from './presenter.ts';
import { importDistricts, removeDistrictsNotIn, upsertAgency, upsertCategory } from './service.ts';

const SlaHours = Type.Object({
  urgent: Type.Number({ minimum: 1, maximum: 8760 }),
  high: Type.Number({ minimum: 1, maximum: 8760 }),
  standard: Type.Number({ minimum: 1, maximum: 8760 }),
  low: Type.Number({ minimum: 1, maximum: 8760 }),
});

export const CategoryBody = Type.Object(
  {
    parent: Type.Optional(Type.Union([CodeSchema, Type.Null()])),
    name: I18nText,
    description: Type.Optional(Type.Partial(I18nText)),
    icon: Type.Optional(Type.String({ maxLength: 40 })),
    defaultCriticality: Type.Optional(CriticalitySchema),
    slaHours: Type.Optional(SlaHours),
    agency: Type.Optional(Type.Union([CodeSchema, Type.Null()])),
    season: Type.Optional(
      Type.Union([
        Type.Object({
          from: Type.String({ pattern: '^[01][0-9]-[0-3][0-9]$' }),
          to: Type.String({ pattern: '^[01][0-9]-[0-3][0-9]$' }),
        }),
        Type.Null(),
      ]),
    ),
    keywords: Type.Optional(
      Type.Object({
        kk: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 200 })),
        ru: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 200 })),
        en: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 200 })),
      }),
    ),
    duplicateRadiusM: Type.Optional(Type.Integer({ minimum: 10, maximum: 50000 })),
    active: Type.Optional(Type.Boolean()),
    questions: Type.Optional(
      Type.Array(
        Type.Object({
          code: CodeSchema,
          datatype: Type.Union(
            ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'].map((d) =>
              Type.Literal(d),
            ),
          ),
          required: Type.Boolean(),
          description: I18nText,
          values: Type.Optional(
            Type.Array(Type.Object({ key: Type.String({ maxLength: 60 }), name: I18nText }), {
              maxItems: 100,
            }),
          ),
        }),
        { maxItems: 30 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const AgencyBody = Type.Object(
  {
    kind: Type.Union(
      [
        'department',
        'district_akimat',
        'utility',
        'lift_company',
        'building_manager',
        'contact_center',
        'other',
      ].map((k) => Type.Literal(k)),
    ),
    name: I18nText,
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 200, format: 'email' }), Type.Null()])),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    workingHours: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    calendar: Type.Optional(Type.Union([CodeSchema, Type.Null()])),
    district: Type.Optional(Type.Union([CodeSchema, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const CodeParams = Type.Object({ code: CodeSchema });

/** The tree with the categories of active emergencies (or holding one) first, marked `emergency`. */
type Marked = CategoryNode & { emergency: boolean };
function emergencyFirst(nodes: CategoryNode[], hot: Set<string>): Marked[] {
  const mark = (n: CategoryNode): Marked => {
    const children = emergencyFirst(n.children, hot);
    return { ...n, children, emergency: hot.has(n.code) || children.some((c) => c.emergency) };
  };
  const marked = nodes.map(mark);
  return [...marked.filter((n) => n.emergency), ...marked.filter((n) => !n.emergency)];
}

export function catalogRoutes(app: App, deps: AppDeps): void {
  const cityOf = (req: { actor: { cityId: string } }) => req.actor.cityId;

  app.get(
    '/api/v1/categories',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The category tree with names in kk/ru/en, default criticality and SLA hours',
        querystring: Type.Object({
          all: Type.Optional(Type.Boolean({ description: 'include inactive and out-of-season ones' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }) },
      },
    },
    async (req) => {
      const catalog = await getCatalog(deps.db, cityOf(req));
      if (!catalog) throw notFound('city');
      const items = presentCategoryTree(catalog, deps.now(), req.query.all === true);
      // An active emergency puts its categories first (and marks them).
      const hot = await emergencyCategories(deps.db, cityOf(req), deps.now());
      return { items: hot.size ? emergencyFirst(items, hot) : items };
    },
  );

  app.put(
    '/api/v1/categories/:code',
    {
      schema: {
        tags: ['admin'],
        summary: 'Creates or updates a category (admin)',
        params: CodeParams,
        body: CategoryBody,
        response: { 200: Type.Object({ code: Type.String() }), ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      await upsertCategory(deps.db, admin.cityId, req.params.code, req.body);
      invalidateCatalog(deps.db, admin.cityId);
      return { code: req.params.code };
    },
  );

  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Agencies that do the work',
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }) },
      },
    },
    async (req) => {
      const catalog = await getCatalog(deps.db, cityOf(req));
      if (!catalog) throw notFound('city');
      return { items: [...catalog.agencies.values()].map(presentAgency) };
    },
  );

  app.put(
    '/api/v1/agencies/:code',
    {
      schema: {
        tags: ['admin'],
        summary: 'Creates or updates an agency (admin)',
        params: CodeParams,
        body: AgencyBody,
        response: { 200: Type.Object({ code: Type.String() }), ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      await upsertAgency(deps.db, admin.cityId, req.params.code, req.body);
      invalidateCatalog(deps.db, admin.cityId);
      return { code: req.params.code };
    },
  );

  app.get(
    '/api/v1/districts',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Districts as a GeoJSON FeatureCollection',
        response: { 200: Type.Unknown() },
      },
    },
    async (req) => {
      const catalog = await getCatalog(deps.db, cityOf(req));
      if (!catalog) throw notFound('city');
      return presentDistricts(catalog.districts);
    },
  );

  app.get(
    '/api/v1/districts/lookup',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The district of a point',
        querystring: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
        }),
        response: {
          200: Type.Object({
            district: Type.Union([Type.Object({ code: Type.String(), name: I18nText }), Type.Null()]),
          }),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const catalog = await getCatalog(deps.db, cityOf(req));
      if (!catalog) throw notFound('city');
      const d = districtAt(catalog, req.query.lat, req.query.lon);
      return { district: d ? { code: d.code, name: d.name } : null };
    },
  );

  app.post(
    '/api/v1/districts/import',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Imports districts from a GeoJSON FeatureCollection (admin); features need properties.id or code',
        description:
          'Districts with the same code are replaced and new ones added. With `replace=true`, districts the file leaves out are removed too, except those requests, agencies or routing overrides refer to (listed as `kept`).',
        querystring: Type.Object(
          { replace: Type.Optional(Type.Boolean({ description: 'remove districts the file leaves out' })) },
          { additionalProperties: false },
        ),
        body: Type.Object({
          type: Type.Literal('FeatureCollection'),
          features: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 500 }),
        }),
        response: {
          200: Type.Object({
            imported: Type.Array(Type.String()),
            removed: Type.Array(Type.String()),
            kept: Type.Array(Type.String(), { description: 'left out of the file but still referred to' }),
          }),
          ...errors(400, 401, 403),
        },
      },
      bodyLimit: 20 * 1024 * 1024,
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const out = await deps.db.transaction(async (tx) => {
        const imported = await importDistricts(tx, admin.cityId, req.body.features);
        const rest = req.query.replace
          ? await removeDistrictsNotIn(tx, admin.cityId, imported)
          : { removed: [], kept: [] };
        return { imported, ...rest };
      });
      invalidateCatalog(deps.db, admin.cityId);
      return out;
    },
  );

  app.delete(
    '/api/v1/districts/:code',
    {
      schema: {
        tags: ['admin'],
        summary: 'Deletes a district no request refers to (admin)',
        params: CodeParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const rows = await deps.db.query(
        sql`DELETE FROM districts WHERE city_id = ${admin.cityId} AND code = ${req.params.code} RETURNING code`,
      );
      if (!rows.length) throw new AppError('not_found', 'district not found');
      invalidateCatalog(deps.db, admin.cityId);
      return reply.status(204).send(null);
    },
  );
}
