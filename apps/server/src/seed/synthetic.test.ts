import { describe, expect, it } from 'vitest';
import { localParts } from '@komek/domain/time';
import { pointInGeometry } from '../lib/geo.ts';
import { CATEGORIES, CITY, DISTRICTS } from './astana-data.ts';
import { PROFILES } from './synthetic-profile.ts';
import { generateRequests, type SynthRequest } from './synthetic.ts';

const now = Date.parse('2026-11-20T10:00:00Z');
const DAY = 86_400_000;
const shape = (code: string) => ({
  type: 'Polygon' as const,
  coordinates: [DISTRICTS.find((d) => d.code === code)?.ring ?? []],
});
const month = (t: number): number => localParts(t, CITY.timeZone).month;
const group = (code: string): string => code.slice(0, code.indexOf('.'));

describe('the demo districts', () => {
  it('contain their own label point and hubs, and no other district does', () => {
    for (const d of DISTRICTS) {
      for (const [lat, lon] of [d.label, ...d.hubs]) {
        const holders = DISTRICTS.filter((x) => pointInGeometry(shape(x.code), lat, lon)).map((x) => x.code);
        expect(holders, `${d.code} ${lat},${lon}`).toEqual([d.code]);
      }
    }
  });

  it('barely overlap and cover most of the city', () => {
    let inside = 0;
    let overlaps = 0;
    const steps = 80;
    for (let i = 0; i < steps; i++) {
      for (let j = 0; j < steps; j++) {
        const lat = 50.93 + ((i + 0.5) / steps) * 0.42;
        const lon = 71.22 + ((j + 0.5) / steps) * 0.57;
        const n = DISTRICTS.filter((d) => pointInGeometry(shape(d.code), lat, lon)).length;
        if (n > 0) inside++;
        if (n > 1) overlaps++;
      }
    }
    expect(overlaps / (steps * steps)).toBeLessThan(0.005);
    expect(inside / (steps * steps)).toBeGreaterThan(0.6);
  });
});

describe('a small synthetic run', () => {
  const small = generateRequests({ now, count: 500, seed: 5 });

  it('makes exactly the requests asked for, in creation order, inside their districts', () => {
    expect(small.length).toBe(500);
    small.forEach((q, i) => {
      expect(q.seq).toBe(i);
      if (i > 0) expect(q.createdAt).toBeGreaterThanOrEqual((small[i - 1] as SynthRequest).createdAt);
      expect(q.createdAt).toBeLessThanOrEqual(now);
      expect(pointInGeometry(shape(q.district), q.lat, q.lon), `${q.seq} ${q.district}`).toBe(true);
    });
  });

  it('tells consistent stories: created first, times increasing, resolved before closed, nothing after now', () => {
    for (const q of small) {
      expect(q.events[0]?.type).toBe('created');
      expect(q.events[0]?.at).toBe(q.createdAt);
      for (let i = 1; i < q.events.length; i++)
        expect(q.events[i]?.at).toBeGreaterThanOrEqual(q.events[i - 1]?.at as number);
      expect(q.events[q.events.length - 1]?.at).toBeLessThanOrEqual(now);
      if (q.closedAt !== null) expect(q.resolvedAt !== null && q.resolvedAt <= q.closedAt).toBe(true);
      if (q.status === 'deferred')
        expect(q.plannedYear).toBeGreaterThan(localParts(q.createdAt, CITY.timeZone).year);
      expect(q.dueAt).toBeGreaterThan(q.createdAt);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateRequests({ now, count: 500, seed: 5 });
    expect(again).toEqual(small);
    const other = generateRequests({ now, count: 500, seed: 6 });
    expect(other.map((q) => q.text)).not.toEqual(small.map((q) => q.text));
  });
});

describe('a synthetic year', () => {
  const year = generateRequests({ now, count: 20_000, seed: 109 });
  const count = (pred: (q: SynthRequest) => boolean): number => year.filter(pred).length;

  it('follows the topic weights: each group near its share of the yearly volume', () => {
    const total = Object.values(PROFILES).reduce((a, p) => a + p.yearly, 0);
    const groups = new Set(CATEGORIES.filter((c) => c.parent === null).map((c) => c.code));
    for (const g of groups) {
      const expected =
        Object.entries(PROFILES)
          .filter(([code]) => group(code) === g)
          .reduce((a, [, p]) => a + p.yearly, 0) / total;
      const observed = count((q) => group(q.category) === g) / year.length;
      expect(
        Math.abs(observed - expected),
        `${g}: ${observed.toFixed(3)} vs ${expected.toFixed(3)}`,
      ).toBeLessThan(0.2 * expected + 0.006);
    }
    const order = ['health', 'transport', 'education', 'electricity', 'epd'].map((g) =>
      count((q) => group(q.category) === g),
    );
    expect([...order].sort((a, b) => b - a)).toEqual(order);
  });

  it('takes most requests by phone', () => {
    expect(count((q) => q.channel === 'phone') / year.length).toBeCloseTo(0.79, 1);
  });

  it('has seasons: snow only in winter, heating only Oct–Apr, mosquitoes only in summer', () => {
    const months = (code: string) =>
      new Set(year.filter((q) => q.category === code).map((q) => month(q.createdAt)));
    for (const m of months('roads.snow')) expect([11, 12, 1, 2, 3]).toContain(m);
    for (const m of months('utilities.heating')) expect([10, 11, 12, 1, 2, 3, 4]).toContain(m);
    for (const m of months('green.mosquitoes')) expect([5, 6, 7, 8, 9]).toContain(m);
    expect(months('roads.snow').size).toBeGreaterThan(3);
  });

  it('shows e-scooter parking and open manholes rising: the last 3 months beat the first 3', () => {
    const rising = (q: SynthRequest) =>
      q.category === 'improvement.scooters' || q.category === 'roads.manhole';
    const first = count((q) => rising(q) && q.createdAt < now - 275 * DAY);
    const last = count((q) => rising(q) && q.createdAt >= now - 90 * DAY);
    expect(last).toBeGreaterThan(first * 1.5);
  });

  it('has weather spikes: bursts of one category in one district on one day, with duplicates of the first call', () => {
    const bursts = new Map<string, number>();
    for (const q of year) {
      const key = `${q.category}|${q.district}|${Math.floor((q.createdAt + 5 * 3_600_000) / DAY)}`;
      bursts.set(key, (bursts.get(key) ?? 0) + 1);
    }
    const big = [...bursts.values()].filter((n) => n >= 60).length;
    expect(big).toBeGreaterThanOrEqual(5);
    const dups = year.filter((q) => q.duplicateOf !== null);
    expect(dups.length).toBeGreaterThan(50);
    for (const q of dups) {
      const parent = year[q.duplicateOf as number] as SynthRequest;
      expect(parent.category).toBe(q.category);
      expect(parent.createdAt).toBeLessThan(q.createdAt);
    }
  });

  it('has repeats: the same problem at the same place after the first was closed', () => {
    const closed = new Map<string, SynthRequest>();
    let repeats = 0;
    for (const q of year) {
      const key = `${q.category}|${q.lat}|${q.lon}`;
      const before = closed.get(key);
      if (before && before.closedAt !== null && before.closedAt < q.createdAt) repeats++;
      if (q.closedAt !== null) closed.set(key, q);
    }
    expect(repeats).toBeGreaterThan(100);
  });

  it('defers some road, yard and playground works to next year for lack of budget', () => {
    const deferred = year.filter((q) => q.plannedYear !== null);
    expect(deferred.length).toBeGreaterThan(100);
    for (const q of deferred) expect(PROFILES[q.category]?.deferrable).toBe(true);
  });
});
