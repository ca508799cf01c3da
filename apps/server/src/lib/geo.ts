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
    r.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90);
  const polyOk = (p: unknown): boolean => Array.isArray(p) && p.length >= 1 && p.every(ringOk);
  if (o.type === 'Polygon') return polyOk(o.coordinates);
  if (o.type === 'MultiPolygon') return Array.isArray(o.coordinates) && o.coordinates.length >= 1 && o.coordinates.every(polyOk);
  return false;
}

/** A ~250 m grid cell id for a point (used by the duplicate-candidate index). */
export function gridCell(lat: number, lon: number): number {
  const row = Math.floor((lat + 90) / 0.00225);
  const col = Math.floor((lon + 180) / 0.00225);
  return row * 200_000 + col;
}

const CELL_DEG = 0.00225;

/** The grid cells (see gridCell) that cover a circle of `radiusM` metres around a point. */
export function cellsAround(lat: number, lon: number, radiusM: number): number[] {
  const dLat = radiusM / 111_320;
  const dLon = radiusM / (111_320 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
  const r0 = Math.floor((lat - dLat + 90) / CELL_DEG);
  const r1 = Math.floor((lat + dLat + 90) / CELL_DEG);
  const c0 = Math.floor((lon - dLon + 180) / CELL_DEG);
  const c1 = Math.floor((lon + dLon + 180) / CELL_DEG);
  const out: number[] = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(r * 200_000 + c);
  return out;
}

/** Great-circle distance in metres. */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const R = 6_371_000;
  const toRad = (d: number): number => (d * Math.PI) / 180;
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}
