/** Web push for residents: the VAPID public key and the device subscriptions. */
import { Type } from '@sinclair/typebox';
import { badRequest, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors, LangSchema } from '../../lib/schemas.ts';
import { requireResident } from '../public/subscriptions.ts';
import { deleteSubscription, saveSubscription, vapidKeys } from './service.ts';

const Key = Type.String({ pattern: '^[A-Za-z0-9_-]+={0,2}$', minLength: 16, maxLength: 200 });
const Endpoint = Type.String({
  minLength: 10,
  maxLength: 2000,
  description: 'the push service URL the browser gave',
});

const SubscriptionBody = Type.Object(
  {
    endpoint: Endpoint,
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object({ p256dh: Key, auth: Key }, { additionalProperties: false }),
    lang: Type.Optional(LangSchema),
  },
  {
    additionalProperties: false,
    description: 'PushSubscription.toJSON() from the browser, and the app language',
  },
);

export function pushRoutes(app: App, deps: AppDeps): void {
  /** Push services are reached over https; plain http only to this machine outside production. */
  const checkEndpoint = (endpoint: string): void => {
    let u: URL;
    try {
      u = new URL(endpoint);
    } catch {
      throw badRequest('endpoint is not a URL', { field: 'endpoint' });
    }
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local && deps.config.env !== 'production'))
      throw badRequest('endpoint must be an https URL of a push service', { field: 'endpoint' });
  };

  app.get(
    '/api/v1/push/key',
    {
      schema: {
        tags: ['push'],
        summary: 'The VAPID public key to subscribe a browser to web push with',
        response: { 200: Type.Object({ publicKey: Type.String() }) },
      },
    },
    async () => ({ publicKey: (await vapidKeys(deps.db, deps.config)).publicKey }),
  );

  app.post(
    '/api/v1/push/subscriptions',
    {
      schema: {
        tags: ['push'],
        summary: "Subscribes this device to web push for the resident's requests",
        body: SubscriptionBody,
        response: { 201: Type.Object({ subscribed: Type.Boolean() }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const resident = requireResident(req.actor);
      checkEndpoint(req.body.endpoint);
      await saveSubscription(deps.db, resident.cityId, resident.id, req.body);
      return reply.status(201).send({ subscribed: true });
    },
  );

  app.delete(
    '/api/v1/push/subscriptions',
    {
      schema: {
        tags: ['push'],
        summary: 'Unsubscribes a device',
        body: Type.Object({ endpoint: Endpoint }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const resident = requireResident(req.actor);
      if (!(await deleteSubscription(deps.db, resident.cityId, resident.id, req.body.endpoint)))
        throw notFound('subscription');
      return reply.status(204).send(null);
    },
  );
}
