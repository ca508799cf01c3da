/**
 * A resident told by SMS about their request is also told in the app (a notification written in
 * the same transaction) and on every device they subscribed for web push (one outbox row per
 * subscription, so each delivery retries on its own).
 */
import type { Queryable } from '../../db/client.ts';
import { renderNotification } from '../notify/templates.ts';
import { insertNotification, listResidentSubscriptions, residentLang } from './repository.ts';

/** The kinds of resident messages that also go to the bell and to push. */
export const RESIDENT_PUSH_KINDS: ReadonlySet<string> = new Set(['status_changed', 'comment']);

export interface PushRow {
  cityId: string;
  kind: string;
  channel: 'push';
  recipient: string;
  payload: Record<string, unknown>;
}

/** Writes the in-app copy of an SMS to a resident and returns the push rows to queue; nothing for other messages. */
export async function residentFanOut(
  tx: Queryable,
  m: { cityId: string; kind: string; channel: string; recipient: string; payload: Record<string, unknown> },
): Promise<PushRow[]> {
  const resident = /^resident:(\d+)$/.exec(m.recipient);
  if (m.channel !== 'sms' || !resident || !RESIDENT_PUSH_KINDS.has(m.kind)) return [];
  const residentId = Number(resident[1]);
  const lang = await residentLang(tx, m.cityId, residentId);
  if (lang === undefined) return [];
  const n = renderNotification(m.kind, lang, m.payload);
  await insertNotification(tx, {
    cityId: m.cityId,
    residentId,
    number: typeof m.payload.number === 'string' ? m.payload.number : null,
    kind: m.kind,
    title: n.title,
    body: n.body,
    outboxId: null,
    now: null,
  });
  const subs = await listResidentSubscriptions(tx, m.cityId, residentId);
  return subs.map((s) => ({
    cityId: m.cityId,
    kind: m.kind,
    channel: 'push',
    recipient: m.recipient,
    payload: { ...m.payload, pushSubscription: s.id },
  }));
}
