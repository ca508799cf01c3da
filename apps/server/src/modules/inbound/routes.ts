/**
 * `POST /api/v1/inbound/{provider}/{token}`: inbound channels as intake. `email` takes a raw
 * RFC 822 message (message/rfc822 or text/plain: an MTA pipe, a mail provider's webhook);
 * `telegram` takes a Telegram Bot API update (JSON). Each message becomes one request (a repeat
 * delivery returns the same one) and the sender is answered with its number.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { sameSecret } from '../../lib/secret.ts';
import { errors } from '../../lib/schemas.ts';
import type { InboundAdapter } from './adapter.ts';
import { emailAdapter } from './email.ts';
import { receive } from './service.ts';
import { telegramAdapter } from './telegram.ts';

/** Every inbound adapter by provider name: a new messenger is one more entry. */
export const ADAPTERS: ReadonlyMap<string, InboundAdapter> = new Map(
  [emailAdapter, telegramAdapter].map((a) => [a.provider, a]),
);

export function inboundRoutes(app: App, deps: AppDeps): void {
  void app.register(async (scope) => {
    for (const type of ['message/rfc822', 'text/plain'])
      scope.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
        (_req, body, done) => done(null, body),
      );
    scope.post(
      '/api/v1/inbound/:provider/:token',
      {
        schema: {
          tags: ['inbound'],
          summary: 'An inbound message (e-mail, Telegram) becomes a request; the sender gets its number',
          params: Type.Object({
            provider: Type.String({ maxLength: 40 }),
            token: Type.String({ maxLength: 200 }),
          }),
          response: {
            200: Type.Object({
              ok: Type.Boolean(),
              number: Type.Optional(Type.String()),
              duplicate: Type.Optional(Type.Boolean()),
              ignored: Type.Optional(Type.Boolean()),
            }),
            ...errors(400, 403, 404),
          },
        },
      },
      async (req: FastifyRequest<{ Params: { provider: string; token: string } }>) => {
        if (!sameSecret(deps.config.inboundToken, req.params.token)) throw forbidden('unknown inbound token');
        const adapter = ADAPTERS.get(req.params.provider);
        if (!adapter)
          throw notFound('inbound channel', { provider: req.params.provider, known: [...ADAPTERS.keys()] });
        const msg = await adapter.parse(req.body, String(req.headers['content-type'] ?? ''));
        if (!msg) return { ok: true, ignored: true };
        const r = await receive(deps, deps.config.cityId, adapter, msg);
        return { ok: true, number: r.number, duplicate: r.duplicate };
      },
    );
  });
}
