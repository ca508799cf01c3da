/** A small typed client for the Komek API (same origin; session cookie or bearer token). */
export interface ApiErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

let bearer: string | null = null;
/** Use a bearer token instead of the cookie (e.g. tests). */
export function setToken(t: string | null): void {
  bearer = t;
}

export async function api<T>(
  path: string,
  opts: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const res = await fetch(path, {
    method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
    headers,
    credentials: 'same-origin',
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (json as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? res.statusText, e?.details ?? {});
  }
  return json as T;
}

export type I18nText = { kk: string; ru: string; en: string };

export interface User {
  kind: 'staff' | 'resident';
  id: number;
  name: string | null;
  role?: string;
  agencyCode?: string | null;
  login?: string;
}

export interface RequestItem {
  number: string;
  status: string;
  category: string | null;
  criticality: string;
  district: string | null;
  agency: string | null;
  lat: number | null;
  lon: number | null;
  text: string;
  channel: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  duplicateOf: string | null;
  plannedYear: number | null;
  address?: string | null;
  statusReason?: string | null;
  rating?: number | null;
  resident?: { id: number; phone: string | null; name: string | null } | null;
}

export interface Category {
  code: string;
  parent: string | null;
  name: I18nText;
  description: Partial<I18nText>;
  icon: string | null;
  defaultCriticality: string;
  slaHours: Record<string, number>;
  agency: string | null;
  inSeason: boolean;
  active: boolean;
  questions: {
    code: string;
    datatype: string;
    required: boolean;
    description: I18nText;
    values?: { key: string; name: I18nText }[];
  }[];
  children: Category[];
}

/** Picks the text of the current language. */
export function tr(t: Partial<I18nText> | null | undefined, lang: string): string {
  if (!t) return '';
  return t[lang as keyof I18nText] ?? t.ru ?? t.en ?? t.kk ?? '';
}
