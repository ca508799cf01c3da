/**
 * Senders for the outbox dispatcher: web push (RFC 8030 with VAPID and aes128gcm, encrypted by
 * web-push) and the in-app list; other channels go to the development sender as before.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import webpush from 'web-push';
import type { Config } from '../../config.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { devSender, type Sender } from '../../jobs/outbox-dispatcher.ts';
import { renderNotification } from '../notify/templates.ts';
import { endpointProblem } from './endpoint.ts';
import {
  deleteSubscriptionById,
  findSubscription,
  insertNotification,
  markSubscriptionSent,
} from './repository.ts';
import { vapidKeys } from './vapid.ts';

/** How long a push service keeps an undelivered message (seconds). */
export const PUSH_TTL_S = 24 * 3600;
const PUSH_TIMEOUT_MS = 10_000;

type Message = Parameters<Sender['send']>[1];

/** Thrown for a push service's refusal; 404/410 mean the subscription is gone. */
export class PushRejected extends Error {
  constructor(readonly statusCode: number) {
    super(`push service answered ${statusCode}`);
  }
}

/** POSTs an encrypted push message; resolves on 2xx, rejects with PushRejected otherwise. */
function post(details: webpush.RequestDetails): Promise<void> {
  const u = new URL(details.endpoint);
  const send = u.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      {
        method: 'POST',
        headers: details.headers as Record<string, string | number>,
        timeout: PUSH_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const code = res.statusCode ?? 0;
          if (code >= 200 && code < 300) resolve();
          else reject(new PushRejected(code));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('push service timed out')));
    req.on('error', reject);
    req.end(details.body ?? undefined);
  });
}

function residentOf(recipient: string | undefined): number | undefined {
  const m = /^resident:(\d+)$/.exec(recipient ?? '');
  return m ? Number(m[1]) : undefined;
}

async function sendPush(db: Db, config: Config, now: () => Date, tx: Queryable, m: Message): Promise<void> {
  const src = m.source;
  const subId = Number(src?.payload.pushSubscription);
  if (!src || !Number.isInteger(subId)) throw new Error('a push message needs its subscription');
  const sub = await findSubscription(tx, m.cityId, subId);
  if (!sub) return; // unsubscribed since: nothing to deliver
  const problem = endpointProblem(sub.endpoint, config.env === 'production');
  if (problem) {
    await deleteSubscriptionById(tx, m.cityId, sub.id);
    return;
  }
  const n = renderNotification(src.kind, sub.lang ?? src.lang, src.payload);
  const number = typeof src.payload.number === 'string' ? src.payload.number : undefined;
  const payload = JSON.stringify({
    title: n.title,
    body: n.body,
    number,
    url: number ? `/app/requests/${number}` : '/app/notifications',
  });
  const keys = await vapidKeys(db, config, tx);
  const details = webpush.generateRequestDetails(
    { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    payload,
    {
      vapidDetails: keys,
      TTL: PUSH_TTL_S,
      urgency: src.kind === 'status_changed' ? 'high' : 'normal',
      // The same topic for every attempt: a push service replaces a queued copy instead of adding one.
      topic: m.key.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32),
      contentEncoding: 'aes128gcm',
    },
  );
  try {
    await post(details);
  } catch (err) {
    if (err instanceof PushRejected && (err.statusCode === 404 || err.statusCode === 410)) {
      await deleteSubscriptionById(tx, m.cityId, sub.id);
      return;
    }
    throw err;
  }
  await markSubscriptionSent(tx, m.cityId, sub.id, now());
}

async function sendInApp(now: () => Date, tx: Queryable, m: Message): Promise<void> {
  const src = m.source;
  const residentId = residentOf(src?.recipient);
  if (src && residentId !== undefined) {
    const n = renderNotification(src.kind, src.lang, src.payload);
    await insertNotification(tx, {
      cityId: m.cityId,
      residentId,
      number: typeof src.payload.number === 'string' ? src.payload.number : null,
      kind: src.kind,
      title: n.title,
      body: n.body,
      outboxId: src.id,
      now: now(),
    });
  }
  // The development inbox keeps recording every channel, as before.
  await devSender.send(tx, m);
}

/** The dispatcher's sender: push → web push, inapp → the bell (and the dev inbox), others → the dev sender. */
export function createSender(deps: { db: Db; config: Config; now(): Date }): Sender {
  return {
    async send(tx, m) {
      if (m.channel === 'push') return sendPush(deps.db, deps.config, () => deps.now(), tx, m);
      if (m.channel === 'inapp') return sendInApp(() => deps.now(), tx, m);
      return devSender.send(tx, m);
    },
  };
}
