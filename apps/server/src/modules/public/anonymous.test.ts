import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { CITY } from '../../../test/factories.ts';
import { invalidateCatalog } from '../catalog/cache.ts';

let s: TestServer;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('anonymous photo'),
]);

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const report = (body: Record<string, unknown>, key?: string) =>
  s.call('POST', '/api/v1/requests/anonymous', {
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('anonymous reports', () => {
  it('registers a report without an account and answers with a claim token', async () => {
    const r = await report({ text: 'Яма на дороге у остановки', lat: 51.15, lon: 71.35, channel: 'app' });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({ status: 'new', category: 'roads' });
    expect(body.claimToken.length).toBeGreaterThanOrEqual(30);
    const rows = await s.db.query<{ resident_id: number | null; channel: string; agency_code: string }>(
      sql`SELECT resident_id, channel, agency_code FROM requests WHERE number = ${body.number}`,
    );
    expect(rows[0]).toEqual({ resident_id: null, channel: 'app', agency_code: 'roads' });
    const claims = await s.db.query<{ token_hash: string }>(sql`SELECT token_hash FROM request_claims`);
    expect(claims.map((c) => c.token_hash)).not.toContain(body.claimToken);
  });

  it('replays a retry with the same Idempotency-Key: one request, a fresh working token', async () => {
    const first = (await report({ text: 'Нет света в подъезде' }, 'k-anon-1')).json();
    const again = await report({ text: 'Нет света в подъезде' }, 'k-anon-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().number).toBe(first.number);
    const n = await s.db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM requests WHERE text = 'Нет света в подъезде'`,
    );
    expect(n[0]?.n).toBe(1);
    const resident = await s.residentToken('+77018880009');
    expect(
      (await s.call('POST', '/api/v1/requests/claim', { token: resident, body: { token: first.claimToken } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await s.call('POST', '/api/v1/requests/claim', {
          token: resident,
          body: { token: again.json().claimToken },
        })
      ).statusCode,
    ).toBe(200);
    expect((await report({ text: 'Нет света в подъезде' }, 'k-anon-1')).statusCode).toBe(409);
  });

  it('lets the token holder add photos, and nobody else', async () => {
    const { number, claimToken } = (await report({ text: 'Сломана скамейка во дворе' })).json();
    const up = (headers: Record<string, string>) =>
      s.app.inject({
        method: 'POST',
        url: `/api/v1/requests/${number}/attachments`,
        headers: { 'content-type': 'image/png', ...headers },
        payload: PNG,
      });
    expect((await up({})).statusCode).toBe(401);
    expect((await up({ 'x-claim-token': 'not-the-token-of-this-report-at-all' })).statusCode).toBe(403);
    const other = (await report({ text: 'Другая яма' })).json();
    expect((await up({ 'x-claim-token': other.claimToken })).statusCode).toBe(403);
    const ok = await up({ 'x-claim-token': claimToken });
    expect(ok.statusCode).toBe(201);
    const events = await s.db.query<{
      type: string;
      actor_kind: string;
      actor_id: number | null;
    }>(sql`SELECT e.type, e.actor_kind, e.actor_id FROM request_events e
      JOIN requests r ON r.city_id = e.city_id AND r.id = e.request_id WHERE r.number = ${number} ORDER BY e.id`);
    expect(events.map((e) => e.type)).toEqual(['created', 'attachment']);
    expect(events[1]).toMatchObject({ actor_kind: 'resident', actor_id: null });
  });

  it('makes the report the resident’s after sign-in, once, with an event', async () => {
    const { number, claimToken } = (await report({ text: 'Не горит фонарь' })).json();
    const aigul = await s.residentToken('+77018880001');
    const claim = await s.call('POST', '/api/v1/requests/claim', {
      token: aigul,
      body: { token: claimToken },
    });
    expect(claim.statusCode).toBe(200);
    expect(claim.json().number).toBe(number);
    const mine = (await s.call('GET', '/api/v1/requests', { token: aigul }))
      .json()
      .items.map((i: { number: string }) => i.number);
    expect(mine).toContain(number);
    expect((await s.call('GET', `/api/v1/requests/${number}`, { token: aigul })).statusCode).toBe(200);
    // Claiming again is harmless; someone else cannot take it; the token no longer opens uploads.
    expect(
      (await s.call('POST', '/api/v1/requests/claim', { token: aigul, body: { token: claimToken } }))
        .statusCode,
    ).toBe(200);
    const bolat = await s.residentToken('+77018880002');
    expect(
      (await s.call('POST', '/api/v1/requests/claim', { token: bolat, body: { token: claimToken } }))
        .statusCode,
    ).toBe(409);
    expect((await s.call('GET', `/api/v1/requests/${number}`, { token: bolat })).statusCode).toBe(403);
    const up = await s.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${number}/attachments`,
      headers: { 'content-type': 'image/png', 'x-claim-token': claimToken },
      payload: PNG,
    });
    expect(up.statusCode).toBe(403);
    const types = await s.db.query<{ type: string }>(
      sql`SELECT e.type FROM request_events e JOIN requests r ON r.city_id = e.city_id AND r.id = e.request_id WHERE r.number = ${number} ORDER BY e.id`,
    );
    expect(types.map((t) => t.type)).toEqual(['created', 'claimed']);
  });

  it('refuses claims from the anonymous, staff, unknown and expired tokens', async () => {
    const { claimToken } = (await report({ text: 'Открытый люк во дворе' })).json();
    expect((await s.call('POST', '/api/v1/requests/claim', { body: { token: claimToken } })).statusCode).toBe(
      401,
    );
    expect(
      (
        await s.call('POST', '/api/v1/requests/claim', {
          token: await s.token('operator'),
          body: { token: claimToken },
        })
      ).statusCode,
    ).toBe(403);
    const resident = await s.residentToken('+77018880003');
    expect(
      (await s.call('POST', '/api/v1/requests/claim', { token: resident, body: { token: 'x'.repeat(32) } }))
        .statusCode,
    ).toBe(404);
    s.setNow(new Date(Date.now() + 91 * 86_400_000));
    try {
      const expired = await s.call('POST', '/api/v1/requests/claim', {
        token: resident,
        body: { token: claimToken },
      });
      expect(expired.statusCode).toBe(409);
    } finally {
      s.setNow(new Date());
    }
  });

  it('is refused where the city wants signed-in residents, and to the signed-in', async () => {
    const resident = await s.residentToken('+77018880004');
    expect(
      (await s.call('POST', '/api/v1/requests/anonymous', { token: resident, body: { text: 'Яма' } }))
        .statusCode,
    ).toBe(400);
    await s.db.query(
      sql`UPDATE cities SET settings = settings || '{"anonymousReports": false}'::jsonb WHERE id = ${CITY}`,
    );
    invalidateCatalog(s.db, CITY);
    try {
      const r = await report({ text: 'Яма' });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
    } finally {
      await s.db.query(sql`UPDATE cities SET settings = settings - 'anonymousReports' WHERE id = ${CITY}`);
      invalidateCatalog(s.db, CITY);
    }
    expect((await report({ text: '' })).statusCode).toBe(400);
    expect((await report({ text: 'Яма', lat: 51.1 })).statusCode).toBe(400);
    expect((await report({ text: 'Яма', category: 'nope' })).statusCode).toBe(400);
  });
});
