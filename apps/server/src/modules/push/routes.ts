/** Web push (the VAPID key, device subscriptions) and the resident's in-app notifications. */
import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import type { ResidentActor } from '../auth/policy.ts';
import { presentNotification } from './presenter.ts';
import { listMyNotifications, readMyNotifications, subscribePush, unsubscribePush } from './service.ts';
import { vapidKeys } from './vapid.ts';

function requireResident(a: Actor): ResidentActor {
  if (a.kind === 'anonymous') throw new AppError('unauthorized', 'sign in first');
  if (a.kind !== 'resident') throw new AppError('forbidden', 'this is for residents');
  return a;
}

const Endpoint = Type.String({
  minLength: 8,
  maxLength: 2000,
  description: 'the push service URL the browser gave',
});
const Base64Url = (max: number) =>
  Type.String({ minLength: 8, maxLength: max, pattern: '^[A-Za-z0-9_=-]+$' });

const SubscriptionBody = Type.Object(
  {
    endpoint: Endpoint,
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object({
      p256dh: Base64Url(200),
      auth: Base64Url(100),
    }),
    lang: Type.Optional(Type.String({ maxLength: 10, description: 'the page language (kk, ru, en)' })),
  },
  { description: 'PushSubscription.toJSON() from the browser' },
);

const NotificationSchema = Type.Object({
  id: Type.Number(),
  number: Type.Union([Type.String(), Type.Null()], { description: 'the request it is about' }),
  kind: Type.String({ description: 'status_changed, comment, area_report, …' }),
  title: Type.String(),
  body: Type.String(),
  url: Type.String({ description: 'where the resident app opens it' }),
  readAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export function pushRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/push/key',
    {
      schema: {
        tags: ['residents'],
        summary: 'The VAPID public key browsers subscribe with (applicationServerKey)',
        response: { 200: Type.Object({ publicKey: Type.String() }) },
      },
    },
    async () => ({ publicKey: (await vapidKeys(deps.db, deps.config)).publicKey }),
  );

  app.post(
    '/api/v1/push/subscriptions',
    {
      schema: {
        tags: ['residents'],
        summary: 'Subscribes this device to web push (one subscription per endpoint)',
        body: SubscriptionBody,
        response: {
          200: Type.Object({ id: Type.Number(), created: Type.Boolean() }),
          201: Type.Object({ id: Type.Number(), created: Type.Boolean() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const r = await subscribePush(deps, requireResident(req.actor), req.body);
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );

  app.delete(
    '/api/v1/push/subscriptions',
    {
      schema: {
        tags: ['residents'],
        summary: 'Unsubscribes this device',
        body: Type.Object({ endpoint: Endpoint }),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await unsubscribePush(deps, requireResident(req.actor), req.body.endpoint);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags: ['residents'],
        summary: 'The resident’s notifications, newest first, and how many are unread',
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }),
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'the next page: ids below this' })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const r = await listMyNotifications(deps, requireResident(req.actor), req.query);
      return { items: r.items.map(presentNotification), unread: r.unread };
    },
  );

  app.post(
    '/api/v1/me/notifications/read',
    {
      schema: {
        tags: ['residents'],
        summary: 'Marks notifications read: the given ids, or all',
        body: Type.Object({
          ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 })),
          all: Type.Optional(Type.Boolean()),
        }),
        response: {
          200: Type.Object({ marked: Type.Integer(), unread: Type.Integer() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => readMyNotifications(deps, requireResident(req.actor), req.body),
  );
}
