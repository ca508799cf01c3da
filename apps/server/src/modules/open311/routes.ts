/**
 * Open311 GeoReport v2 at /open311/v2/: discovery, services, service definitions, POST requests
 * (form-encoded, api_key required), tokens, GET requests (ids, service_code, dates, status; the
 * 90-day and 1000 defaults; paging and updated_after/before) and requests/{id}. Our categories are
 * the services; expected_datetime is the SLA due time; status is open/closed with our detailed
 * status in status_notes. No personal data in any output.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { requireAdmin } from '../auth/policy.ts';
import { getCatalog } from '../catalog/cache.ts';
import { serviceDefinition } from './definition.ts';
import type { CategoryRow } from '../catalog/repository.ts';
import { createRequest } from '../requests/intake.ts';
import { idByNumber, idsByNumber } from '../requests/ids.ts';
import { findViewByNumber, insertEvent } from '../requests/repository.ts';
import { send, sendError } from './format.ts';
import { CLOSED, publicListQuery, type ListFilters, type PublicRow } from './list.ts';

/** Our statuses in the extended states FixMyStreet-style clients use on servicerequestupdates. */
const UPDATE_STATUS: Record<string, string> = {
  new: 'OPEN',
  assigned: 'OPEN',
  in_progress: 'IN_PROGRESS',
  waiting_for_resident: 'OPEN',
  resolved: 'FIXED',
  closed: 'CLOSED',
  rejected: 'NO_FURTHER_ACTION',
  duplicate: 'DUPLICATE',
  deferred: 'ACTION_SCHEDULED',
  reopened: 'OPEN',
};
const hashKey = (k: string): string => createHash('sha256').update(k).digest('hex');
const mask = (t: string): string =>
  t.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[e-mail]').replace(/\+?\d[\d\s()-]{7,}\d/g, '[phone]');

function fmt(param: string): { base: string; format: 'json' | 'xml' } | undefined {
  const m = /^(.*)\.(json|xml)$/.exec(param);
  return m ? { base: m[1] as string, format: m[2] as 'json' | 'xml' } : undefined;
}

function presentService(c: CategoryRow, groups: Map<string, CategoryRow>, lang: 'kk' | 'ru' | 'en') {
  return {
    service_code: c.code,
    service_name: c.name[lang] || c.name.ru,
    description: c.description[lang] ?? c.description.ru ?? '',
    metadata: c.questions.length > 0,
    type: 'realtime',
    keywords: (c.keywords[lang] ?? []).join(', '),
    group: c.parent_code ? (groups.get(c.parent_code)?.name[lang] ?? '') : '',
  };
}

function presentRequest(r: PublicRow) {
  return {
    service_request_id: r.number,
    status: CLOSED.has(r.status) ? 'closed' : 'open',
    status_notes: r.status_reason ? `${r.status}: ${mask(r.status_reason)}` : r.status,
    service_name: r.category_code ?? '',
    service_code: r.category_code ?? '',
    description: mask(r.text),
    agency_responsible: r.agency_code ?? '',
    service_notice: '',
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.due_at.toISOString(),
    address: '',
    address_id: '',
    zipcode: '',
    // Optional fields are left out rather than sent empty: the specification types them (number, uri).
    ...(r.lat === null || r.lon === null
      ? {}
      : { lat: Math.round(r.lat * 1000) / 1000, long: Math.round(r.lon * 1000) / 1000 }),
  };
}

