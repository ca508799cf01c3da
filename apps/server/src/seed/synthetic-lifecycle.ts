/**
 * The life of one synthetic request: the events it would have gone through (assignment, work,
 * pauses, deferral, rejection, resolution, reopening, closure, rating, SLA warnings and
 * breaches) drawn from its creation on, then cut at `now`. Times are epoch ms, strictly
 * increasing; the request's columns are derived from the events that happened.
 */
import type { Criticality, Lang, Status } from '@komek/domain/lifecycle';
import { settle, type SlaSegment } from './synthetic-settle.ts';
import { ANSWERS, REASONS } from './synthetic-phrases.ts';
import type { WorkClock } from './work-time.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Who acted: the main thread maps these to staff, residents or the system. */
export type SynthActor = 'operator' | 'supervisor' | 'agency' | 'resident' | 'system' | 'partner';

export interface SynthEvent {
  type: string;
  at: number;
  actor: SynthActor;
  from: Status | null;
  to: Status | null;
  visibility: 'public' | 'internal';
  body: string | null;
  data: Record<string, unknown>;
}

export interface LifeInput {
  r: () => number;
  now: number;
  /** Local year of an instant. */
  yearOf: (t: number) => number;
  /** Local midnight of 1 January of a year. */
  newYear: (year: number) => number;
  clock: WorkClock;
  createdAt: number;
  slaMs: number;
  channel: string;
  lang: Lang;
  category: string;
  criticality: Criticality;
  agency: string;
  district: string;
  deferrable: boolean;
  /** Spike followers: the request they duplicate (its index and when it was resolved/closed). */
  duplicateOf?: { seq: number; resolvedAt: number | null; closedAt: number | null } | undefined;
}

export interface Life {
  status: Status;
  statusReason: string | null;
  dueAt: number;
  slaPausedAt: number | null;
  slaWarnedAt: number | null;
  slaBreachedAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  plannedYear: number | null;
  rating: number | null;
  updatedAt: number;
  events: SynthEvent[];
}

