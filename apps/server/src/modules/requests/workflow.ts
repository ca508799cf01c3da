/** Changes to a request after intake: transitions, assignment, comments, feedback. Each writes its event in the same transaction. */
import { sql } from 'drizzle-orm';
import {
  checkTransition,
  residentMayTransition,
  type Status,
  type TransitionInput,
} from '@komek/domain/lifecycle';
import { DEFAULT_SLA_HOURS, computeDueAt, dueAfterPause } from '@komek/domain/sla';
import { localParts } from '@komek/domain/time';
import { AppError, forbidden, notFound, unauthorized } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import type { Queryable } from '../../db/client.ts';
import { idByNumber } from './ids.ts';
import { canReadRequest, canWorkRequest, notYours } from '../auth/policy.ts';
import { getCatalog, type CityCatalog } from '../catalog/cache.ts';
import { enqueueMessage } from '../notify/outbox.ts';
import { emitWebhookEvent, requestFacts } from '../notify/webhooks.ts';
import {
  findViewById,
  findViewByNumber,
  insertEvent,
  lockByNumber,
  updateRequest,
  countLaterAtPlace,
  type RequestPatch,
  type RequestRow,
  type RequestView,
} from './repository.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'publish'>;

async function catalogOf(deps: Deps, cityId: string): Promise<CityCatalog> {
  const c = await getCatalog(deps.db, cityId);
  if (!c) throw notFound('city');
  return c;
}

function actorRef(actor: Actor): { actorKind: 'staff' | 'resident'; actorId: number } {
  if (actor.kind === 'anonymous') throw unauthorized();
  return { actorKind: actor.kind, actorId: actor.id };
}

async function notifyResident(
  tx: Queryable,
  r: RequestRow,
  kind: string,
  payload: Record<string, unknown>,
): Promise<void> {
  if (r.resident_id === null) return;
  await enqueueMessage(tx, {
    cityId: r.city_id,
    kind,
    channel: 'sms',
    recipient: `resident:${r.resident_id}`,
    payload: { number: r.number, dueAt: r.due_at.toISOString(), ...payload },
  });
}

export interface TransitionRequest extends Omit<TransitionInput, 'duplicateOf'> {
  duplicateOf?: string | undefined;
}

