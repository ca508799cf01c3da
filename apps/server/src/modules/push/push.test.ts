import { createECDH, createPublicKey, createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { dispatchOutbox } from '../../jobs/outbox-dispatcher.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { enqueueMessage } from '../notify/outbox.ts';
import { endpointProblem } from './endpoint.ts';
import { createSender } from './sender.ts';
import { loadVapidKeys } from './vapid.ts';

// web-push's own encryption library, used here as the browser would: to decrypt what arrived.
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(b: Buffer, p: { version: string; privateKey: unknown; authSecret: string }): Buffer;
};

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A local stand-in for a push service (FCM, Mozilla autopush): records what it is sent. */
let pushService: Server;
let pushUrl: string;
let answer = 201;
const received: Received[] = [];

let s: TestServer;
let resident: string;
let other: string;
let operator: string;

const b64u = (b: Buffer): string => b.toString('base64url');
function device(path: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = b64u(randomBytes(16));
  return {
    ecdh,
    auth,
    json: {
      endpoint: `${pushUrl}/${path}`,
      expirationTime: null,
      keys: { p256dh: b64u(ecdh.getPublicKey()), auth },
    },
  };
}
const dispatch = () => dispatchOutbox(s.db, createSender(s.deps), () => new Date(Date.now() + 60_000));