const between = (r: () => number, a: number, b: number): number => a + r() * (b - a);
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Draws the whole story of a request and keeps what happened before `now`. */
export function liveRequest(o: LifeInput): Life {
  const { r, clock, createdAt: t0, slaMs } = o;
  const ev: SynthEvent[] = [];
  let last = t0 - 1000;
  // Every event strictly after the previous one: ids and times tell the same order.
  const add = (
    type: string,
    at: number,
    actor: SynthActor,
    from: Status | null,
    to: Status | null,
    extra: Partial<SynthEvent> = {},
  ): number => {
    const t = Math.max(Math.round(at), last + 1000);
    last = t;
    ev.push({ type, at: t, actor, from, to, visibility: 'public', body: null, data: {}, ...extra });
    return t;
  };
  const creator: SynthActor =
    o.channel === 'app' || o.channel === 'web'
      ? 'resident'
      : o.channel === 'open311'
        ? 'partner'
        : 'operator';
  const due0 = Math.round(clock.add(t0, slaMs));
  add('created', t0, creator, null, 'new', {
    data: {
      channel: o.channel,
      category: o.category,
      criticality: o.criticality,
      agency: o.agency,
      district: o.district,
      dueAt: new Date(due0).toISOString(),
    },
  });
  // SLA segments: the deadline in force from an instant on (a pause or a reopening moves it).
  const segments: SlaSegment[] = [{ from: t0, due: due0, reset: false }];
  let plannedYear: number | null = null;

  if (o.duplicateOf) {
    const at = add(
      'status_changed',
      t0 + between(r, 3, 25) * MIN,
      r() < 0.7 ? 'operator' : 'supervisor',
      'new',
      'duplicate',
      { data: { duplicateOf: o.duplicateOf.seq } },
    );
    const p = o.duplicateOf;
    if (p.resolvedAt !== null && p.resolvedAt > at) {
      add('status_changed', p.resolvedAt, 'system', 'duplicate', 'resolved', {
        data: { followedParent: p.seq },
      });
      if (p.closedAt !== null)
        add('status_changed', p.closedAt, 'system', 'resolved', 'closed', {
          data: { followedParent: p.seq },
        });
    }
    return settle(o, ev, segments, null);
  }

  const assignAt = add(
    'assigned',
    clock.add(t0, (o.criticality === 'urgent' ? between(r, 3, 30) : between(r, 10, 180)) * MIN),
    r() < 0.75 ? 'system' : 'supervisor',
    'new',
    'assigned',
    {
      visibility: 'internal',
      data: { agency: o.agency, executorId: null, previousAgency: o.agency },
    },
  );
  const span = Math.max(HOUR, due0 - t0);
  const workAt = clock.add(assignAt, between(r, 0.02, 0.15) * slaMs);
  const fate = r();
  if (fate < 0.03) {
    add('status_changed', workAt, 'agency', 'assigned', 'rejected', { body: REASONS.rejected[o.lang] });
    return settle(o, ev, segments, null);
  }
  let status: Status = 'in_progress';
  let t = add('status_changed', workAt, 'agency', 'assigned', 'in_progress');
  let due = due0;

  if (o.deferrable && fate < 0.25) {
    const at = t + between(r, 0.1, 0.5) * span;
    plannedYear = o.yearOf(at) + 1;
    t = add('status_changed', at, 'agency', 'in_progress', 'deferred', {
      body: REASONS.deferred[o.lang].replace('{year}', String(plannedYear)),
      data: { plannedYear },
    });
    const back = o.newYear(plannedYear);
    if (back > o.now) return settle(o, ev, segments, plannedYear);
    // Back in its planned year (the SLA watcher reopens it), done in the warm season.
    t = add('status_changed', back, 'system', 'deferred', 'reopened', { body: `planned for ${plannedYear}` });
    due = Math.round(clock.add(t, slaMs));
    segments.push({ from: t, due, reset: true });
    t = add('status_changed', t + between(r, 60, 120) * DAY, 'agency', 'reopened', 'in_progress');
    status = 'in_progress';
  } else if (r() < 0.06) {
    // The executor asks the resident for details; the clock pauses until the answer.
    const waitAt = t + between(r, 0.05, 0.3) * Math.max(HOUR, due - t);
    const left = clock.between(waitAt, due);
    add('status_changed', waitAt, 'agency', 'in_progress', 'waiting_for_resident', {
      body: REASONS.waiting[o.lang],
    });
    t = add(
      'status_changed',
      waitAt + between(r, 0.3, 4) * DAY,
      'agency',
      'waiting_for_resident',
      'in_progress',
    );
    if (left > 0) due = Math.round(clock.add(t, left));
    segments.push({ from: t, due, reset: false });
  }

  const late = r() < (o.criticality === 'urgent' ? 0.08 : 0.16);
  const resolveAt = (from: number, deadline: number): number =>
    late
      ? deadline + between(r, 0.05, 1.2) * Math.max(HOUR, deadline - from)
      : from + between(r, 0.1, 0.95) * Math.max(HOUR, deadline - from);
  let resolvedAt = resolveAt(t, due);
  add('comment', resolvedAt - 2 * MIN, 'agency', null, null, { body: pick(r, ANSWERS[o.lang]) });
  t = add('status_changed', resolvedAt, 'agency', status, 'resolved');
  resolvedAt = t;
  if (r() < 0.05) {
    // The resident says it is not fixed: a new deadline, a second round of work.
    t = add('status_changed', t + between(r, 0.5, 5) * DAY, 'resident', 'resolved', 'reopened', {
      body: REASONS.reopened[o.lang],
    });
    due = Math.round(clock.add(t, slaMs));
    segments.push({ from: t, due, reset: true });
    t = add('status_changed', t + between(r, 2, 24) * HOUR, 'agency', 'reopened', 'in_progress');
    add('comment', resolveAt(t, due) - 2 * MIN, 'agency', null, null, { body: pick(r, ANSWERS[o.lang]) });
    t = add('status_changed', last + 2 * MIN, 'agency', 'in_progress', 'resolved');
    resolvedAt = t;
  }
  let rating: number | null = null;
  if (r() < 0.3) {
    t = add('status_changed', t + between(r, 1, 72) * HOUR, 'resident', 'resolved', 'closed');
    if (r() < 0.7) {
      const onTime = resolvedAt <= due;
      rating = onTime ? (r() < 0.75 ? 5 : 4) : 1 + Math.floor(r() * 3);
      add('feedback', t + between(r, 1, 30) * MIN, 'resident', null, null, {
        visibility: 'internal',
        data: { rating },
      });
    }
  } else {
    // Nobody objected within the reopen window (15 days): closed by the system.
    add('status_changed', t + 15 * DAY, 'system', 'resolved', 'closed');
  }
  return settle(o, ev, segments, plannedYear, rating);
}
