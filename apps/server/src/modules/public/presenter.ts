/** Maps rows of the public module to API objects; no personal data leaves through here. */
import { coarse, publicText } from './mask.ts';
import type { PublicRow, SubscriptionRow } from './repository.ts';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A request for the public map and list. */
export function presentPublicRequest(r: PublicRow, distanceM?: number) {
  return {
    number: r.number,
    status: r.status,
    category: r.category_code,
    district: r.district_code,
    agency: r.agency_code,
    lat: coarse(r.lat),
    lon: coarse(r.lon),
    text: publicText(r.text, r.channel),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    ...(distanceM === undefined ? {} : { distanceM: Math.round(distanceM) }),
  };
}

export function presentSubscription(s: SubscriptionRow) {
  return {
    id: s.id,
    kind: s.kind,
    request: s.request_number,
    district: s.district_code,
    bbox: s.bbox,
    createdAt: s.created_at.toISOString(),
  };
}
