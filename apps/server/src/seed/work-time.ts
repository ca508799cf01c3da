/**
 * A fast SLA clock for bulk generation: the same deadlines as the domain's `computeDueAt`, from a
 * table of working intervals built once for a date range (the domain walks the calendar with
 * time-zone lookups for every request, too slow for millions).
 */
import { addSlaTime, slaTimeBetween, type WorkCalendar } from '@komek/domain/sla';
import { addDays, localDate, localToInstant, weekdayOf } from '@komek/domain/time';

const DAY = 86_400_000;

export interface WorkClock {
  /** Adds `ms` of SLA time to an instant (epoch ms); wall time when the calendar is null. */
  add(start: number, ms: number): number;
  /** SLA time (ms) from a to b (b ≥ a). */
  between(a: number, b: number): number;
}

/** The working intervals of `cal` between two instants, as a flat [start, end, start, end, …] list. */
function intervals(cal: WorkCalendar, from: number, to: number): Float64Array {
  const out: number[] = [];
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.workdays ?? []);
  const last = localDate(to, cal.timeZone);
  for (let date = localDate(from, cal.timeZone); date <= last; date = addDays(date, 1)) {
    if (holidays.has(date)) continue;
    const spans = cal.hours[workdays.has(date) ? 1 : weekdayOf(date)] ?? [];
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    for (const [a, b] of spans) {
      if (b <= a) continue;
      out.push(
        localToInstant(y, m, d, Math.floor(a / 60), a % 60, cal.timeZone),
        localToInstant(y, m, d, Math.floor(b / 60), b % 60, cal.timeZone),
      );
    }
  }
  return Float64Array.from(out);
}

/**
 * An SLA clock for deadlines that start between `from` and `to` (epoch ms); instants outside the
 * table fall back to the domain's calendar walk.
 */
export function workClock(cal: WorkCalendar | null | undefined, from: number, to: number): WorkClock {
  if (!cal) return { add: (start, ms) => start + Math.max(0, ms), between: (a, b) => b - a };
  // The table covers every local date from lo to hi, so instants in [lo, hi] need no fallback.
  const lo = from - DAY;
  const hi = to + 400 * DAY;
  const iv = intervals(cal, lo, hi);
  const n = iv.length / 2;
  /** Index of the first interval that ends after t. */
  const seek = (t: number): number => {
    let a = 0;
    let b = n;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((iv[2 * mid + 1] as number) <= t) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  return {
    add(start, ms) {
      if (ms <= 0) return start;
      if (start < lo || start > hi) return addSlaTime(new Date(start), ms, cal).getTime();
      let remaining = ms;
      for (let i = seek(start); i < n; i++) {
        const a = Math.max(iv[2 * i] as number, start);
        const b = iv[2 * i + 1] as number;
        if (a + remaining <= b) return a + remaining;
        remaining -= b - a;
      }
      return addSlaTime(new Date(start), ms, cal).getTime();
    },
    between(a, b) {
      if (b <= a) return 0;
      if (a < lo || b > hi) return slaTimeBetween(new Date(a), new Date(b), cal);
      let total = 0;
      for (let i = seek(a); i < n && (iv[2 * i] as number) < b; i++) {
        total += Math.min(iv[2 * i + 1] as number, b) - Math.max(iv[2 * i] as number, a);
      }
      return total;
    },
  };
}
