/** Point-in-polygon for GeoJSON Polygon/MultiPolygon geometries (coordinates are [lon, lat]). */
export type Ring = ReadonlyArray<readonly [number, number] | readonly number[]>;
export type Geometry =
  | { type: 'Polygon'; coordinates: readonly Ring[] }
  | { type: 'MultiPolygon'; coordinates: ReadonlyArray<readonly Ring[]> };

function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(rings: readonly Ring[], lon: number, lat: number): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(outer, lon, lat)) return false;
  return !holes.some((h) => inRing(h, lon, lat));
}

export function pointInGeometry(g: Geometry, lat: number, lon: number): boolean {
  if (g.type === 'Polygon') return inPolygon(g.coordinates, lon, lat);
  return g.coordinates.some((p) => inPolygon(p, lon, lat));
}

/** [minLon, minLat, maxLon, maxLat] of a geometry. */
export function bboxOf(g: Geometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys)
    for (const ring of p)
      for (const pt of ring) {
        const [x, y] = pt as [number, number];
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  return [minX, minY, maxX, maxY];
}

/** Whether a value is a usable Polygon/MultiPolygon with finite [lon, lat] points. */
export function isGeometry(g: unknown): g is Geometry {
  if (!g || typeof g !== 'object') return false;
  const o = g as { type?: unknown; coordinates?: unknown };
  const ringOk = (r: unknown): boolean =>
    Array.isArray(r) &&
    r.length >= 4 &&
    r.every(
      (p) =>
        Array.isArray(p) &&
        p.length >= 2 &&
        Number.isFinite(p[0]) &&
        Number.isFinite(p[1]) &&
        Math.abs(p[0] as number) <= 180 &&
        Math.abs(p[1] as number) <= 90,
    );
  const polyOk = (p: unknown): boolean => Array.isArray(p) && p.length >= 1 && p.every(ringOk);
  if (o.type === 'Polygon') return polyOk(o.coordinates);
  if (o.type === 'MultiPolygon')
    return Array.isArray(o.coordinates) && o.coordinates.length >= 1 && o.coordinates.every(polyOk);
  return false;
}

export { cellsAround, gridCell, haversineM } from '@komek/domain/candidates';