export function open311Routes(app: App, deps: AppDeps): void {
  const lang = (req: FastifyRequest): 'kk' | 'ru' | 'en' => {
    const l = String((req.query as Record<string, unknown>).locale ?? '').slice(0, 2);
    return l === 'kk' || l === 'en' ? l : 'ru';
  };
  const partnerFor = async (key: unknown): Promise<string | undefined> => {
    if (typeof key !== 'string' || !key || key.length > 200) return undefined;
    const r = await deps.db.query<{ partner: string }>(
      sql`SELECT partner FROM open311_keys WHERE key_hash = ${hashKey(key)} AND active`,
    );
    return r[0]?.partner;
  };

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        const out: Record<string, string> = {};
        for (const [k, v] of new URLSearchParams(String(body))) out[k] = v;
        done(null, out);
      },
    );
    const hide = { schema: { hide: true } };

    scope.get('/open311/v2/:doc', hide, async (req: FastifyRequest, reply: FastifyReply) => {
      const f = fmt((req.params as { doc: string }).doc);
      if (!f) return sendError(reply, 'json', 404, 'use .json or .xml');
      const catalog = await getCatalog(deps.db, deps.config.cityId);
      if (!catalog) return sendError(reply, f.format, 404, 'no city');
      const q = req.query as Record<string, string | undefined>;
      if (f.base === 'discovery') {
        return send(reply, f.format, 'discovery', {
          changeset: new Date(0).toISOString(),
          contact: 'Komek contact center 109',
          key_service: '/api/v1/admin/open311-keys',
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: '/open311/v2',
              changeset: new Date(0).toISOString(),
              type: 'production',
              formats: ['application/json', 'text/xml'],
            },
          ],
        });
      }
      if (f.base === 'services') {
        const l = lang(req);
        const all = [...catalog.categories.values()];
        const groups = new Map(all.map((c) => [c.code, c]));
        const leaves = all.filter((c) => c.active && !all.some((o) => o.parent_code === c.code));
        return send(
          reply,
          f.format,
          'services',
          leaves.map((c) => presentService(c, groups, l)),
        );
      }
      if (f.base === 'servicerequestupdates') {
        // mySociety's extension: public updates (status changes, replies) in a time window, oldest first.
        const end = q.end_date ? new Date(q.end_date) : deps.now();
        const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 7 * 86_400_000);
        if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
          return sendError(reply, f.format, 400, 'start_date and end_date must be ISO 8601 times');
        const rows = await deps.readDb.query<{
          id: number;
          number: string;
          type: string;
          to_status: string | null;
          status: string;
          body: string | null;
          created_at: Date;
        }>(sql`SELECT e.id, r.number, e.type, e.to_status, r.status, e.body, e.created_at
          FROM request_events e JOIN requests r ON r.city_id = e.city_id AND r.id = e.request_id
          WHERE e.city_id = ${deps.config.cityId} AND e.visibility = 'public' AND e.type IN ('status_changed', 'comment')
            AND e.created_at >= ${start} AND e.created_at <= ${end}
          ORDER BY e.created_at, e.id LIMIT 1000`);
        return send(
          reply,
          f.format,
          'updates',
          rows.map((e) => ({
            update_id: String(e.id),
            service_request_id: e.number,
            status: UPDATE_STATUS[e.to_status ?? e.status] ?? 'OPEN',
            updated_datetime: e.created_at.toISOString(),
            description: e.body ? mask(e.body) : (e.to_status ?? ''),
          })),
        );
      }
      if (f.base === 'requests') {
        const now = deps.now();
        const ids = q.service_request_id
          ? q.service_request_id
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
              .slice(0, 1000)
          : undefined;
        const end = q.end_date ? new Date(q.end_date) : now;
        const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * 86_400_000);
        if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
          return sendError(reply, f.format, 400, 'start_date and end_date must be ISO 8601 times');
        const pageSize = Math.min(1000, Math.max(1, Number(q.page_size ?? 1000) || 1000));
        const page = Math.max(1, Number(q.page ?? 1) || 1);
        const date = (v: string | undefined): Date | undefined => {
          const d = v ? new Date(v) : undefined;
          return d && !Number.isNaN(d.getTime()) ? d : undefined;
        };
        const filters: ListFilters = {
          serviceCodes: q.service_code?.split(',').map((c) => c.trim()),
          status: q.status === 'open' || q.status === 'closed' ? q.status : undefined,
          updatedAfter: date(q.updated_after),
          updatedBefore: date(q.updated_before),
        };
        const common = { cityId: deps.config.cityId, filters, pageSize, offset: (page - 1) * pageSize };
        const views = await deps.readDb.query<PublicRow>(
          publicListQuery(
            ids
              ? { ...common, ids: [...(await idsByNumber(deps.readDb, deps.config.cityId, ids)).values()] }
              : { ...common, start, end },
          ),
        );
        return send(reply, f.format, 'requests', views.map(presentRequest));
      }
      return sendError(reply, f.format, 404, 'unknown document');
    });

    scope.get('/open311/v2/:kind/:id', hide, async (req: FastifyRequest, reply: FastifyReply) => {
      const { kind, id } = req.params as { kind: string; id: string };
      const f = fmt(id);
      if (!f) return sendError(reply, 'json', 404, 'use .json or .xml');
      if (kind === 'services') {
        const catalog = await getCatalog(deps.db, deps.config.cityId);
        const c = catalog?.categories.get(f.base);
        if (!c) return sendError(reply, f.format, 404, 'no such service_code');
        return send(reply, f.format, 'definition', serviceDefinition(c, lang(req)));
      }
      if (kind === 'requests' || kind === 'request') {
        if (!/^[0-9A-Z]{1,8}-\d{4}-\d{4,12}$/.test(f.base))
          return sendError(reply, f.format, 404, 'no such service_request_id');
        const v = await findViewByNumber(deps.readDb, deps.config.cityId, f.base);
        if (!v) return sendError(reply, f.format, 404, 'no such service_request_id');
        return send(reply, f.format, 'requests', [presentRequest(v)]);
      }
      if (kind === 'tokens') {
        // Requests are registered at once, so a token is the request's id.
        if (!/^[0-9A-Z]{1,8}-\d{4}-\d{4,12}$/.test(f.base))
          return sendError(reply, f.format, 404, 'no such token');
        const v = await findViewByNumber(deps.readDb, deps.config.cityId, f.base);
        if (!v) return sendError(reply, f.format, 404, 'no such token');
        return send(reply, f.format, 'requests', [{ service_request_id: v.number, token: v.number }]);
      }
      return sendError(reply, f.format, 404, 'unknown document');
    });

    scope.post('/open311/v2/:doc', hide, async (req: FastifyRequest, reply: FastifyReply) => {
      const f = fmt((req.params as { doc: string }).doc);
      if (!f || (f.base !== 'requests' && f.base !== 'servicerequestupdates'))
        return sendError(
          reply,
          f?.format ?? 'json',
          404,
          'POST requests or servicerequestupdates (.json or .xml)',
        );
      const b = (req.body ?? {}) as Record<string, string | undefined>;
      const partner = await partnerFor(
        b.api_key ?? (req.query as Record<string, string | undefined>).api_key,
      );
      if (!partner) return sendError(reply, f.format, 403, 'a valid api_key is required');
      if (f.base === 'servicerequestupdates') {
        // A partner's update on a request becomes a public comment (once per update_id); statuses
        // stay with the city's staff, so a status the partner sends is kept in the comment's data.
        const id = b.service_request_id ?? '';
        const text = (b.description ?? '').trim();
        if (!/^[0-9A-Z]{1,8}-\d{4}-\d{4,12}$/.test(id))
          return sendError(reply, f.format, 400, 'service_request_id is missing or malformed');
        if (!text || text.length > 5000)
          return sendError(reply, f.format, 400, 'description is required (at most 5000 characters)');
        const external = (b.update_id ?? '').slice(0, 100);
        const result = await deps.db.transaction(async (tx) => {
          const ref = await idByNumber(tx, deps.config.cityId, id);
          const rows =
            ref === undefined
              ? []
              : await tx.query<{ id: number }>(
                  sql`SELECT id FROM requests WHERE city_id = ${deps.config.cityId} AND id = ${ref} FOR UPDATE`,
                );
          const r = rows[0];
          if (!r) return null;
          if (external) {
            const seen = await tx.query<{ id: number }>(sql`SELECT id FROM request_events
              WHERE city_id = ${deps.config.cityId} AND request_id = ${r.id} AND actor_kind = 'partner'
                AND data->>'partner' = ${partner} AND data->>'updateId' = ${external}`);
            if (seen[0]) return seen[0].id;
          }
          const now = deps.now();
          const eventId = await insertEvent(tx, {
            cityId: deps.config.cityId,
            requestId: r.id,
            type: 'comment',
            actorKind: 'partner',
            actorId: null,
            visibility: 'public',
            body: text,
            data: {
              partner,
              ...(external ? { updateId: external } : {}),
              ...(b.status ? { status: b.status.slice(0, 40) } : {}),
            },
            createdAt: now,
          });
          await tx.query(
            sql`UPDATE requests SET updated_at = ${now} WHERE city_id = ${deps.config.cityId} AND id = ${r.id}`,
          );
          return eventId;
        });
        if (result === null) return sendError(reply, f.format, 404, 'no such service_request_id');
        return send(reply, f.format, 'updates', [{ update_id: String(result) }], 201);
      }
      const catalog = await getCatalog(deps.db, deps.config.cityId);
      if (!b.service_code || !catalog?.categories.get(b.service_code))
        return sendError(reply, f.format, 400, 'service_code is missing or unknown');
      const lat = b.lat?.trim() ? Number(b.lat) : undefined;
      const lon = b.long?.trim() ? Number(b.long) : undefined;
      // A point only when both are numbers on the globe; else the address must do.
      const point =
        lat !== undefined &&
        lon !== undefined &&
        Number.isFinite(lat) &&
        Number.isFinite(lon) &&
        Math.abs(lat) <= 90 &&
        Math.abs(lon) <= 180
          ? { lat, lon }
          : undefined;
      if (!point && !b.address_string?.trim() && !b.address_id) {
        return sendError(
          reply,
          f.format,
          400,
          'a location is required: lat and long, address_string or address_id',
        );
      }
      const description = (b.description ?? '').trim().slice(0, 5000);
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(b)) {
        const m = /^attribute\[(.{1,60})\]$/.exec(k);
        if (m && v !== undefined) attributes[m[1] as string] = v.slice(0, 1000);
      }
      if (b.media_url) attributes.media_url = b.media_url.slice(0, 1000);
      try {
        const r = await createRequest(
          deps,
          req.actor,
          {
            text: description || `${b.service_code}`,
            category: b.service_code,
            channel: 'open311',
            ...(point ?? {}),
            ...(b.address_string ? { address: b.address_string.slice(0, 500) } : {}),
            ...(b.phone
              ? {
                  resident: {
                    phone: b.phone,
                    ...(b.first_name || b.last_name
                      ? { name: `${b.first_name ?? ''} ${b.last_name ?? ''}`.trim() }
                      : {}),
                  },
                }
              : {}),
            attributes: { ...attributes, partner },
          },
          undefined,
          partner,
        );
        return send(
          reply,
          f.format,
          'requests',
          // No account_id: Komek does not give partners' reporters accounts (an empty id would not be a valid one).
          [
            {
              service_request_id: r.request.number,
              service_notice: `expected by ${r.request.due_at.toISOString()}`,
            },
          ],
          201,
        );
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return sendError(reply, f.format, 400, err.message);
        throw err;
      }
    });
  });

  // API keys per partner, managed by admins.
  app.post(
    '/api/v1/admin/open311-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Creates an Open311 API key for a partner (shown once)',
        body: Type.Object(
          { partner: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ key: Type.String(), partner: Type.String() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const key = randomBytes(24).toString('base64url');
      await deps.db.query(
        sql`INSERT INTO open311_keys (key_hash, city_id, partner) VALUES (${hashKey(key)}, ${admin.cityId}, ${req.body.partner})`,
      );
      return reply.status(201).send({ key, partner: req.body.partner });
    },
  );
  app.get(
    '/api/v1/admin/open311-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Open311 partners and whether their keys are active',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                partner: Type.String(),
                active: Type.Boolean(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const rows = await deps.db.query<{
        key_hash: string;
        partner: string;
        active: boolean;
        created_at: Date;
      }>(
        sql`SELECT key_hash, partner, active, created_at FROM open311_keys WHERE city_id = ${admin.cityId} ORDER BY created_at`,
      );
      return {
        items: rows.map((r) => ({
          id: r.key_hash.slice(0, 12),
          partner: r.partner,
          active: r.active,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );
  app.delete(
    '/api/v1/admin/open311-keys/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revokes an Open311 key',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{12}$' }) }),
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const r = await deps.db.query(
        sql`UPDATE open311_keys SET active = false WHERE city_id = ${admin.cityId} AND key_hash LIKE ${req.params.id + '%'} RETURNING partner`,
      );
      if (!r.length) throw new AppError('not_found', 'no such key');
      return reply.status(204).send(null);
    },
  );
}
