/**
 * Inserts synthetic requests made by the worker thread: residents first, then requests with
 * their events, a batch per transaction, each table with COPY in chunks of a few thousand rows
 * (PostgreSQL: `COPY … FROM STDIN`; PGlite: `COPY … FROM '/dev/blob'`), so the event loop gets a
 * turn between chunks.
 */
import { sql } from 'drizzle-orm';
import { copyRow, type Db, type Queryable } from '../db/client.ts';
import { ensurePartitions, requestId, requestNumber, takeSeqs } from '../modules/requests/ids.ts';
import { recountRepeats } from '../modules/requests/repository.ts';
import { CITY } from './astana-data.ts';
import type { SynthEvent, SynthRequest, SynthResident } from './synthetic.ts';
import type { WorkerInput } from './synthetic-worker.ts';
import { fromWorker } from './worker-client.ts';

export interface InsertOptions {
  now: Date;
  count: number;
  seed?: number;
  days?: number;
  /** Requests per batch (default 2000). */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

interface Context {
  operator: number | null;
  supervisor: number | null;
  executor: { id: number; agency: string } | null;
  residents: number[];
  /** Database id and local year of each generated request, by its seq. */
  ids: number[];
  years: number[];
}

const seconds = (t: number | null): number | null => (t === null ? null : t / 1000);

export interface InsertResult {
  requests: number;
  events: number;
  residents: number;
}

/** Generates `count` requests in a worker thread and inserts them with their residents and events. */
export async function insertSynthetic(db: Db, o: InsertOptions): Promise<InsertResult> {
  const staff = await db.query<{ id: number; login: string; role: string; agency_code: string | null }>(
    sql`SELECT id, login, role, agency_code FROM staff WHERE city_id = ${CITY.id} AND active ORDER BY id`,
  );
  const byRole = (role: string) => staff.find((s) => s.login === role) ?? staff.find((s) => s.role === role);
  const ex = byRole('executor');
  const ctx: Context = {
    operator: byRole('operator')?.id ?? null,
    supervisor: byRole('supervisor')?.id ?? null,
    executor: ex?.agency_code ? { id: ex.id, agency: ex.agency_code } : null,
    residents: [],
    ids: [],
    years: [],
  };
  const result: InsertResult = { requests: 0, events: 0, residents: 0 };
  const input: WorkerInput = {
    now: o.now.getTime(),
    count: o.count,
    seed: o.seed ?? 109,
    days: o.days ?? 365,
    batch: o.batch ?? 2000,
  };
  // A batch's requests commit before its events start (a duplicate's parent must be visible to the
  // next batch's foreign-key check), and on PostgreSQL its events are written on a second
  // connection while the next batch's requests go in. PGlite runs on this thread: one at a time.
  let events: Promise<void> | null = null;
  // Every month of the history gets its partition before its rows arrive.
  await ensurePartitions(db, new Date(input.now - ((input.days ?? 365) + 1) * 86_400_000), o.now);
  for await (const m of fromWorker(input)) {
    if (m.type === 'residents') {
      await insertResidents(db, m.offset, m.rows, ctx);
      result.residents += m.rows.length;
      continue;
    }
    const rows = m.rows;
    await assignIds(db, rows, ctx);
    await db.transaction(async (tx) => insertRequests(tx, rows, ctx));
    const written = db
      .transaction(async (tx) => insertEvents(tx, rows, ctx))
      .then((n) => {
        result.events += n;
        result.requests += rows.length;
        o.onProgress?.(result.requests, o.count);
      });
    written.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    if (events) await events;
    events = written;
    if (db.kind === 'pglite') await events;
  }
  await events;
  await recountRepeats(db, CITY.id);
  return result;
}

async function insertResidents(db: Db, offset: number, rows: SynthResident[], ctx: Context): Promise<void> {
  // A phone seen before (an earlier `generate` with the same seed) keeps its resident.
  const got = await db.query<{ id: number; phone: string }>(
    `INSERT INTO residents (city_id, phone, name, preferred_lang, consent_at)
     SELECT $1, phone, name, lang, now() FROM unnest($2::text[], $3::text[], $4::text[]) AS u(phone, name, lang)
     ON CONFLICT (city_id, phone) DO UPDATE SET phone = EXCLUDED.phone RETURNING id, phone`,
    [CITY.id, rows.map((r) => r.phone), rows.map((r) => r.name), rows.map((r) => r.lang)],
  );
  const byPhone = new Map(got.map((g) => [g.phone, g.id]));
  rows.forEach((r, i) => (ctx.residents[offset + i] = byPhone.get(r.phone) as number));
}

const REQUEST_COLUMNS: [name: string, type: string, select?: string][] = [
  ['id', 'bigint'],
  ['number', 'text'],
  ['channel', 'text'],
  ['text', 'text'],
  ['lang', 'text'],
  ['category_code', 'text'],
  ['criticality', 'text'],
  ['status', 'text'],
  ['lat', 'float8'],
  ['lon', 'float8'],
  ['geo_cell', 'bigint'],
  ['address', 'text'],
  ['district_code', 'text'],
  ['resident_id', 'bigint'],
  ['agency_code', 'text'],
  ['executor_id', 'bigint'],
  ['created_by_staff_id', 'bigint'],
  ['due_at', 'float8', 'to_timestamp'],
  ['sla_paused_at', 'float8', 'to_timestamp'],
  ['sla_warned_at', 'float8', 'to_timestamp'],
  ['sla_breached_at', 'float8', 'to_timestamp'],
  ['first_response_at', 'float8', 'to_timestamp'],
  ['resolved_at', 'float8', 'to_timestamp'],
  ['closed_at', 'float8', 'to_timestamp'],
  ['duplicate_of', 'bigint'],
  ['planned_year', 'int'],
  ['status_reason', 'text'],
  ['attributes', 'text', 'jsonb'],
  ['rating', 'smallint'],
  ['created_at', 'float8', 'to_timestamp'],
  ['updated_at', 'float8', 'to_timestamp'],
];
const EVENT_COLUMNS: [name: string, type: string, select?: string][] = [
  ['request_id', 'bigint'],
  ['type', 'text'],
  ['actor_kind', 'text'],
  ['actor_id', 'bigint'],
  ['from_status', 'text'],
  ['to_status', 'text'],
  ['visibility', 'text'],
  ['body', 'text'],
  ['data', 'text', 'jsonb'],
  ['created_at', 'float8', 'to_timestamp'],
];

/**
 * Rows into `table` with COPY (text format), city id first; timestamp columns arrive as epoch
 * seconds and are written as ISO times, jsonb columns as their JSON text.
 */
async function copyRows(
  tx: Queryable,
  table: string,
  cols: [string, string, string?][],
  rows: unknown[][],
): Promise<void> {
  if (!rows.length) return;
  const kinds = cols.map(([, , f]) => f);
  let data = '';
  for (const r of rows) {
    const out: unknown[] = [CITY.id];
    r.forEach((v, i) =>
      out.push(v !== null && kinds[i] === 'to_timestamp' ? new Date((v as number) * 1000) : v),
    );
    data += copyRow(out);
  }
  await tx.copyIn(table, ['city_id', ...cols.map(([n]) => n)], data);
}
// Chunks of about 50–100 ms on PGlite, which runs on this thread: the event loop gets a turn between them.
const REQUESTS_PER_STATEMENT = 1000;
const EVENTS_PER_STATEMENT = 5000;
const OPERATOR_CHANNELS = ['phone', 'email', 'messenger'];

/** Inserts a batch of requests and their events; returns the number of events. */
/** Database ids and numbers of generated requests by their seq. */
function refs(ctx: Context): { idOf: (seq: number) => number; numberBySeq: (seq: number) => string } {
  const idOf = (seq: number): number => ctx.ids[seq] as number;
  return {
    idOf,
    numberBySeq: (seq) => requestNumber(CITY.numberPrefix, ctx.years[seq] as number, idOf(seq)),
  };
}

/** Takes a sequence value per request; its id carries the month it was created in. */
async function assignIds(db: Queryable, rows: SynthRequest[], ctx: Context): Promise<void> {
  const seqs = await takeSeqs(db, rows.length);
  rows.forEach((q, i) => {
    ctx.ids[q.seq] = requestId(seqs[i] as number, new Date(q.createdAt));
    ctx.years[q.seq] = q.year;
  });
}

/** Inserts a batch of requests (their ids already taken). */
async function insertRequests(tx: Queryable, rows: SynthRequest[], ctx: Context): Promise<void> {
  const { idOf, numberBySeq } = refs(ctx);
  const executorOf = (agency: string): number | null =>
    ctx.executor && ctx.executor.agency === agency ? ctx.executor.id : null;
  let chunk: unknown[][] = [];
  for (const q of rows) {
    const assigned = q.events.some((e) => e.type === 'assigned');
    const values: unknown[] = [
      idOf(q.seq),
      numberBySeq(q.seq),
      q.channel,
      q.text,
      q.lang,
      q.category,
      q.criticality,
      q.status,
      q.lat,
      q.lon,
      q.geoCell,
      q.address,
      q.district,
      q.resident === null ? null : (ctx.residents[q.resident] ?? null),
      q.agency,
      assigned ? executorOf(q.agency) : null,
      OPERATOR_CHANNELS.includes(q.channel) ? ctx.operator : null,
      seconds(q.dueAt),
      seconds(q.slaPausedAt),
      seconds(q.slaWarnedAt),
      seconds(q.slaBreachedAt),
      seconds(q.firstResponseAt),
      seconds(q.resolvedAt),
      seconds(q.closedAt),
      q.duplicateOf === null ? null : idOf(q.duplicateOf),
      q.plannedYear,
      q.statusReason,
      JSON.stringify(q.attributes),
      q.rating,
      seconds(q.createdAt),
      seconds(q.updatedAt),
    ];
    chunk.push(values);
    if (chunk.length >= REQUESTS_PER_STATEMENT) {
      await copyRows(tx, 'requests', REQUEST_COLUMNS, chunk);
      chunk = [];
    }
  }
  await copyRows(tx, 'requests', REQUEST_COLUMNS, chunk);
}

/** Inserts the events of a batch of requests (already committed); returns their number. */
async function insertEvents(tx: Queryable, rows: SynthRequest[], ctx: Context): Promise<number> {
  const { idOf, numberBySeq } = refs(ctx);
  let events: unknown[][] = [];
  let total = 0;
  const flush = async (): Promise<void> => {
    if (!events.length) return;
    await copyRows(tx, 'request_events', EVENT_COLUMNS, events);
    total += events.length;
    events = [];
  };
  for (const q of rows) {
    const residentId = q.resident === null ? null : (ctx.residents[q.resident] ?? null);
    for (const e of q.events) {
      const [kind, actorId] = actorOf(e, q, ctx, residentId);
      const values = [
        idOf(q.seq),
        e.type,
        kind,
        actorId,
        e.from,
        e.to,
        e.visibility,
        e.body,
        JSON.stringify(eventData(e, q, ctx, numberBySeq)),
        seconds(e.at),
      ];
      events.push(values);
    }
    if (events.length >= EVENTS_PER_STATEMENT) await flush();
  }
  await flush();
  return total;
}

function actorOf(
  e: SynthEvent,
  q: SynthRequest,
  ctx: Context,
  residentId: number | null,
): [string, number | null] {
  switch (e.actor) {
    case 'operator':
      return ['staff', ctx.operator];
    case 'supervisor':
      return ['staff', ctx.supervisor];
    case 'agency':
      return ['staff', ctx.executor && ctx.executor.agency === q.agency ? ctx.executor.id : null];
    case 'resident':
      return ['resident', residentId];
    case 'partner':
      return ['partner', null];
    default:
      return ['system', null];
  }
}

/** Event data with generator references (seq) turned into request numbers and staff ids. */
function eventData(
  e: SynthEvent,
  q: SynthRequest,
  ctx: Context,
  numberBySeq: (seq: number) => string,
): Record<string, unknown> {
  const d = e.data;
  if (e.type === 'assigned')
    return { ...d, executorId: ctx.executor && ctx.executor.agency === q.agency ? ctx.executor.id : null };
  if (e.type === 'escalated') return { ...d, to: ctx.supervisor === null ? [] : [ctx.supervisor] };
  if (typeof d.duplicateOf === 'number') return { ...d, duplicateOf: numberBySeq(d.duplicateOf) };
  if (typeof d.followedParent === 'number') return { ...d, followedParent: numberBySeq(d.followedParent) };
  return d;
}
