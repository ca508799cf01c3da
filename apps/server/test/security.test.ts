import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from './factories.ts';
import { startTestServer, type TestServer } from './server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('security', () => {
  it('sends secure headers with a strict Content-Security-Policy', async () => {
    const r = await s.call('GET', '/health');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('refuses a cookie-authenticated write from another origin (CSRF) and accepts our own', async () => {
    const login = await s.call('POST', '/api/v1/auth/login', {
      body: { login: 't-operator', password: PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const body = { text: 'яма на дороге', category: 'roads', channel: 'phone' };
    const evil = await s.call('POST', '/api/v1/requests', {
      body,
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:80' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.details.csrf).toBe(true);
    const none = await s.call('POST', '/api/v1/requests', { body, headers: { cookie } });
    expect(none.statusCode).toBe(403);
    const ours = await s.call('POST', '/api/v1/requests', {
      body,
      headers: { cookie, origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(ours.statusCode).toBe(201);
  });

  it('limits password guessing per account', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++)
      last = (
        await s.call('POST', '/api/v1/auth/login', { body: { login: 't-analyst', password: `wrong-${i}` } })
      ).statusCode;
    expect(last).toBe(429);
  });

  it('audits staff changes and staff reads of personal data, append-only, for admins only', async () => {
    const op = await s.token('operator');
    const r = (
      await s.call('POST', '/api/v1/requests', {
        token: op,
        body: {
          text: 'нет света',
          category: 'electricity',
          channel: 'phone',
          resident: { phone: '+77014440001' },
        },
      })
    ).json();
    await s.call('GET', `/api/v1/requests/${r.number}`, { token: op });
    await new Promise((res) => setTimeout(res, 50));
    const audit = (
      await s.call('GET', `/api/v1/admin/audit?target=${r.number}`, { token: await s.token('admin') })
    ).json().items;
    expect(audit.map((a: { method: string; route: string }) => `${a.method} ${a.route}`)).toEqual([
      'GET /api/v1/requests/:number',
    ]);
    const all = (
      await s.call('GET', '/api/v1/admin/audit?limit=500', { token: await s.token('admin') })
    ).json().items;
    expect(
      all.some(
        (a: { method: string; route: string }) => a.method === 'POST' && a.route === '/api/v1/requests',
      ),
    ).toBe(true);
    expect(JSON.stringify(all)).not.toContain('+77014440001');
    expect((await s.call('GET', '/api/v1/admin/audit', { token: op })).statusCode).toBe(403);
    await expect(s.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
