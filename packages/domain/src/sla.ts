/**
 * SLA deadlines. A category gives hours per criticality (urgent 24 h … standard 240 h = 10
 * calendar days). Without a calendar the clock is wall time; with an agency's working-time
 * calendar only working minutes count (working hours per weekday, public holidays off).
 * The clock pauses while the request waits for the resident.
 */
import type { Criticality } from './lifecycle.ts';
import { addDays, localParts, localToInstant, weekdayOf } from './time.ts';

export type SlaHours = Record<Criticality, number>;

/** The defaults: urgent 24 h, high 72 h, standard 10 calendar days, low 20 calendar days. */
export const DEFAULT_SLA_HOURS: SlaHours = { urgent: 24, high: 72, standard: 240, low: 480 };

/** At-risk when this fraction of the SLA has elapsed. */
export const AT_RISK_FRACTION = 0.8;

export interface WorkCalendar {
  timeZone: string;
  /** Working intervals per ISO weekday (1 = Monday), minutes from local midnight, e.g. {1: [[540, 1080]]}. */
  hours: Partial<Record<number, ReadonlyArray<readonly [number, number]>>>;
  /** Days off ('YYYY-MM-DD'), e.g. public holidays. */
  holidays: readonly string[];
  /** Weekend days that are working days by transfer, with the hours of this weekday (1–5) used. */
  workdays?: readonly string[];
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The working intervals [start, end) in epoch ms of one local date. */
function intervalsOfDay(date: string, cal: WorkCalendar): Array<[number, number]> {
  if (cal.holidays.includes(date)) return [];
  const wd = cal.workdays?.includes(date) ? 1 : weekdayOf(date);
  const spans = cal.hours[wd] ?? [];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return spans.map(([a, b]) => [
    localToInstant(y, m, d, Math.floor(a / 60), a % 60, cal.timeZone),
    localToInstant(y, m, d, Math.floor(b / 60), b % 60, cal.timeZone),
  ]);
}

function localDateOf(t: number, tz: string): string {
  const p = localParts(t, tz);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function hasWorkingTime(cal: WorkCalendar): boolean {
  return Object.values(cal.hours).some((spans) => spans && spans.some(([a, b]) => b > a));
}

/** Adds `ms` of SLA time to an instant (wall time without a calendar). */
export function addSlaTime(start: Date, ms: number, cal?: WorkCalendar | null): Date {
  if (!cal || ms <= 0) return new Date(start.getTime() + Math.max(0, ms));
  if (!hasWorkingTime(cal)) throw new Error('calendar has no working hours');
  let remaining = ms;
  let date = localDateOf(start.getTime(), cal.timeZone);
  // Guard: a calendar with working hours but holidays all year would loop; 3,660 days is ten years.
  for (let i = 0; i < 3660; i++) {
    for (const [a, b] of intervalsOfDay(date, cal)) {
      const from = Math.max(a, start.getTime());
      if (from >= b) continue;
      if (from + remaining <= b) return new Date(from + remaining);
      remaining -= b - from;
    }
    date = addDays(date, 1);
  }
  throw new Error('SLA deadline beyond ten years');
}

/** SLA time (ms) between two instants: wall time, or working time with a calendar. Negative if b < a. */
export function slaTimeBetween(a: Date, b: Date, cal?: WorkCalendar | null): number {
  if (b.getTime() < a.getTime()) return -slaTimeBetween(b, a, cal);
  if (!cal) return b.getTime() - a.getTime();
  let total = 0;
  let date = localDateOf(a.getTime(), cal.timeZone);
  const lastDate = localDateOf(b.getTime(), cal.timeZone);
  for (let i = 0; i < 3700; i++) {
    for (const [s, e] of intervalsOfDay(date, cal)) {
      const from = Math.max(s, a.getTime());
      const to = Math.min(e, b.getTime());
      if (to > from) total += to - from;
    }
    if (date === lastDate) break;
    date = addDays(date, 1);
  }
  return total;
}

/** The due time of a request created at `createdAt` with `hours` of SLA. */
export function computeDueAt(createdAt: Date, hours: number, cal?: WorkCalendar | null): Date {
  return addSlaTime(createdAt, hours * HOUR, cal);
}

/**
 * The due time after a pause (waiting for the resident) from `pausedAt` to `resumedAt`: the SLA
 * time that was left at the pause is granted again from the resume. A deadline already missed
 * when the pause began stays where it was.
 */
export function dueAfterPause(dueAt: Date, pausedAt: Date, resumedAt: Date, cal?: WorkCalendar | null): Date {
  const left = slaTimeBetween(pausedAt, dueAt, cal);
  if (left <= 0) return dueAt;
  return addSlaTime(resumedAt, left, cal);
}

export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'met' | 'missed';

/** Where a request stands against its SLA at `now`. */
export function slaState(opts: {
  createdAt: Date;
  dueAt: Date;
  now: Date;
  paused?: boolean;
  resolvedAt?: Date | null;
  cal?: WorkCalendar | null;
}): SlaState {
  const { createdAt, dueAt, now, cal } = opts;
  if (opts.resolvedAt) return opts.resolvedAt.getTime() <= dueAt.getTime() ? 'met' : 'missed';
  if (now.getTime() > dueAt.getTime()) return 'breached';
  if (opts.paused) return 'paused';
  const total = slaTimeBetween(createdAt, dueAt, cal);
  const left = slaTimeBetween(now, dueAt, cal);
  if (total > 0 && left <= total * (1 - AT_RISK_FRACTION)) return 'at_risk';
  return 'on_track';
}

/** A standard office calendar: Monday–Friday 09:00–18:00 with a 13:00–14:00 lunch break. */
export function officeCalendar(timeZone: string, holidays: readonly string[]): WorkCalendar {
  const day: ReadonlyArray<readonly [number, number]> = [
    [9 * 60, 13 * 60],
    [14 * 60, 18 * 60],
  ];
  return { timeZone, holidays, hours: { 1: day, 2: day, 3: day, 4: day, 5: day } };
}

export { MINUTE, HOUR };
