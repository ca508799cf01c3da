import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { LIMITS, RateLimiter } from '../../lib/rate-limit.ts';
import { errors } from '../../lib/schemas.ts';
import { READ_ALL } from '../auth/policy.ts';
import { linkRequestToCall } from '../calls/routes.ts';
import { createRequest } from './intake.ts';
import { presentEvent, presentRequest } from './presenter.ts';
import { listEvents, listRequests } from './repository.ts';
import {
  AssignBody,
  CommentBody,
  CreateRequestBody,
  EventSchema,
  FeedbackBody,
  ListQuery,
  NumberParams,
  RequestSchema,
  TransitionBody,
} from './schema.ts';
import {
  assignRequest,
  commentRequest,
  rateRequest,
  readableRequest,
  transitionRequest,
} from './workflow.ts';

const split = (v?: string): string[] | undefined =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function encodeCursor(createdAt: string, id: number): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(c: string): { createdAt: Date; id: number } {
  try {
    const [t, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as [string, number];
    const d = new Date(t);
    if (Number.isNaN(d.getTime()) || !Number.isInteger(id)) throw new Error('bad');
    return { createdAt: d, id };
  } catch {
    throw new AppError('validation_failed', 'the cursor is not one we gave out', { field: 'cursor' });
  }
}

export function requestRoutes(app: App, deps: AppDeps): void {
  const limiter = new RateLimiter();
  app.post(
    '/api/v1/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Registers a request from any channel',
        description:
          'Send an `Idempotency-Key` header to make retries safe: a retry returns the same request and stores nothing twice.',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        }),
        body: CreateRequestBody,
        response: { 201: Type.Ref('Request'), ...errors(400, 401, 403, 409, 413) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'staff') {
        limiter.hit(`intake-ip:${req.ip}`, LIMITS.intakePerIp);
        if (req.actor.kind === 'resident')
          limiter.hit(`intake-resident:${req.actor.id}`, LIMITS.intakePerResident);
      }
      const r = await createRequest(deps, req.actor, req.body, req.headers['idempotency-key']);
      if (req.body.callId && req.actor.kind === 'staff')
        await linkRequestToCall(deps, req.actor.cityId, req.body.callId, r.request.number);
      if (r.replayed) void reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(presentRequest(r.request, req.actor));
    },
  );

  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Lists requests the caller may see, newest first, with keyset pagination',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('Request')),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const a = req.actor;
      if (a.kind === 'anonymous') throw new AppError('unauthorized', 'sign in first');
      const q = req.query;
      const limit = q.limit ?? 50;
      let agency = split(q.agency);
      let residentId: number | undefined;
      if (a.kind === 'resident') residentId = a.id;
      else if (!READ_ALL.includes(a.role)) {
        if (a.role !== 'executor' || !a.agencyCode)
          throw new AppError('forbidden', 'your role does not read requests');
        if (agency && agency.some((x) => x !== a.agencyCode))
          throw new AppError('forbidden', 'an executor sees their own agency only');
        agency = [a.agencyCode];
      }
      const rows = await listRequests(deps.db, {
        cityId: a.cityId,
        status: split(q.status),
        category: split(q.category),
        agency,
        district: split(q.district),
        criticality: split(q.criticality),
        channel: split(q.channel),
        createdFrom: q.createdFrom ? new Date(q.createdFrom) : undefined,
        createdTo: q.createdTo ? new Date(q.createdTo) : undefined,
        overdue: q.overdue,
        text: q.q?.trim() || undefined,
        residentId,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
        limit: limit + 1,
        now: deps.now(),
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentRequest(r, a)),
        nextCursor: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null,
      };
    },
  );

  app.get(
    '/api/v1/requests/:number',
    {
      schema: {
        tags: ['requests'],
        summary: 'One request',
        params: NumberParams,
        response: { 200: Type.Ref('Request'), ...errors(401, 403, 404) },
      },
    },
    async (req) => presentRequest(await readableRequest(deps, req.actor, req.params.number), req.actor),
  );

  app.get(
    '/api/v1/requests/:number/events',
    {
      schema: {
        tags: ['requests'],
        summary: 'The request’s history (residents see the public events)',
        params: NumberParams,
        response: { 200: Type.Object({ items: Type.Array(EventSchema) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const r = await readableRequest(deps, req.actor, req.params.number);
      const events = await listEvents(deps.db, r.city_id, r.id, req.actor.kind !== 'staff');
      return { items: events.map((e) => presentEvent(e, req.actor)) };
    },
  );

  app.post(
    '/api/v1/requests/:number/transitions',
    {
      schema: {
        tags: ['requests'],
        summary: 'Moves the request through its lifecycle',
        description: 'An illegal transition is a 409 whose details list the allowed target statuses.',
        params: NumberParams,
        body: TransitionBody,
        response: { 200: Type.Ref('Request'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      presentRequest(await transitionRequest(deps, req.actor, req.params.number, req.body), req.actor),
  );

  app.post(
    '/api/v1/requests/:number/assign',
    {
      schema: {
        tags: ['requests'],
        summary: 'Routes the request to an agency and/or executor',
        params: NumberParams,
        body: AssignBody,
        response: { 200: Type.Ref('Request'), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) =>
      presentRequest(await assignRequest(deps, req.actor, req.params.number, req.body), req.actor),
  );

  app.post(
    '/api/v1/requests/:number/comments',
    {
      schema: {
        tags: ['requests'],
        summary: 'A public reply to the resident or an internal note',
        params: NumberParams,
        body: CommentBody,
        response: {
          201: Type.Object({ id: Type.Number(), createdAt: Type.String() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await commentRequest(deps, req.actor, req.params.number, req.body)),
  );

  app.post(
    '/api/v1/requests/:number/feedback',
    {
      schema: {
        tags: ['requests'],
        summary: 'The resident rates the answer',
        params: NumberParams,
        body: FeedbackBody,
        response: { 200: Type.Object({ rating: Type.Number() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => rateRequest(deps, req.actor, req.params.number, req.body),
  );
}

export { RequestSchema };
