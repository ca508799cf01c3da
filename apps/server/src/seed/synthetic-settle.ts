/**
 * The end of a synthetic request's story: the SLA watcher's warnings and breaches (as it would
 * have written them), the cut at `now`, and the request's columns derived from what happened.
 */
import type { Status } from '@komek/domain/lifecycle';
import { AT_RISK_FRACTION } from '@komek/domain/sla';
import type { Life, LifeInput, SynthEvent } from './synthetic-lifecycle.ts';

/** A deadline in force from an instant on; `reset` (a reopening) clears earlier warnings and breaches. */
export interface SlaSegment {
  from: number;
  due: number;
  reset: boolean;
}

/** Statuses in which the SLA clock runs (the watcher looks only at these). */
const RUNNING: readonly (Status | null)[] = ['new', 'assigned', 'in_progress', 'reopened'];
// The watcher runs every minute or so: it notices a deadline about half a minute late.
const WATCHER_DELAY = 30_000;

function sla(type: string, at: number, data: Record<string, unknown> = {}): SynthEvent {
  return { type, at, actor: 'system', from: null, to: null, visibility: 'internal', body: null, data };
}

/** Adds SLA warnings and breaches, cuts the story at `now` and derives the columns. */
export function settle(
  o: Pick<LifeInput, 'now' | 'createdAt' | 'agency'>,
  all: readonly SynthEvent[],
  segments: readonly SlaSegment[],
  plannedYear: number | null,
  rating: number | null = null,
): Life {
  const statusAt = (t: number): Status | null => {
    let s: Status | null = null;
    for (const e of all) {
      if (e.at > t) break;
      if (e.to) s = e.to;
    }
    return s;
  };
  const watcher: SynthEvent[] = [];
  let warned: number | null = null;
  let breached: number | null = null;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as SlaSegment;
    if (seg.from > o.now) break;
    const end = segments[i + 1]?.from ?? Infinity;
    if (seg.reset) {
      warned = null;
      breached = null;
    }
    // At risk at 80 % of the wall time from creation to the deadline, as the watcher computes it.
    const warnAt = Math.round(o.createdAt + (seg.due - o.createdAt) * AT_RISK_FRACTION) + WATCHER_DELAY;
    if (
      warned === null &&
      warnAt >= seg.from &&
      warnAt < end &&
      warnAt < seg.due &&
      warnAt <= o.now &&
      RUNNING.includes(statusAt(warnAt))
    ) {
      warned = warnAt;
      watcher.push(sla('sla_warning', warnAt));
    }
    const breachAt = Math.max(seg.due, seg.from) + WATCHER_DELAY;
    if (breached === null && breachAt < end && breachAt <= o.now && RUNNING.includes(statusAt(breachAt))) {
      breached = breachAt;
      warned ??= breachAt;
      watcher.push(sla('sla_breach', breachAt, { dueAt: new Date(seg.due).toISOString() }));
      watcher.push(sla('escalated', breachAt + 1, { agency: o.agency }));
    }
  }
  const events = [...all, ...watcher].filter((e) => e.at <= o.now).sort((a, b) => a.at - b.at);
  let status: Status = 'new';
  let reason: string | null = null;
  let firstResponse: number | null = null;
  let resolvedAt: number | null = null;
  let closedAt: number | null = null;
  let pausedAt: number | null = null;
  let deferredYear: number | null = null;
  let rated = false;
  for (const e of events) {
    if (e.type === 'feedback') rated = true;
    if (!e.to || e.type === 'created') continue;
    status = e.to;
    if (e.type === 'status_changed') reason = e.body;
    if (e.actor === 'agency' && firstResponse === null) firstResponse = e.at;
    if (e.to === 'resolved') resolvedAt = e.at;
    if (e.to === 'reopened') resolvedAt = null;
    if (e.to === 'closed') closedAt = e.at;
    pausedAt = e.to === 'waiting_for_resident' ? e.at : null;
    if (e.to === 'deferred') deferredYear = plannedYear;
  }
  const current = [...segments].reverse().find((s) => s.from <= o.now) ?? (segments[0] as SlaSegment);
  return {
    status,
    statusReason: reason,
    dueAt: current.due,
    slaPausedAt: pausedAt,
    slaWarnedAt: warned,
    slaBreachedAt: breached,
    firstResponseAt: firstResponse,
    resolvedAt: status === 'resolved' || status === 'closed' ? resolvedAt : null,
    closedAt: status === 'closed' ? closedAt : null,
    plannedYear: deferredYear,
    rating: rated ? rating : null,
    updatedAt: events[events.length - 1]?.at ?? o.createdAt,
    events,
  };
}
