import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDueAt, slaTimeBetween } from '@komek/domain/sla';
import { officeCalendarFor } from './astana-data.ts';
import { workClock } from './work-time.ts';

const from = Date.parse('2025-11-20T00:00:00Z');
const to = Date.parse('2026-11-20T10:00:00Z');
const cal = officeCalendarFor(2024, 2028);
const clock = workClock(cal, from, to);
const instant = fc.integer({ min: from - 3 * 86_400_000, max: to + 30 * 86_400_000 });

describe('the fast SLA clock', () => {
  it('gives the same deadlines as the domain calendar walk', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(1, 4, 12, 24, 48, 72, 240, 480), (start, hours) => {
        expect(clock.add(start, hours * 3_600_000)).toBe(computeDueAt(new Date(start), hours, cal).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('measures working time between two instants as the domain does', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), (a, span) => {
        expect(clock.between(a, a + span)).toBe(slaTimeBetween(new Date(a), new Date(a + span), cal));
      }),
      { numRuns: 300 },
    );
  });

  it('counts wall time without a calendar', () => {
    const wall = workClock(null, from, to);
    expect(wall.add(from, 5000)).toBe(from + 5000);
    expect(wall.between(from, from + 7000)).toBe(7000);
  });
});
