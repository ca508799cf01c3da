/**
 * Personal data under Kazakhstan's law on personal data: a resident downloads what we hold about
 * them and can ask for deletion (the request history stays, anonymised); closed requests are
 * anonymised after the retention period.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { ResidentActor } from '../auth/policy.ts';
import { clearActorCache } from '../auth/repository.ts';

const PHONE = /\+?\d[\d\s()-]{7,}\d/g;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g;

/** Masks phone numbers and e-mail addresses inside free text. */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, '[e-mail]').replace(PHONE, '[телефон]');
}

export async function exportResidentData(deps: Pick<AppDeps, 'db'>, actor: ResidentActor) {
  const [resident] = await deps.db.query<{
    phone: string;
    name: string | null;
    preferred_lang: string;
    consent_at: Date | null;
    created_at: Date;
  }>(
    sql`SELECT phone, name, preferred_lang, consent_at, created_at FROM residents WHERE city_id = ${actor.cityId} AND id = ${actor.id}`,
  );
  if (!resident) throw new AppError('not_found', 'no such resident');
  const requests = await deps.db.query<{
    id: number;
    number: string;
    text: string;
    status: string;
    category_code: string | null;
    address: string | null;
    lat: number | null;
    lon: number | null;
    created_at: Date;
    rating: number | null;
    rating_comment: string | null;
  }>(
    sql`SELECT id, number, text, status, category_code, address, lat, lon, created_at, rating, rating_comment FROM requests WHERE city_id = ${actor.cityId} AND resident_id = ${actor.id} ORDER BY id`,
  );
  const events = await deps.db.query<{
    request_id: number;
    type: string;
    to_status: string | null;
    body: string | null;
    created_at: Date;
  }>(
    sql`SELECT e.request_id, e.type, e.to_status, e.body, e.created_at FROM request_events e JOIN requests r ON r.city_id = e.city_id AND r.id = e.request_id
      WHERE r.city_id = ${actor.cityId} AND r.resident_id = ${actor.id} AND e.visibility = 'public' ORDER BY e.id`,
  );
  return {
    exportedAt: new Date().toISOString(),
    resident: {
      phone: resident.phone,
      name: resident.name,
      language: resident.preferred_lang,
      consentAt: resident.consent_at?.toISOString() ?? null,
      since: resident.created_at.toISOString(),
    },
    requests: requests.map((r) => ({
      number: r.number,
      text: r.text,
      status: r.status,
      category: r.category_code,
      address: r.address,
      lat: r.lat,
      lon: r.lon,
      createdAt: r.created_at.toISOString(),
      rating: r.rating,
      ratingComment: r.rating_comment,
      history: events
        .filter((e) => e.request_id === r.id)
        .map((e) => ({ type: e.type, status: e.to_status, text: e.body, at: e.created_at.toISOString() })),
    })),
  };
}

/** Anonymises a resident: no phone, no name, no sessions; their requests stay without personal data. */
export async function anonymizeResident(
  tx: Queryable,
  cityId: string,
  residentId: number,
  now: Date,
): Promise<void> {
  await tx.query(sql`UPDATE residents SET phone = '+999' || lpad(id::text, 11, '0'), name = NULL, anonymized_at = ${now}
    WHERE city_id = ${cityId} AND id = ${residentId}`);
  await tx.query(
    sql`DELETE FROM sessions WHERE city_id = ${cityId} AND subject_kind = 'resident' AND subject_id = ${residentId}`,
  );
  const reqs = await tx.query<{ id: number; text: string; rating_comment: string | null }>(
    sql`SELECT id, text, rating_comment FROM requests WHERE city_id = ${cityId} AND resident_id = ${residentId}`,
  );
  for (const r of reqs) {
    await tx.query(sql`UPDATE requests SET text = ${maskContacts(r.text)}, rating_comment = ${r.rating_comment ? maskContacts(r.rating_comment) : null},
      address = NULL, anonymized_at = ${now}, updated_at = ${now} WHERE city_id = ${cityId} AND id = ${r.id}`);
  }
}

export async function deleteResident(deps: Pick<AppDeps, 'db' | 'now'>, actor: ResidentActor): Promise<void> {
  await deps.db.transaction((tx) => anonymizeResident(tx, actor.cityId, actor.id, deps.now()));
  clearActorCache();
}

/** Anonymises requests closed longer ago than the retention period (text contacts masked, address and resident link removed). */
export async function applyRetention(
  db: Queryable,
  now: Date,
  retentionDays: number,
  batch = 500,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const rows = await db.query<{
    city_id: string;
    id: number;
    text: string;
  }>(sql`SELECT city_id, id, text FROM requests
    WHERE anonymized_at IS NULL AND closed_at IS NOT NULL AND closed_at < ${cutoff} ORDER BY closed_at LIMIT ${batch}`);
  for (const r of rows) {
    await db.query(sql`UPDATE requests SET text = ${maskContacts(r.text)}, address = NULL, resident_id = NULL, rating_comment = NULL,
      anonymized_at = ${now}, updated_at = ${now} WHERE city_id = ${r.city_id} AND id = ${r.id}`);
  }
  // The addresses inbound e-mail and messages came from: kept for the reply only.
  await db.query(sql`UPDATE inbound_messages SET sender = '' WHERE sender <> '' AND received_at < ${cutoff}`);
  return rows.length;
}
