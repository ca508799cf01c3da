/**
 * Telephony and the caller.
 * - `POST /api/v1/cti/:token`: the PBX's generic CTI webhook, in the shape widely used PBX
 *   integrations already send (Zammad's generic CTI: `event` newCall | answer | hangup, `from`,
 *   `to`, `direction`, `callId`, `user[]`, `answeringNumber`, `cause`; form-encoded or JSON).
 *   Each event is applied once per call (a repeated event changes nothing). On `answer` the
 *   operator whose extension answered gets a live `call` event: their console pops the caller's card.
 * - `GET /api/v1/callers?phone=`: the caller's card — the resident (if known), open requests and
 *   the latest ones — for the intake screen and the pop-up.
 * - `GET /api/v1/calls`: the call log with talk time and what each call produced.
 * A request registered with `callId` (intake) and a contact answered from the knowledge base with
 * `callId` are linked to the call.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { sameSecret } from '../../lib/secret.ts';
import { normalizePhone } from '../../lib/phone.ts';
import { errors } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';

const CtiEvent = Type.Object(
  {
    event: Type.Union([Type.Literal('newCall'), Type.Literal('answer'), Type.Literal('hangup')]),
    callId: Type.String({ minLength: 1, maxLength: 200 }),
    from: Type.Optional(Type.String({ maxLength: 40 })),
    to: Type.Optional(Type.String({ maxLength: 40 })),
    direction: Type.Optional(Type.Union([Type.Literal('in'), Type.Literal('out')])),
    user: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 200 }),
        Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 }),
      ]),
    ),
    answeringNumber: Type.Optional(Type.String({ maxLength: 40 })),
    cause: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: true },
);
interface CtiEvent {
  event: 'newCall' | 'answer' | 'hangup';
  callId: string;
  from?: string;
  to?: string;
  direction?: 'in' | 'out';
  user?: string | string[];
  answeringNumber?: string;
  cause?: string;
}

const Brief = Type.Object({
  number: Type.String(),
  status: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  createdAt: Type.String(),
  dueAt: Type.String(),
});
const Caller = Type.Object({
  phone: Type.String(),
  resident: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  open: Type.Array(Brief),
  recent: Type.Array(Brief),
});
const Call = Type.Object({
  callId: Type.String(),
  direction: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  staff: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.String(),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  durationSeconds: Type.Union([Type.Integer(), Type.Null()]),
  cause: Type.Union([Type.String(), Type.Null()]),
  requests: Type.Array(Type.String()),
  answeredFromKb: Type.Integer(),
});

interface BriefRow {
  number: string;
  status: string;
  category_code: string | null;
  text: string;
  created_at: Date;
  due_at: Date;
}
const OPEN = ['new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened'];
const brief = (r: BriefRow) => ({
  number: r.number,
  status: r.status,
  category: r.category_code,
  text: r.text.slice(0, 300),
  createdAt: r.created_at.toISOString(),
  dueAt: r.due_at.toISOString(),
});

/** The caller's card: who they are (if we know them), their open and latest requests. */
export async function callerCard(deps: Pick<AppDeps, 'db'>, cityId: string, rawPhone: string) {
  const phone = normalizePhone(rawPhone);
  const [resident] = await deps.db.query<{ id: number; name: string | null }>(
    sql`SELECT id, name FROM residents WHERE city_id = ${cityId} AND phone = ${phone}`,
  );
  if (!resident) return { phone, resident: null, open: [], recent: [] };
  const rows = await deps.db.query<BriefRow>(
    sql`SELECT number, status, category_code, text, created_at, due_at FROM requests
        WHERE city_id = ${cityId} AND resident_id = ${resident.id} ORDER BY created_at DESC LIMIT 50`,
  );
  return {
    phone,
    resident,
    open: rows.filter((r) => OPEN.includes(r.status)).map(brief),
    recent: rows
      .filter((r) => !OPEN.includes(r.status))
      .slice(0, 10)
      .map(brief),
  };
}

/** Links a request registered during a call to it (intake's `callId`). */
export async function linkRequestToCall(
  deps: Pick<AppDeps, 'db'>,
  cityId: string,
  callId: string,
  number: string,
): Promise<void> {
  await deps.db.query(
    sql`UPDATE calls SET request_numbers = array_append(request_numbers, ${number})
        WHERE city_id = ${cityId} AND call_id = ${callId} AND NOT (${number} = ANY (request_numbers))`,
  );
}

