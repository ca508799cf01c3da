/** Intake: a new request from any channel lands in one lifecycle. */
import { detectLanguage } from '@komek/domain/text/normalize';
import { DEFAULT_SLA_HOURS, computeDueAt } from '@komek/domain/sla';
import { isPlace, type Channel, type Criticality, type Place } from '@komek/domain/lifecycle';
import { localParts } from '@komek/domain/time';
import { AppError, forbidden, unauthorized } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import { cleanText } from '../../lib/clean.ts';
import { gridCell } from '../../lib/geo.ts';
import { normalizePhone } from '../../lib/phone.ts';
import { districtAt, getCatalog, responsibleAgency } from '../catalog/cache.ts';
import { assessCriticality } from './criticality.ts';
import { intakeWriter, type IntakeCaller } from './intake-writer.ts';
import { findByIdempotencyKey, findViewById, type RequestView } from './repository.ts';

export interface IntakeInput {
  text: string;
  category?: string | undefined;
  criticality?: Criticality | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  address?: string | undefined;
  /** Where the problem is (see PLACES); kept in the request's attributes as `place`. */
  place?: Place | undefined;
  channel: Channel;
  resident?: { phone: string; name?: string | undefined; lang?: string | undefined } | undefined;
  attributes?: Record<string, unknown> | undefined;
}

type Deps = Pick<AppDeps, 'db' | 'classifier' | 'now' | 'publish'>;

const INTAKE_ROLES = ['operator', 'supervisor', 'admin', 'executor'];
const RESIDENT_CHANNELS: readonly Channel[] = ['web', 'app'];

export async function createRequest(
  deps: Deps,
  actor: Actor,
  input: IntakeInput,
  idempotencyKey?: string,
  /** An Open311 partner (authenticated by its API key) reporting on behalf of a resident. */
  partner?: string,
): Promise<{ request: RequestView; replayed: boolean }> {
  if (actor.kind === 'anonymous' && !partner) throw unauthorized('sign in to report a problem');
  if (actor.kind === 'staff' && !INTAKE_ROLES.includes(actor.role))
    throw forbidden('your role does not take requests');
  if (actor.kind === 'resident' && !RESIDENT_CHANNELS.includes(input.channel)) {
    throw new AppError('validation_failed', 'residents report through the web or the app', {
      field: 'channel',
      allowed: RESIDENT_CHANNELS,
    });
  }
  const cityId = actor.cityId;
  if (idempotencyKey) {
    const existing = await findByIdempotencyKey(deps.db, cityId, idempotencyKey);
    if (existing) return replay(deps, actor, existing.id, existing.created_by_staff_id, existing.resident_id);
  }
  const catalog = await getCatalog(deps.db, cityId);
  if (!catalog) throw new AppError('not_found', 'unknown city');
  const text = cleanText(input.text).trim();
  if (!text) throw new AppError('validation_failed', 'describe the problem', { field: 'text' });

  // The place comes as a field or (an Open311 partner's `attribute[place]`) among the attributes;
  // an unknown value is dropped, so the classifier only ever learns the known kinds.
  const { place: placeAttribute, ...attributes } = input.attributes ?? {};
  const place = input.place ?? (isPlace(placeAttribute) ? placeAttribute : undefined);
  const suggestions = await deps.classifier.suggest(cityId, text, 3, place);
  let categoryCode: string | null = null;
  if (input.category) {
    const c = catalog.categories.get(input.category);
    if (!c || !c.active) {
      throw new AppError('validation_failed', `unknown category "${input.category}"`, { field: 'category' });
    }
    categoryCode = c.code;
  } else if (suggestions[0] && suggestions[0].confidence >= 0.3) {
    categoryCode = suggestions[0].category;
  }
  const category = categoryCode ? catalog.categories.get(categoryCode) : undefined;

  const hasPoint = input.lat !== undefined && input.lon !== undefined;
  if ((input.lat === undefined) !== (input.lon === undefined)) {
    throw new AppError('validation_failed', 'give both lat and lon, or neither', {
      field: input.lat === undefined ? 'lat' : 'lon',
    });
  }
  const district = hasPoint ? districtAt(catalog, input.lat as number, input.lon as number) : undefined;
  const agencyCode = responsibleAgency(catalog, categoryCode, district?.code ?? null);
  const agency = agencyCode ? catalog.agencies.get(agencyCode) : undefined;

  const assessed = assessCriticality({
    text,
    categoryDefault: category?.default_criticality ?? 'standard',
    rules: catalog.criticalityRules,
  });
  const criticality: Criticality = input.criticality ?? assessed.level;
  const now = deps.now();
  const hours = category?.sla_hours[criticality] ?? DEFAULT_SLA_HOURS[criticality];
  const calendar = agency?.calendar_code ? catalog.calendars.get(agency.calendar_code) : undefined;
  const dueAt = computeDueAt(now, hours, calendar);
  const year = localParts(now, catalog.city.time_zone).year;

  let residentId: number | null = null;
  let caller: IntakeCaller | undefined;
  let residentView: { phone: string | null; name: string | null } = { phone: null, name: null };
  if (actor.kind === 'resident') {
    residentId = actor.id;
    residentView = { phone: actor.phone, name: null };
  } else if (input.resident) {
    const phone = normalizePhone(input.resident.phone);
    caller = {
      phone,
      name: input.resident.name === undefined ? null : cleanText(input.resident.name),
      lang: input.resident.lang ?? detectLanguage(text),
    };
    residentView = { phone, name: caller.name };
  }
  const actorKind = partner ? 'partner' : actor.kind === 'staff' ? 'staff' : 'resident';
  const actorId = partner ? null : actor.kind === 'staff' ? actor.id : residentId;
  const created = await intakeWriter(deps.db).write({
    request: {
      cityId,
      numberPrefix: catalog.city.number_prefix,
      year,
      channel: input.channel,
      text,
      lang: detectLanguage(text),
      categoryCode,
      criticality,
      lat: hasPoint ? (input.lat as number) : null,
      lon: hasPoint ? (input.lon as number) : null,
      geoCell: hasPoint ? gridCell(input.lat as number, input.lon as number) : null,
      address: input.address === undefined ? null : cleanText(input.address).trim() || null,
      districtCode: district?.code ?? null,
      residentId,
      agencyCode,
      createdByStaffId: actor.kind === 'staff' ? actor.id : null,
      dueAt,
      attributes: place ? { ...attributes, place } : attributes,
      idempotencyKey: idempotencyKey ?? null,
      createdAt: now,
    },
    caller,
    events: [
      {
        // One event carries the intake and the classification (what was suggested, what was kept,
        // whether the operator accepted it): one row less per request on the hottest path.
        type: 'created',
        actorKind,
        actorId,
        toStatus: 'new',
        visibility: 'public',
        data: createdEventData({
          channel: input.channel,
          category: categoryCode,
          criticality,
          agency: agencyCode,
          district: district?.code ?? null,
          dueAt,
          suggestions,
          chosenBy: input.category ? { kind: actorKind, category: input.category } : null,
          assessed,
        }),
      },
    ],
    outbox: {
      kind: 'request_created',
      channel: 'sms',
      payload: { dueAt: dueAt.toISOString(), status: 'new' },
    },
  });
  if (!created) {
    // Another call with the same key won the race: answer with its request.
    const existing = await findByIdempotencyKey(deps.db, cityId, idempotencyKey as string);
    if (!existing) throw new AppError('conflict', 'the request could not be stored; retry');
    return replay(deps, actor, existing.id, existing.created_by_staff_id, existing.resident_id);
  }
  deps.publish({ cityId, type: 'request.created', number: created.number, status: 'new', agencyCode });
  const view: RequestView = {
    ...created,
    resident_phone: residentView.phone,
    resident_name: residentView.name,
    duplicate_of_number: null,
  };
  return { request: view, replayed: false };
}

