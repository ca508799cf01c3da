import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../lib/http.ts';
import type { AppDeps } from '../../lib/context.ts';
import { errors, LangSchema } from '../../lib/schemas.ts';
import { LIMITS, RateLimiter } from '../../lib/rate-limit.ts';
import { requireStaff } from './policy.ts';
import { enableTotp, loginStaff, logout, requestOtp, setupTotp, verifyOtp } from './service.ts';

export const SESSION_COOKIE = 'komek_session';

const UserSchema = Type.Object({
  kind: Type.Union([Type.Literal('staff'), Type.Literal('resident')]),
  id: Type.Number(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.Optional(Type.String()),
  agencyCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  login: Type.Optional(Type.String()),
});

export function authRoutes(app: App, deps: AppDeps): void {
  const limiter = new RateLimiter();
  const setCookie = (reply: FastifyReply, token: string): void => {
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      maxAge: 14 * 86400,
    });
  };

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with login and password',
        body: Type.Object({
          login: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
          otp: Type.Optional(
            Type.String({
              pattern: '^[0-9]{6}$',
              description: 'the authenticator code, when two-factor is on',
            }),
          ),
        }),
        response: { 200: Type.Object({ token: Type.String(), user: UserSchema }), ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      limiter.hit(`login-ip:${req.ip}`, LIMITS.loginPerIp);
      limiter.hit(`login:${req.body.login.toLowerCase()}`, LIMITS.loginPerAccount);
      const r = await loginStaff(deps, {
        login: req.body.login,
        password: req.body.password,
        otp: req.body.otp,
      });
      setCookie(reply, r.token);
      return r;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Ends the session', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = req.sessionToken;
      if (token) await logout(deps, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Starts two-factor sign-in (TOTP) for the signed-in staff member',
        response: {
          200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String() }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor);
      return setupTotp(deps, staff);
    },
  );
  app.post(
    '/api/v1/auth/totp/enable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turns two-factor sign-in on with a code from the authenticator app',
        body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }),
        response: { 200: Type.Object({ enabled: Type.Boolean() }), ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => enableTotp(deps, requireStaff(req.actor), req.body.code),
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who am I',
        response: { 200: Type.Object({ user: Type.Union([UserSchema, Type.Null()]) }) },
      },
    },
    async (req) => {
      const a = req.actor;
      if (a.kind === 'staff') {
        return {
          user: {
            kind: 'staff' as const,
            id: a.id,
            name: a.name,
            role: a.role,
            agencyCode: a.agencyCode,
            login: a.login,
          },
        };
      }
      if (a.kind === 'resident') return { user: { kind: 'resident' as const, id: a.id, name: null } };
      return { user: null };
    },
  );

  app.post(
    '/api/v1/auth/otp/request',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sends a one-time sign-in code to a resident by SMS',
        body: Type.Object({ phone: Type.String({ minLength: 5, maxLength: 30 }) }),
        response: {
          202: Type.Object({ sent: Type.Boolean(), expiresInSeconds: Type.Number() }),
          ...errors(400, 429),
        },
      },
    },
    async (req, reply) => {
      limiter.hit(`otp-ip:${req.ip}`, LIMITS.otpPerIp);
      const r = await requestOtp(deps, { cityId: deps.config.cityId, phone: req.body.phone });
      return reply.status(202).send(r);
    },
  );

  app.post(
    '/api/v1/auth/otp/verify',
    {
      schema: {
        tags: ['auth'],
        summary: 'Signs a resident in with the code; creates the resident on first sign-in',
        body: Type.Object({
          phone: Type.String({ minLength: 5, maxLength: 30 }),
          code: Type.String({ pattern: '^[0-9]{6}$' }),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          lang: Type.Optional(LangSchema),
        }),
        response: { 200: Type.Object({ token: Type.String(), user: UserSchema }), ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const r = await verifyOtp(deps, { cityId: deps.config.cityId, ...req.body });
      setCookie(reply, r.token);
      return r;
    },
  );
}
