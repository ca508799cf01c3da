/** Notification API: preferences, push subscriptions, in-app inbox, admin outbox and webhooks. */
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { AppError, forbidden, notFound, unauthorized } from '../../errors.ts';
import type { Actor } from '../../lib/context.ts';
import { requireAdmin, type ResidentActor } from '../auth/policy.ts';
import { vapidKeys } from './channels.ts';
import {
  deleteSubscription,
  listNotifications,
  listOutbox,
  markRead,
  retryOutbox,
  saveSubscription,
} from './inbox.ts';
import { getPreferences, hhmm, minutesOf, savePreferences } from './preferences.ts';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  presentWebhook,
  updateWebhook,
  WEBHOOK_EVENTS,
} from './webhooks.ts';

function requireResident(actor: Actor): ResidentActor {
  if (actor.kind === 'anonymous') throw unauthorized();
  if (actor.kind !== 'resident') throw forbidden('residents only');
  return actor;
}

const HHMM = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'local time HH:MM in the city time zone',
});
const Prefs = Type.Object(
  {
    channels: Type.Object(
      { sms: Type.Boolean(), email: Type.Boolean(), push: Type.Boolean(), inapp: Type.Boolean() },
      { additionalProperties: false },
    ),
    email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
    quietHours: Type.Union([
      Type.Object({ start: HHMM, end: HHMM }, { additionalProperties: false }),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
const PrefsOut = Type.Composite([
  Prefs,
  Type.Object({ pushSubscribed: Type.Boolean(), timeZone: Type.String() }),
]);
const Events = Type.Array(Type.Union(WEBHOOK_EVENTS.map((e) => Type.Literal(e))), {
  minItems: 1,
  maxItems: 10,
});
const HookUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 });
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const OutboxStatus = Type.Union(['pending', 'sending', 'sent', 'dead', 'failed'].map((s) => Type.Literal(s)));

export function notifyRoutes(app: App, deps: AppDeps): void {
  const present = async (cityId: string, residentId: number) => {
    const p = await getPreferences(deps.db, cityId, residentId);
    return {
      channels: p.channels,
      email: p.email,
      quietHours: p.quietHours ? { start: hhmm(p.quietHours.start), end: hhmm(p.quietHours.end) } : null,
      pushSubscribed: p.pushSubscribed,
      timeZone: deps.config.cityTimeZone,
    };
  };

  app.get(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: "The resident's notification channels, e-mail and quiet hours",
        response: { 200: PrefsOut, ...errors(401, 403) },
      },
    },
    async (req) => {
      const r = requireResident(req.actor);
      return present(r.cityId, r.id);
    },
  );
  app.put(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Sets channels (sms/email/push/inapp), e-mail and quiet hours (SMS and push wait until they end)',
        body: Prefs,
        response: { 200: PrefsOut, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const r = requireResident(req.actor);
      const b = req.body;
      if (b.channels.email && !b.email)
        throw new AppError('validation_failed', 'e-mail notifications need an address', { field: 'email' });
      await savePreferences(deps.db, r.cityId, r.id, {
        channels: b.channels,
        email: b.email,
        quietHours: b.quietHours
          ? { start: minutesOf(b.quietHours.start), end: minutesOf(b.quietHours.end) }
          : null,
      });
      return present(r.cityId, r.id);
    },
  );

  app.get(
    '/api/v1/push/key',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The VAPID public key for web push subscriptions',
        response: { 200: Type.Object({ publicKey: Type.String() }) },
      },
    },
    async (req) => ({
      publicKey: (await vapidKeys(deps.db, req.actor.cityId, deps.config.notify)).publicKey,
    }),
  );
  app.post(
    '/api/v1/push/subscriptions',
    {
      schema: {
        tags: ['notifications'],
        summary: "Registers this device's push subscription (PushSubscription.toJSON() plus lang)",
        body: Type.Object({
          endpoint: Type.String({ pattern: '^https?://', maxLength: 2000 }),
          expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
          keys: Type.Object({
            p256dh: Type.String({ minLength: 1, maxLength: 200 }),
            auth: Type.String({ minLength: 1, maxLength: 100 }),
          }),
          lang: Type.Optional(Type.String({ maxLength: 10 })),
        }),
        response: { 201: Type.Object({ ok: Type.Boolean() }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const r = requireResident(req.actor);
      const lang = ['kk', 'ru', 'en'].includes(req.body.lang ?? '') ? (req.body.lang as string) : 'ru';
      await saveSubscription(deps.db, r.cityId, r.id, {
        endpoint: req.body.endpoint,
        p256dh: req.body.keys.p256dh,
        auth: req.body.keys.auth,
        lang,
      });
      return reply.code(201).send({ ok: true });
    },
  );
  app.delete(
    '/api/v1/push/subscriptions',
    {
      schema: {
        tags: ['notifications'],
        summary: "Removes a device's push subscription (or all of the resident's without an endpoint)",
        body: Type.Optional(Type.Object({ endpoint: Type.Optional(Type.String({ maxLength: 2000 })) })),
        response: { 200: Type.Object({ removed: Type.Number() }), ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const r = requireResident(req.actor);
      return { removed: await deleteSubscription(deps.db, r.cityId, r.id, req.body?.endpoint) };
    },
  );

  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The resident's in-app notifications, newest first, with the unread count",
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          before: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Unknown()), unread: Type.Number() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const r = requireResident(req.actor);
      return listNotifications(deps.db, r.cityId, r.id, req.query.limit ?? 30, req.query.before);
    },
  );
  app.post(
    '/api/v1/me/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Marks notifications read (the given ids, or all)',
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ updated: Type.Number() }), ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const r = requireResident(req.actor);
      return { updated: await markRead(deps.db, r.cityId, r.id, req.body.ids, deps.now()) };
    },
  );

  app.get(
    '/api/v1/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Outbox messages by status (dead letters, pending, sent); recipients masked',
        querystring: Type.Object({
          status: Type.Optional(OutboxStatus),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          before: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const a = requireAdmin(req.actor);
      return {
        items: await listOutbox(deps.db, a.cityId, {
          status: req.query.status,
          limit: req.query.limit ?? 100,
          before: req.query.before,
        }),
      };
    },
  );
  app.post(
    '/api/v1/admin/outbox/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Puts a dead message back in the queue with a fresh attempt budget',
        params: Id,
        response: {
          200: Type.Object({ id: Type.Number(), status: Type.String() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const a = requireAdmin(req.actor);
      const r = await retryOutbox(deps.db, a.cityId, req.params.id, deps.now());
      if (r === 'missing') throw notFound('message', { id: req.params.id });
      if (r === 'not_dead')
        throw new AppError('conflict', 'only dead messages can be retried', { id: req.params.id });
      return { id: req.params.id, status: 'pending' };
    },
  );

  app.get(
    '/api/v1/admin/webhooks',
    {
      schema: {
        tags: ['admin'],
        summary: 'Webhooks of the city (secrets are never shown again)',
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(401, 403) },
      },
    },
    async (req) => ({
      items: (await listWebhooks(deps.db, requireAdmin(req.actor).cityId)).map(presentWebhook),
    }),
  );
  app.post(
    '/api/v1/admin/webhooks',
    {
      schema: {
        tags: ['admin'],
        summary: 'Registers a webhook; the signing secret is in this answer only',
        body: Type.Object({ url: HookUrl, events: Events }, { additionalProperties: false }),
        response: { 201: Type.Unknown(), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const a = requireAdmin(req.actor);
      const { hook, secret } = await createWebhook(deps.db, a.cityId, req.body);
      return reply.code(201).send({ ...presentWebhook(hook), secret });
    },
  );
  app.patch(
    '/api/v1/admin/webhooks/:id',
    {
      schema: {
        tags: ['admin'],
        summary: "Changes a webhook's URL, events or active flag",
        params: Id,
        body: Type.Object(
          {
            url: Type.Optional(HookUrl),
            events: Type.Optional(Events),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const a = requireAdmin(req.actor);
      const w = await updateWebhook(deps.db, a.cityId, req.params.id, req.body);
      if (!w) throw notFound('webhook', { id: req.params.id });
      return presentWebhook(w);
    },
  );
  app.delete(
    '/api/v1/admin/webhooks/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Deletes a webhook',
        params: Id,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const a = requireAdmin(req.actor);
      if (!(await deleteWebhook(deps.db, a.cityId, req.params.id)))
        throw notFound('webhook', { id: req.params.id });
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/admin/webhooks/:id/deliveries',
    {
      schema: {
        tags: ['admin'],
        summary: "A webhook's delivery log: status, attempts, receiver's HTTP status, last error",
        params: Id,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          before: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const a = requireAdmin(req.actor);
      if (!(await listWebhooks(deps.db, a.cityId)).some((w) => Number(w.id) === req.params.id))
        throw notFound('webhook', { id: req.params.id });
      const items = await listOutbox(deps.db, a.cityId, {
        recipient: `webhook:${req.params.id}`,
        limit: req.query.limit ?? 100,
        before: req.query.before,
      });
      return { items: items.map((i) => ({ ...i, event: i.kind, delivery: `outbox-${i.id}` })) };
    },
  );
}
