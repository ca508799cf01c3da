/**
 * Reports without an account (where the city allows them) and claiming them after sign-in.
 * The report answers with a claim token (only its hash is stored); the resident who later signs
 * in by phone presents it and the request becomes theirs, with an event saying so.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { detectLanguage } from '@komek/domain/text/normalize';
import { DEFAULT_SLA_HOURS, computeDueAt } from '@komek/domain/sla';
import type { Criticality } from '@komek/domain/lifecycle';
import { localParts } from '@komek/domain/time';
import { AppError, forbidden, notFound } from '../../errors.ts';
import type { Queryable } from '../../db/client.ts';
import type { AppDeps } from '../../lib/context.ts';
import { cleanText } from '../../lib/clean.ts';
import { gridCell } from '../../lib/geo.ts';
import type { ResidentActor } from '../auth/policy.ts';
import { districtAt, getCatalog, responsibleAgency } from '../catalog/cache.ts';
import { assessCriticality } from '../requests/criticality.ts';
import { createdEventData } from '../requests/intake.ts';
import { writeMany } from '../requests/intake-writer.ts';
import {
  findByIdempotencyKey,
  findViewById,
  insertEvent,
  type RequestRow,
  type RequestView,
} from '../requests/repository.ts';
import { attachResident, findClaimByToken, insertClaim, lockClaimByToken, renewClaim } from './repository.ts';
import type { AnonymousReportBody } from './schema.ts';

/** How long a claim token stays valid. */
export const CLAIM_DAYS = 90;

const hashToken = (t: string): string => createHash('sha256').update(t).digest('hex');
const newToken = (): string => randomBytes(24).toString('base64url');

type Deps = Pick<AppDeps, 'db' | 'classifier' | 'now' | 'publish'>;

export interface AnonymousReport {
  request: RequestRow;
  claimToken: string;
  claimExpiresAt: Date;
  replayed: boolean;
}

/**
 * Registers a report from someone who has not signed in. It goes through the same derivations as
 * intake (category, district, agency, criticality, SLA) and the same insert, with no resident.
 */
export async function reportAnonymously(
  deps: Deps,
  cityId: string,
  input: Static<typeof AnonymousReportBody>,
  idempotencyKey?: string,
): Promise<AnonymousReport> {
  const catalog = await getCatalog(deps.db, cityId);
  if (!catalog) throw notFound('city');
  if (catalog.city.settings.anonymousReports === false)
    throw forbidden('this city takes reports from signed-in residents only; sign in with your phone');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + CLAIM_DAYS * 86_400_000);
  // Namespaced so an anonymous key can never replay a signed-in resident's request.
  const key = idempotencyKey ? `anon:${idempotencyKey}` : null;
  if (key) {
    const replay = await replayAnonymous(deps, cityId, key, expiresAt);
    if (replay) return replay;
  }
  const text = cleanText(input.text).trim();
  if (!text) throw new AppError('validation_failed', 'describe the problem', { field: 'text' });
  if ((input.lat === undefined) !== (input.lon === undefined)) {
    throw new AppError('validation_failed', 'give both lat and lon, or neither', {
      field: input.lat === undefined ? 'lat' : 'lon',
    });
  }
  let categoryCode: string | null = null;
  if (input.category) {
    const c = catalog.categories.get(input.category);
    if (!c || !c.active)
      throw new AppError('validation_failed', `unknown category "${input.category}"`, { field: 'category' });
    categoryCode = c.code;
  }
  const suggestions = await deps.classifier.suggest(cityId, text, 3);
  if (!categoryCode && suggestions[0] && suggestions[0].confidence >= 0.3)
    categoryCode = suggestions[0].category;
  const category = categoryCode ? catalog.categories.get(categoryCode) : undefined;
  const point =
    input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : undefined;
  const district = point ? districtAt(catalog, point.lat, point.lon) : undefined;
  const agencyCode = responsibleAgency(catalog, categoryCode, district?.code ?? null);
  const agency = agencyCode ? catalog.agencies.get(agencyCode) : undefined;
  const assessed = assessCriticality({
    text,
    categoryDefault: category?.default_criticality ?? 'standard',
    rules: catalog.criticalityRules,
  });
  const criticality: Criticality = assessed.level;
  const hours = category?.sla_hours[criticality] ?? DEFAULT_SLA_HOURS[criticality];
  const dueAt = computeDueAt(
    now,
    hours,
    agency?.calendar_code ? catalog.calendars.get(agency.calendar_code) : undefined,
  );
  const channel = input.channel ?? 'web';
  const token = newToken();
  const created = await deps.db.transaction(async (tx) => {
    // The same statement as every intake (intake_group), inside this transaction with the claim.
    const [r] = await writeMany(tx, [
      {
        request: {
          cityId,
          numberPrefix: catalog.city.number_prefix,
          year: localParts(now, catalog.city.time_zone).year,
          channel,
          text,
          lang: input.lang ?? detectLanguage(text),
          categoryCode,
          criticality,
          lat: point?.lat ?? null,
          lon: point?.lon ?? null,
          geoCell: point ? gridCell(point.lat, point.lon) : null,
          address: input.address === undefined ? null : cleanText(input.address).trim() || null,
          districtCode: district?.code ?? null,
          residentId: null,
          agencyCode,
          createdByStaffId: null,
          dueAt,
          attributes: input.attributes ?? {},
          idempotencyKey: key,
          createdAt: now,
        },
        events: [
          {
            type: 'created',
            actorKind: 'resident',
            actorId: null,
            toStatus: 'new',
            visibility: 'public',
            data: createdEventData({
              channel,
              anonymous: true,
              category: categoryCode,
              criticality,
              agency: agencyCode,
              district: district?.code ?? null,
              dueAt,
              suggestions,
              chosenBy: input.category ? { kind: 'resident', category: input.category } : null,
              assessed,
            }),
          },
        ],
      },
    ]);
    if (r)
      await insertClaim(tx, {
        cityId,
        requestId: r.id,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt,
      });
    return r;
  });
  if (!created) {
    // A retry with the same key won the race.
    const replay = key ? await replayAnonymous(deps, cityId, key, expiresAt) : undefined;
    if (!replay) throw new AppError('conflict', 'the report could not be stored; retry');
    return replay;
  }
  deps.publish({ cityId, type: 'request.created', number: created.number, status: 'new', agencyCode });
  return { request: created, claimToken: token, claimExpiresAt: expiresAt, replayed: false };
}

