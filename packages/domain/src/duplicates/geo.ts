/**
 * Geometry for duplicate candidates, repeats, incidents and districts: haversine distance, the
 * `geo_cell` grid that makes the candidate query index-driven, and point-in-polygon for GeoJSON.
 *
 * The grid: rows are fixed bands of latitude `cellMeters` tall; each row is split into a whole
 * number of columns about `cellMeters` wide at the row's centre latitude, so cells are nearly
 * square at any latitude (Boston 42°, Astana 51°, St Petersburg 60°) and a row wraps cleanly at
 * the antimeridian. Cell id = row · 2^24 + column: an integer below 2^47, safe in JS and in a
 * PostgreSQL bigint. Ids are computed only here (never in SQL), so the server and the offline
 * evaluation always agree.
 */

/** Mean Earth radius used by every distance in Komek. */
export const EARTH_RADIUS_M = 6_371_000;
/** Metres per degree of latitude on that sphere. */
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
/**
 * The default cell edge, 250 m: duplicate radii are 100–500 m; a 300 m circle then needs ~10 cells
 * (one index range each) covering ~0.65 km² for a 0.28 km² circle. 500 m cells need ~4 ranges but
 * read 1.7× the rows (1.1 km²); 100 m cells read less but need ~41 ranges. 250 m is also a
 * sensible hot-spot unit for analytics.
 */
export const DEFAULT_CELL_M = 250;
const COL_SPAN = 2 ** 24;
const MAX_COVER_CELLS = 20_000;
const toRad = (d: number): number => (d * Math.PI) / 180;
const toDeg = (r: number): number => (r * 180) / Math.PI;

/** Great-circle distance in metres between two WGS84 points (degrees). */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The point `distanceM` metres from a start point along an initial bearing (degrees from north). */
export function destinationPoint(
  lat: number,
  lon: number,
  bearingDeg: number,
  distanceM: number,
): { lat: number; lon: number } {
  const d = distanceM / EARTH_RADIUS_M;
  const b = toRad(bearingDeg);
  const p1 = toRad(lat);
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 =
    toRad(lon) +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: toDeg(p2), lon: ((toDeg(l2) + 540) % 360) - 180 };
}

interface Grid {
  dLat: number;
  rows: number;
}

function grid(cellMeters: number): Grid {
  if (!(cellMeters >= 5 && cellMeters <= 1_000_000)) throw new RangeError('cellMeters must be in [5, 1e6]');
  const dLat = cellMeters / M_PER_DEG;
  return { dLat, rows: Math.ceil(180 / dLat) };
}

function rowOf(g: Grid, lat: number): number {
  return Math.min(g.rows - 1, Math.max(0, Math.floor((lat + 90) / g.dLat)));
}

function colsIn(g: Grid, row: number): number {
  const centre = -90 + (row + 0.5) * g.dLat;
  return Math.max(1, Math.floor((360 * Math.cos(toRad(Math.min(90, centre)))) / g.dLat));
}

function colOf(cols: number, lon: number): number {
  const x = (((lon + 180) % 360) + 360) % 360;
  return Math.min(cols - 1, Math.floor(x / (360 / cols)));
}

/** The id of the grid cell holding a point (stable for a given `cellMeters`; default 250 m). */
export function geoCell(lat: number, lon: number, cellMeters = DEFAULT_CELL_M): number {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new RangeError('lat/lon must be finite');
  const g = grid(cellMeters);
  const row = rowOf(g, lat);
  return row * COL_SPAN + colOf(colsIn(g, row), lon);
}

/** The [south, west, north, east] bounds (degrees) of a cell id, e.g. to draw a heat map. */
export function cellBounds(cell: number, cellMeters = DEFAULT_CELL_M): [number, number, number, number] {
  const g = grid(cellMeters);
  const row = Math.floor(cell / COL_SPAN);
  const col = cell - row * COL_SPAN;
  const w = 360 / colsIn(g, row);
  const south = -90 + row * g.dLat;
  return [south, -180 + col * w, Math.min(90, south + g.dLat), -180 + (col + 1) * w];
}

/**
 * Every cell that a circle of `radiusMeters` around a point touches: the list for
 * `geo_cell = ANY($cells)`. Exact per row (the circle's widest longitude inside each latitude
 * band), so the list stays minimal: about 10 cells for 300 m at 250 m cells.
 */