/**
 * The `created` event's data: where the request went and how it was classified (what was
 * suggested, what was kept and by whom, whether the suggestion was accepted), so accuracy in
 * production can be reported.
 */
export function createdEventData(o: {
  channel: string;
  category: string | null;
  criticality: Criticality;
  agency: string | null;
  district: string | null;
  dueAt: Date;
  suggestions: readonly { category: string; confidence: number }[];
  /** Who chose the category, when someone did (else the model's suggestion was taken). */
  chosenBy: { kind: string; category: string } | null;
  assessed: { level: Criticality; matchedRule?: string | undefined };
  anonymous?: boolean;
}): Record<string, unknown> {
  return {
    channel: o.channel,
    ...(o.anonymous ? { anonymous: true } : {}),
    category: o.category,
    criticality: o.criticality,
    agency: o.agency,
    district: o.district,
    dueAt: o.dueAt.toISOString(),
    classification: {
      suggestions: o.suggestions,
      source: o.chosenBy ? o.chosenBy.kind : 'model',
      accepted: o.chosenBy ? o.suggestions[0]?.category === o.chosenBy.category : null,
      criticality: {
        level: o.criticality,
        suggested: o.assessed.level,
        rule: o.assessed.matchedRule ?? null,
      },
    },
  };
}

async function replay(
  deps: Deps,
  actor: Actor,
  id: number,
  staffId: number | null,
  residentId: number | null,
) {
  const sameActor =
    actor.kind === 'staff' ? staffId === actor.id : actor.kind === 'resident' && residentId === actor.id;
  if (!sameActor)
    throw new AppError(
      'idempotency_conflict',
      'this Idempotency-Key was used by someone else; use a new key',
    );
  const view = await findViewById(deps.db, actor.cityId, id);
  return { request: view as RequestView, replayed: true };
}