/** Moves a request through the lifecycle; 409 with the allowed statuses when the machine refuses. */
export async function transitionRequest(
  deps: Deps,
  actor: Actor,
  number: string,
  input: TransitionRequest,
): Promise<RequestView> {
  const { actorKind, actorId } = actorRef(actor);
  const catalog = await catalogOf(deps, actor.cityId);
  const now = deps.now();
  const currentYear = localParts(now, catalog.city.time_zone).year;
  const id = await deps.db.transaction(async (tx) => {
    const r = await lockByNumber(tx, actor.cityId, number);
    if (!r) throw notFound('request', { number });
    if (actor.kind === 'resident') {
      if (r.resident_id !== actor.id) throw notYours();
      if (!residentMayTransition(r.status, input.to)) {
        throw new AppError('forbidden', 'a resident may confirm a resolved request or say it is not fixed', {
          allowed: ['closed', 'reopened'],
        });
      }
      const windowDays = catalog.city.settings.reopenWindowDays ?? 15;
      const since = r.resolved_at ?? r.closed_at;
      if (input.to === 'reopened' && since && now.getTime() - since.getTime() > windowDays * 86_400_000) {
        throw new AppError(
          'conflict',
          `a request can be reopened within ${windowDays} days of its resolution`,
        );
      }
    } else if (!canWorkRequest(actor, { agencyCode: r.agency_code })) {
      throw actor.kind === 'staff' && actor.role === 'analyst'
        ? forbidden('analysts read, they do not change requests')
        : notYours();
    }
    let parentId: number | null = null;
    if (input.to === 'duplicate' && input.duplicateOf) {
      const parentRef = await idByNumber(tx, actor.cityId, input.duplicateOf);
      const parents =
        parentRef === undefined
          ? []
          : await tx.query<{ id: number; status: Status; duplicate_of: number | null }>(
              sql`SELECT id, status, duplicate_of FROM requests WHERE city_id = ${actor.cityId} AND id = ${parentRef}`,
            );
      const p = parents[0];
      if (!p)
        throw new AppError('validation_failed', 'the parent request does not exist', {
          field: 'duplicateOf',
        });
      if (p.id === r.id)
        throw new AppError('validation_failed', 'a request cannot duplicate itself', {
          field: 'duplicateOf',
        });
      parentId = p.duplicate_of ?? p.id;
    }
    const check = checkTransition(r.status, { ...input, duplicateOf: input.duplicateOf }, currentYear);
    if (!check.ok) {
      const messages: Record<string, string> = {
        illegal_transition: `a request cannot go from ${r.status} to ${input.to}`,
        reason_required: `moving to ${input.to} needs a reason`,
        planned_year_required: `deferring needs a planned year after ${currentYear}`,
        duplicate_of_required: 'marking a duplicate needs the number of the original request',
      };
      const code = check.code === 'illegal_transition' ? 'illegal_transition' : 'validation_failed';
      throw new AppError(code, messages[check.code] ?? 'refused', {
        from: r.status,
        to: input.to,
        allowed: check.allowed,
        reason: check.code,
      });
    }
    const patch = await patchFor(tx, catalog, r, input, parentId, now);
    if (actor.kind === 'staff' && !r.first_response_at) patch.first_response_at = now;
    await updateRequest(tx, actor.cityId, r.id, patch, now);
    await insertEvent(tx, {
      cityId: actor.cityId,
      requestId: r.id,
      type: 'status_changed',
      actorKind,
      actorId,
      fromStatus: r.status,
      toStatus: input.to,
      visibility: 'public',
      body: input.reason ?? null,
      data: {
        ...(input.plannedYear ? { plannedYear: input.plannedYear } : {}),
        ...(input.duplicateOf ? { duplicateOf: input.duplicateOf } : {}),
      },
      createdAt: now,
    });
    await notifyResident(tx, r, 'status_changed', { status: input.to, reason: input.reason ?? null });
    await emitWebhookEvent(
      tx,
      r.city_id,
      'request.status_changed',
      { ...requestFacts(r), status: input.to, previousStatus: r.status },
      now,
    );
    if (input.to === 'resolved' || input.to === 'closed') await followParent(tx, r, input.to, now);
    return r.id;
  });
  const view = (await findViewById(deps.db, actor.cityId, id)) as RequestView;
  deps.publish({
    cityId: actor.cityId,
    type: 'request.updated',
    number,
    status: view.status,
    agencyCode: view.agency_code,
  });
  return view;
}

async function patchFor(
  tx: Queryable,
  catalog: CityCatalog,
  r: RequestRow,
  input: TransitionRequest,
  parentId: number | null,
  now: Date,
): Promise<RequestPatch> {
  const patch: RequestPatch = { status: input.to, status_reason: input.reason ?? null };
  const agency = r.agency_code ? catalog.agencies.get(r.agency_code) : undefined;
  const cal = agency?.calendar_code ? catalog.calendars.get(agency.calendar_code) : undefined;
  if (r.status === 'waiting_for_resident' && r.sla_paused_at) {
    patch.due_at = dueAfterPause(r.due_at, r.sla_paused_at, now, cal);
    patch.sla_paused_at = null;
  }
  switch (input.to) {
    case 'waiting_for_resident':
      patch.sla_paused_at = now;
      break;
    case 'resolved':
      patch.resolved_at = now;
      break;
    case 'closed':
      patch.closed_at = now;
      if (!r.resolved_at) patch.resolved_at = now;
      break;
    case 'deferred':
      patch.planned_year = input.plannedYear ?? null;
      // Its repeats so far; intake counts the ones that come later.
      patch.repeats = await countLaterAtPlace(tx, r);
      break;
    case 'duplicate':
      patch.duplicate_of = parentId;
      break;
    case 'reopened': {
      const hours =
        (r.category_code ? catalog.categories.get(r.category_code)?.sla_hours[r.criticality] : undefined) ??
        DEFAULT_SLA_HOURS[r.criticality];
      patch.due_at = computeDueAt(now, hours, cal);
      patch.resolved_at = null;
      patch.closed_at = null;
      patch.sla_breached_at = null;
      patch.sla_warned_at = null;
      patch.duplicate_of = null;
      break;
    }
  }
  void tx;
  return patch;
}

