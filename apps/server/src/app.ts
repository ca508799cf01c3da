/** Builds the HTTP application: plugins, the auth hook, the error shape and every module's routes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor, AppDeps } from './lib/context.ts';
import { installErrorHandler, type App } from './lib/http.ts';
import { ErrorSchema } from './lib/schemas.ts';
import { validatorCompiler } from './lib/validation.ts';
import { installSecurity } from './lib/security.ts';
import { cachedActorForToken } from './modules/auth/repository.ts';
import { SESSION_COOKIE } from './modules/auth/routes.ts';
import { MODULES } from './modules/index.ts';
import { RequestSchema } from './modules/requests/schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | undefined;
  }
}

export interface BuildOptions {
  deps: AppDeps;
  /** Serve the built web app from this folder (apps/web/dist) when it exists. */
  webDist?: string;
  logger?: boolean | object;
}

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

export async function buildApp(opts: BuildOptions): Promise<App> {
  const { deps } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => Math.random().toString(36).slice(2, 10),
    ...(opts.logger ? { logger: { level: deps.config.logLevel, redact: REDACT } } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  installErrorHandler(app);
  app.addSchema(ErrorSchema);
  app.addSchema(RequestSchema);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Komek API',
        version: '0.1.0',
        description:
          'The unified contact center (311) of a city: requests from every channel in one lifecycle.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.decorateRequest('actor', undefined as never);
  app.decorateRequest('sessionToken', undefined as never);
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies[SESSION_COOKIE];
    req.sessionToken = token || undefined;
    req.actor = { kind: 'anonymous', cityId: deps.config.cityId };
    if (token && token.length <= 200) {
      const actor = await cachedActorForToken(deps.db, token, deps.now());
      if (actor) req.actor = actor;
    }
  });

  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness and the database in use',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
          }),
          503: Type.Ref('Error'),
        },
      },
    },
    async () => {
      await deps.db.query('SELECT 1');
      return { status: 'ok' as const, database: deps.db.kind };
    },
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installSecurity(app, deps);
  for (const register of MODULES) await register(app, deps);

  if (opts.webDist && existsSync(join(opts.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDist, prefix: '/', wildcard: false, index: false });
    const spa = (_req: unknown, reply: { sendFile(f: string): unknown }) => reply.sendFile('index.html');
    for (const p of ['/', '/console', '/console/*', '/panel', '/panel/*', '/app', '/app/*'])
      app.get(p, { schema: { hide: true } }, spa as never);
  }
  return app;
}
