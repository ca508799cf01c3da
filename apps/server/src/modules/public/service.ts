/** The public map and list: every request without personal data, filterable by place and kind. */
import type { Static } from '@sinclair/typebox';
import { OPEN_STATUSES, STATUSES } from '@komek/domain/lifecycle';
import { AppError, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import { haversineM } from '../../lib/geo.ts';
import { getCatalog, type CityCatalog } from '../catalog/cache.ts';
import { autoCloseDays } from './jobs.ts';
import { coarse } from './mask.ts';
import { presentPublicRequest } from './presenter.ts';
import { findPublicRequest, listPublicRequests, listPublicStatusEvents } from './repository.ts';
import type { PublicListQuery } from './schema.ts';

const DONE = ['resolved', 'closed'];
const split = (v?: string): string[] | undefined =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

export function encodeCursor(createdAt: string, id: number): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

export function decodeCursor(c: string): { createdAt: Date; id: number } {
  try {
    const [t, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as [string, number];
    const d = new Date(t);
    if (Number.isNaN(d.getTime()) || !Number.isInteger(id)) throw new Error('bad');
    return { createdAt: d, id };
  } catch {
    throw new AppError('validation_failed', 'the cursor is not one we gave out', { field: 'cursor' });
  }
}

async function catalogOf(deps: Pick<AppDeps, 'db'>, cityId: string): Promise<CityCatalog> {
  const c = await getCatalog(deps.db, cityId);
  if (!c) throw notFound('city');
  return c;
}

/** Expands "open"/"done" into statuses and checks the rest. */
function statusesOf(raw?: string): string[] | undefined {
  const parts = split(raw);
  if (!parts) return undefined;
  const out = new Set<string>();
  for (const p of parts) {
    if (p === 'open') OPEN_STATUSES.forEach((s) => out.add(s));
    else if (p === 'done') DONE.forEach((s) => out.add(s));
    else if ((STATUSES as readonly string[]).includes(p)) out.add(p);
    else throw new AppError('validation_failed', `unknown status "${p}"`, { field: 'status' });
  }
  return [...out];
}

/** A category group stands for itself and its children. */
function categoriesOf(catalog: CityCatalog, raw?: string): string[] | undefined {
  const parts = split(raw);
  if (!parts) return undefined;
  const out = new Set<string>();
  for (const p of parts) {
    if (!catalog.categories.has(p))
      throw new AppError('validation_failed', `unknown category "${p}"`, { field: 'category' });
    out.add(p);
    for (const c of catalog.categories.values()) if (c.parent_code === p) out.add(c.code);
  }
  return [...out];
}

function bboxOf(raw: string): [number, number, number, number] {
  const b = raw.split(',').map(Number) as [number, number, number, number];
  const [minLon, minLat, maxLon, maxLat] = b;
  if (
    b.some((v) => !Number.isFinite(v)) ||
    minLon >= maxLon ||
    minLat >= maxLat ||
    Math.abs(minLon) > 180 ||
    Math.abs(maxLon) > 180 ||
    Math.abs(minLat) > 90 ||
    Math.abs(maxLat) > 90
  ) {
    throw new AppError('validation_failed', 'bbox is minLon,minLat,maxLon,maxLat with min < max', {
      field: 'bbox',
    });
  }
  return b;
}

/** Lists public requests; with lat/lon, only those within the radius, nearest first within the page. */
export async function listPublic(
  deps: Pick<AppDeps, 'db' | 'readDb'>,
  cityId: string,
  q: Static<typeof PublicListQuery>,
) {
  const catalog = await catalogOf(deps, cityId);
  if ((q.lat === undefined) !== (q.lon === undefined))
    throw new AppError('validation_failed', 'give both lat and lon, or neither', {
      field: q.lat === undefined ? 'lat' : 'lon',
    });
  const category = categoriesOf(catalog, q.category);
  const near = q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : undefined;
  const first = split(q.category)?.[0];
  const radius = q.radiusM ?? (first ? catalog.categories.get(first)?.duplicate_radius_m : undefined) ?? 300;
  let bbox = q.bbox ? bboxOf(q.bbox) : undefined;
  if (near) {
    const dLat = radius / 111_320;
    const dLon = radius / (111_320 * Math.max(0.1, Math.cos((near.lat * Math.PI) / 180)));
    bbox = [near.lon - dLon, near.lat - dLat, near.lon + dLon, near.lat + dLat];
  }
  const limit = q.limit ?? 100;
  const rows = await listPublicRequests(deps.readDb, {
    cityId,
    status: statusesOf(q.status),
    category,
    district: split(q.district),
    bbox,
    createdFrom: q.createdFrom ? new Date(q.createdFrom) : undefined,
    createdTo: q.createdTo ? new Date(q.createdTo) : undefined,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null;
  if (!near) return { items: page.map((r) => presentPublicRequest(r)), nextCursor };
  const items = page
    .filter((r) => r.lat !== null && r.lon !== null)
    // Distances from the rounded point, so that repeated queries cannot triangulate the exact one.
    .map((r) => ({ r, d: haversineM(near.lat, near.lon, coarse(r.lat) as number, coarse(r.lon) as number) }))
    .filter((x) => x.d <= radius)
    .sort((a, b) => a.d - b.d)
    .map((x) => presentPublicRequest(x.r, x.d));
  return { items, nextCursor };
}

/** One request's public page with its status history. */
export async function publicRequest(deps: Pick<AppDeps, 'db' | 'readDb'>, cityId: string, number: string) {
  const r = await findPublicRequest(deps.readDb, cityId, number);
  if (!r) throw notFound('request', { number });
  const history = await listPublicStatusEvents(deps.readDb, cityId, r.id);
  return {
    ...presentPublicRequest(r),
    history: history.map((e) => ({ status: e.to_status, at: e.created_at.toISOString() })),
  };
}

/** What the resident app needs to know about the city before anyone signs in. */
export async function publicSettings(deps: Pick<AppDeps, 'db' | 'config'>, cityId: string) {
  const { city } = await catalogOf(deps, cityId);
  const settings = city.settings as Record<string, unknown>;
  const reopenWindowDays = typeof settings.reopenWindowDays === 'number' ? settings.reopenWindowDays : 15;
  return {
    city: city.id,
    name: city.name,
    timeZone: city.time_zone,
    anonymousReports: settings.anonymousReports !== false,
    reopenWindowDays,
    autoCloseDays: autoCloseDays(settings),
    mapTileUrl: deps.config.mapTileUrl ?? null,
  };
}
