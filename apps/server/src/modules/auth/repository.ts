import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { Actor, StaffRole } from '../../lib/context.ts';

export const SESSION_DAYS = 14;

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface StaffRow {
  city_id: string;
  id: number;
  login: string;
  password_hash: string;
  name: string;
  role: StaffRole;
  agency_code: string | null;
  preferred_lang: string;
  active: boolean;
  totp_secret: string | null;
  totp_enabled: boolean;
}

export async function findStaffByLogin(db: Queryable, login: string): Promise<StaffRow | undefined> {
  const rows = await db.query<StaffRow>(sql`SELECT * FROM staff WHERE login = ${login}`);
  return rows[0];
}

export async function createSession(
  db: Queryable,
  s: { cityId: string; kind: 'staff' | 'resident'; subjectId: number; now: Date },
): Promise<string> {
  const token = newToken();
  const expires = new Date(s.now.getTime() + SESSION_DAYS * 86_400_000);
  await db.query(sql`INSERT INTO sessions (token_hash, city_id, subject_kind, subject_id, created_at, expires_at)
    VALUES (${sha256(token)}, ${s.cityId}, ${s.kind}, ${s.subjectId}, ${s.now}, ${expires})`);
  return token;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  forgetCachedToken(token);
  await db.query(sql`DELETE FROM sessions WHERE token_hash = ${sha256(token)}`);
}

interface SessionActorRow {
  city_id: string;
  subject_kind: 'staff' | 'resident';
  subject_id: number;
  login: string | null;
  name: string | null;
  role: StaffRole | null;
  agency_code: string | null;
  active: boolean | null;
  phone: string | null;
}

const ACTOR_TTL_MS = 5_000;
const actorCache = new Map<string, { actor: Actor; until: number }>();

/**
 * The actor behind a session token, cached for 5 s per process so that busy clients do not
 * pay a session lookup on every call (a logout elsewhere takes effect within those 5 s).
 */
export async function cachedActorForToken(
  db: Queryable,
  token: string,
  now: Date,
): Promise<Actor | undefined> {
  const key = sha256(token);
  const hit = actorCache.get(key);
  if (hit && hit.until > Date.now()) return hit.actor;
  const actor = await actorForToken(db, token, now);
  if (actor) {
    if (actorCache.size > 10_000) actorCache.clear();
    actorCache.set(key, { actor, until: Date.now() + ACTOR_TTL_MS });
  } else actorCache.delete(key);
  return actor;
}

/** Forgets every cached session (after a resident is deleted or staff are disabled). */
export function clearActorCache(): void {
  actorCache.clear();
}

export function forgetCachedToken(token: string): void {
  actorCache.delete(sha256(token));
}

/** The actor behind a session token, or undefined when the token is unknown or expired. */
export async function actorForToken(db: Queryable, token: string, now: Date): Promise<Actor | undefined> {
  const rows = await db.query<SessionActorRow>(sql`
    SELECT s.city_id, s.subject_kind, s.subject_id, st.login, st.name, st.role, st.agency_code, st.active, r.phone
    FROM sessions s
    LEFT JOIN staff st ON s.subject_kind = 'staff' AND st.city_id = s.city_id AND st.id = s.subject_id
    LEFT JOIN residents r ON s.subject_kind = 'resident' AND r.city_id = s.city_id AND r.id = s.subject_id
    WHERE s.token_hash = ${sha256(token)} AND s.expires_at > ${now}`);
  const r = rows[0];
  if (!r) return undefined;
  if (r.subject_kind === 'staff') {
    if (!r.active || !r.role || !r.login) return undefined;
    return {
      kind: 'staff',
      cityId: r.city_id,
      id: r.subject_id,
      login: r.login,
      name: r.name ?? r.login,
      role: r.role,
      agencyCode: r.agency_code,
    };
  }
  if (!r.phone) return undefined;
  return { kind: 'resident', cityId: r.city_id, id: r.subject_id, phone: r.phone };
}
