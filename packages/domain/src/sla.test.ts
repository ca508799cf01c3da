import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addSlaTime, computeDueAt, dueAfterPause, officeCalendar, slaState, slaTimeBetween } from './sla.ts';
import { kazakhstanHolidays } from './holidays-kz.ts';
import { localParts } from './time.ts';

const TZ = 'Asia/Almaty';
const HOUR = 3_600_000;
const instant = fc.date({
  min: new Date('2024-03-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const calendar = officeCalendar(TZ, [
  ...kazakhstanHolidays(2025),
  ...kazakhstanHolidays(2026),
  ...kazakhstanHolidays(2027),
]);

describe('SLA deadlines on wall time', () => {
  it('urgent is 24 h and standard 10 calendar days later, across month and year ends', () => {
    fc.assert(
      fc.property(instant, (t) => {
        expect(computeDueAt(t, 24).getTime() - t.getTime()).toBe(24 * HOUR);
        expect(computeDueAt(t, 240).getTime() - t.getTime()).toBe(240 * HOUR);
      }),
    );
    const nye = new Date('2025-12-31T20:00:00+05:00');
    expect(computeDueAt(nye, 240).toISOString()).toBe('2026-01-10T15:00:00.000Z');
  });

  it('a pause grants the time that was left', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (t, h, pauseAfter, pauseLen) => {
          const due = computeDueAt(t, h);
          const pausedAt = new Date(t.getTime() + Math.min(pauseAfter * 60_000, h * HOUR - 1));
          const resumedAt = new Date(pausedAt.getTime() + pauseLen * 60_000);
          const newDue = dueAfterPause(due, pausedAt, resumedAt);
          expect(newDue.getTime() - due.getTime()).toBe(resumedAt.getTime() - pausedAt.getTime());
        },
      ),
    );
  });
});

describe('SLA deadlines on a working-time calendar', () => {
  it('adding then measuring working time gives it back, and deadlines fall in working hours', () => {
    fc.assert(
      fc.property(
        instant.filter((d) => d.getUTCFullYear() >= 2025 && d.getUTCFullYear() <= 2026),
        fc.integer({ min: 1, max: 200 }),
        (t, h) => {
          const due = addSlaTime(t, h * HOUR, calendar);
          expect(slaTimeBetween(t, due, calendar)).toBe(h * HOUR);
          const p = localParts(due, TZ);
          expect(p.weekday).toBeLessThanOrEqual(5);
          const minutes = p.hour * 60 + p.minute;
          expect(minutes).toBeGreaterThanOrEqual(9 * 60);
          expect(minutes).toBeLessThanOrEqual(18 * 60);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('skips weekends and holidays: 8 working hours from Friday 17:00 before Nauryz', () => {
    // 2026-03-20 is a Friday; 21–23 March are Nauryz (21, 22 fall on a weekend and move to 24, 25).
    const fri = new Date('2026-03-20T17:00:00+05:00');
    const due = addSlaTime(fri, 8 * HOUR, calendar);
    const p = localParts(due, TZ);
    expect(`${p.year}-${p.month}-${p.day}`).toBe('2026-3-26');
    expect(p.hour).toBe(17); // 1 h on Friday, then 4 h + 3 h on Thursday 26 March
  });

  it('a pause during working time grants the working time that was left', () => {
    fc.assert(
      fc.property(
        instant.filter((d) => d.getUTCFullYear() === 2026),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 5000 }),
        (t, h, pauseMin) => {
          const due = addSlaTime(t, h * HOUR, calendar);
          const pausedAt = t;
          const resumedAt = new Date(t.getTime() + pauseMin * 60_000);
          const newDue = dueAfterPause(due, pausedAt, resumedAt, calendar);
          expect(slaTimeBetween(resumedAt, newDue, calendar)).toBe(slaTimeBetween(pausedAt, due, calendar));
          expect(newDue.getTime()).toBeGreaterThanOrEqual(due.getTime());
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('SLA state', () => {
  const created = new Date('2026-01-01T00:00:00Z');
  const due = computeDueAt(created, 10);
  it('is on track, at risk past 80 %, breached past due, met or missed once resolved', () => {
    expect(slaState({ createdAt: created, dueAt: due, now: new Date(created.getTime() + 5 * HOUR) })).toBe(
      'on_track',
    );
    expect(slaState({ createdAt: created, dueAt: due, now: new Date(created.getTime() + 8.5 * HOUR) })).toBe(
      'at_risk',
    );
    expect(slaState({ createdAt: created, dueAt: due, now: new Date(created.getTime() + 11 * HOUR) })).toBe(
      'breached',
    );
    expect(
      slaState({
        createdAt: created,
        dueAt: due,
        now: new Date(),
        resolvedAt: new Date(created.getTime() + HOUR),
      }),
    ).toBe('met');
    expect(
      slaState({
        createdAt: created,
        dueAt: due,
        now: new Date(),
        resolvedAt: new Date(created.getTime() + 11 * HOUR),
      }),
    ).toBe('missed');
  });
});

describe('Kazakhstan holidays', () => {
  it('moves a holiday that falls on a weekend to the next working day', () => {
    const h = kazakhstanHolidays(2026);
    expect(h).toContain('2026-03-21');
    expect(h).toContain('2026-03-24'); // 21 March 2026 is a Saturday
    expect(h).toContain('2026-01-07');
    expect(h).toContain('2026-12-16');
  });
});
