/**
 * Mass incidents: a burst of same-category requests in one area (a blackout, a burst main, a
 * flooded underpass) becomes one incident; new requests there are attached to it; closing the
 * incident resolves its requests with one public answer.
 */
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { haversineM } from '../../lib/geo.ts';
import { enqueueMessage } from '../notify/outbox.ts';
import { insertEvent, updateRequest } from '../requests/repository.ts';
import type { StaffActor } from '../auth/policy.ts';

export const BURST = { minRequests: 5, radiusM: 500, windowMinutes: 60 };

interface Loose {
  city_id: string;
  id: number;
  category_code: string;
  district_code: string | null;
  lat: number;
  lon: number;
  created_at: Date;
}

const OPEN = sql`('new', 'assigned', 'in_progress', 'reopened')`;

/** Groups recent requests into incidents: attach to an open one nearby, or open one for a burst. */
export async function groupIncidents(db: Db, now: Date): Promise<{ created: number; attached: number }> {
  return db.transaction(async (tx) => {
    const got = await tx.query<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(hashtext('incidents')) AS ok`,
    );
    if (!got[0]?.ok) return { created: 0, attached: 0 };
    const since = new Date(now.getTime() - BURST.windowMinutes * 60_000);
    const loose =
      await tx.query<Loose>(sql`SELECT city_id, id, category_code, district_code, lat, lon, created_at FROM requests
      WHERE created_at >= ${since} AND incident_id IS NULL AND lat IS NOT NULL AND category_code IS NOT NULL AND status IN ${OPEN}
      ORDER BY created_at LIMIT 5000`);
    const open = await tx.query<{
      city_id: string;
      id: number;
      category_code: string;
      lat: number;
      lon: number;
      radius_m: number;
    }>(sql`SELECT city_id, id, category_code, lat, lon, radius_m FROM incidents WHERE status = 'open'`);
    let attached = 0;
    let created = 0;
    const left: Loose[] = [];
    for (const r of loose) {
      const inc = open.find(
        (i) =>
          i.city_id === r.city_id &&
          i.category_code === r.category_code &&
          haversineM(i.lat, i.lon, r.lat, r.lon) <= i.radius_m,
      );
      if (inc) {
        await attach(tx, r, inc.id, now);
        attached++;
      } else left.push(r);
    }
    // Bursts among the rest: a request with enough same-category neighbours seeds an incident.
    const taken = new Set<number>();
    for (const r of left) {
      if (taken.has(r.id)) continue;
      const members = left.filter(
        (o) =>
          !taken.has(o.id) &&
          o.city_id === r.city_id &&
          o.category_code === r.category_code &&
          haversineM(r.lat, r.lon, o.lat, o.lon) <= BURST.radiusM,
      );
      if (members.length < BURST.minRequests) continue;
      const lat = members.reduce((a, m) => a + m.lat, 0) / members.length;
      const lon = members.reduce((a, m) => a + m.lon, 0) / members.length;
      const rows = await tx.query<{
        id: number;
      }>(sql`INSERT INTO incidents (city_id, category_code, district_code, title, lat, lon, radius_m, created_at)
        VALUES (${r.city_id}, ${r.category_code}, ${r.district_code}, ${`${r.category_code}: ${members.length}`}, ${lat}, ${lon}, ${BURST.radiusM}, ${now}) RETURNING id`);
      const id = (rows[0] as { id: number }).id;
      for (const m of members) {
        taken.add(m.id);
        await attach(tx, m, id, now);
      }
      created++;
      attached += members.length;
    }
    return { created, attached };
  });
}

async function attach(
  tx: Queryable,
  r: { city_id: string; id: number },
  incidentId: number,
  now: Date,
): Promise<void> {
  await updateRequest(tx, r.city_id, r.id, { incident_id: incidentId }, now);
  await insertEvent(tx, {
    cityId: r.city_id,
    requestId: r.id,
    type: 'incident_linked',
    actorKind: 'system',
    actorId: null,
    data: { incidentId },
    createdAt: now,
  });
}

export async function listIncidents(deps: Pick<AppDeps, 'db'>, cityId: string, status?: string) {
  const rows = await deps.db.query<{
    id: number;
    category_code: string;
    district_code: string | null;
    title: string;
    status: string;
    lat: number | null;
    lon: number | null;
    created_at: Date;
    closed_at: Date | null;
    requests: number;
    open_requests: number;
  }>(sql`
    SELECT i.id, i.category_code, i.district_code, i.title, i.status, i.lat, i.lon, i.created_at, i.closed_at,
      count(r.id)::int AS requests, count(r.id) FILTER (WHERE r.status IN ${OPEN})::int AS open_requests
    FROM incidents i LEFT JOIN requests r ON r.city_id = i.city_id AND r.incident_id = i.id
    WHERE i.city_id = ${cityId} ${status ? sql`AND i.status = ${status}` : sql``}
    GROUP BY i.city_id, i.id ORDER BY i.created_at DESC LIMIT 200`);
  return rows.map((i) => ({
    id: i.id,
    category: i.category_code,
    district: i.district_code,
    title: i.title,
    status: i.status,
    lat: i.lat,
    lon: i.lon,
    createdAt: i.created_at.toISOString(),
    closedAt: i.closed_at?.toISOString() ?? null,
    requests: i.requests,
    openRequests: i.open_requests,
  }));
}

/** Closes an incident: its open requests are resolved with one public answer, and their residents are told. */
export async function closeIncident(
  deps: Pick<AppDeps, 'db' | 'now'>,
  actor: StaffActor,
  id: number,
  answer: string,
) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx.query<{ status: string }>(
      sql`SELECT status FROM incidents WHERE city_id = ${actor.cityId} AND id = ${id} FOR UPDATE`,
    );
    if (!rows[0]) throw notFound('incident', { id });
    if (rows[0].status !== 'open') throw new AppError('conflict', 'the incident is already closed');
    const members = await tx.query<{
      id: number;
      number: string;
      status: string;
      resident_id: number | null;
    }>(
      sql`SELECT id, number, status, resident_id FROM requests WHERE city_id = ${actor.cityId} AND incident_id = ${id} AND status IN ${OPEN} FOR UPDATE`,
    );
    for (const m of members) {
      await insertEvent(tx, {
        cityId: actor.cityId,
        requestId: m.id,
        type: 'comment',
        actorKind: 'staff',
        actorId: actor.id,
        visibility: 'public',
        body: answer,
        data: { incidentId: id },
        createdAt: now,
      });
      await updateRequest(
        tx,
        actor.cityId,
        m.id,
        { status: 'resolved', resolved_at: now, status_reason: answer },
        now,
      );
      await insertEvent(tx, {
        cityId: actor.cityId,
        requestId: m.id,
        type: 'status_changed',
        actorKind: 'staff',
        actorId: actor.id,
        fromStatus: m.status,
        toStatus: 'resolved',
        visibility: 'public',
        body: answer,
        data: { incidentId: id },
        createdAt: now,
      });
      if (m.resident_id !== null)
        await enqueueMessage(tx, {
          cityId: actor.cityId,
          kind: 'status_changed',
          channel: 'sms',
          recipient: `resident:${m.resident_id}`,
          payload: { number: m.number, status: 'resolved', reason: answer },
        });
    }
    await tx.query(
      sql`UPDATE incidents SET status = 'closed', closed_at = ${now}, public_answer = ${answer} WHERE city_id = ${actor.cityId} AND id = ${id}`,
    );
    return { id, resolved: members.length };
  });
}
