/**
 * Marks SLA warnings (80 % elapsed) and breaches, escalates breaches to the agency's
 * supervisors (an event and a notification), and brings deferred requests back in their
 * planned year. Claims rows with SKIP LOCKED so several processes share the work.
 */
import { sql } from 'drizzle-orm';
import { AT_RISK_FRACTION } from '@komek/domain/sla';
import { localParts } from '@komek/domain/time';
import type { Db } from '../db/client.ts';
import { enqueueMessage } from '../modules/notify/outbox.ts';
import { emitWebhookEvent } from '../modules/notify/webhooks.ts';
import { insertEvent } from '../modules/requests/repository.ts';

const RUNNING = sql`('new', 'assigned', 'in_progress', 'reopened')`;

export interface SlaRunResult {
  warned: number;
  breached: number;
  undeferred: number;
}

export async function runSlaWatcher(db: Db, now: Date, timeZone: string, batch = 500): Promise<SlaRunResult> {
  const breached = await db.transaction(async (tx) => {
    const rows = await tx.query<{
      city_id: string;
      id: number;
      number: string;
      agency_code: string | null;
      due_at: Date;
    }>(sql`
      SELECT city_id, id, number, agency_code, due_at FROM requests
      WHERE sla_breached_at IS NULL AND status IN ${RUNNING} AND due_at < ${now}
      ORDER BY due_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
    for (const r of rows) {
      await tx.query(
        sql`UPDATE requests SET sla_breached_at = ${now}, sla_warned_at = COALESCE(sla_warned_at, ${now}), updated_at = ${now} WHERE city_id = ${r.city_id} AND id = ${r.id}`,
      );
      await insertEvent(tx, {
        cityId: r.city_id,
        requestId: r.id,
        type: 'sla_breach',
        actorKind: 'system',
        actorId: null,
        data: { dueAt: r.due_at.toISOString() },
        createdAt: now,
      });
      const supervisors = await tx.query<{
        id: number;
      }>(sql`SELECT id FROM staff WHERE city_id = ${r.city_id} AND active AND role = 'supervisor'
        AND (agency_code = ${r.agency_code} OR agency_code IS NULL) ORDER BY (agency_code IS NULL), id LIMIT 3`);
      await insertEvent(tx, {
        cityId: r.city_id,
        requestId: r.id,
        type: 'escalated',
        actorKind: 'system',
        actorId: null,
        data: { to: supervisors.map((s) => s.id), agency: r.agency_code },
        createdAt: now,
      });
      for (const s of supervisors) {
        await enqueueMessage(tx, {
          cityId: r.city_id,
          kind: 'sla_breach',
          channel: 'inapp',
          recipient: `staff:${s.id}`,
          payload: { number: r.number, agency: r.agency_code, dueAt: r.due_at.toISOString(), timeZone },
        });
      }
      await emitWebhookEvent(
        tx,
        r.city_id,
        'request.sla_breached',
        {
          number: r.number,
          agency: r.agency_code,
          dueAt: r.due_at.toISOString(),
          breachedAt: now.toISOString(),
        },
        now,
      );
    }
    return rows.length;
  });
  const warned = await db.transaction(async (tx) => {
    const rows = await tx.query<{ city_id: string; id: number }>(sql`
      SELECT city_id, id FROM requests
      WHERE sla_warned_at IS NULL AND sla_breached_at IS NULL AND status IN ${RUNNING} AND due_at >= ${now}
        AND created_at + (due_at - created_at) * ${AT_RISK_FRACTION} <= ${now}
      LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
    for (const r of rows) {
      await tx.query(
        sql`UPDATE requests SET sla_warned_at = ${now}, updated_at = ${now} WHERE city_id = ${r.city_id} AND id = ${r.id}`,
      );
      await insertEvent(tx, {
        cityId: r.city_id,
        requestId: r.id,
        type: 'sla_warning',
        actorKind: 'system',
        actorId: null,
        data: {},
        createdAt: now,
      });
    }
    return rows.length;
  });
  const year = localParts(now, timeZone).year;
  const undeferred = await db.transaction(async (tx) => {
    const rows = await tx.query<{ city_id: string; id: number; planned_year: number }>(sql`
      SELECT city_id, id, planned_year FROM requests WHERE status = 'deferred' AND planned_year <= ${year}
      LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
    for (const r of rows) {
      // Back in the queue with a fresh SLA from today (the category's hours for its criticality).
      await tx.query(sql`UPDATE requests r SET status = 'reopened', updated_at = ${now}, sla_breached_at = NULL, sla_warned_at = NULL,
        due_at = ${now}::timestamptz + make_interval(hours => COALESCE((SELECT (c.sla_hours ->> r.criticality)::int FROM categories c
          WHERE c.city_id = r.city_id AND c.code = r.category_code), 240))
        WHERE r.city_id = ${r.city_id} AND r.id = ${r.id}`);
      await insertEvent(tx, {
        cityId: r.city_id,
        requestId: r.id,
        type: 'status_changed',
        actorKind: 'system',
        actorId: null,
        fromStatus: 'deferred',
        toStatus: 'reopened',
        visibility: 'public',
        body: `planned for ${r.planned_year}`,
        createdAt: now,
      });
    }
    return rows.length;
  });
  return { warned, breached, undeferred };
}
