import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellBounds,
  cellsWithin,
  destinationPoint,
  findDistrict,
  geoCell,
  haversineM,
  pointInFeature,
  type PolygonFeature,
} from './geo.ts';

const CITIES = [
  { name: 'Astana', lat: 51.128, lon: 71.43 },
  { name: 'Boston', lat: 42.36, lon: -71.06 },
  { name: 'St Petersburg', lat: 59.94, lon: 30.31 },
];

describe('haversineM', () => {
  it('measures a degree of latitude as about 111 km and is symmetric', () => {
    expect(haversineM(51, 71, 52, 71)).toBeCloseTo(111_195, -1);
    expect(haversineM(51.1, 71.4, 51.2, 71.5)).toBeCloseTo(haversineM(51.2, 71.5, 51.1, 71.4), 6);
    expect(haversineM(10, 20, 10, 20)).toBe(0);
  });

  it('agrees with destinationPoint', () => {
    const p = destinationPoint(51.128, 71.43, 37, 1234);
    expect(haversineM(51.128, 71.43, p.lat, p.lon)).toBeCloseTo(1234, 3);
  });
});

describe('geoCell', () => {
  it('is a safe integer, stable, and separates points a few cells apart', () => {
    for (const c of CITIES) {
      const id = geoCell(c.lat, c.lon);
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeLessThan(2 ** 63);
      expect(geoCell(c.lat, c.lon)).toBe(id);
      const far = destinationPoint(c.lat, c.lon, 90, 1000);
      expect(geoCell(far.lat, far.lon)).not.toBe(id);
    }
  });

  it('makes cells about 250 m square at city latitudes, containing their points', () => {
    for (const c of CITIES) {
      const [s, w, n, e] = cellBounds(geoCell(c.lat, c.lon));
      expect(c.lat).toBeGreaterThanOrEqual(s);
      expect(c.lat).toBeLessThan(n);
      expect(c.lon).toBeGreaterThanOrEqual(w);
      expect(c.lon).toBeLessThan(e);
      const height = haversineM(s, w, n, w);
      const width = haversineM((s + n) / 2, w, (s + n) / 2, e);
      expect(height).toBeCloseTo(250, 0);
      expect(width).toBeGreaterThan(240);
      expect(width).toBeLessThan(260);
    }
  });

  it('wraps at the antimeridian', () => {
    expect(geoCell(10, 180)).toBe(geoCell(10, -180));
  });
});

describe('cellsWithin', () => {
  it('covers every point within the radius (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CITIES),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (city, dLat, dLon, radius, bearing, frac) => {
          const lat = city.lat + dLat;
          const lon = city.lon + dLon;
          const p = destinationPoint(lat, lon, bearing, radius * frac);
          if (haversineM(lat, lon, p.lat, p.lon) > radius) return;
          expect(cellsWithin(lat, lon, radius)).toContain(geoCell(p.lat, p.lon));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('covers points exactly on the circle, towards every side', () => {
    for (const c of CITIES)
      for (let b = 0; b < 360; b += 7.5) {
        const p = destinationPoint(c.lat, c.lon, b, 300);
        if (haversineM(c.lat, c.lon, p.lat, p.lon) <= 300)
          expect(cellsWithin(c.lat, c.lon, 300)).toContain(geoCell(p.lat, p.lon));
      }
  });

  it('stays small: no listed cell lies wholly beyond the radius', () => {
    for (const c of CITIES) {
      const cells = cellsWithin(c.lat, c.lon, 300);
      expect(cells.length).toBeGreaterThanOrEqual(9);
      expect(cells.length).toBeLessThanOrEqual(20);
      expect(new Set(cells).size).toBe(cells.length);
      for (const id of cells) {
        const [s, w, n, e] = cellBounds(id);
        const nearestLat = Math.min(n, Math.max(s, c.lat));
        const nearestLon = Math.min(e, Math.max(w, c.lon));
        expect(haversineM(c.lat, c.lon, nearestLat, nearestLon)).toBeLessThanOrEqual(301);
      }
    }
  });

  it('returns just the own cell for a zero radius and rejects bad input', () => {
    expect(cellsWithin(51.128, 71.43, 0)).toEqual([geoCell(51.128, 71.43)]);
    expect(() => cellsWithin(51, 71, -1)).toThrow(RangeError);
    expect(() => geoCell(Number.NaN, 71)).toThrow(RangeError);
  });
});

describe('point in polygon', () => {
  const square: PolygonFeature<{ code: string }> = {
    type: 'Feature',
    properties: { code: 'square' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [71.3, 51.1],
          [71.4, 51.1],
          [71.4, 51.2],
          [71.3, 51.2],
          [71.3, 51.1],
        ],
      ],
    },
  };
  const holed: PolygonFeature<{ code: string }> = {
    type: 'Feature',
    properties: { code: 'ring' },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [71.4, 51.1],
            [71.6, 51.1],
            [71.6, 51.3],
            [71.4, 51.3],
            [71.4, 51.1],
          ],
          [
            [71.45, 51.15],
            [71.55, 51.15],
            [71.55, 51.25],
            [71.45, 51.25],
            [71.45, 51.15],
          ],
        ],
      ],
    },
  };

  it('finds points inside a square and not outside', () => {
    expect(pointInFeature(square, 51.15, 71.35)).toBe(true);
    expect(pointInFeature(square, 51.25, 71.35)).toBe(false);
    expect(pointInFeature(square, 51.15, 71.45)).toBe(false);
  });

  it('excludes the hole of a polygon', () => {
    expect(pointInFeature(holed, 51.12, 71.5)).toBe(true);
    expect(pointInFeature(holed, 51.2, 71.5)).toBe(false);
    expect(pointInFeature(holed.geometry!, 51.28, 71.58)).toBe(true);
  });

  it('findDistrict returns the containing feature or undefined', () => {
    const districts = [square, holed];
    expect(findDistrict(districts, 51.15, 71.35)?.properties?.code).toBe('square');
    expect(findDistrict(districts, 51.12, 71.5)?.properties?.code).toBe('ring');
    expect(findDistrict(districts, 51.2, 71.5)).toBeUndefined();
    expect(findDistrict([{ geometry: null }], 51.15, 71.35)).toBeUndefined();
  });
});
