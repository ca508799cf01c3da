import { createHmac, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import { normalizePhone } from '../../lib/phone.ts';
import { enqueueMessage } from '../notify/outbox.ts';
import { DEMO_PASSWORD, verifyPassword } from './passwords.ts';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';
import { createSession, deleteSession, findStaffByLogin } from './repository.ts';

const OTP_TTL_SECONDS = 300;
const OTP_RESEND_SECONDS = 30;
const OTP_MAX_ATTEMPTS = 5;

type Deps = Pick<AppDeps, 'db' | 'config' | 'now'>;

export async function loginStaff(
  deps: Deps,
  input: { login: string; password: string; otp?: string | undefined },
) {
  const staff = await findStaffByLogin(deps.db, input.login.trim().toLowerCase());
  const ok = staff?.active ? await verifyPassword(staff.password_hash, input.password) : false;
  if (!staff || !ok) throw new AppError('invalid_credentials', 'wrong login or password');
  if (staff.totp_enabled && staff.totp_secret) {
    if (!input.otp)
      throw new AppError('unauthorized', 'enter the code from your authenticator app', {
        totpRequired: true,
      });
    if (!verifyTotp(staff.totp_secret, input.otp, deps.now().getTime()))
      throw new AppError('invalid_credentials', 'wrong authenticator code', { totpRequired: true });
  }
  if (deps.config.env === 'production' && input.password === DEMO_PASSWORD) {
    throw new AppError(
      'forbidden',
      'the demo password is refused in production mode; an admin must set a real one',
    );
  }
  const token = await createSession(deps.db, {
    cityId: staff.city_id,
    kind: 'staff',
    subjectId: staff.id,
    now: deps.now(),
  });
  return {
    token,
    user: {
      kind: 'staff' as const,
      id: staff.id,
      name: staff.name,
      role: staff.role,
      agencyCode: staff.agency_code,
      login: staff.login,
    },
  };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  await deleteSession(deps.db, token);
}

function codeHash(phone: string, code: string): string {
  return createHmac('sha256', 'komek-otp').update(`${phone}:${code}`).digest('hex');
}

/** Sends a one-time code through the SMS outbox; at most one every 30 s per phone. */
export async function requestOtp(deps: Deps, input: { cityId: string; phone: string }) {
  const phone = normalizePhone(input.phone);
  const now = deps.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expires = new Date(now.getTime() + OTP_TTL_SECONDS * 1000);
  await deps.db.transaction(async (tx) => {
    const recent = await tx.query<{ created_at: Date }>(
      sql`SELECT created_at FROM otp_codes WHERE city_id = ${input.cityId} AND phone = ${phone} FOR UPDATE`,
    );
    const last = recent[0]?.created_at;
    if (last && now.getTime() - last.getTime() < OTP_RESEND_SECONDS * 1000) {
      const wait = Math.ceil((OTP_RESEND_SECONDS * 1000 - (now.getTime() - last.getTime())) / 1000);
      throw new AppError('rate_limited', 'a code was sent a moment ago; wait before asking again', {
        retryAfterSeconds: wait,
      });
    }
    await tx.query(sql`INSERT INTO otp_codes (city_id, phone, code_hash, attempts, created_at, expires_at)
      VALUES (${input.cityId}, ${phone}, ${codeHash(phone, code)}, 0, ${now}, ${expires})
      ON CONFLICT (city_id, phone) DO UPDATE SET code_hash = EXCLUDED.code_hash, attempts = 0,
        created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at`);
    await enqueueMessage(tx, {
      cityId: input.cityId,
      kind: 'otp',
      channel: 'sms',
      recipient: phone,
      payload: { text: `Komek: ${code}` },
    });
  });
  return { sent: true, expiresInSeconds: OTP_TTL_SECONDS };
}

/** Checks a code; five wrong codes lock the phone until a new code is requested. */
export async function verifyOtp(
  deps: Deps,
  input: {
    cityId: string;
    phone: string;
    code: string;
    name?: string | undefined;
    lang?: string | undefined;
  },
) {
  const phone = normalizePhone(input.phone);
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const rows = await tx.query<{ code_hash: string; attempts: number; expires_at: Date }>(
      sql`SELECT code_hash, attempts, expires_at FROM otp_codes WHERE city_id = ${input.cityId} AND phone = ${phone} FOR UPDATE`,
    );
    const row = rows[0];
    if (!row || row.expires_at.getTime() < now.getTime()) return { error: 'expired' as const };
    if (row.attempts >= OTP_MAX_ATTEMPTS) return { error: 'locked' as const };
    if (row.code_hash !== codeHash(phone, input.code)) {
      await tx.query(
        sql`UPDATE otp_codes SET attempts = attempts + 1 WHERE city_id = ${input.cityId} AND phone = ${phone}`,
      );
      return { error: 'wrong' as const, left: OTP_MAX_ATTEMPTS - row.attempts - 1 };
    }
    await tx.query(sql`DELETE FROM otp_codes WHERE city_id = ${input.cityId} AND phone = ${phone}`);
    const residents = await tx.query<{ id: number; name: string | null }>(sql`
      INSERT INTO residents (city_id, phone, name, preferred_lang, consent_at)
      VALUES (${input.cityId}, ${phone}, ${input.name ?? null}, ${input.lang ?? 'ru'}, ${now})
      ON CONFLICT (city_id, phone) DO UPDATE SET name = COALESCE(EXCLUDED.name, residents.name)
      RETURNING id, name`);
    const resident = residents[0] as { id: number; name: string | null };
    const token = await createSession(tx, {
      cityId: input.cityId,
      kind: 'resident',
      subjectId: resident.id,
      now,
    });
    return { token, resident };
  });
  if ('error' in result) {
    if (result.error === 'locked')
      throw new AppError('rate_limited', 'too many wrong codes; ask for a new code', {
        retryAfterSeconds: OTP_RESEND_SECONDS,
      });
    if (result.error === 'wrong')
      throw new AppError('invalid_credentials', 'wrong code', { attemptsLeft: result.left });
    throw new AppError('invalid_credentials', 'the code has expired; ask for a new one');
  }
  return {
    token: result.token,
    user: { kind: 'resident' as const, id: result.resident.id, name: result.resident.name },
  };
}

/** Starts two-factor enrolment: a new secret, not yet required at sign-in. */
export async function setupTotp(deps: Deps, staff: { cityId: string; id: number; login: string }) {
  const secret = newTotpSecret();
  await deps.db.query(
    sql`UPDATE staff SET totp_secret = ${secret}, totp_enabled = false WHERE city_id = ${staff.cityId} AND id = ${staff.id}`,
  );
  return { secret, otpauthUrl: otpauthUrl(staff.login, secret) };
}

/** Turns two-factor on once the user proves their app shows the right code. */
export async function enableTotp(deps: Deps, staff: { cityId: string; id: number }, code: string) {
  const rows = await deps.db.query<{ totp_secret: string | null }>(
    sql`SELECT totp_secret FROM staff WHERE city_id = ${staff.cityId} AND id = ${staff.id}`,
  );
  const secret = rows[0]?.totp_secret;
  if (!secret) throw new AppError('conflict', 'start the set-up first');
  if (!verifyTotp(secret, code, deps.now().getTime()))
    throw new AppError('validation_failed', 'the code does not match; check the time on your phone', {
      field: 'code',
    });
  await deps.db.query(
    sql`UPDATE staff SET totp_enabled = true WHERE city_id = ${staff.cityId} AND id = ${staff.id}`,
  );
  return { enabled: true };
}
