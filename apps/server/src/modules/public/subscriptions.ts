/**
 * Subscriptions: a resident follows a request (told of each status change) or an area, a
 * district or a box on the map (told of new reports there). Messages go through the outbox.
 */
import { AppError, forbidden, notFound, unauthorized } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import { getCatalog } from '../catalog/cache.ts';
import {
  countSubscriptions,
  deleteSubscription,
  findRequestRef,
  findSubscriptionOwner,
  insertSubscription,
  listSubscriptions,
  lockResident,
  type SubscriptionRow,
} from './repository.ts';
import type { ResidentActor } from '../auth/policy.ts';

export const MAX_SUBSCRIPTIONS = 50;
/** The widest box one may follow, in degrees (about 55 × 35 km at Astana's latitude). */
const MAX_BOX_DEG = 0.5;

/** Subscriptions belong to residents: they have somewhere to be told. */
export function requireResident(actor: Actor): ResidentActor {
  if (actor.kind === 'anonymous') throw unauthorized('sign in to follow requests and areas');
  if (actor.kind !== 'resident') throw forbidden('subscriptions are for residents');
  return actor;
}

export interface SubscribeInput {
  request?: string | undefined;
  district?: string | undefined;
  bbox?: [number, number, number, number] | undefined;
}

/** Follows a request, a district or a box; following the same request or district twice returns the first. */
export async function subscribe(
  deps: Pick<AppDeps, 'db' | 'now'>,
  actor: ResidentActor,
  input: SubscribeInput,
): Promise<SubscriptionRow> {
  const given = [input.request, input.district, input.bbox].filter((v) => v !== undefined).length;
  if (given !== 1)
    throw new AppError('validation_failed', 'name exactly one of request, district, bbox', {
      field: 'request',
    });
  const catalog = await getCatalog(deps.db, actor.cityId);
  if (!catalog) throw notFound('city');
  if (input.district && !catalog.districts.some((d) => d.code === input.district)) {
    throw new AppError('validation_failed', `unknown district "${input.district}"`, { field: 'district' });
  }
  if (input.bbox) {
    const [minLon, minLat, maxLon, maxLat] = input.bbox;
    if (minLon >= maxLon || minLat >= maxLat)
      throw new AppError('validation_failed', 'bbox is [minLon, minLat, maxLon, maxLat] with min < max', {
        field: 'bbox',
      });
    if (maxLon - minLon > MAX_BOX_DEG || maxLat - minLat > MAX_BOX_DEG)
      throw new AppError(
        'validation_failed',
        `follow an area at most ${MAX_BOX_DEG}° wide; or follow a district`,
        { field: 'bbox' },
      );
  }
  return deps.db.transaction(async (tx) => {
    let requestId: number | undefined;
    let requestStatus: string | undefined;
    if (input.request) {
      const r = await findRequestRef(tx, actor.cityId, input.request);
      if (!r) throw notFound('request', { number: input.request });
      requestId = r.id;
      requestStatus = r.status;
    }
    // Serialises one resident's subscribes so the quota holds under concurrency.
    await lockResident(tx, actor.cityId, actor.id);
    if ((await countSubscriptions(tx, actor.cityId, actor.id)) >= MAX_SUBSCRIPTIONS) {
      throw new AppError('conflict', `a resident follows at most ${MAX_SUBSCRIPTIONS} requests and areas`);
    }
    const kind = input.request ? 'request' : input.district ? 'district' : 'bbox';
    return insertSubscription(tx, {
      cityId: actor.cityId,
      residentId: actor.id,
      kind,
      now: deps.now(),
      ...(requestId !== undefined ? { requestId, requestStatus } : {}),
      ...(input.district ? { district: input.district } : {}),
      ...(input.bbox ? { bbox: input.bbox } : {}),
    });
  });
}

export async function mySubscriptions(
  deps: Pick<AppDeps, 'db'>,
  actor: ResidentActor,
): Promise<SubscriptionRow[]> {
  return listSubscriptions(deps.db, actor.cityId, actor.id);
}

export async function unsubscribe(
  deps: Pick<AppDeps, 'db'>,
  actor: ResidentActor,
  id: number,
): Promise<void> {
  const owner = await findSubscriptionOwner(deps.db, actor.cityId, id);
  if (owner === undefined) throw notFound('subscription', { id });
  if (owner !== actor.id) throw forbidden('this subscription is not yours');
  await deleteSubscription(deps.db, actor.cityId, id);
}
