/** A resident's notification preferences and push subscriptions (repository + defaults). */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export interface Preferences {
  channels: { sms: boolean; email: boolean; push: boolean; inapp: boolean };
  email: string | null;
  /** Local "HH:MM" in the city's time zone, or null for none. */
  quietHours: { start: number; end: number } | null;
  pushSubscribed: boolean;
}

interface Row {
  sms: boolean;
  email: boolean;
  push: boolean;
  inapp: boolean;
  email_address: string | null;
  quiet_start: number | null;
  quiet_end: number | null;
}

/** The stored preferences or the defaults (SMS + in-app + push when subscribed). */
export async function getPreferences(
  db: Queryable,
  cityId: string,
  residentId: number,
): Promise<Preferences> {
  const r = (
    await db.query<Row>(sql`SELECT sms, email, push, inapp, email_address, quiet_start, quiet_end
      FROM notification_preferences WHERE city_id = ${cityId} AND resident_id = ${residentId}`)
  )[0];
  const subs = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM push_subscriptions WHERE city_id = ${cityId} AND resident_id = ${residentId}`,
  );
  return {
    channels: r
      ? { sms: r.sms, email: r.email, push: r.push, inapp: r.inapp }
      : { sms: true, email: false, push: true, inapp: true },
    email: r?.email_address ?? null,
    quietHours:
      r && r.quiet_start !== null && r.quiet_end !== null ? { start: r.quiet_start, end: r.quiet_end } : null,
    pushSubscribed: (subs[0]?.n ?? 0) > 0,
  };
}

export async function savePreferences(
  db: Queryable,
  cityId: string,
  residentId: number,
  p: Omit<Preferences, 'pushSubscribed'>,
): Promise<void> {
  await db.query(sql`INSERT INTO notification_preferences
      (city_id, resident_id, sms, email, push, inapp, email_address, quiet_start, quiet_end, updated_at)
    VALUES (${cityId}, ${residentId}, ${p.channels.sms}, ${p.channels.email}, ${p.channels.push}, ${p.channels.inapp},
      ${p.email}, ${p.quietHours?.start ?? null}, ${p.quietHours?.end ?? null}, now())
    ON CONFLICT (city_id, resident_id) DO UPDATE SET sms = EXCLUDED.sms, email = EXCLUDED.email, push = EXCLUDED.push,
      inapp = EXCLUDED.inapp, email_address = EXCLUDED.email_address, quiet_start = EXCLUDED.quiet_start,
      quiet_end = EXCLUDED.quiet_end, updated_at = now()`);
}

export const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const minutesOf = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
