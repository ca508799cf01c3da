import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { PASSWORD } from '../../../test/factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('staff sign-in', () => {
  it('returns a token and an HttpOnly session cookie; the cookie alone authenticates', async () => {
    const r = await s.call('POST', '/api/v1/auth/login', {
      body: { login: 't-operator', password: PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().user).toMatchObject({ kind: 'staff', role: 'operator' });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain('komek_session=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await s.call('GET', '/api/v1/auth/me', {
      headers: { cookie: cookie.split(';')[0] as string },
    });
    expect(me.json().user.role).toBe('operator');
  });

  it('refuses a wrong password with 401 in the one error shape, and logout ends the session', async () => {
    const bad = await s.call('POST', '/api/v1/auth/login', {
      body: { login: 't-operator', password: 'nope' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid_credentials');
    const r = await s.call('POST', '/api/v1/auth/login', { body: { login: 't-admin', password: PASSWORD } });
    const token = r.json().token as string;
    expect((await s.call('POST', '/api/v1/auth/logout', { token })).statusCode).toBe(204);
    expect((await s.call('GET', '/api/v1/auth/me', { token })).json().user).toBeNull();
  });

  it('stores argon2id hashes, never passwords', async () => {
    const rows = await s.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM staff WHERE login = 't-operator'",
    );
    expect(rows[0]?.password_hash.startsWith('$argon2id$')).toBe(true);
  });
});

describe('resident sign-in by one-time code', () => {
  it('signs a resident in with the code from the SMS outbox', async () => {
    const token = await s.residentToken('+77017770001');
    const me = (await s.call('GET', '/api/v1/auth/me', { token })).json();
    expect(me.user.kind).toBe('resident');
  });

  it('limits codes to one per 30 s and locks after five wrong codes', async () => {
    const phone = '+77017770002';
    expect((await s.call('POST', '/api/v1/auth/otp/request', { body: { phone } })).statusCode).toBe(202);
    const again = await s.call('POST', '/api/v1/auth/otp/request', { body: { phone } });
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBeDefined();
    for (let i = 0; i < 5; i++) {
      const w = await s.call('POST', '/api/v1/auth/otp/verify', { body: { phone, code: '000000' } });
      expect(w.statusCode).toBe(401);
    }
    const locked = await s.call('POST', '/api/v1/auth/otp/verify', { body: { phone, code: '000000' } });
    expect(locked.statusCode).toBe(429);
  });

  it('accepts local Kazakh phone formats and refuses garbage', async () => {
    expect(
      (await s.call('POST', '/api/v1/auth/otp/request', { body: { phone: '8 (701) 777-00-03' } })).statusCode,
    ).toBe(202);
    const rows = await s.db.query<{ phone: string }>(
      "SELECT phone FROM otp_codes WHERE phone = '+77017770003'",
    );
    expect(rows).toHaveLength(1);
    expect(
      (await s.call('POST', '/api/v1/auth/otp/request', { body: { phone: 'hello there' } })).statusCode,
    ).toBe(400);
  });
});
