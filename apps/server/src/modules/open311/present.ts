/**
 * How Komek's records look in Open311: services from categories, requests from public views, the
 * extended update statuses, and the `.json`/`.xml` suffix of a document. Open311 is as public as
 * the map and shows no more than it does: the same masking of contacts, personal numbers and
 * flats, and no text of calls and letters.
 */
import type { CategoryRow } from '../catalog/repository.ts';
import { maskPersonal, publicText } from '../public/mask.ts';
import { CLOSED, type PublicRow } from './list.ts';

/** Our statuses in the extended states FixMyStreet-style clients use on servicerequestupdates. */
export const UPDATE_STATUS: Record<string, string> = {
  new: 'OPEN',
  assigned: 'OPEN',
  in_progress: 'IN_PROGRESS',
  waiting_for_resident: 'OPEN',
  resolved: 'FIXED',
  closed: 'CLOSED',
  rejected: 'NO_FURTHER_ACTION',
  duplicate: 'DUPLICATE',
  deferred: 'ACTION_SCHEDULED',
  reopened: 'OPEN',
};

export function fmt(param: string): { base: string; format: 'json' | 'xml' } | undefined {
  const m = /^(.*)\.(json|xml)$/.exec(param);
  return m ? { base: m[1] as string, format: m[2] as 'json' | 'xml' } : undefined;
}

export function presentService(c: CategoryRow, groups: Map<string, CategoryRow>, lang: 'kk' | 'ru' | 'en') {
  return {
    service_code: c.code,
    service_name: c.name[lang] || c.name.ru,
    description: c.description[lang] ?? c.description.ru ?? '',
    metadata: c.questions.length > 0,
    type: 'realtime',
    keywords: (c.keywords[lang] ?? []).join(', '),
    group: c.parent_code ? (groups.get(c.parent_code)?.name[lang] ?? '') : '',
  };
}

export function presentRequest(r: PublicRow) {
  const o = {
    service_request_id: r.number,
    status: CLOSED.has(r.status) ? 'closed' : 'open',
    status_notes: r.status_reason ? `${r.status}: ${maskPersonal(r.status_reason)}` : r.status,
    service_name: r.category_code ?? '',
    service_code: r.category_code ?? '',
    // The public pages' rule: calls and letters are private conversations, so no text at all.
    description: publicText(r.text, r.channel, 1000) ?? '',
    agency_responsible: r.agency_code ?? '',
    service_notice: '',
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.due_at.toISOString(),
    address: '',
    address_id: '',
    zipcode: '',
  };
  // Optional fields are left out rather than sent empty: the specification types them (number,
  // uri). Object.assign, not a spread into the literal: V8 builds spread literals on a slow path
  // (the same cost the queue list's presenter had), and a page holds a thousand of these.
  return r.lat === null || r.lon === null
    ? o
    : Object.assign(o, { lat: Math.round(r.lat * 1000) / 1000, long: Math.round(r.lon * 1000) / 1000 });
}
