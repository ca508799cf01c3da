/** Residents' push subscriptions and in-app notifications. */
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { ResidentActor } from '../auth/policy.ts';
import { endpointProblem } from './endpoint.ts';
import {
  countUnread,
  deleteSubscription,
  listNotifications,
  markRead,
  upsertSubscription,
  type NotificationRow,
} from './repository.ts';

type Deps = Pick<AppDeps, 'db' | 'config' | 'now'>;

function checkEndpoint(deps: Deps, endpoint: string): void {
  const problem = endpointProblem(endpoint, deps.config.env === 'production');
  if (problem) throw new AppError('validation_failed', problem, { field: 'endpoint' });
}

/** Saves this device's push subscription for the resident (one per endpoint). */
export async function subscribePush(
  deps: Deps,
  actor: ResidentActor,
  s: { endpoint: string; keys: { p256dh: string; auth: string }; lang?: string | undefined },
): Promise<{ id: number; created: boolean }> {
  checkEndpoint(deps, s.endpoint);
  const lang = s.lang === 'kk' || s.lang === 'ru' || s.lang === 'en' ? s.lang : null;
  return upsertSubscription(deps.db, {
    cityId: actor.cityId,
    residentId: actor.id,
    endpoint: s.endpoint,
    p256dh: s.keys.p256dh,
    auth: s.keys.auth,
    lang,
    now: deps.now(),
  });
}

/** Removes this device's subscription; 404 when the resident has none for it. */
export async function unsubscribePush(deps: Deps, actor: ResidentActor, endpoint: string): Promise<void> {
  if (!(await deleteSubscription(deps.db, actor.cityId, actor.id, endpoint))) {
    throw new AppError('not_found', 'no subscription for this endpoint');
  }
}

/** The resident's notifications, newest first, with the unread count. */
export async function listMyNotifications(
  deps: Deps,
  actor: ResidentActor,
  q: { limit: number; before?: number | undefined },
): Promise<{ items: NotificationRow[]; unread: number }> {
  const [items, unread] = await Promise.all([
    listNotifications(deps.db, actor.cityId, actor.id, q.limit, q.before),
    countUnread(deps.db, actor.cityId, actor.id),
  ]);
  return { items, unread };
}

/** Marks the given notifications (or all) read; returns the unread count left. */
export async function readMyNotifications(
  deps: Deps,
  actor: ResidentActor,
  which: { ids?: number[] | undefined; all?: boolean | undefined },
): Promise<{ marked: number; unread: number }> {
  if (!which.all && !which.ids?.length) {
    throw new AppError('validation_failed', 'give ids or all: true', { fields: ['ids', 'all'] });
  }
  const marked = await markRead(
    deps.db,
    actor.cityId,
    actor.id,
    which.all ? 'all' : (which.ids ?? []),
    deps.now(),
  );
  return { marked, unread: await countUnread(deps.db, actor.cityId, actor.id) };
}
