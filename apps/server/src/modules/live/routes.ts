/**
 * `GET /api/v1/live`: Server-Sent Events for the staff console. Every change published on the
 * live hub (pg_notify, so all processes hear it) reaches the streams of the same city; an
 * executor hears only their agency's requests; a `call` event reaches only the operator who
 * answered. Events carry numbers and statuses, never personal data; a comment line every 20 s
 * keeps proxies from closing the stream.
 */
import type { ServerResponse } from 'node:http';
import type { AppDeps, LiveEvent } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';

const HEARTBEAT_MS = 20_000;

export function liveRoutes(app: App, deps: AppDeps): void {
  const open = new Set<ServerResponse>();
  // Streams never end by themselves: close them so the server can stop.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });
  app.get(
    '/api/v1/live',
    {
      schema: {
        tags: ['live'],
        summary: 'Live updates for staff (text/event-stream): request.created, request.updated, call',
        response: errors(401, 403),
      },
    },
    async (req, reply) => {
      const me = requireStaff(req.actor);
      const visible = (e: LiveEvent): boolean => {
        if (e.cityId !== me.cityId) return false;
        if (e.staffId !== undefined) return e.staffId === me.id;
        if (me.role === 'executor') return e.agencyCode === me.agencyCode;
        return true;
      };
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n: connected\n\n');
      open.add(res);
      const unsubscribe = deps.subscribe((e) => {
        if (!visible(e)) return;
        const data = {
          type: e.type,
          ...(e.number ? { number: e.number } : {}),
          ...(e.status ? { status: e.status } : {}),
          ...(e.agencyCode ? { agency: e.agencyCode } : {}),
          ...(e.callId ? { callId: e.callId } : {}),
        };
        res.write(`event: ${e.type}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      });
    },
  );
}