/** Duplicates follow their parent: when it is resolved or closed, so are they, and their residents are told. */
async function followParent(
  tx: Queryable,
  parent: RequestRow,
  to: 'resolved' | 'closed',
  now: Date,
): Promise<void> {
  const children = await tx.query<RequestRow>(
    sql`SELECT * FROM requests WHERE city_id = ${parent.city_id} AND duplicate_of = ${parent.id} AND status = 'duplicate' FOR UPDATE`,
  );
  for (const c of children) {
    await updateRequest(
      tx,
      c.city_id,
      c.id,
      to === 'resolved'
        ? { status: 'resolved', resolved_at: now }
        : { status: 'closed', closed_at: now, resolved_at: c.resolved_at ?? now },
      now,
    );
    await insertEvent(tx, {
      cityId: c.city_id,
      requestId: c.id,
      type: 'status_changed',
      actorKind: 'system',
      actorId: null,
      fromStatus: 'duplicate',
      toStatus: to,
      visibility: 'public',
      body: null,
      data: { followedParent: parent.number },
      createdAt: now,
    });
    await notifyResident(tx, c, 'status_changed', { status: to, parent: parent.number });
  }
}

/** Routes a request to an agency and/or an executor; a new request becomes assigned. */
export async function assignRequest(
  deps: Deps,
  actor: Actor,
  number: string,
  input: { agency?: string | undefined; executorId?: number | undefined },
): Promise<RequestView> {
  const { actorKind, actorId } = actorRef(actor);
  if (actor.kind !== 'staff') throw forbidden('staff only');
  const catalog = await catalogOf(deps, actor.cityId);
  const now = deps.now();
  const id = await deps.db.transaction(async (tx) => {
    const r = await lockByNumber(tx, actor.cityId, number);
    if (!r) throw notFound('request', { number });
    if (!canWorkRequest(actor, { agencyCode: r.agency_code })) throw notYours();
    let agencyCode = input.agency ?? r.agency_code;
    if (input.agency && !catalog.agencies.has(input.agency))
      throw new AppError('validation_failed', `unknown agency "${input.agency}"`, { field: 'agency' });
    if (actor.role === 'executor' && agencyCode !== actor.agencyCode)
      throw forbidden('an executor works within their own agency');
    let executorId: number | null = r.executor_id;
    if (input.executorId !== undefined) {
      const ex = await tx.query<{ id: number; role: string; agency_code: string | null; active: boolean }>(
        sql`SELECT id, role, agency_code, active FROM staff WHERE city_id = ${actor.cityId} AND id = ${input.executorId}`,
      );
      const e = ex[0];
      if (!e || !e.active || e.role !== 'executor')
        throw new AppError('validation_failed', 'no such executor', { field: 'executorId' });
      if (input.agency === undefined) agencyCode = e.agency_code;
      else if (e.agency_code !== agencyCode)
        throw new AppError('validation_failed', 'the executor works for another agency', {
          field: 'executorId',
        });
      executorId = e.id;
    }
    if (!agencyCode)
      throw new AppError('validation_failed', 'name an agency or an executor', { field: 'agency' });
    const moves = ['new', 'reopened', 'deferred'].includes(r.status);
    const patch: RequestPatch = { agency_code: agencyCode, executor_id: executorId };
    if (moves) patch.status = 'assigned';
    await updateRequest(tx, actor.cityId, r.id, patch, now);
    await insertEvent(tx, {
      cityId: actor.cityId,
      requestId: r.id,
      type: 'assigned',
      actorKind,
      actorId,
      fromStatus: r.status,
      toStatus: moves ? 'assigned' : r.status,
      visibility: 'internal',
      data: { agency: agencyCode, executorId, previousAgency: r.agency_code },
      createdAt: now,
    });
    return r.id;
  });
  const view = (await findViewById(deps.db, actor.cityId, id)) as RequestView;
  deps.publish({
    cityId: actor.cityId,
    type: 'request.updated',
    number,
    status: view.status,
    agencyCode: view.agency_code,
  });
  return view;
}