export function cellsWithin(
  lat: number,
  lon: number,
  radiusMeters: number,
  cellMeters = DEFAULT_CELL_M,
): number[] {
  if (!(radiusMeters >= 0) || !Number.isFinite(radiusMeters)) throw new RangeError('radius must be ≥ 0');
  const g = grid(cellMeters);
  const eps = 1e-9;
  const delta = radiusMeters / EARTH_RADIUS_M;
  const p0 = toRad(lat);
  const latMin = lat - toDeg(delta) - eps;
  const latMax = lat + toDeg(delta) + eps;
  const coversPole = latMax >= 90 || latMin <= -90;
  const pStar = coversPole ? 0 : Math.asin(Math.min(1, Math.sin(p0) / Math.cos(delta)));
  const out: number[] = [];
  for (let row = rowOf(g, latMin); row <= rowOf(g, latMax); row++) {
    const cols = colsIn(g, row);
    let halfDeg = 180;
    if (!coversPole) {
      // The circle is widest at pStar; inside this band it is widest at the band latitude nearest to it.
      const lo = Math.max(toRad(latMin), toRad(-90 + row * g.dLat));
      const hi = Math.min(toRad(latMax), toRad(-90 + (row + 1) * g.dLat));
      const p = Math.min(hi, Math.max(lo, pStar));
      // sin²(Δλ/2) = sin((δ+Δφ)/2)·sin((δ−Δφ)/2) / (cos φ0 · cos φ): stable even for a 1 m radius.
      const dp = p - p0;
      const s2 = (Math.sin((delta + dp) / 2) * Math.sin((delta - dp) / 2)) / (Math.cos(p0) * Math.cos(p));
      halfDeg = toDeg(2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, s2))))) * (1 + 1e-9) + eps;
    }
    const first = row * COL_SPAN;
    if (halfDeg >= 180) {
      if (out.length + cols > MAX_COVER_CELLS) throw new RangeError('radius too large for the cell size');
      for (let c = 0; c < cols; c++) out.push(first + c);
      continue;
    }
    const w = 360 / cols;
    const c0 = Math.floor((lon - halfDeg + 180) / w);
    const c1 = Math.floor((lon + halfDeg + 180) / w);
    const seen = new Set<number>();
    for (let c = c0; c <= c1 && seen.size < cols; c++) seen.add(((c % cols) + cols) % cols);
    if (out.length + seen.size > MAX_COVER_CELLS) throw new RangeError('radius too large for the cell size');
    for (const c of [...seen].sort((a, b) => a - b)) out.push(first + c);
  }
  return out;
}

/** A GeoJSON linear ring: [lon, lat] positions, first = last. */
export type Ring = ReadonlyArray<readonly number[]>;
/** GeoJSON Polygon or MultiPolygon geometry. */
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: readonly Ring[] }
  | { type: 'MultiPolygon'; coordinates: ReadonlyArray<readonly Ring[]> };
/** A GeoJSON Feature whose geometry is a (Multi)Polygon (or null), with any properties. */
export interface PolygonFeature<P = Record<string, unknown>> {
  type?: 'Feature';
  geometry: PolygonGeometry | null;
  properties?: P;
}

function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]?.[0] ?? 0;
    const yi = ring[i]?.[1] ?? 0;
    const xj = ring[j]?.[0] ?? 0;
    const yj = ring[j]?.[1] ?? 0;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(rings: readonly Ring[], lon: number, lat: number): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(outer, lon, lat)) return false;
  return !holes.some((h) => inRing(h, lon, lat));
}

const bboxCache = new WeakMap<object, [number, number, number, number]>();

function bbox(g: PolygonGeometry): [number, number, number, number] {
  const hit = bboxCache.get(g);
  if (hit) return hit;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys)
    for (const pt of poly[0] ?? []) {
      const x = pt[0] ?? 0;
      const y = pt[1] ?? 0;
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  bboxCache.set(g, b);
  return b;
}

/** Whether a point lies inside a (Multi)Polygon geometry or feature; holes are excluded. */
export function pointInFeature(
  f: PolygonFeature<unknown> | PolygonGeometry,
  lat: number,
  lon: number,
): boolean {
  const g = 'geometry' in f ? f.geometry : f;
  if (!g) return false;
  const [w, s, e, n] = bbox(g);
  if (lon < w || lon > e || lat < s || lat > n) return false;
  if (g.type === 'Polygon') return inPolygon(g.coordinates, lon, lat);
  return g.coordinates.some((p) => inPolygon(p, lon, lat));
}

/** The first feature (e.g. a district) that contains the point, or undefined. */
export function findDistrict<F extends PolygonFeature<unknown>>(
  features: readonly F[],
  lat: number,
  lon: number,
): F | undefined {
  return features.find((f) => pointInFeature(f, lat, lon));
}
