/**
 * Who may do what, decided before any data is touched. Forbidden is 403, anonymous is 401.
 */
import { forbidden, unauthorized, type AppError } from '../../errors.ts';
import type { Actor, StaffRole } from '../../lib/context.ts';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type ResidentActor = Extract<Actor, { kind: 'resident' }>;

export function requireSignedIn(actor: Actor): asserts actor is StaffActor | ResidentActor {
  if (actor.kind === 'anonymous') throw unauthorized();
}

/** Requires a staff member with one of the roles. */
export function requireStaff(actor: Actor, roles?: readonly StaffRole[]): StaffActor {
  if (actor.kind === 'anonymous') throw unauthorized();
  if (actor.kind !== 'staff') throw forbidden('staff only');
  if (roles && !roles.includes(actor.role))
    throw forbidden(`this needs one of the roles: ${roles.join(', ')}`);
  return actor;
}

export const requireAdmin = (actor: Actor): StaffActor => requireStaff(actor, ['admin']);

/** Roles that see and work every request of the city. */
export const CITY_WIDE: readonly StaffRole[] = ['operator', 'supervisor', 'admin'];
/** Roles that may read every request (analysts read without personal data). */
export const READ_ALL: readonly StaffRole[] = ['operator', 'supervisor', 'admin', 'analyst'];

/** Roles that see a resident's personal data. */
export function seesPersonalData(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.role !== 'analyst';
}

/** Whether an actor may read a request (by its owner and agency). */
export function canReadRequest(
  actor: Actor,
  req: { residentId: number | null; agencyCode: string | null },
): boolean {
  if (actor.kind === 'resident') return req.residentId === actor.id;
  if (actor.kind !== 'staff') return false;
  if (READ_ALL.includes(actor.role)) return true;
  return actor.role === 'executor' && actor.agencyCode !== null && actor.agencyCode === req.agencyCode;
}

/** Whether an actor may work a request (assign, transition, internal notes). */
export function canWorkRequest(actor: Actor, req: { agencyCode: string | null }): boolean {
  if (actor.kind !== 'staff') return false;
  if (CITY_WIDE.includes(actor.role)) return true;
  return actor.role === 'executor' && actor.agencyCode !== null && actor.agencyCode === req.agencyCode;
}

export const notYours = (): AppError => forbidden('this request is not yours to change');