/** A public reply or an internal note. Residents write public comments on their own requests. */
export async function commentRequest(
  deps: Deps,
  actor: Actor,
  number: string,
  input: { body: string; visibility: 'public' | 'internal' },
) {
  const { actorKind, actorId } = actorRef(actor);
  const now = deps.now();
  const body = input.body.trim();
  if (!body) throw new AppError('validation_failed', 'the comment is empty', { field: 'body' });
  return deps.db.transaction(async (tx) => {
    const r = await lockByNumber(tx, actor.cityId, number);
    if (!r) throw notFound('request', { number });
    if (actor.kind === 'resident') {
      if (r.resident_id !== actor.id) throw notYours();
      if (input.visibility !== 'public') throw forbidden('residents write public comments');
    } else if (!canWorkRequest(actor, { agencyCode: r.agency_code })) throw notYours();
    const eventId = await insertEvent(tx, {
      cityId: actor.cityId,
      requestId: r.id,
      type: 'comment',
      actorKind,
      actorId,
      visibility: input.visibility,
      body,
      createdAt: now,
    });
    if (actor.kind === 'staff' && input.visibility === 'public') {
      if (!r.first_response_at) await updateRequest(tx, actor.cityId, r.id, { first_response_at: now }, now);
      await notifyResident(tx, r, 'comment', { body });
    }
    if (input.visibility === 'public')
      await emitWebhookEvent(
        tx,
        r.city_id,
        'request.commented',
        { ...requestFacts(r), author: actor.kind },
        now,
      );
    return { id: eventId, createdAt: now.toISOString() };
  });
}

/** The resident rates the answer (1–5) once the request is resolved or closed. */
export async function rateRequest(
  deps: Deps,
  actor: Actor,
  number: string,
  input: { rating: number; comment?: string | undefined },
) {
  if (actor.kind !== 'resident')
    throw actor.kind === 'anonymous' ? unauthorized() : forbidden('only the resident rates the answer');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const r = await lockByNumber(tx, actor.cityId, number);
    if (!r) throw notFound('request', { number });
    if (r.resident_id !== actor.id) throw notYours();
    if (!['resolved', 'closed'].includes(r.status))
      throw new AppError('conflict', 'rate a request once it is resolved', { status: r.status });
    await updateRequest(
      tx,
      actor.cityId,
      r.id,
      { rating: input.rating, rating_comment: input.comment ?? null },
      now,
    );
    await insertEvent(tx, {
      cityId: actor.cityId,
      requestId: r.id,
      type: 'feedback',
      actorKind: 'resident',
      actorId: actor.id,
      visibility: 'internal',
      body: input.comment ?? null,
      data: { rating: input.rating },
      createdAt: now,
    });
  });
  return { rating: input.rating };
}

/** Loads a request the actor may read (404 when missing, 403 when not theirs). */
export async function readableRequest(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  number: string,
): Promise<RequestView> {
  if (actor.kind === 'anonymous') throw unauthorized();
  const r = await findViewByNumber(deps.db, actor.cityId, number);
  if (!r) throw notFound('request', { number });
  if (!canReadRequest(actor, { residentId: r.resident_id, agencyCode: r.agency_code })) throw notYours();
  return r;
}
