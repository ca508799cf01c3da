/**
 * The request lifecycle: one state machine for every channel.
 *
 *   new → assigned → in_progress → resolved → closed
 *   plus waiting_for_resident (SLA clock paused), rejected, duplicate, deferred (no budget this
 *   year; comes back in its planned year) and reopened (the resident says it is not fixed).
 */

export const STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_for_resident',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'deferred',
  'reopened',
] as const;
export type Status = (typeof STATUSES)[number];

export const CRITICALITIES = ['urgent', 'high', 'standard', 'low'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const CHANNELS = ['phone', 'web', 'app', 'open311', 'email', 'messenger'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Where the problem is, as the resident or operator chooses it besides the text (St Petersburg's
 * portal asks the same: a building, a yard and a street call for different services). The
 * classifier takes it as a context tag (`placeTag`).
 */
export const PLACES = [
  'building',
  'apartment',
  'yard',
  'street',
  'park',
  'structure',
  'construction',
  'other',
] as const;
export type Place = (typeof PLACES)[number];

/** Whether a value (e.g. an Open311 partner's `attribute[place]`) is one of the known places. */
export function isPlace(v: unknown): v is Place {
  return (PLACES as readonly unknown[]).includes(v);
}

/** The classifier's context tag for a place. */
export function placeTags(place: string | null | undefined): string[] {
  return place ? [`place:${place}`] : [];
}

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const WORK: Status[] = [
  'assigned',
  'in_progress',
  'waiting_for_resident',
  'resolved',
  'rejected',
  'duplicate',
  'deferred',
];

/** Allowed transitions: from → to. */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  new: WORK,
  assigned: WORK.filter((s) => s !== 'assigned'),
  in_progress: ['assigned', 'waiting_for_resident', 'resolved', 'rejected', 'duplicate', 'deferred'],
  waiting_for_resident: ['assigned', 'in_progress', 'resolved', 'rejected', 'closed'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  rejected: ['reopened'],
  duplicate: ['reopened', 'resolved', 'closed'],
  deferred: ['reopened', 'assigned', 'in_progress', 'resolved', 'rejected'],
  reopened: WORK,
};

/** Statuses in which the request is still someone's work (counted as open). */
export const OPEN_STATUSES: readonly Status[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_for_resident',
  'reopened',
];

/** Statuses in which the SLA clock runs. */
export function slaRunning(status: Status): boolean {
  return status === 'new' || status === 'assigned' || status === 'in_progress' || status === 'reopened';
}

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

/** What a transition needs besides the target status. */
export interface TransitionInput {
  to: Status;
  reason?: string | undefined;
  plannedYear?: number | undefined;
  duplicateOf?: string | undefined;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'illegal_transition'; allowed: readonly Status[] }
  | {
      ok: false;
      code: 'reason_required' | 'planned_year_required' | 'duplicate_of_required';
      allowed: readonly Status[];
    };

/** Statuses whose entry must say why. */
const NEEDS_REASON: readonly Status[] = ['rejected', 'waiting_for_resident', 'reopened', 'deferred'];

/**
 * Checks a transition against the machine and its required fields.
 * `currentYear` is the city's current year: a deferral must be planned for a later year.
 */
export function checkTransition(from: Status, input: TransitionInput, currentYear: number): TransitionCheck {
  const allowed = TRANSITIONS[from];
  if (!allowed.includes(input.to)) return { ok: false, code: 'illegal_transition', allowed };
  if (NEEDS_REASON.includes(input.to) && !input.reason?.trim())
    return { ok: false, code: 'reason_required', allowed };
  if (input.to === 'deferred' && (!input.plannedYear || input.plannedYear <= currentYear)) {
    return { ok: false, code: 'planned_year_required', allowed };
  }
  if (input.to === 'duplicate' && !input.duplicateOf)
    return { ok: false, code: 'duplicate_of_required', allowed };
  return { ok: true };
}

/** The resident may only confirm (close) a resolved request or reopen a resolved/closed one. */
export function residentMayTransition(from: Status, to: Status): boolean {
  return (
    (from === 'resolved' && (to === 'closed' || to === 'reopened')) ||
    (from === 'closed' && to === 'reopened')
  );
}
