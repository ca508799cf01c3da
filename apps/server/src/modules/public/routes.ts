/** Routes of the resident cabinet's server side: public map/list, anonymous reports and claims, subscriptions. */
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { errors, RequestNumber } from '../../lib/schemas.ts';
import { AppError } from '../../errors.ts';
import { presentRequest } from '../requests/presenter.ts';
import { claimRequest, reportAnonymously } from './anonymous.ts';
import { presentSubscription } from './presenter.ts';
import {
  AnonymousReportBody,
  AnonymousReportResponse,
  ClaimBody,
  PublicListQuery,
  PublicSettingsSchema,
  PublicRequestPage,
  PublicRequestSchema,
  SubscriptionBody,
  SubscriptionSchema,
} from './schema.ts';
import { listPublic, publicRequest, publicSettings } from './service.ts';
import { mySubscriptions, requireResident, subscribe, unsubscribe } from './subscriptions.ts';

/** Anonymous reports per address: mobile carriers put many phones behind one address, so this only stops floods. */
const ANONYMOUS_PER_IP = { max: 30, windowMs: 10 * 60_000 };

export function publicRoutes(app: App, deps: AppDeps): void {
  const limiter = new RateLimiter();

  app.get(
    '/api/v1/public/settings',
    {
      schema: {
        tags: ['public'],
        summary:
          'What the resident app needs to know about the city: anonymous reports, the reopen and auto-close windows',
        response: { 200: PublicSettingsSchema },
      },
    },
    async (req) => publicSettings(deps, req.actor.cityId),
  );

  app.get(
    '/api/v1/public/requests',
    {
      schema: {
        tags: ['public'],
        summary: 'Requests for the public map and list, without personal data',
        description:
          'No names, phones or addresses; coordinates rounded to about 100 m; contacts and flat numbers masked in the text, and no text at all for requests made by phone.',
        querystring: PublicListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(PublicRequestSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors(400),
        },
      },
    },
    async (req) => listPublic(deps, req.actor.cityId, req.query),
  );

  app.get(
    '/api/v1/public/requests/:number',
    {
      schema: {
        tags: ['public'],
        summary: 'One request as the public sees it, with its status history',
        params: Type.Object({ number: RequestNumber }),
        response: { 200: PublicRequestPage, ...errors(404) },
      },
    },
    async (req) => publicRequest(deps, req.actor.cityId, req.params.number),
  );

  app.post(
    '/api/v1/requests/anonymous',
    {
      schema: {
        tags: ['requests'],
        summary: 'Reports a problem without an account (where the city allows it)',
        description:
          'Answers with a claim token: after signing in by phone, `POST /api/v1/requests/claim` makes the request yours. Send an `Idempotency-Key` so a retry never registers it twice.',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        }),
        body: AnonymousReportBody,
        response: { 201: AnonymousReportResponse, ...errors(400, 403, 409, 429) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'anonymous')
        throw new AppError('bad_request', 'you are signed in: report with POST /api/v1/requests');
      limiter.hit(`anonymous-ip:${req.ip}`, ANONYMOUS_PER_IP);
      const r = await reportAnonymously(deps, req.actor.cityId, req.body, req.headers['idempotency-key']);
      if (r.replayed) void reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send({
        number: r.request.number,
        status: r.request.status,
        category: r.request.category_code,
        dueAt: r.request.due_at.toISOString(),
        createdAt: r.request.created_at.toISOString(),
        claimToken: r.claimToken,
        claimExpiresAt: r.claimExpiresAt.toISOString(),
      });
    },
  );

  app.post(
    '/api/v1/requests/claim',
    {
      schema: {
        tags: ['requests'],
        summary: 'Makes a report made without an account yours (signed-in residents)',
        body: ClaimBody,
        response: { 200: Type.Ref('Request'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const resident = requireResident(req.actor);
      return presentRequest(await claimRequest(deps, resident, req.body.token), resident);
    },
  );

  app.post(
    '/api/v1/subscriptions',
    {
      schema: {
        tags: ['public'],
        summary: 'Follows a request (status changes) or an area (new reports): a district or a bbox',
        body: SubscriptionBody,
        response: { 201: SubscriptionSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentSubscription(await subscribe(deps, requireResident(req.actor), req.body))),
  );

  app.get(
    '/api/v1/subscriptions',
    {
      schema: {
        tags: ['public'],
        summary: 'What I follow',
        response: { 200: Type.Object({ items: Type.Array(SubscriptionSchema) }), ...errors(401, 403) },
      },
    },
    async (req) => ({
      items: (await mySubscriptions(deps, requireResident(req.actor))).map(presentSubscription),
    }),
  );

  app.delete(
    '/api/v1/subscriptions/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'Stops following',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await unsubscribe(deps, requireResident(req.actor), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