export function callRoutes(app: App, deps: AppDeps): void {
  void app.register(async (scope) => {
    // PBXes post form-encoded bodies (user[]=a&user[]=b); JSON works too.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of new URLSearchParams(String(body))) {
          const key = k.endsWith('[]') ? k.slice(0, -2) : k;
          const prev = out[key];
          out[key] = k.endsWith('[]') ? [...(Array.isArray(prev) ? prev : prev ? [prev] : []), v] : v;
        }
        done(null, out);
      },
    );
    scope.post(
      '/api/v1/cti/:token',
      {
        schema: {
          tags: ['telephony'],
          summary: 'Generic CTI webhook for the PBX: newCall, answer, hangup (token in the URL)',
          params: Type.Object({ token: Type.String({ maxLength: 200 }) }),
          body: CtiEvent,
          response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors(400, 403) },
        },
      },
      async (req: FastifyRequest<{ Params: { token: string }; Body: CtiEvent }>) => {
        if (!sameSecret(deps.config.ctiToken, req.params.token)) throw forbidden('unknown CTI token');
        const cityId = deps.config.cityId;
        const e = req.body;
        const now = deps.now();
        if (e.event === 'newCall') {
          let from: string | null = null;
          try {
            from = e.from ? normalizePhone(e.from) : null;
          } catch {
            from = null; // "anonymous", an internal number: no caller card
          }
          await deps.db.query(
            sql`INSERT INTO calls (city_id, call_id, direction, from_phone, to_number, started_at)
                VALUES (${cityId}, ${e.callId}, ${e.direction ?? 'in'}, ${from}, ${e.to ?? null}, ${now})
                ON CONFLICT (city_id, call_id) DO NOTHING`,
          );
          return { ok: true };
        }
        const [call] = await deps.db.query<{ state: string; staff_id: number | null }>(
          sql`SELECT state, staff_id FROM calls WHERE city_id = ${cityId} AND call_id = ${e.callId}`,
        );
        if (!call) throw notFound('call', { callId: e.callId });
        if (e.event === 'answer') {
          if (call.state !== 'ringing') return { ok: true };
          const users = e.user === undefined ? [] : Array.isArray(e.user) ? e.user : [e.user];
          // The extension that answered, else a named user (login) of the PBX.
          const byLogin = users.length
            ? sql` OR login IN (${sql.join(
                users.map((u) => sql`${u}`),
                sql`, `,
              )})`
            : sql``;
          const ext = e.answeringNumber ?? '';
          const [staff] = await deps.db.query<{ id: number }>(
            sql`SELECT id FROM staff WHERE city_id = ${cityId} AND active AND (extension = ${ext}${byLogin})
                ORDER BY (extension IS NOT DISTINCT FROM ${ext}) DESC LIMIT 1`,
          );
          await deps.db.query(
            sql`UPDATE calls SET state = 'answered', answered_at = ${now}, staff_id = ${staff?.id ?? null}
                WHERE city_id = ${cityId} AND call_id = ${e.callId}`,
          );
          if (staff) deps.publish({ cityId, type: 'call', staffId: staff.id, callId: e.callId });
          return { ok: true };
        }
        if (call.state === 'ended') return { ok: true };
        await deps.db.query(
          sql`UPDATE calls SET state = 'ended', ended_at = ${now}, cause = ${e.cause ?? null},
                duration_s = CASE WHEN answered_at IS NULL THEN 0
                  ELSE greatest(0, round(extract(epoch FROM ${now}::timestamptz - answered_at)))::int END
              WHERE city_id = ${cityId} AND call_id = ${e.callId}`,
        );
        if (call.staff_id)
          deps.publish({ cityId, type: 'call.ended', staffId: call.staff_id, callId: e.callId });
        return { ok: true };
      },
    );
  });

  app.get(
    '/api/v1/calls/:callId/card',
    {
      schema: {
        tags: ['telephony'],
        summary: 'The caller card of a call (the operator who answered it, supervisors, admins)',
        params: Type.Object({ callId: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: Type.Object({ callId: Type.String(), caller: Type.Union([Caller, Type.Null()]) }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => {
      const me = requireStaff(req.actor, ['operator', 'supervisor', 'admin']);
      const [call] = await deps.db.query<{ from_phone: string | null; staff_id: number | null }>(
        sql`SELECT from_phone, staff_id FROM calls WHERE city_id = ${me.cityId} AND call_id = ${req.params.callId}`,
      );
      if (!call) throw notFound('call');
      if (me.role === 'operator' && call.staff_id !== me.id)
        throw forbidden('this call was answered by someone else');
      return {
        callId: req.params.callId,
        caller: call.from_phone ? await callerCard(deps, me.cityId, call.from_phone) : null,
      };
    },
  );

  app.get(
    '/api/v1/callers',
    {
      schema: {
        tags: ['telephony'],
        summary: 'Finds a caller by phone: the resident, their open and latest requests',
        querystring: Type.Object({ phone: Type.String({ minLength: 5, maxLength: 30 }) }),
        response: { 200: Caller, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const me = requireStaff(req.actor, ['operator', 'supervisor', 'admin']);
      return callerCard(deps, me.cityId, req.query.phone);
    },
  );

  app.get(
    '/api/v1/calls',
    {
      schema: {
        tags: ['telephony'],
        summary:
          'The call log: who answered, talk time, the requests and knowledge-base answers of each call',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Call) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const me = requireStaff(req.actor, ['supervisor', 'admin']);
      const rows = await deps.db.query<{
        call_id: string;
        direction: string;
        from_phone: string | null;
        state: string;
        login: string | null;
        started_at: Date;
        answered_at: Date | null;
        ended_at: Date | null;
        duration_s: number | null;
        cause: string | null;
        request_numbers: string[];
        kb: number;
      }>(sql`SELECT c.call_id, c.direction, c.from_phone, c.state, s.login, c.started_at, c.answered_at,
            c.ended_at, c.duration_s, c.cause, c.request_numbers,
            (SELECT count(*)::int FROM contacts k WHERE k.city_id = c.city_id AND k.call_id = c.call_id
               AND k.outcome = 'answered') AS kb
          FROM calls c LEFT JOIN staff s ON s.city_id = c.city_id AND s.id = c.staff_id
          WHERE c.city_id = ${me.cityId} ORDER BY c.started_at DESC LIMIT ${req.query.limit ?? 100}`);
      return {
        items: rows.map((r) => ({
          callId: r.call_id,
          direction: r.direction,
          from: r.from_phone,
          state: r.state,
          staff: r.login,
          startedAt: r.started_at.toISOString(),
          answeredAt: r.answered_at?.toISOString() ?? null,
          endedAt: r.ended_at?.toISOString() ?? null,
          durationSeconds: r.duration_s,
          cause: r.cause,
          requests: r.request_numbers,
          answeredFromKb: r.kb,
        })),
      };
    },
  );
}
