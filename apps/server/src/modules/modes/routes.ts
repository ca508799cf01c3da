/**
 * Modes API: the current mode for everyone (`GET /api/v1/modes/current`: season and active
 * emergencies, no personal data), and for supervisors and admins the emergencies (declare, end,
 * accept from a spike alert) with the history of every mode change.
 */
import { Type, type Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { localDate } from '@komek/domain/time';
import { notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { CodeSchema, errors } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';
import { getCatalog } from '../catalog/cache.ts';
import {
  activeEmergencies,
  declareEmergency,
  endEmergency,
  KINDS,
  listEmergencies,
  listModeEvents,
  seasonOf,
  tickModes,
} from './service.ts';

const Texts = Type.Object(
  {
    kk: Type.Optional(Type.String({ maxLength: 200 })),
    ru: Type.Optional(Type.String({ maxLength: 200 })),
    en: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const LongTexts = Type.Object(
  {
    kk: Type.Optional(Type.String({ maxLength: 2000 })),
    ru: Type.Optional(Type.String({ maxLength: 2000 })),
    en: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const Kind = Type.Union(KINDS.map((k) => Type.Literal(k)));
const EmergencySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.Record(Type.String(), Type.String()),
  message: Type.Record(Type.String(), Type.String()),
  categories: Type.Array(Type.String()),
  districts: Type.Array(Type.String()),
  alertId: Type.Union([Type.Integer(), Type.Null()]),
  startsAt: Type.String(),
  endsAt: Type.Union([Type.String(), Type.Null()]),
  endedAt: Type.Union([Type.String(), Type.Null()]),
});
const DeclareBody = Type.Object(
  {
    kind: Kind,
    title: Texts,
    message: Type.Optional(LongTexts),
    categories: Type.Optional(Type.Array(CodeSchema, { maxItems: 50, uniqueItems: true })),
    districts: Type.Optional(Type.Array(CodeSchema, { maxItems: 50, uniqueItems: true })),
    hours: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 24 * 31,
        description: 'ends by itself after this many hours',
      }),
    ),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
const SUPERVISORS = ['supervisor', 'admin'] as const;

export function modeRoutes(app: App, deps: AppDeps): void {
  const tags = ['modes'];
  const known = async (cityId: string) => {
    const catalog = await getCatalog(deps.db, cityId);
    if (!catalog) throw notFound('city');
    return {
      catalog,
      knownCategories: new Set(catalog.categories.keys()),
      knownDistricts: new Set(catalog.districts.map((d) => d.code)),
    };
  };

  app.get(
    '/api/v1/modes/current',
    {
      schema: {
        tags,
        summary: 'The current season and the active emergencies (for the banner; public)',
        response: {
          200: Type.Object({ season: Type.String(), emergencies: Type.Array(EmergencySchema) }),
        },
      },
    },
    async (req) => {
      const now = deps.now();
      await tickModes(deps.db, req.actor.cityId, deps.config.cityTimeZone, now);
      return {
        season: seasonOf(localDate(now, deps.config.cityTimeZone)),
        emergencies: await activeEmergencies(deps.db, req.actor.cityId, now),
      };
    },
  );

  app.get(
    '/api/v1/admin/emergencies',
    {
      schema: {
        tags,
        summary: 'Emergencies, active and past, with the history of mode changes (supervisors, admins)',
        response: {
          200: Type.Object({ items: Type.Array(EmergencySchema), events: Type.Array(Type.Unknown()) }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const me = requireStaff(req.actor, [...SUPERVISORS, 'analyst']);
      await tickModes(deps.db, me.cityId, deps.config.cityTimeZone, deps.now());
      return {
        items: await listEmergencies(deps.db, me.cityId),
        events: await listModeEvents(deps.db, me.cityId),
      };
    },
  );

  app.post(
    '/api/v1/admin/emergencies',
    {
      schema: {
        tags,
        summary: 'Declares an emergency: a banner for residents and staff, its categories first',
        body: DeclareBody,
        response: { 201: EmergencySchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const me = requireStaff(req.actor, SUPERVISORS);
      const k = await known(me.cityId);
      const e = await declareEmergency(
        deps.db,
        { cityId: me.cityId, staffId: me.id, now: deps.now(), ...k },
        req.body as Static<typeof DeclareBody>,
      );
      deps.publish({ cityId: me.cityId, type: 'mode.changed' });
      return reply.status(201).send(e);
    },
  );

  app.post(
    '/api/v1/admin/emergencies/:id/end',
    {
      schema: {
        tags,
        summary: 'Ends an emergency by hand',
        params: IdParams,
        response: { 200: EmergencySchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => {
      const me = requireStaff(req.actor, SUPERVISORS);
      const e = await endEmergency(deps.db, me.cityId, req.params.id, me.id, deps.now());
      deps.publish({ cityId: me.cityId, type: 'mode.changed' });
      return e;
    },
  );

  app.post(
    '/api/v1/alerts/:id/emergency',
    {
      schema: {
        tags,
        summary:
          'Accepts a spike alert as an emergency (its category and district, a title from the category)',
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            {
              kind: Type.Optional(Kind),
              hours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 * 31 })),
            },
            { additionalProperties: false },
          ),
        ),
        response: { 201: EmergencySchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const me = requireStaff(req.actor, SUPERVISORS);
      const [alert] = await deps.db.query<{ id: number; category_code: string; district_code: string }>(
        sql`SELECT id, category_code, district_code FROM alerts WHERE city_id = ${me.cityId} AND id = ${req.params.id}`,
      );
      if (!alert) throw notFound('alert');
      const k = await known(me.cityId);
      const cat = k.catalog.categories.get(alert.category_code);
      const district = k.catalog.districts.find((d) => d.code === alert.district_code);
      const name = (l: 'kk' | 'ru' | 'en') =>
        [cat?.name[l] ?? alert.category_code, district?.name[l]].filter(Boolean).join(' — ');
      const e = await declareEmergency(
        deps.db,
        { cityId: me.cityId, staffId: me.id, now: deps.now(), ...k },
        {
          kind: req.body?.kind ?? 'other',
          title: { kk: name('kk'), ru: name('ru'), en: name('en') },
          categories: cat ? [cat.code] : [],
          districts: district ? [district.code] : [],
          hours: req.body?.hours ?? 24,
          alertId: alert.id,
        },
      );
      await deps.db.query(
        sql`UPDATE alerts SET status = 'acknowledged', updated_at = ${deps.now()} WHERE city_id = ${me.cityId} AND id = ${alert.id}`,
      );
      deps.publish({ cityId: me.cityId, type: 'mode.changed' });
      return reply.status(201).send(e);
    },
  );
}
