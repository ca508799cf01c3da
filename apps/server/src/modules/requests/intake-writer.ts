/**
 * Intake's writes, grouped. Every request that reaches intake while the database is busy with
 * earlier ones waits for the next group, and a group is written with one statement (callers,
 * requests, their events, keys and outbox messages), where each request used to take two (the
 * caller, then the request): the round trips, executor start-up (a generic plan locks every
 * month's partition) and commits are paid once per group. Built on `lib/coalesce.ts`, which
 * groups NOTIFYs and audit rows, but every request here gets its own row back or its own error.
 * Under light load a group is one request, so nothing waits for a timer. A group that fails is
 * written again one request at a time, so one bad request fails alone.
 */
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import { coalescing } from '../../lib/coalesce.ts';
import type { IntakeEvent, NewRequest, RequestRow } from './repository.ts';

export interface IntakeCaller {
  phone: string;
  name: string | null;
  lang: string;
}

export interface IntakeWrite {
  /** The request; `residentId` is filled in from `caller` when one is given. */
  request: NewRequest;
  caller?: IntakeCaller | undefined;
  events: IntakeEvent[];
  outbox?: { kind: string; channel: string; payload: Record<string, unknown> } | undefined;
}

export interface IntakeWriter {
  /** Stores the request; undefined when its idempotency key was already used. */
  write(w: IntakeWrite): Promise<RequestRow | undefined>;
}

interface Pending {
  w: IntakeWrite;
  resolve(r: RequestRow | undefined): void;
  reject(e: unknown): void;
}

export interface WriterOptions {
  /** Most requests in one group. */
  maxGroup?: number;
}

/**
 * Groups concurrent intakes into few statements (see the module comment), batched as
 * `lib/coalesce.ts` batches: one group written at a time (measured at 20 concurrent callers on
 * PostgreSQL, one at a time took 1,221–1,259 requests/s against 1,044–1,107 with two: bigger
 * groups, fewer statements), and a group starts on the next turn of the event loop, so the
 * requests that arrived in this turn join it (on PGlite, whose statements run on this thread,
 * groups formed at once were always one request). Each process (KOMEK_WORKERS) has its own.
 */
export function createIntakeWriter(db: Db, o: WriterOptions = {}): IntakeWriter {
  // writeGroup settles every request of its group itself.
  const groups = coalescing<Pending>((group) => writeGroup(db, group), o.maxGroup ?? 64);
  return {
    write(w) {
      return new Promise<RequestRow | undefined>((resolve, reject) => {
        groups.push({ w, resolve, reject }).catch(reject);
      });
    },
  };
}

const writers = new WeakMap<Db, IntakeWriter>();

/** The writer of a database (one per process and database). */
export function intakeWriter(db: Db): IntakeWriter {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = createIntakeWriter(db)));
  return w;
}

async function writeGroup(db: Db, group: Pending[]): Promise<void> {
  try {
    const rows = await writeMany(
      db,
      group.map((p) => p.w),
    );
    group.forEach((p, i) => p.resolve(rows[i]));
    return;
  } catch (e) {
    if (group.length === 1) return group[0]?.reject(e);
    // One of them is at fault (or the connection): each is written on its own below.
  }
  // In arrival order: of two requests with the same idempotency key, the first is stored.
  for (const p of group) {
    try {
      p.resolve((await writeMany(db, [p.w]))[0]);
    } catch (e) {
      p.reject(e);
    }
  }
}

/**
 * A group of requests in ONE statement (`intake_group`, writable CTEs: atomic under autocommit):
 * callers found or created by phone, then the requests with their events, idempotency keys,
 * outbox messages and repeat counts. Rows in input order; undefined where the idempotency key
 * was already used.
 */
export async function writeMany(
  db: Queryable,
  ws: readonly IntakeWrite[],
): Promise<(RequestRow | undefined)[]> {
  const callers = new Map<string, { city_id: string; phone: string; name: string | null; lang: string }>();
  for (const w of ws) {
    if (!w.caller) continue;
    const key = `${w.request.cityId}\u0000${w.caller.phone}`;
    // The same phone twice in a group: one row, the name given last.
    callers.set(key, {
      city_id: w.request.cityId,
      phone: w.caller.phone,
      name: w.caller.name ?? callers.get(key)?.name ?? null,
      lang: w.caller.lang,
    });
  }
  const input = ws.map((w, ord) => {
    const r = w.request;
    return {
      ord,
      city_id: r.cityId,
      prefix: `${r.numberPrefix}-${r.year}-`,
      channel: r.channel,
      text: r.text,
      lang: r.lang,
      category_code: r.categoryCode,
      criticality: r.criticality,
      lat: r.lat,
      lon: r.lon,
      geo_cell: r.geoCell,
      address: r.address,
      district_code: r.districtCode,
      resident_id: w.caller ? null : r.residentId,
      phone: w.caller?.phone ?? null,
      agency_code: r.agencyCode,
      created_by_staff_id: r.createdByStaffId,
      due_at: r.dueAt.toISOString(),
      attributes: r.attributes,
      idempotency_key: r.idempotencyKey,
      created_at: r.createdAt.toISOString(),
      outbox_kind: w.outbox?.kind ?? null,
      outbox_channel: w.outbox?.channel ?? null,
      outbox_payload: w.outbox?.payload ?? null,
    };
  });
  const events = ws.flatMap((w, ord) =>
    w.events.map((e, seq) => ({
      ord,
      seq,
      type: e.type,
      actor_kind: e.actorKind,
      actor_id: e.actorId,
      to_status: e.toStatus ?? null,
      visibility: e.visibility,
      data: e.data,
    })),
  );
  // The statement itself is the function intake_group (migration 0105): its plan is kept.
  const rows = await db.query<RequestRow & { group_ord: number }>(
    sql`SELECT g.group_ord, (g.request).* FROM intake_group(${JSON.stringify([...callers.values()])}::jsonb,
      ${JSON.stringify(input)}::jsonb, ${JSON.stringify(events)}::jsonb) AS g`,
  );
  const out: (RequestRow | undefined)[] = ws.map(() => undefined);
  for (const { group_ord, ...row } of rows) out[group_ord] = row as RequestRow;
  return out;
}
