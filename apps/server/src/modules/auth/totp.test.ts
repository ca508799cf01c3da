import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { PASSWORD } from '../../../test/factories.ts';
import { base32Decode, base32Encode, totpCode, verifyTotp } from './totp.ts';

describe('TOTP', () => {
  it('matches the RFC 6238 test vector (SHA-1)', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
    expect(base32Decode(secret).toString()).toBe('12345678901234567890');
  });

  it('accepts one step of drift and nothing else', () => {
    const secret = base32Encode(Buffer.from('abcdefghijabcdefghij'));
    const now = 1_800_000_000_000;
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });
});

describe('two-factor sign-in for staff', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('an admin enrols; from then on sign-in needs the code', async () => {
    const token = await s.token('admin');
    const setup = (await s.call('POST', '/api/v1/auth/totp/setup', { token })).json();
    expect(setup.otpauthUrl).toContain('otpauth://totp/Komek:t-admin');
    expect(
      (await s.call('POST', '/api/v1/auth/totp/enable', { token, body: { code: '000000' } })).statusCode,
    ).toBe(400);
    expect(
      (
        await s.call('POST', '/api/v1/auth/totp/enable', {
          token,
          body: { code: totpCode(setup.secret, Date.now()) },
        })
      ).json(),
    ).toEqual({ enabled: true });
    const without = await s.call('POST', '/api/v1/auth/login', {
      body: { login: 't-admin', password: PASSWORD },
    });
    expect(without.statusCode).toBe(401);
    expect(without.json().error.details.totpRequired).toBe(true);
    const withCode = await s.call('POST', '/api/v1/auth/login', {
      body: { login: 't-admin', password: PASSWORD, otp: totpCode(setup.secret, Date.now()) },
    });
    expect(withCode.statusCode).toBe(200);
    expect(
      (await s.call('POST', '/api/v1/auth/totp/setup', { token: await s.residentToken('+77019998801') }))
        .statusCode,
    ).toBe(403);
  });
});
