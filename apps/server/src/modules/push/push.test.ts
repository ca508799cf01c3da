import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { devSender, dispatchOutbox } from '../../jobs/outbox-dispatcher.ts';
import { pushAwareSender } from './service.ts';

// http_ece (web-push's own dependency) decrypts what the push service received, as a browser would.
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(buf: Buffer, o: { version: string; privateKey: ECDH; authSecret: string }): Buffer;
};

let s: TestServer;
let push: Server;
let pushUrl = '';
let answer = 201;
const received: { headers: IncomingHttpHeaders; body: Buffer; path: string }[] = [];

beforeAll(async () => {
  s = await startTestServer();
  push = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks), path: req.url ?? '' });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((r) => push.listen(0, '127.0.0.1', r));
  const a = push.address();
  pushUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => push?.close(r));
  await s?.close();
});

function device(): { ecdh: ECDH; auth: string; keys: { p256dh: string; auth: string } } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16).toString('base64url');
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey('base64url'), auth } };
}

const dispatch = () =>
  dispatchOutbox(
    s.db,
    pushAwareSender(s.db, s.deps.config, devSender),
    () => new Date(Date.now() + 3_600_000),
  );

describe('web push', () => {
  it('serves one VAPID public key to everyone', async () => {
    const a = await s.call('GET', '/api/v1/push/key');
    const b = await s.call('GET', '/api/v1/push/key');
    expect(a.statusCode).toBe(200);
    expect(a.json().publicKey).toMatch(/^[A-Za-z0-9_-]{80,90}$/);
    expect(b.json().publicKey).toBe(a.json().publicKey);
  });

  it('subscribes residents only, to push-service URLs only', async () => {
    const resident = await s.residentToken('+77015550401');
    const staff = await s.token('operator');
    const d = device();
    const body = { endpoint: `${pushUrl}/push/only`, expirationTime: null, keys: d.keys };
    expect((await s.call('POST', '/api/v1/push/subscriptions', { body })).statusCode).toBe(401);
    expect((await s.call('POST', '/api/v1/push/subscriptions', { token: staff, body })).statusCode).toBe(403);
    for (const bad of [
      { ...body, endpoint: 'ftp://push.example/x' },
      { ...body, endpoint: 'http://push.example.com/x' },
      { ...body, endpoint: 'not a url at all' },
      { ...body, keys: { p256dh: 'short' } },
      { ...body, extra: true },
    ]) {
      const r = await s.call('POST', '/api/v1/push/subscriptions', { token: resident, body: bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error.code).toEqual(expect.any(String));
    }
    expect((await s.call('POST', '/api/v1/push/subscriptions', { token: resident, body })).statusCode).toBe(
      201,
    );
    // Subscribing the same device again updates it.
    expect((await s.call('POST', '/api/v1/push/subscriptions', { token: resident, body })).statusCode).toBe(
      201,
    );
    const del = await s.call('DELETE', '/api/v1/push/subscriptions', {
      token: resident,
      body: { endpoint: body.endpoint },
    });
    expect(del.statusCode).toBe(204);
    const again = await s.call('DELETE', '/api/v1/push/subscriptions', {
      token: resident,
      body: { endpoint: body.endpoint },
    });
    expect(again.statusCode).toBe(404);
  });

  it('tells the subscribed device when staff change the status: signed, encrypted, readable by the device only', async () => {
    const resident = await s.residentToken('+77015550402');
    const d = device();
    const sub = await s.call('POST', '/api/v1/push/subscriptions', {
      token: resident,
      body: { endpoint: `${pushUrl}/push/device-1`, keys: d.keys, lang: 'ru' },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const created = await s.call('POST', '/api/v1/requests', {
      token: resident,
      body: { text: 'нет света во всём подъезде', category: 'electricity', channel: 'app' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const number = created.json().number as string;
    await dispatch();
    received.length = 0;
    const supervisor = await s.token('supervisor');
    const moved = await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: supervisor,
      body: { to: 'in_progress' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await dispatch();
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.path).toBe('/push/device-1');
    expect(got.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(got.headers['content-encoding']).toBe('aes128gcm');
    expect(got.headers.ttl).toBe('86400');
    expect(got.body.length).toBeGreaterThan(0);
    expect(got.body.toString('utf8')).not.toContain(number);
    const message = JSON.parse(
      ece
        .decrypt(got.body, { version: 'aes128gcm', privateKey: d.ecdh, authSecret: d.auth })
        .toString('utf8'),
    );
    expect(message).toEqual({
      title: 'Komek 109',
      body: `Обращение №${number}: в работе`,
      url: `/app/requests/${number}`,
    });
    // Sent once: another dispatch finds nothing left to send.
    await dispatch();
    expect(received).toHaveLength(1);

    // The push service says the subscription is gone: it is forgotten, the message is not retried.
    answer = 410;
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: supervisor,
      body: { to: 'resolved' },
    });
    await dispatch();
    answer = 201;
    expect(received).toHaveLength(2);
    const left = await s.db.query(
      sql`SELECT count(*)::int AS n FROM push_subscriptions WHERE endpoint = ${`${pushUrl}/push/device-1`}`,
    );
    expect(left[0]).toEqual({ n: 0 });
    const pending = await s.db.query(
      sql`SELECT count(*)::int AS n FROM outbox WHERE channel = 'push' AND status <> 'sent'`,
    );
    expect(pending[0]).toEqual({ n: 0 });
  });

  it('retries when the push service fails, and forgets devices when the resident deletes the account', async () => {
    const resident = await s.residentToken('+77015550403');
    const d = device();
    await s.call('POST', '/api/v1/push/subscriptions', {
      token: resident,
      body: { endpoint: `${pushUrl}/push/device-2`, keys: d.keys },
    });
    const number = (
      await s.call('POST', '/api/v1/requests', {
        token: resident,
        body: { text: 'нет света на лестнице', category: 'electricity', channel: 'app' },
      })
    ).json().number as string;
    answer = 500;
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: await s.token('supervisor'),
      body: { to: 'in_progress' },
    });
    await dispatch();
    answer = 201;
    const row = await s.db.query<{ status: string; attempts: number; last_error: string }>(
      sql`SELECT status, attempts, last_error FROM outbox WHERE channel = 'push' ORDER BY id DESC LIMIT 1`,
    );
    expect(row[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: 'push service answered 500' });
    expect((await s.call('DELETE', '/api/v1/me?confirm=yes', { token: resident })).statusCode).toBe(204);
    const left = await s.db.query(
      sql`SELECT count(*)::int AS n FROM push_subscriptions WHERE endpoint = ${`${pushUrl}/push/device-2`}`,
    );
    expect(left[0]).toEqual({ n: 0 });
  });
});
