/**
 * How Komek's records look in Open311: services from categories, requests from public views (no
 * personal data: e-mail addresses and phone numbers in texts are masked), the extended update
 * statuses, and the `.json`/`.xml` suffix of a document.
 */
import type { CategoryRow } from '../catalog/repository.ts';
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
export const mask = (t: string): string =>
  t.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[e-mail]').replace(/\+?\d[\d\s()-]{7,}\d/g, '[phone]');

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
  return {
    service_request_id: r.number,
    status: CLOSED.has(r.status) ? 'closed' : 'open',
    status_notes: r.status_reason ? `${r.status}: ${mask(r.status_reason)}` : r.status,
    service_name: r.category_code ?? '',
    service_code: r.category_code ?? '',
    description: mask(r.text),
    agency_responsible: r.agency_code ?? '',
    service_notice: '',
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.due_at.toISOString(),
    address: '',
    address_id: '',
    zipcode: '',
    // Optional fields are left out rather than sent empty: the specification types them (number, uri).
    ...(r.lat === null || r.lon === null
      ? {}
      : { lat: Math.round(r.lat * 1000) / 1000, long: Math.round(r.lon * 1000) / 1000 }),
  };
}
