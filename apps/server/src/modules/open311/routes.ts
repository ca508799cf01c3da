/**
 * Open311 GeoReport v2 at /open311/v2/: discovery, services, service definitions, POST requests
 * (form-encoded, api_key required), tokens, GET requests (ids, service_code, dates, status; the
 * 90-day and 1000 defaults; paging and updated_after/before) and requests/{id}. Our categories are
 * the services; expected_datetime is the SLA due time; status is open/closed with our detailed
 * status in status_notes. No personal data in any output. The POST documents are in intake.ts,
 * the partners' keys in keys.ts, how records look in present.ts.
 */
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { getCatalog } from '../catalog/cache.ts';
import { idsByNumber } from '../requests/ids.ts';
import { findViewByNumber } from '../requests/repository.ts';
import { serviceDefinition } from './definition.ts';
import { send, sendError } from './format.ts';
import { postDocument } from './intake.ts';
import { open311KeyRoutes } from './keys.ts';
import { publicListQuery, type ListFilters, type PublicRow } from './list.ts';
import { concurrencyLimit } from '../../lib/limit.ts';
import { maskPersonal } from '../public/mask.ts';
import { fmt, presentRequest, presentService, UPDATE_STATUS } from './present.ts';

export function open311Routes(app: App, deps: AppDeps): void {
  // Pages of up to a thousand requests are built two at a time (see concurrencyLimit).
  const listPages = concurrencyLimit(2);
  const lang = (req: FastifyRequest): 'kk' | 'ru' | 'en' => {
    const l = String((req.query as Record<string, unknown>).locale ?? '').slice(0, 2);
    return l === 'kk' || l === 'en' ? l : 'ru';
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
            description: e.body ? maskPersonal(e.body) : (e.to_status ?? ''),
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
        return listPages(async () => {
          // A client that gave up while the page waited its turn is not served.
          if (req.raw.destroyed) return reply;
          const views = await deps.readDb.query<PublicRow>(
            publicListQuery(
              ids
                ? { ...common, ids: [...(await idsByNumber(deps.readDb, deps.config.cityId, ids)).values()] }
                : { ...common, start, end },
            ),
          );
          return send(reply, f.format, 'requests', views.map(presentRequest));
        });
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

    scope.post('/open311/v2/:doc', hide, (req: FastifyRequest, reply: FastifyReply) =>
      postDocument(deps, req, reply),
    );
  });

  // API keys per partner, managed by admins.
  open311KeyRoutes(app, deps);
}
