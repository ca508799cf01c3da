/**
 * Channel adapters behind one Sender interface: SMS through a generic HTTP gateway, e-mail over
 * SMTP (nodemailer), web push with VAPID (web-push builds the encrypted request, fetch sends it),
 * in-app (the notifications table) and signed webhooks. A channel without configuration falls back
 * to the development inbox (dev_messages), as before.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Queryable } from '../../db/client.ts';
import type { NotifyConfig } from '../../config.ts';
import { devSender, type Sender } from '../../jobs/outbox-dispatcher.ts';

/** A failed delivery; `status` is the receiver's HTTP status when there was one. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** A permanent failure: no retry. */
    readonly permanent = false,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

async function post(url: string, init: RequestInit): Promise<number> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new DeliveryError(`network: ${(err as Error).message}`);
  }
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status}`, res.status);
  return res.status;
}

const jsonInner = (v: string): string => JSON.stringify(v).slice(1, -1);

/** SMS through an HTTP gateway: the body template gets {to} and {text}; Idempotency-Key is the message key. */
export function smsGateway(cfg: NotifyConfig): Sender['send'] {
  return async (_db, m) => {
    const body = cfg.smsBody
      .replaceAll('{to}', jsonInner(m.recipient))
      .replaceAll('{text}', jsonInner(m.body));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': m.key };
    if (cfg.smsAuth) headers.authorization = cfg.smsAuth;
    return { status: await post(cfg.smsUrl ?? '', { method: cfg.smsMethod, headers, body }) };
  };
}

/**
 * The mail and push libraries load on first use: with their dependencies they are ≈ 20 MB of a
 * server's memory, and many deployments send neither.
 */
const webPushLib = async () => (await import('web-push')).default;

/** E-mail over SMTP; the Message-ID is derived from the message key so receivers can drop repeats. */
export function smtpMailer(cfg: NotifyConfig): Sender['send'] {
  let transport: Transporter | undefined;
  return async (_db, m) => {
    transport ??= (await import('nodemailer')).default.createTransport(cfg.smtpUrl ?? '');
    const host = /@([^>]+)>?$/.exec(cfg.smtpFrom)?.[1] ?? 'komek.local';
    await transport.sendMail({
      from: cfg.smtpFrom,
      to: m.recipient,
      subject: m.subject ?? 'Komek',
      text: m.body,
      messageId: `<${m.key}@${host}>`,
      headers: { 'X-Komek-Delivery': m.key },
    });
  };
}

/** The VAPID keys: from the configuration, or generated once per city and kept in the database. */
export async function vapidKeys(
  db: Queryable,
  cityId: string,
  cfg: NotifyConfig,
): Promise<{ publicKey: string; privateKey: string }> {
  if (cfg.vapidPublicKey && cfg.vapidPrivateKey)
    return { publicKey: cfg.vapidPublicKey, privateKey: cfg.vapidPrivateKey };
  const read = async () =>
    (
      await db.query<{ public_key: string; private_key: string }>(
        sql`SELECT public_key, private_key FROM push_vapid_keys WHERE city_id = ${cityId}`,
      )
    )[0];
  let row = await read();
  if (!row) {
    const k = (await webPushLib()).generateVAPIDKeys();
    await db.query(sql`INSERT INTO push_vapid_keys (city_id, public_key, private_key)
      VALUES (${cityId}, ${k.publicKey}, ${k.privateKey}) ON CONFLICT (city_id) DO NOTHING`);
    row = await read();
  }
  if (!row) throw new Error('VAPID keys missing');
  return { publicKey: row.public_key, privateKey: row.private_key };
}

/** Web push to every subscription of the resident; gone subscriptions (404/410) are removed. */
export function webPush(cfg: NotifyConfig): Sender['send'] {
  return async (db, m) => {
    if (m.residentId === undefined) throw new DeliveryError('push needs a resident', undefined, true);
    const subs = await db.query<{ endpoint: string; p256dh: string; auth: string }>(
      sql`SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE city_id = ${m.cityId} AND resident_id = ${m.residentId}`,
    );
    const keys = await vapidKeys(db, m.cityId, cfg);
    const webpush = await webPushLib();
    const payload = JSON.stringify({
      title: 'Komek',
      body: m.body,
      number: m.payload?.number ?? null,
      tag: m.key,
    });
    let last = 0;
    for (const s of subs) {
      const d = webpush.generateRequestDetails(
        { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
        payload,
        {
          vapidDetails: { subject: cfg.vapidSubject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: 24 * 3600,
          urgency: 'normal',
          topic: m.key.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32),
        },
      );
      try {
        last = await post(d.endpoint, {
          method: d.method,
          headers: d.headers,
          body: d.body ? new Uint8Array(d.body) : null,
        });
      } catch (err) {
        const st = (err as DeliveryError).status;
        if (st === 404 || st === 410) {
          await db.query(
            sql`DELETE FROM push_subscriptions WHERE city_id = ${m.cityId} AND endpoint = ${s.endpoint}`,
          );
          continue;
        }
        throw err;
      }
    }
    return { status: last || undefined };
  };
}

/** In-app: one row per outbox message (a repeat delivery is a no-op). */
export const inApp: Sender['send'] = async (db, m) => {
  if (m.residentId === undefined) return devSender.send(db, m);
  await db.query(sql`INSERT INTO notifications (city_id, resident_id, outbox_id, kind, request_number, body)
    VALUES (${m.cityId}, ${m.residentId}, ${m.id ?? 0}, ${m.kind ?? 'message'},
      ${typeof m.payload?.number === 'string' ? m.payload.number : null}, ${m.body})
    ON CONFLICT (city_id, outbox_id) DO NOTHING`);
};

/** The X-Komek-Signature header: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">. */
export function signWebhook(secret: string, body: string, unix: number): string {
  return `t=${unix},v1=${createHmac('sha256', secret).update(`${unix}.${body}`).digest('hex')}`;
}

/** A webhook delivery: the stored event body, signed with the hook's secret. */
export function webhook(now: () => Date): Sender['send'] {
  return async (db, m) => {
    const id = /^webhook:(\d+)$/.exec(m.recipient)?.[1];
    const hook = id
      ? (
          await db.query<{ url: string; secret: string; active: boolean }>(
            sql`SELECT url, secret, active FROM webhooks WHERE city_id = ${m.cityId} AND id = ${Number(id)}`,
          )
        )[0]
      : undefined;
    if (!hook?.active) throw new DeliveryError('webhook removed or disabled', undefined, true);
    const body = JSON.stringify({
      id: m.key,
      event: m.payload?.event,
      createdAt: m.payload?.createdAt,
      data: m.payload?.data,
    });
    const t = Math.floor(now().getTime() / 1000);
    return {
      status: await post(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Komek-Webhooks/1',
          'x-komek-delivery': m.key,
          'x-komek-event': String(m.payload?.event ?? ''),
          'x-komek-signature': signWebhook(hook.secret, body, t),
        },
        body,
      }),
    };
  };
}

/** Replies on the Telegram channel (recipient `telegram:{chat id}`) through the Bot API. */
export function telegramBot(cfg: NotifyConfig): Sender['send'] {
  return async (_db, m) => {
    const chat = /^telegram:(.+)$/.exec(m.recipient)?.[1];
    if (!chat)
      throw new DeliveryError(`no messenger adapter for ${m.recipient.split(':')[0]}`, undefined, true);
    return {
      status: await post(`https://api.telegram.org/bot${cfg.telegramBotToken ?? ''}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: chat, text: m.body }),
      }),
    };
  };
}

/** The production sender: each channel to its adapter, unconfigured SMS/e-mail/messenger to the dev inbox. */
export function channelSender(cfg: NotifyConfig, now: () => Date = () => new Date()): Sender {
  const by: Record<string, Sender['send']> = {
    sms: cfg.smsUrl ? smsGateway(cfg) : devSender.send,
    email: cfg.smtpUrl ? smtpMailer(cfg) : devSender.send,
    push: webPush(cfg),
    inapp: inApp,
    webhook: webhook(now),
    messenger: cfg.telegramBotToken ? telegramBot(cfg) : devSender.send,
  };
  return { send: (db, m) => (by[m.channel] ?? devSender.send)(db, m) };
}
