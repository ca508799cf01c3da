import { describe, expect, it } from 'vitest';
import { destinationPoint, haversineM } from './geo.ts';
import { detectBurst, detectBursts, matchIncident, type OpenIncident } from './incidents.ts';
import type { GeoRequest } from './score.ts';

const MIN = 60_000;
const T0 = Date.UTC(2025, 1, 3, 18, 0, 0);
const CENTRE = { lat: 51.128, lon: 71.43 };

function report(id: string, bearing: number, meters: number, minutes: number, from = CENTRE): GeoRequest {
  const p = destinationPoint(from.lat, from.lon, bearing, meters);
  return {
    id,
    lat: p.lat,
    lon: p.lon,
    createdAt: T0 + minutes * MIN,
    category: 'electricity',
    text: 'Нет света',
  };
}

// Five blackout reports within ~120 m of each other and 25 minutes.
const burst = [0, 1, 2, 3, 4].map((i) => report(`b${i}`, i * 72, 60, i * 6));

describe('detectBurst', () => {
  it('groups 5 blackout reports within 300 m and 30 minutes', () => {
    const noise = [report('n1', 10, 5000, 3), report('n2', 200, 8000, 12)];
    const b = detectBurst([...noise, ...burst], { minCount: 5, radiusM: 300, windowMinutes: 30 });
    expect(b).not.toBeNull();
    expect(b?.members.map((m) => m.id).sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    expect(haversineM(b!.centre.lat, b!.centre.lon, CENTRE.lat, CENTRE.lon)).toBeLessThan(20);
    expect(b?.radiusM).toBeLessThanOrEqual(300);
    expect(b?.endedAt).toBe(T0 + 24 * MIN);
  });

  it('does not group 5 reports spread over the city', () => {
    const spread = [0, 1, 2, 3, 4].map((i) => report(`s${i}`, i * 72, 3000 + i * 1000, i * 5));
    expect(detectBurst(spread, { minCount: 5, radiusM: 300, windowMinutes: 30 })).toBeNull();
  });

  it('does not group 5 reports at one place spread over hours', () => {
    const slow = [0, 1, 2, 3, 4].map((i) => report(`h${i}`, i * 72, 50, i * 60));
    expect(detectBurst(slow, { minCount: 5, radiusM: 300, windowMinutes: 30 })).toBeNull();
  });

  it('finds two separate bursts, largest first, each request in one only', () => {
    const east = destinationPoint(CENTRE.lat, CENTRE.lon, 90, 4000);
    const second = [0, 1, 2, 3, 4, 5].map((i) => report(`e${i}`, i * 60, 80, 40 + i * 3, east));
    const all = detectBursts([...burst, ...second], { minCount: 5 });
    expect(all.map((b) => b.members.length)).toEqual([6, 5]);
    const ids = all.flatMap((b) => b.members.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('matchIncident', () => {
  const incidents: OpenIncident[] = [
    { id: 'i1', category: 'electricity', centre: CENTRE, radiusM: 150, lastAt: T0 },
    { id: 'i2', category: 'water', centre: CENTRE, radiusM: 150, lastAt: T0 },
  ];

  it('attaches a nearby same-category request and refuses far, stale or other-category ones', () => {
    expect(matchIncident(report('x', 30, 200, 30), incidents)?.incident.id).toBe('i1');
    expect(matchIncident(report('far', 30, 2000, 30), incidents)).toBeNull();
    expect(matchIncident(report('late', 30, 100, 60 * 24), incidents)).toBeNull();
    expect(matchIncident({ ...report('w', 0, 10, 5), category: 'roads' }, incidents)).toBeNull();
  });
});
