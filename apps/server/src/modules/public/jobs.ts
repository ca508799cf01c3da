/**
 * Background jobs of the resident cabinet:
 * - auto-close: a resolved request the resident neither confirms nor reopens within the city's
 *   window closes itself (a system status change with its event and a message to the resident);
 * - subscriptions: followers of a request hear of its status changes, followers of an area
 *   hear of new reports there; all through the outbox.
 */
import { checkTransition } from '@komek/domain/lifecycle';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../lib/context.ts';
import { pointInGeometry, type Geometry } from '../../lib/geo.ts';
import { getCatalog } from '../catalog/cache.ts';
import { enqueueMessage } from '../notify/outbox.ts';
import { insertEvent, updateRequest } from '../requests/repository.ts';
import {
  listAreaSubscriptions,
  listCitySettings,
  listNewReports,
  lockJobState,
  lockRequestSubscriptionsDue,
  lockUnansweredResolved,
  markSubscriptionTold,
  saveJobState,
  type AreaSubscription,
  type NewReport,
} from './job-repository.ts';

const DAY = 86_400_000;

/** The days a resolved request waits for the resident: autoCloseDays, else the reopen window, else 15. */
export function autoCloseDays(settings: Record<string, unknown>): number {
  const v = settings.autoCloseDays ?? settings.reopenWindowDays;
  return typeof v === 'number' && v > 0 ? v : 15;
}

/** Closes resolved requests left unanswered past the window; returns how many closed. */
export async function autoCloseResolved(
  deps: Pick<AppDeps, 'db' | 'now' | 'publish'>,
  batch = 200,
): Promise<number> {
  const now = deps.now();
  let closed = 0;
  for (const city of await listCitySettings(deps.db)) {
    const days = autoCloseDays(city.settings);
    const done = await deps.db.transaction(async (tx) => {
      const rows = await lockUnansweredResolved(tx, city.id, new Date(now.getTime() - days * DAY), batch);
      for (const r of rows) {
        if (!checkTransition(r.status, { to: 'closed' }, 0).ok) continue;
        await updateRequest(tx, r.city_id, r.id, { status: 'closed', closed_at: now }, now);
        await insertEvent(tx, {
          cityId: r.city_id,
          requestId: r.id,
          type: 'status_changed',
          actorKind: 'system',
          actorId: null,
          fromStatus: r.status,
          toStatus: 'closed',
          visibility: 'public',
          body: null,
          data: { autoClosed: true, afterDays: days },
          createdAt: now,
        });
        if (r.resident_id !== null) {
          await enqueueMessage(tx, {
            cityId: r.city_id,
            kind: 'status_changed',
            channel: 'inapp',
            recipient: `resident:${r.resident_id}`,
            payload: { number: r.number, status: 'closed', autoClosed: true },
          });
        }
      }
      return rows;
    });
    for (const r of done)
      deps.publish({
        cityId: r.city_id,
        type: 'request.updated',
        number: r.number,
        status: 'closed',
        agencyCode: r.agency_code,
      });
    closed += done.length;
  }
  return closed;
}

function inArea(s: AreaSubscription, r: NewReport, districts: Map<string, Geometry>): boolean {
  if (s.kind === 'district') {
    if (r.district_code) return r.district_code === s.district_code;
    const g = s.district_code ? districts.get(s.district_code) : undefined;
    return !!g && r.lat !== null && r.lon !== null && pointInGeometry(g, r.lat, r.lon);
  }
  const [minLon, minLat, maxLon, maxLat] = (s.bbox ?? []) as [number, number, number, number];
  return (
    r.lat !== null &&
    r.lon !== null &&
    r.lon >= minLon &&
    r.lon <= maxLon &&
    r.lat >= minLat &&
    r.lat <= maxLat
  );
}

// Reports committed a little after their timestamp must not slip behind the cursor.
const SETTLE_MS = 3000;

/** Tells followers of requests and areas what changed; returns the messages queued. */
export async function notifySubscribers(
  db: Db,
  now: Date,
  batch = 500,
): Promise<{ requests: number; areas: number }> {
  const requests = await db.transaction(async (tx) => {
    const due = await lockRequestSubscriptionsDue(tx, batch);
    let sent = 0;
    for (const s of due) {
      // The request's own resident hears from the workflow already.
      if (s.owner_id !== s.resident_id) {
        await enqueueMessage(tx, {
          cityId: s.city_id,
          kind: 'status_changed',
          channel: 'inapp',
          recipient: `resident:${s.resident_id}`,
          payload: { number: s.number, status: s.status, subscription: s.id },
        });
        sent++;
      }
      await markSubscriptionTold(tx, s.city_id, s.id, s.status);
    }
    return sent;
  });
  let areas = 0;
  const until = new Date(now.getTime() - SETTLE_MS);
  for (const city of await listCitySettings(db)) {
    areas += await db.transaction(async (tx) => {
      const name = `subscriptions-area:${city.id}`;
      const cursor = await lockJobState(tx, name, { at: until.toISOString(), id: 0 });
      const reports = await listNewReports(
        tx,
        city.id,
        { at: new Date(cursor.at), id: cursor.id },
        until,
        batch,
      );
      const last = reports[reports.length - 1];
      if (!last) return 0;
      const subs = await listAreaSubscriptions(tx, city.id);
      const catalog = subs.some((s) => s.kind === 'district') ? await getCatalog(db, city.id) : undefined;
      const districts = new Map((catalog?.districts ?? []).map((d) => [d.code, d.geometry as Geometry]));
      let sent = 0;
      for (const r of reports) {
        for (const s of subs) {
          if (s.resident_id === r.resident_id || !inArea(s, r, districts)) continue;
          await enqueueMessage(tx, {
            cityId: city.id,
            kind: 'area_report',
            channel: 'inapp',
            recipient: `resident:${s.resident_id}`,
            payload: {
              number: r.number,
              category: r.category_code,
              district: r.district_code,
              subscription: s.id,
            },
          });
          sent++;
        }
      }
      await saveJobState(tx, name, { at: last.created_at.toISOString(), id: last.id }, now);
      return sent;
    });
  }
  return { requests, areas };
}