beforeAll(async () => {
  pushService = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((r) => pushService.listen(0, '127.0.0.1', r));
  pushUrl = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}/push`;
  s = await startTestServer();
  resident = await s.residentToken('+77015552001');
  other = await s.residentToken('+77015552002');
  operator = await s.token('operator');
});
afterAll(async () => {
  await s?.close();
  await new Promise((r) => pushService?.close(r));
});

describe('VAPID key', () => {
  it('is one P-256 public key, the same on every call and stored once', async () => {
    const a = await s.call('GET', '/api/v1/push/key');
    const b = await s.call('GET', '/api/v1/push/key');
    expect(a.statusCode).toBe(200);
    const key = a.json().publicKey as string;
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    expect(b.json().publicKey).toBe(key);
    const rows = await s.db.query<{ public_key: string }>(sql`SELECT public_key FROM push_vapid_keys`);
    expect(rows.map((r) => r.public_key)).toEqual([key]);
    // Another process (no cache) reads the same pair instead of generating its own.
    expect((await loadVapidKeys(s.db, s.deps.config)).publicKey).toBe(key);
  });

  it('comes from the configuration when set there, as a pair', async () => {
    const configured = { ...s.deps.config, vapidPublicKey: 'BPub', vapidPrivateKey: 'priv' };
    expect(await loadVapidKeys(s.db, configured)).toMatchObject({ publicKey: 'BPub', privateKey: 'priv' });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'BPub' })).toThrow(ConfigError);
    expect(() => loadConfig({ VAPID_SUBJECT: 'someone' })).toThrow(ConfigError);
  });
});

describe('subscriptions', () => {
  it('upserts by endpoint and deletes; residents only', async () => {
    const d = device('a');
    const first = await s.call('POST', '/api/v1/push/subscriptions', {
      token: resident,
      body: { ...d.json, lang: 'kk' },
    });
    expect(first.statusCode).toBe(201);
    const again = await s.call('POST', '/api/v1/push/subscriptions', { token: resident, body: d.json });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const rows = await s.db.query<{ lang: string }>(
      sql`SELECT lang FROM push_subscriptions WHERE endpoint = ${d.json.endpoint}`,
    );
    expect(rows.map((r) => r.lang)).toEqual(['kk']);

    expect((await s.call('POST', '/api/v1/push/subscriptions', { body: d.json })).statusCode).toBe(401);
    const staff = await s.call('POST', '/api/v1/push/subscriptions', { token: operator, body: d.json });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().error.code).toBe('forbidden');
    expect(
      (
        await s.call('DELETE', '/api/v1/push/subscriptions', {
          token: operator,
          body: { endpoint: d.json.endpoint },
        })
      ).statusCode,
    ).toBe(403);
    // Another resident cannot remove it.
    expect(
      (
        await s.call('DELETE', '/api/v1/push/subscriptions', {
          token: other,
          body: { endpoint: d.json.endpoint },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await s.call('DELETE', '/api/v1/push/subscriptions', {
          token: resident,
          body: { endpoint: d.json.endpoint },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await s.call('DELETE', '/api/v1/push/subscriptions', {
          token: resident,
          body: { endpoint: d.json.endpoint },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses bad subscriptions with the one error shape', async () => {
    const d = device('bad');
    const bad: unknown[] = [
      { ...d.json, endpoint: 'http://push.example.com/x' },
      { ...d.json, endpoint: 'ftp://push.example.com/x' },
      { ...d.json, endpoint: 'not a url at all' },
      { ...d.json, keys: { p256dh: d.json.keys.p256dh } },
      { ...d.json, keys: { p256dh: 'has spaces in it!', auth: d.json.keys.auth } },
      { endpoint: d.json.endpoint },
      ['not', 'an', 'object'],
    ];
    for (const body of bad) {
      const r = await s.call('POST', '/api/v1/push/subscriptions', { token: resident, body });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(r.json().error).sort()).toEqual(['code', 'details', 'message']);
    }
    const del = await s.call('DELETE', '/api/v1/push/subscriptions', { token: resident, body: {} });
    expect(del.statusCode).toBe(400);
  });

  it('allows http only for this machine outside production', () => {
    expect(endpointProblem('http://localhost:8080/p', false)).toBeUndefined();
    expect(endpointProblem('http://localhost:8080/p', true)).toBeDefined();
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', true)).toBeUndefined();
    expect(endpointProblem('https://10.0.0.1/p', true)).toBeDefined();
    expect(endpointProblem('https://user:pw@fcm.googleapis.com/p', false)).toBeDefined();
  });
});

describe('a status change', () => {
  let number: string;
  let d: ReturnType<typeof device>;

  beforeAll(async () => {
    const r = await s.call('POST', '/api/v1/requests', {
      token: resident,
      body: { text: 'Не горит фонарь во дворе', category: 'roads', channel: 'app' },
    });
    expect(r.statusCode).toBe(201);
    number = r.json().number;
    await dispatch(); // the request_created SMS goes before any device is subscribed
    d = device('b');
    expect(
      (
        await s.call('POST', '/api/v1/push/subscriptions', {
          token: resident,
          body: { ...d.json, lang: 'en' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('writes an in-app notification and pushes an encrypted, VAPID-signed message', async () => {
    received.length = 0;
    answer = 201;
    const t = await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'in_progress' },
    });
    expect(t.statusCode).toBe(200);

    const list = await s.call('GET', '/api/v1/me/notifications', { token: resident });
    expect(list.statusCode).toBe(200);
    expect(list.json().unread).toBe(1);
    const n = list.json().items[0];
    // The resident's language is Russian by default.
    expect(n).toMatchObject({
      number,
      kind: 'status_changed',
      title: 'Статус обращения изменился',
      url: `/app/requests/${number}`,
      readAt: null,
    });
    expect(n.body).toContain('в работе');

    const queued = await s.db.query<{ id: number }>(
      sql`SELECT id FROM outbox WHERE channel = 'push' AND payload ->> 'number' = ${number}`,
    );
    expect(queued).toHaveLength(1);
    expect(await dispatch()).toBeGreaterThanOrEqual(1);
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.url).toBe('/push/b');
    const keyRes = (await s.call('GET', '/api/v1/push/key')).json().publicKey as string;
    const auth = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(String(got.headers.authorization));
    expect(auth?.[2]).toBe(keyRes);
    const [h, p, sig] = auth![1]!.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
      aud: string;
      sub: string;
      exp: number;
    };
    expect(claims.aud).toBe(new URL(pushUrl).origin);
    expect(claims.sub).toBe('mailto:push@komek.invalid');
    // The JWT verifies against the public key the browsers were given.
    const pub = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: b64u(Buffer.from(keyRes, 'base64url').subarray(1, 33)),
        y: b64u(Buffer.from(keyRes, 'base64url').subarray(33)),
      },
      format: 'jwk',
    });
    const ok = createVerify('SHA256')
      .update(`${h}.${p}`)
      .verify({ key: pub, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
    expect(ok).toBe(true);
    expect(got.headers.ttl).toBe('86400');
    expect(got.headers.urgency).toBe('high');
    expect(got.headers.topic).toBe(`outbox-${queued[0]!.id}`);
    expect(got.headers['content-encoding']).toBe('aes128gcm');
    expect(got.body.length).toBeGreaterThan(0);
    expect(got.body.toString('utf8')).not.toContain(number);
    const clear = JSON.parse(
      ece
        .decrypt(got.body, { version: 'aes128gcm', privateKey: d.ecdh, authSecret: d.auth })
        .toString('utf8'),
    );
    // The device said English: the push is in English.
    expect(clear).toEqual({
      title: 'Request status changed',
      body: `Request ${number}: in progress`,
      number,
      url: `/app/requests/${number}`,
    });

    // Dispatching again sends nothing more.
    await dispatch();
    expect(received).toHaveLength(1);
  });

  it('retries a failing push service, then a 410 removes the subscription', async () => {
    received.length = 0;
    answer = 503;
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'waiting_for_resident', reason: 'уточните адрес' },
    });
    await dispatch();
    const row = await s.db.query<{ id: number; status: string; attempts: number }>(
      sql`SELECT id, status, attempts FROM outbox WHERE channel = 'push' ORDER BY id DESC LIMIT 1`,
    );
    expect(row[0]).toMatchObject({ status: 'pending', attempts: 1 });
    answer = 410;
    await s.db.query(sql`UPDATE outbox SET next_attempt_at = now() WHERE id = ${row[0]!.id}`);
    await dispatch();
    expect(received).toHaveLength(2);
    // Both attempts carry the same topic, so the push service keeps one copy.
    expect(received[1]!.headers.topic).toBe(received[0]!.headers.topic);
    const after = await s.db.query<{ status: string }>(
      sql`SELECT status FROM outbox WHERE id = ${row[0]!.id}`,
    );
    expect(after[0]?.status).toBe('sent');
    const subs = await s.db.query(sql`SELECT id FROM push_subscriptions WHERE endpoint = ${d.json.endpoint}`);
    expect(subs).toHaveLength(0);
  });

  it('marks notifications read, by id or all; residents only', async () => {
    const list = (await s.call('GET', '/api/v1/me/notifications', { token: resident })).json();
    expect(list.unread).toBe(2);
    expect(list.items[0].id).toBeGreaterThan(list.items[1].id);
    const one = await s.call('POST', '/api/v1/me/notifications/read', {
      token: resident,
      body: { ids: [list.items[1].id] },
    });
    expect(one.json()).toEqual({ marked: 1, unread: 1 });
    // Another resident's ids change nothing.
    expect(
      (
        await s.call('POST', '/api/v1/me/notifications/read', {
          token: other,
          body: { ids: [list.items[0].id] },
        })
      ).json(),
    ).toEqual({ marked: 0, unread: 0 });
    expect(
      (
        await s.call('POST', '/api/v1/me/notifications/read', { token: resident, body: { all: true } })
      ).json(),
    ).toEqual({ marked: 1, unread: 0 });
    for (const body of [{}, { ids: [] }, { ids: ['x'] }, { all: 'yes' }]) {
      const r = await s.call('POST', '/api/v1/me/notifications/read', { token: resident, body });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe('validation_failed');
    }
    expect((await s.call('GET', '/api/v1/me/notifications?limit=0', { token: resident })).statusCode).toBe(
      400,
    );
    expect((await s.call('GET', '/api/v1/me/notifications', { token: operator })).statusCode).toBe(403);
    expect((await s.call('GET', '/api/v1/me/notifications')).statusCode).toBe(401);
  });
});

describe('in-app messages from the outbox', () => {
  it('become notifications once (followers of a request hear through the dispatcher)', async () => {
    const id = (
      await s.db.query<{ id: number }>(sql`SELECT id FROM residents WHERE phone = '+77015552002'`)
    )[0]!.id;
    await s.db.transaction((tx) =>
      enqueueMessage(tx, {
        cityId: s.deps.config.cityId,
        kind: 'status_changed',
        channel: 'inapp',
        recipient: `resident:${id}`,
        payload: { number: '109-2026-0000042', status: 'resolved', subscription: 1 },
      }),
    );
    await dispatch();
    await dispatch();
    const list = (await s.call('GET', '/api/v1/me/notifications', { token: other })).json();
    expect(list.unread).toBe(1);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      number: '109-2026-0000042',
      body: 'Обращение №109-2026-0000042: решено',
    });
  });

  it('are forgotten with the resident’s devices when they delete their data', async () => {
    const d = device('gone');
    expect(
      (await s.call('POST', '/api/v1/push/subscriptions', { token: other, body: d.json })).statusCode,
    ).toBe(201);
    const id = (
      await s.db.query<{ id: number }>(sql`SELECT id FROM residents WHERE phone = '+77015552002'`)
    )[0]!.id;
    expect((await s.call('DELETE', '/api/v1/me?confirm=yes', { token: other })).statusCode).toBe(204);
    expect(await s.db.query(sql`SELECT id FROM push_subscriptions WHERE resident_id = ${id}`)).toHaveLength(
      0,
    );
    expect(await s.db.query(sql`SELECT id FROM notifications WHERE resident_id = ${id}`)).toHaveLength(0);
  });
});