/** A retry of an anonymous report: the same request, with a fresh token (the first answer was lost). */
async function replayAnonymous(
  deps: Deps,
  cityId: string,
  key: string,
  expiresAt: Date,
): Promise<AnonymousReport | undefined> {
  const existing = await findByIdempotencyKey(deps.db, cityId, key);
  if (!existing) return undefined;
  const token = newToken();
  const renewed = await deps.db.transaction((tx) =>
    renewClaim(tx, { cityId, requestId: existing.id, tokenHash: hashToken(token), expiresAt }),
  );
  if (!renewed)
    throw new AppError('idempotency_conflict', 'this report was already claimed; use a new Idempotency-Key');
  return { request: existing, claimToken: token, claimExpiresAt: expiresAt, replayed: true };
}

/** Attaches an anonymous report to the signed-in resident who holds its token. */
export async function claimRequest(
  deps: Pick<AppDeps, 'db' | 'now' | 'publish'>,
  actor: ResidentActor,
  token: string,
): Promise<RequestView> {
  const now = deps.now();
  const requestId = await deps.db.transaction(async (tx) => {
    const claim = await lockClaimByToken(tx, actor.cityId, hashToken(token));
    if (!claim) throw notFound('claim');
    if (claim.claimed_by !== null) {
      if (claim.claimed_by === actor.id) return claim.request_id; // a repeated claim changes nothing
      throw new AppError('conflict', 'this report was claimed by someone else');
    }
    if (claim.expires_at.getTime() < now.getTime())
      throw new AppError('conflict', 'this claim has expired', { expiredAt: claim.expires_at.toISOString() });
    const r = await attachResident(tx, {
      cityId: actor.cityId,
      requestId: claim.request_id,
      residentId: actor.id,
      now,
    });
    if (!r) throw new AppError('conflict', 'this request already belongs to a resident');
    await insertEvent(tx, {
      cityId: actor.cityId,
      requestId: claim.request_id,
      type: 'claimed',
      actorKind: 'resident',
      actorId: actor.id,
      visibility: 'internal',
      data: { anonymousSince: true },
      createdAt: now,
    });
    return claim.request_id;
  });
  const view = await findViewById(deps.db, actor.cityId, requestId);
  if (!view) throw notFound('request');
  deps.publish({
    cityId: actor.cityId,
    type: 'request.updated',
    number: view.number,
    status: view.status,
    agencyCode: view.agency_code,
  });
  return view;
}

/** Whether a claim token lets its holder add photos to this (still unclaimed) request. */
export async function claimAllows(
  db: Queryable,
  cityId: string,
  requestId: number,
  token: string,
  now: Date,
): Promise<boolean> {
  const c = await findClaimByToken(db, cityId, hashToken(token));
  return (
    !!c && c.request_id === requestId && c.claimed_by === null && c.expires_at.getTime() >= now.getTime()
  );
}
