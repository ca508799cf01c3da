/**
 * Mass incidents: a burst of same-category requests in one area within a short time (a blackout,
 * a burst water main, a flooded underpass). The server passes recent requests of one category;
 * a burst becomes an incident that later requests attach to instead of each being worked alone.
 */
import { haversineM } from './geo.ts';
import { toMs, type GeoRequest } from './score.ts';

export interface BurstOptions {
  /** Least requests that make a burst (5). */
  minCount?: number;
  /** Members lie within this many metres of the burst's centre (300). */
  radiusM?: number;
  /** Members were created within this many minutes of each other (30). */
  windowMinutes?: number;
}

export interface Burst<R extends GeoRequest = GeoRequest> {
  centre: { lat: number; lon: number };
  /** Distance from the centre to the farthest member, in metres. */
  radiusM: number;
  members: R[];
  startedAt: number;
  endedAt: number;
}

interface Item<R> {
  r: R;
  t: number;
}

function byTimeThenId<R extends GeoRequest>(a: Item<R>, b: Item<R>): number {
  return a.t - b.t || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0);
}

/** The largest set within `radius` of (lat, lon) whose creation times span at most `spanMs`. */
function bestWindow<R extends GeoRequest>(
  items: readonly Item<R>[],
  lat: number,
  lon: number,
  radius: number,
  spanMs: number,
): Item<R>[] {
  const near = items.filter((x) => haversineM(lat, lon, x.r.lat, x.r.lon) <= radius);
  let best: Item<R>[] = [];
  for (let i = 0, j = 0; j < near.length; j++) {
    while ((near[j] as Item<R>).t - (near[i] as Item<R>).t > spanMs) i++;
    if (j - i + 1 > best.length) best = near.slice(i, j + 1);
  }
  return best;
}

function centroid<R extends GeoRequest>(xs: readonly Item<R>[]): { lat: number; lon: number } {
  let lat = 0;
  let lon = 0;
  for (const x of xs) {
    lat += x.r.lat;
    lon += x.r.lon;
  }
  return { lat: lat / xs.length, lon: lon / xs.length };
}

/**
 * All bursts among `requests` (assumed one category), largest first: each is ≥ `minCount`
 * requests within `radiusM` of its centre and `windowMinutes` of each other; a request belongs
 * to at most one burst. Quadratic in the input, meant for the last hours of one category in one
 * city (hundreds of rows), not for history.
 */
export function detectBursts<R extends GeoRequest>(
  requests: readonly R[],
  opts: BurstOptions = {},
): Burst<R>[] {
  const minCount = Math.max(2, opts.minCount ?? 5);
  const radius = opts.radiusM ?? 300;
  const spanMs = (opts.windowMinutes ?? 30) * 60_000;
  let left = requests.map((r) => ({ r, t: toMs(r.createdAt) })).sort(byTimeThenId);
  const out: Burst<R>[] = [];
  while (left.length >= minCount) {
    let best: Item<R>[] = [];
    for (const seed of left) {
      const w = bestWindow(left, seed.r.lat, seed.r.lon, radius, spanMs);
      if (w.length > best.length) best = w;
    }
    if (best.length < minCount) break;
    // Re-centre on the members, which often gathers a report the first seed just missed.
    const c = centroid(best);
    const again = bestWindow(left, c.lat, c.lon, radius, spanMs);
    const members = again.length >= best.length ? again : best;
    const centre = centroid(members);
    const taken = new Set(members);
    out.push({
      centre,
      radiusM: Math.max(...members.map((m) => haversineM(centre.lat, centre.lon, m.r.lat, m.r.lon))),
      members: members.map((m) => m.r),
      startedAt: (members[0] as Item<R>).t,
      endedAt: (members[members.length - 1] as Item<R>).t,
    });
    left = left.filter((x) => !taken.has(x));
  }
  return out;
}

/** The largest burst among `requests`, or null when there is none. */
export function detectBurst<R extends GeoRequest>(
  requests: readonly R[],
  opts: BurstOptions = {},
): Burst<R> | null {
  return detectBursts(requests, opts)[0] ?? null;
}

/** An open mass incident as the server stores it. */
export interface OpenIncident {
  id: string;
  category?: string | null | undefined;
  centre: { lat: number; lon: number };
  radiusM: number;
  /** When its latest request arrived. */
  lastAt: number | Date;
}

export interface MatchIncidentOptions {
  /** Attach within the incident's radius plus this many metres (300). */
  marginM?: number;
  /** Attach only while the incident's latest request is at most this many hours old (12). */
  maxGapHours?: number;
}

/**
 * The open incident a new request belongs to, or null: same category (or either unknown),
 * within the incident's radius plus a margin, and not long after its latest request. The nearest
 * wins; ties go to the smaller id.
 */
export function matchIncident<I extends OpenIncident>(
  newReq: GeoRequest,
  openIncidents: readonly I[],
  opts: MatchIncidentOptions = {},
): { incident: I; distanceM: number } | null {
  const margin = opts.marginM ?? 300;
  const gapMs = (opts.maxGapHours ?? 12) * 3_600_000;
  const t = toMs(newReq.createdAt);
  let best: { incident: I; distanceM: number } | null = null;
  for (const inc of openIncidents) {
    if (newReq.category && inc.category && newReq.category !== inc.category) continue;
    if (t - toMs(inc.lastAt) > gapMs) continue;
    const d = haversineM(newReq.lat, newReq.lon, inc.centre.lat, inc.centre.lon);
    if (d > inc.radiusM + margin) continue;
    if (!best || d < best.distanceM || (d === best.distanceM && inc.id < best.incident.id))
      best = { incident: inc, distanceM: d };
  }
  return best;
}
