import { describe, expect, it } from 'vitest';
import { destinationPoint } from './geo.ts';
import { findRepeatOf, type ClosedRequest } from './repeats.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 20, 12, 0, 0);
const BASE = { lat: 59.94, lon: 30.31 };

function closed(
  id: string,
  meters: number,
  closedDaysBefore: number,
  category: string,
  placeId?: string,
): ClosedRequest {
  const p = destinationPoint(BASE.lat, BASE.lon, 90, meters);
  return {
    id,
    lat: p.lat,
    lon: p.lon,
    createdAt: T0 - (closedDaysBefore + 5) * DAY,
    closedAt: T0 - closedDaysBefore * DAY,
    category,
    text: 'Не убирают мусор во дворе',
    placeId,
  };
}

const incoming = {
  id: 'new',
  ...BASE,
  createdAt: T0,
  category: 'waste',
  text: 'Опять не убрали мусор во дворе',
};

describe('findRepeatOf', () => {
  it('finds the same problem at the same place closed 3 days ago', () => {
    const m = findRepeatOf(incoming, [
      closed('other-cat', 0, 3, 'lighting'),
      closed('first', 10, 3, 'waste'),
    ]);
    expect(m?.original.id).toBe('first');
    expect(m?.reasons.daysSinceClosed).toBeCloseTo(3, 9);
    expect(m?.reasons.distanceM).toBeCloseTo(10, 0);
    expect(m?.reasons.textSimilarity).toBeGreaterThan(0.3);
  });

  it('ignores one closed too long ago, one still open at the time, and one too far', () => {
    const stale = closed('stale', 0, 10, 'waste');
    const future = { ...closed('later', 0, 0, 'waste'), closedAt: T0 + DAY };
    const far = closed('far', 500, 2, 'waste');
    expect(findRepeatOf(incoming, [stale, future, far])).toBeNull();
    expect(findRepeatOf(incoming, [stale], { withinDays: 14 })?.original.id).toBe('stale');
  });

  it('trusts place ids when both sides have one', () => {
    const sameBuilding = closed('same-building', 120, 2, 'waste', 'b1');
    const nextDoor = closed('next-door', 5, 2, 'waste', 'b2');
    const m = findRepeatOf({ ...incoming, placeId: 'b1' }, [nextDoor, sameBuilding]);
    expect(m?.original.id).toBe('same-building');
    expect(m?.reasons.samePlaceId).toBe(true);
  });

  it('prefers the most recently closed of equal matches', () => {
    const m = findRepeatOf(incoming, [closed('older', 0, 5, 'waste'), closed('newer', 0, 1, 'waste')]);
    expect(m?.original.id).toBe('newer');
  });
});
