/**
 * Security headers (with a CSP the web app passes), CSRF protection for cookie-authenticated
 * writes (the Origin must be ours), and the append-only audit of staff actions.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppDeps } from './context.ts';
import type { App } from './http.ts';
import { errorBody } from '../errors.ts';
import { coalescing } from './coalesce.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installSecurity(app: App, deps: AppDeps): void {
  // Audit rows written while an earlier write is on its way go together in the next statement.
  const audit = coalescing<Record<string, unknown>>(async (rows) => {
    await deps.db.query(
      sql`INSERT INTO audit_log (city_id, at, actor_id, actor_role, method, route, target, status, ip_hash)
        SELECT city_id, at, actor_id, actor_role, method, route, target, status, ip_hash
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(city_id text, at timestamptz,
          actor_id bigint, actor_role text, method text, route text, target text, status integer, ip_hash text)`,
    );
  });
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('permissions-policy', 'geolocation=(self), camera=(self), microphone=()');
    if (deps.config.cookieSecure)
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Swagger UI (/docs) ships inline scripts of its own; everything else runs under the strict policy.
    if (!req.url.startsWith('/docs')) void reply.header('content-security-policy', CSP);
  });

  // A write authenticated by the session cookie must come from our own origin.
  app.addHook('preHandler', async (req, reply) => {
    if (!UNSAFE.has(req.method) || req.headers.authorization || !req.cookies.komek_session) return;
    const origin =
      req.headers.origin ??
      (req.headers.referer ? new URL(req.headers.referer, 'http://x').origin : undefined);
    const host = req.headers.host;
    const ok =
      origin !== undefined &&
      host !== undefined &&
      (origin === `http://${host}` || origin === `https://${host}`);
    if (!ok)
      return reply
        .status(403)
        .send(
          errorBody('forbidden', 'cross-site request refused (missing or foreign Origin)', { csrf: true }),
        );
  });

  // Every staff change, and every staff read of a request (it shows personal data), is audited.
  app.addHook('onResponse', async (req, reply) => {
    const a = req.actor;
    if (!a || a.kind !== 'staff') return;
    const route = req.routeOptions.url ?? req.url.split('?')[0] ?? '';
    const reads = req.method === 'GET' && /^\/api\/v1\/(requests\/:number|residents)/.test(route);
    // Suggestions while typing and classification are reads in POST clothing: not audited.
    if ((!UNSAFE.has(req.method) && !reads) || /\/(kb\/suggest|classify|requests\/candidates)$/.test(route))
      return;
    const params = (req.params ?? {}) as Record<string, unknown>;
    const target =
      typeof params.number === 'string'
        ? params.number
        : typeof params.code === 'string'
          ? params.code
          : null;
    const ipHash = createHash('sha256').update(req.ip).digest('hex').slice(0, 16);
    await audit
      .push({
        city_id: a.cityId,
        at: new Date().toISOString(),
        actor_id: a.id,
        actor_role: a.role,
        method: req.method,
        route,
        target,
        status: reply.statusCode,
        ip_hash: ipHash,
      })
      .catch((err: unknown) => req.log.warn({ err: (err as Error).message }, 'audit write failed'));
  });
}
