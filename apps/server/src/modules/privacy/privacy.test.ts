import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { applyRetention, maskContacts } from './service.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('personal data', () => {
  it('masks phone numbers and e-mails in free text', () => {
    expect(maskContacts('звоните +7 701 123 45 67 или a.b@mail.kz')).toBe('звоните [телефон] или [e-mail]');
  });

  it('a resident downloads their data, then deletion leaves the history anonymised', async () => {
    const token = await s.residentToken('+77015550101');
    const r = (
      await s.call('POST', '/api/v1/requests', {
        token,
        body: {
          text: 'Яма у подъезда, мой номер +7 701 555 01 01',
          category: 'roads',
          channel: 'app',
          address: 'ул. Кенесары 1, кв. 5',
        },
      })
    ).json();
    const data = (await s.call('GET', '/api/v1/me/data', { token })).json();
    expect(data.resident.phone).toBe('+77015550101');
    expect(data.requests[0].number).toBe(r.number);
    expect(data.requests[0].history.length).toBeGreaterThan(0);
    expect((await s.call('DELETE', '/api/v1/me', { token })).statusCode).toBe(400);
    expect((await s.call('DELETE', '/api/v1/me?confirm=yes', { token })).statusCode).toBe(204);
    expect((await s.call('GET', '/api/v1/auth/me', { token })).json().user).toBeNull();
    const op = await s.token('operator');
    const after = (await s.call('GET', `/api/v1/requests/${r.number}`, { token: op })).json();
    expect(after.status).toBe('new');
    expect(after.address).toBeNull();
    expect(after.text).not.toContain('555');
    expect(after.resident.phone).not.toBe('+77015550101');
    expect(after.resident.name).toBeNull();
  });

  it('anonymises requests closed before the retention period', async () => {
    const op = await s.token('operator');
    const r = (
      await s.call('POST', '/api/v1/requests', {
        token: op,
        body: {
          text: 'Шум, звоните 87017770000',
          category: 'yards',
          channel: 'phone',
          address: 'ул. Абая 5',
          resident: { phone: '+77017770000' },
        },
      })
    ).json();
    await s.db.query(
      sql`UPDATE requests SET status = 'closed', closed_at = now() - interval '1200 days', resolved_at = now() - interval '1201 days' WHERE number = ${r.number}`,
    );
    expect(await applyRetention(s.db, new Date(), 1095)).toBe(1);
    const row = (
      await s.db.query<{ text: string; address: string | null; resident_id: number | null }>(
        sql`SELECT text, address, resident_id FROM requests WHERE number = ${r.number}`,
      )
    )[0];
    expect(row).toEqual({ text: 'Шум, звоните [телефон]', address: null, resident_id: null });
    expect(await applyRetention(s.db, new Date(), 1095)).toBe(0);
  });

  it('staff and anonymous cannot use the resident endpoints', async () => {
    expect((await s.call('GET', '/api/v1/me/data', { token: await s.token('admin') })).statusCode).toBe(403);
    expect((await s.call('GET', '/api/v1/me/data')).statusCode).toBe(401);
  });
});
