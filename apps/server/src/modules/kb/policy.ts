/**
 * Who may do what in the knowledge base. Editors (admin, supervisor) write and publish; every
 * staff member reads published articles including staff-only ones; residents and anonymous
 * visitors read published public articles valid now.
 */
import { AppError, forbidden, notFound } from '../../errors.ts';
import type { Actor, StaffRole } from '../../lib/context.ts';
import { requireStaff, type StaffActor } from '../auth/policy.ts';
import type { ArticleRow } from './repository.ts';

export const KB_EDITORS: readonly StaffRole[] = ['admin', 'supervisor'];

/** Requires an editor (403 for other staff and residents, 401 for anonymous). */
export function requireEditor(actor: Actor): StaffActor {
  return requireStaff(actor, KB_EDITORS);
}

export function isEditor(actor: Actor): boolean {
  return actor.kind === 'staff' && KB_EDITORS.includes(actor.role);
}

/** What an actor's searches and lists may return. */
export interface Reach {
  /** Staff-only articles too. */
  staff: boolean;
  /** Drafts, archived and out-of-date articles too (editors, in lists and by id). */
  all: boolean;
}

export function reachOf(actor: Actor): Reach {
  return { staff: actor.kind === 'staff', all: isEditor(actor) };
}

export function isValidAt(a: Pick<ArticleRow, 'valid_from' | 'valid_to'>, now: Date): boolean {
  return (!a.valid_from || a.valid_from <= now) && (!a.valid_to || a.valid_to > now);
}

/**
 * Throws unless the actor may read the article: editors read everything; others read published
 * articles valid now (404 otherwise, as they do not exist for them), and only staff read
 * staff-only ones (403).
 */
export function assertReadable(actor: Actor, a: ArticleRow | undefined, now: Date, id: number): ArticleRow {
  if (!a) throw notFound('article', { id });
  if (isEditor(actor)) return a;
  if (a.status !== 'published' || !isValidAt(a, now)) throw notFound('article', { id });
  if (a.audience === 'staff' && actor.kind !== 'staff') throw forbidden('this article is for staff only');
  return a;
}

/** A 400 in the one error shape for a field that fails a rule the schema cannot express. */
export function invalid(field: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('validation_failed', message, { field, ...details });
}
