import { createECDH, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ece from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { httpReceiver, smtpReceiver, type HttpReceiver, type SmtpReceiver } from '../../../test/receivers.ts';
import { dispatchOutbox, MAX_ATTEMPTS } from '../../jobs/outbox-dispatcher.ts';
import { runSlaWatcher } from '../../jobs/sla-watcher.ts';
import type { NotifyConfig } from '../../config.ts';
import { channelSender } from './channels.ts';
import { enqueueMessage } from './outbox.ts';
import { localMinutes, releaseTime } from './quiet-hours.ts';
import { renderMessage, TEMPLATE_KINDS } from './templates.ts';

let s: TestServer;
let sms: HttpReceiver;
let push: HttpReceiver;
let hooks: HttpReceiver;
let smtp: SmtpReceiver;
let cfg: NotifyConfig;
let admin: string;
let operator: string;
const TZ = 'Asia/Almaty';

beforeAll(async () => {
  s = await startTestServer();
  [sms, push, hooks, smtp] = await Promise.all([
    httpReceiver(),
    httpReceiver(),
    httpReceiver(),
    smtpReceiver(),
  ]);
  cfg = {
    ...s.deps.config.notify,
    smsUrl: `${sms.url}/send`,
    smsAuth: 'Bearer gw-token',
    smsBody: '{"msisdn":"{to}","message":"{text}","sender":"KOMEK"}',
    smtpUrl: smtp.url,
    smtpFrom: 'Komek <noreply@komek.test>',
  };
  admin = await s.token('admin');
  operator = await s.token('operator');
});
afterAll(async () => {
  await Promise.all([sms?.close(), push?.close(), hooks?.close(), smtp?.close()]);
  await s?.close();
});

/** Delivers everything due at `at` through the real channel adapters. */
const deliver = (at = new Date(Date.now() + 1000)) =>
  dispatchOutbox(
    s.db,
    channelSender(cfg, () => at),
    () => at,
    500,
  );

async function newRequest(token: string, text = 'Яма на дороге у дома 5'): Promise<string> {
  const r = await s.call('POST', '/api/v1/requests', {
    token,
    body: { text, category: 'roads', channel: 'app' },
  });
  expect(r.statusCode).toBe(201);
  return r.json().number as string;
}
const residentId = async (phone: string) =>
  Number((await s.db.query<{ id: number }>(sql`SELECT id FROM residents WHERE phone = ${phone}`))[0]?.id);

describe('templates', () => {
  it('renders every event in kk, ru and en with the number and the status in words', () => {
    const p = {
      number: 'AST-2026-0000042',
      status: 'in_progress',
      dueAt: '2026-11-25T09:00:00Z',
      text: '123456',
      body: 'Исправим',
    };
    for (const kind of TEMPLATE_KINDS)
      for (const lang of ['kk', 'ru', 'en']) {
        const m = renderMessage(kind, lang, p);
        expect(m.body).not.toMatch(/undefined|null|\[object/);
        expect(m.subject).toBeTruthy();
        if (kind !== 'otp') expect(m.body).toContain('AST-2026-0000042');
      }
    expect(renderMessage('status_changed', 'kk', p).body).toBe(
      '№AST-2026-0000042 өтінім: жұмыста. Мерзімі: 2026-11-25 14:00.',
    );
    expect(renderMessage('status_changed', 'ru', p).body).toContain('в работе');
    expect(renderMessage('status_changed', 'en', { ...p, status: 'resolved' }).body).toContain(
      'Please confirm',
    );
    expect(
      renderMessage('status_changed', 'ru', { ...p, status: 'closed', autoClosed: true }).body,
    ).toContain('автоматически');
    expect(renderMessage('area_report', 'kk', p).body).toContain('аумақта');
  });
});

describe('quiet hours', () => {
  it('delays to the end of quiet hours in the city time zone, across midnight too', () => {
    // 23:30 in Almaty (UTC+5) is 18:30 UTC.
    const late = new Date('2026-11-24T18:30:00Z');
    expect(localMinutes(late, TZ)).toBe(23 * 60 + 30);
    expect(releaseTime(late, TZ, 22 * 60, 8 * 60).toISOString()).toBe('2026-11-25T03:00:00.000Z');
    expect(releaseTime(late, TZ, 8 * 60, 22 * 60)).toBe(late);
    const noon = new Date('2026-11-25T07:00:00Z');
    expect(releaseTime(noon, TZ, 22 * 60, 8 * 60)).toBe(noon);
    expect(releaseTime(noon, TZ, 11 * 60, 13 * 60).toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect(releaseTime(noon, TZ, null, null)).toBe(noon);
  });
});

describe('preferences and fan-out', () => {
  it('keeps defaults, validates and saves; residents only', async () => {
    const t = await s.residentToken('+77015559001');
    const def = (await s.call('GET', '/api/v1/me/notification-preferences', { token: t })).json();
    expect(def).toMatchObject({
      channels: { sms: true, email: false, push: true, inapp: true },
      email: null,
      quietHours: null,
      pushSubscribed: false,
      timeZone: TZ,
    });
    expect((await s.call('GET', '/api/v1/me/notification-preferences')).statusCode).toBe(401);
    expect((await s.call('GET', '/api/v1/me/notification-preferences', { token: operator })).statusCode).toBe(
      403,
    );
    const bad = [
      { channels: { sms: true, email: true, push: true, inapp: true }, email: null, quietHours: null },
      {
        channels: { sms: true, email: false, push: true, inapp: true },
        email: null,
        quietHours: { start: '25:00', end: '07:00' },
      },
      { channels: { sms: 'yes' }, email: null, quietHours: null },
      {
        channels: { sms: true, email: true, push: true, inapp: true },
        email: 'not-an-email',
        quietHours: null,
      },
    ];
    for (const body of bad) {
      const r = await s.call('PUT', '/api/v1/me/notification-preferences', { token: t, body });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBeTruthy();
    }
    const ok = await s.call('PUT', '/api/v1/me/notification-preferences', {
      token: t,
      body: {
        channels: { sms: false, email: true, push: true, inapp: true },
        email: 'aigul@example.kz',
        quietHours: { start: '22:00', end: '08:00' },
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      channels: { sms: false, email: true },
      email: 'aigul@example.kz',
      quietHours: { start: '22:00', end: '08:00' },
    });
  });

  it('fans a status change out to the chosen channels; SMS and push wait for the end of quiet hours, in-app does not', async () => {
    const phone = '+77015559002';
    const t = await s.residentToken(phone);
    const cur = localMinutes(new Date(), TZ);
    const hm = (m: number) =>
      `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, '0')}:${String((m + 1440) % 60).padStart(2, '0')}`;
    expect(
      (
        await s.call('PUT', '/api/v1/me/notification-preferences', {
          token: t,
          body: {
            channels: { sms: true, email: true, push: true, inapp: true },
            email: 'bolat@example.kz',
            quietHours: { start: hm(cur - 60), end: hm(cur + 90) },
          },
        })
      ).statusCode,
    ).toBe(200);
    const sub = await s.call('POST', '/api/v1/push/subscriptions', {
      token: t,
      body: {
        endpoint: `${push.url}/push/quiet`,
        expirationTime: null,
        keys: { p256dh: 'BPnotUsedInThisTest', auth: 'x' },
        lang: 'kk',
      },
    });
    expect(sub.statusCode).toBe(201);
    const number = await newRequest(t);
    const before = Date.now();
    expect(
      (
        await s.call('POST', `/api/v1/requests/${number}/transitions`, {
          token: operator,
          body: { to: 'in_progress' },
        })
      ).statusCode,
    ).toBe(200);
    const rows = await s.db.query<{ channel: string; next_attempt_at: Date }>(
      sql`SELECT channel, next_attempt_at FROM outbox WHERE recipient = ${`resident:${await residentId(phone)}`} AND kind = 'status_changed' ORDER BY channel`,
    );
    expect(rows.map((r) => r.channel)).toEqual(['email', 'inapp', 'push', 'sms']);
    const at = Object.fromEntries(rows.map((r) => [r.channel, new Date(r.next_attempt_at).getTime()]));
    expect(at.inapp).toBeLessThanOrEqual(Date.now() + 1000);
    expect(at.email).toBeLessThanOrEqual(Date.now() + 1000);
    for (const c of ['sms', 'push']) {
      expect(at[c]).toBeGreaterThan(before + 88 * 60_000);
      expect(at[c]).toBeLessThan(Date.now() + 91 * 60_000);
    }
    // Turning channels off stops them; nothing for a resident without any channel.
    await s.call('PUT', '/api/v1/me/notification-preferences', {
      token: t,
      body: {
        channels: { sms: false, email: false, push: false, inapp: false },
        email: null,
        quietHours: null,
      },
    });
    const n0 = (
      await s.db.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM outbox WHERE recipient = ${`resident:${await residentId(phone)}`}`,
      )
    )[0]?.n;
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'resolved' },
    });
    const n1 = (
      await s.db.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM outbox WHERE recipient = ${`resident:${await residentId(phone)}`}`,
      )
    )[0]?.n;
    expect(n1).toBe(n0);
    await s.call('DELETE', '/api/v1/push/subscriptions', { token: t, body: {} });
  });
});

describe('channels', () => {
  it('sends SMS through the HTTP gateway with the body template, auth and a stable Idempotency-Key', async () => {
    sms.got.length = 0;
    await s.db.transaction((tx) =>
      enqueueMessage(tx, {
        cityId: 'testcity',
        kind: 'otp',
        channel: 'sms',
        recipient: '+77015559100',
        payload: { text: '482913', lang: 'kk' },
      }),
    );
    const id = Number(
      (
        await s.db.query<{ id: number }>(
          sql`SELECT max(id) AS id FROM outbox WHERE recipient = '+77015559100'`,
        )
      )[0]?.id,
    );
    await deliver();
    const hit = sms.got.find((g) => JSON.parse(g.body.toString()).msisdn === '+77015559100');
    expect(hit).toBeDefined();
    expect(hit?.method).toBe('POST');
    expect(hit?.url).toBe('/send');
    expect(hit?.headers.authorization).toBe('Bearer gw-token');
    expect(hit?.headers['idempotency-key']).toBe(`outbox-${id}`);
    expect(JSON.parse(hit?.body.toString() ?? '{}')).toEqual({
      msisdn: '+77015559100',
      message: '482913 — Komek кіру коды. Оны ешкімге айтпаңыз.',
      sender: 'KOMEK',
    });
    const row = (
      await s.db.query<{ status: string; last_status: number }>(
        sql`SELECT status, last_status FROM outbox WHERE id = ${id}`,
      )
    )[0];
    expect(row).toMatchObject({ status: 'sent', last_status: 200 });
  });

  it('sends e-mail over SMTP with a Message-ID derived from the outbox id', async () => {
    const phone = '+77015559003';
    const t = await s.residentToken(phone);
    await s.call('PUT', '/api/v1/me/notification-preferences', {
      token: t,
      body: {
        channels: { sms: false, email: true, push: false, inapp: false },
        email: 'dana@example.kz',
        quietHours: null,
      },
    });
    const number = await newRequest(t);
    await s.call('POST', `/api/v1/requests/${number}/comments`, {
      token: operator,
      body: { body: 'Бригада выехала', visibility: 'public' },
    });
    const id = Number(
      (
        await s.db.query<{ id: number }>(
          sql`SELECT id FROM outbox WHERE channel = 'email' AND kind = 'comment' AND payload ->> 'number' = ${number}`,
        )
      )[0]?.id,
    );
    expect(id).toBeGreaterThan(0);
    await deliver();
    const mail = smtp.mails.find((m) => m.to.includes('dana@example.kz'));
    expect(mail).toBeDefined();
    expect(mail?.from).toBe('noreply@komek.test');
    expect(mail?.raw).toMatch(new RegExp(`Message-ID: <outbox-${id}@komek\\.test>`, 'i'));
    expect(mail?.raw).toMatch(new RegExp(`X-Komek-Delivery: outbox-${id}`, 'i'));
    expect(mail?.raw).toMatch(/^Subject: /m);
    expect(
      (await s.db.query<{ status: string }>(sql`SELECT status FROM outbox WHERE id = ${id}`))[0]?.status,
    ).toBe('sent');
  });

  it('sends web push with VAPID, an encrypted aes128gcm body and a TTL; a gone subscription is removed', async () => {
    const phone = '+77015559004';
    const t = await s.residentToken(phone);
    const key = (await s.call('GET', '/api/v1/push/key')).json().publicKey as string;
    expect(key).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect((await s.call('GET', '/api/v1/push/key')).json().publicKey).toBe(key);
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16).toString('base64url');
    expect(
      (
        await s.call('POST', '/api/v1/push/subscriptions', {
          body: { endpoint: `${push.url}/x`, keys: { p256dh: 'a', auth: 'b' } },
        })
      ).statusCode,
    ).toBe(401);
    const body = {
      endpoint: `${push.url}/push/dev1`,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth },
      lang: 'ru',
    };
    expect((await s.call('POST', '/api/v1/push/subscriptions', { token: t, body })).statusCode).toBe(201);
    expect(
      (
        await s.call('POST', '/api/v1/push/subscriptions', {
          token: t,
          body: { ...body, endpoint: `${push.url}/push/gone` },
        })
      ).statusCode,
    ).toBe(201);
    push.got.length = 0;
    push.status = (n) => (push.got[n - 1]?.url === '/push/gone' ? 410 : 201);
    const number = await newRequest(t);
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'in_progress' },
    });
    await deliver();
    const hit = push.got.find((g) => g.url === '/push/dev1');
    expect(hit).toBeDefined();
    expect(hit?.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${key}$`));
    const jwt = JSON.parse(
      Buffer.from(String(hit?.headers.authorization).split(/[ =.,]+/)[3] ?? '', 'base64url').toString(),
    );
    expect(jwt.aud).toBe(push.url);
    expect(jwt.sub).toBe('mailto:admin@komek.local');
    expect(jwt.exp * 1000).toBeGreaterThan(Date.now());
    expect(hit?.headers.ttl).toBe('86400');
    expect(hit?.headers['content-encoding']).toBe('aes128gcm');
    expect(hit?.body.toString()).not.toContain(number);
    const plain = ece.decrypt(hit?.body as Buffer, {
      version: 'aes128gcm',
      privateKey: ecdh,
      authSecret: auth,
    });
    expect(JSON.parse(plain.toString())).toMatchObject({
      title: 'Komek',
      number,
      body: expect.stringContaining(`Обращение №${number}: в работе. Срок: `),
    });
    const left = await s.db.query<{ endpoint: string }>(
      sql`SELECT endpoint FROM push_subscriptions WHERE resident_id = ${await residentId(phone)}`,
    );
    expect(left.map((r) => r.endpoint)).toEqual([`${push.url}/push/dev1`]);
    push.status = () => 201;
  });

  it('writes in-app notifications once; the resident reads them and the unread count falls', async () => {
    const phone = '+77015559005';
    const t = await s.residentToken(phone);
    const number = await newRequest(t);
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'in_progress' },
    });
    await s.call('POST', `/api/v1/requests/${number}/comments`, {
      token: operator,
      body: { body: 'Завтра', visibility: 'public' },
    });
    await deliver();
    await deliver();
    const list = (await s.call('GET', '/api/v1/me/notifications', { token: t })).json();
    expect(list.unread).toBe(2);
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['comment', 'status_changed']);
    expect(list.items[1]).toMatchObject({
      number,
      read: false,
      body: expect.stringMatching(
        new RegExp(`^Обращение №${number}: в работе\\. Срок: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\.$`),
      ),
    });
    expect(
      (
        await s.call('POST', '/api/v1/me/notifications/read', { token: t, body: { ids: [list.items[0].id] } })
      ).json().updated,
    ).toBe(1);
    expect((await s.call('GET', '/api/v1/me/notifications', { token: t })).json().unread).toBe(1);
    expect(
      (await s.call('POST', '/api/v1/me/notifications/read', { token: t, body: {} })).json().updated,
    ).toBe(1);
    expect((await s.call('GET', '/api/v1/me/notifications', { token: t })).json().unread).toBe(0);
    const other = await s.residentToken('+77015559006');
    expect((await s.call('GET', '/api/v1/me/notifications', { token: other })).json().items).toEqual([]);
  });
});

describe('dead letters', () => {
  it('retries with backoff, ends dead after the attempt budget, shows masked in the admin view and retries on demand', async () => {
    const phone = '+77015559777';
    await s.db.transaction((tx) =>
      enqueueMessage(tx, {
        cityId: 'testcity',
        kind: 'otp',
        channel: 'sms',
        recipient: phone,
        payload: { text: '111222' },
      }),
    );
    const id = Number(
      (await s.db.query<{ id: number }>(sql`SELECT max(id) AS id FROM outbox WHERE recipient = ${phone}`))[0]
        ?.id,
    );
    sms.status = () => 503;
    let t = Date.now() + 1000;
    const seen: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliver(new Date(t));
      const r = (
        await s.db.query<{ status: string; attempts: number; next_attempt_at: Date }>(
          sql`SELECT status, attempts, next_attempt_at FROM outbox WHERE id = ${id}`,
        )
      )[0];
      expect(r?.attempts).toBe(i + 1);
      seen.push(new Date(r?.next_attempt_at ?? 0).getTime() - t);
      // Not due yet: a dispatch just before the backoff ends leaves it alone.
      if (r?.status === 'pending') {
        await deliver(new Date(new Date(r.next_attempt_at).getTime() - 1000));
        expect(
          (await s.db.query<{ attempts: number }>(sql`SELECT attempts FROM outbox WHERE id = ${id}`))[0]
            ?.attempts,
        ).toBe(i + 1);
      }
      t = new Date(r?.next_attempt_at ?? 0).getTime() + 1000;
    }
    expect(seen.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 80_000]);
    const dead = await s.call('GET', '/api/v1/admin/outbox?status=dead', { token: admin });
    expect(dead.statusCode).toBe(200);
    const item = dead.json().items.find((x: { id: number }) => x.id === id);
    expect(item).toMatchObject({
      status: 'dead',
      attempts: MAX_ATTEMPTS,
      lastStatus: 503,
      channel: 'sms',
      recipient: '+7701****77',
    });
    expect(dead.body).not.toContain(phone);
    expect((await s.call('GET', '/api/v1/admin/outbox?status=dead', { token: operator })).statusCode).toBe(
      403,
    );
    expect((await s.call('GET', '/api/v1/admin/outbox?status=bogus', { token: admin })).statusCode).toBe(400);
    expect((await s.call('POST', '/api/v1/admin/outbox/999999999/retry', { token: admin })).statusCode).toBe(
      404,
    );
    sms.status = () => 200;
    expect((await s.call('POST', `/api/v1/admin/outbox/${id}/retry`, { token: admin })).json()).toEqual({
      id,
      status: 'pending',
    });
    expect((await s.call('POST', `/api/v1/admin/outbox/${id}/retry`, { token: admin })).statusCode).toBe(409);
    await deliver(new Date(Date.now() + 1000));
    expect(
      (await s.db.query<{ status: string }>(sql`SELECT status FROM outbox WHERE id = ${id}`))[0]?.status,
    ).toBe('sent');
    const sent = (await s.call('GET', '/api/v1/admin/outbox?status=sent', { token: admin })).json().items;
    expect(sent.some((x: { id: number }) => x.id === id)).toBe(true);
  });
});

describe('webhooks', () => {
  it('delivers signed lifecycle events without personal data, retries, and keeps a delivery log', async () => {
    expect(
      (
        await s.call('POST', '/api/v1/admin/webhooks', {
          token: operator,
          body: { url: hooks.url, events: ['request.created'] },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await s.call('POST', '/api/v1/admin/webhooks', {
          token: admin,
          body: { url: 'ftp://x', events: ['request.created'] },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await s.call('POST', '/api/v1/admin/webhooks', {
          token: admin,
          body: { url: hooks.url, events: ['request.deleted'] },
        })
      ).statusCode,
    ).toBe(400);
    const created = await s.call('POST', '/api/v1/admin/webhooks', {
      token: admin,
      body: {
        url: `${hooks.url}/hook`,
        events: ['request.created', 'request.status_changed', 'request.commented', 'request.sla_breached'],
      },
    });
    expect(created.statusCode).toBe(201);
    const { id: hookId, secret } = created.json() as { id: number; secret: string };
    expect(secret).toMatch(/^whsec_/);
    const listed = await s.call('GET', '/api/v1/admin/webhooks', { token: admin });
    expect(listed.body).not.toContain(secret);

    const phone = '+77015559008';
    const t = await s.residentToken(phone);
    const text = 'Яма у дома 12, кв. 5, звоните +77015559008';
    const number = await newRequest(t, text);
    await s.call('POST', `/api/v1/requests/${number}/transitions`, {
      token: operator,
      body: { to: 'in_progress' },
    });
    await s.call('POST', `/api/v1/requests/${number}/comments`, {
      token: operator,
      body: { body: 'Позвоним вам на +77015559008', visibility: 'public' },
    });
    await s.call('POST', `/api/v1/requests/${number}/comments`, {
      token: operator,
      body: { body: 'internal', visibility: 'internal' },
    });
    await runSlaWatcher(s.db, new Date(Date.now() + 400 * 86_400_000), TZ);
    hooks.got.length = 0;
    hooks.status = (n) => (n === 1 ? 500 : 204);
    await deliver();
    await deliver(new Date(Date.now() + 60_000));
    const mine = hooks.got.filter((g) => JSON.parse(g.body.toString()).data?.number === number);
    const byDelivery = new Map(mine.map((g) => [String(g.headers['x-komek-delivery']), g]));
    const events = [...byDelivery.values()].map((g) => JSON.parse(g.body.toString()).event).sort();
    expect(events).toEqual([
      'request.commented',
      'request.created',
      'request.sla_breached',
      'request.status_changed',
    ]);
    for (const g of mine) {
      const body = g.body.toString();
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(g.headers['x-komek-signature']));
      expect(m).not.toBeNull();
      const want = createHmac('sha256', secret).update(`${m?.[1]}.${body}`).digest();
      expect(timingSafeEqual(want, Buffer.from(m?.[2] ?? '', 'hex'))).toBe(true);
      expect(g.headers['content-type']).toBe('application/json');
      expect(JSON.parse(body).id).toBe(g.headers['x-komek-delivery']);
      expect(body).not.toContain('77015559008');
      expect(body).not.toContain('Яма');
      expect(body).not.toContain('Позвоним');
    }
    const st = mine
      .map((g) => JSON.parse(g.body.toString()))
      .find((b) => b.event === 'request.status_changed');
    expect(st.data).toMatchObject({
      number,
      status: 'in_progress',
      previousStatus: 'new',
      category: 'roads',
    });
    // One failed (500) and was delivered again with the same delivery id.
    expect(mine.length).toBeGreaterThanOrEqual(byDelivery.size);
    const log = (await s.call('GET', `/api/v1/admin/webhooks/${hookId}/deliveries`, { token: admin })).json()
      .items;
    expect(log.length).toBeGreaterThanOrEqual(4);
    expect(log.every((d: { status: string }) => d.status === 'sent')).toBe(true);
    expect(log.some((d: { attempts: number }) => d.attempts === 2)).toBe(true);
    expect(JSON.stringify(log)).not.toContain('77015559008');
    expect(
      (await s.call('GET', '/api/v1/admin/webhooks/999999/deliveries', { token: admin })).statusCode,
    ).toBe(404);
    // Disabled: no new deliveries are queued; deleted: 204 then 404.
    expect(
      (
        await s.call('PATCH', `/api/v1/admin/webhooks/${hookId}`, { token: admin, body: { active: false } })
      ).json().active,
    ).toBe(false);
    const before = (
      await s.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox WHERE channel = 'webhook'`)
    )[0]?.n;
    await newRequest(t, 'Не горит фонарь');
    expect(
      (
        await s.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox WHERE channel = 'webhook'`)
      )[0]?.n,
    ).toBe(before);
    expect((await s.call('DELETE', `/api/v1/admin/webhooks/${hookId}`, { token: admin })).statusCode).toBe(
      204,
    );
    expect((await s.call('DELETE', `/api/v1/admin/webhooks/${hookId}`, { token: admin })).statusCode).toBe(
      404,
    );
  });
});
