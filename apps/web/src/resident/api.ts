/** The calls the resident app makes, typed; optional services (classifier, knowledge base) fail soft. */
import type { FeatureCollection } from 'geojson';
import { api, ApiError, type Category, type I18nText, type RequestItem, type User } from '../shared/api.ts';

export type { Category, I18nText, RequestItem, User };
export { api, ApiError };

export interface CitySettings {
  city: string;
  name: I18nText;
  timeZone: string;
  anonymousReports: boolean;
  reopenWindowDays: number;
  autoCloseDays: number;
}

export interface Suggestion {
  code: string;
  name: I18nText;
  confidence: number;
}

export interface KbHit {
  id: number;
  lang: string;
  title: string;
  snippet: string;
}

export interface PublicRequest {
  number: string;
  status: string;
  category: string | null;
  district: string | null;
  lat: number | null;
  lon: number | null;
  text: string | null;
  createdAt: string;
  dueAt: string;
  resolvedAt: string | null;
  distanceM?: number;
}

export interface TimelineEvent {
  id: number;
  type: string;
  actor: { kind: string; name: string | null };
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  createdAt: string;
}

export interface Attachment {
  id: number;
  kind: string;
  contentType: string;
  createdAt: string;
}

export interface ResidentRequest extends RequestItem {
  rating?: number | null;
  ratingComment?: string | null;
  attributes?: Record<string, unknown>;
}

export interface AnonymousReceipt {
  number: string;
  status: string;
  dueAt: string;
  claimToken: string;
}

/** Runs a call that may not exist yet on this server (404/405/501 → undefined). */
export async function optional<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ApiError && [404, 405, 501].includes(e.status)) return undefined;
    throw e;
  }
}

/** Whether an error means "no connection" rather than an answer from the server. */
export function isOffline(e: unknown): boolean {
  return !(e instanceof ApiError) || e.status === 503 || e.status === 502 || e.status === 504;
}

export const residentApi = {
  me: () => api<{ user: User | null }>('/api/v1/auth/me'),
  settings: () => api<CitySettings>('/api/v1/public/settings'),
  categories: () => api<{ items: Category[] }>('/api/v1/categories'),
  districts: () => api<FeatureCollection>('/api/v1/districts'),
  requestOtp: (phone: string) =>
    api<{ sent: boolean; expiresInSeconds: number }>('/api/v1/auth/otp/request', { body: { phone } }),
  verifyOtp: (phone: string, code: string, lang: string) =>
    api<{ token: string; user: User }>('/api/v1/auth/otp/verify', { body: { phone, code, lang } }),
  logout: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
  devInbox: (phone: string) =>
    api<{ items: { body: string }[] }>(`/api/v1/dev/inbox?limit=1&recipient=${encodeURIComponent(phone)}`),
  classify: (text: string, place: string | null) =>
    optional(() =>
      api<{ categories: Suggestion[] }>('/api/v1/classify', {
        body: { text, ...(place ? { place } : {}) },
      }),
    ),
  kbSuggest: (text: string, category: string | null, lang: string) =>
    optional(() =>
      api<{ articles: KbHit[] }>('/api/v1/kb/suggest', {
        body: { text, lang, limit: 3, ...(category ? { category } : {}) },
      }),
    ),
  kbArticle: (id: number) =>
    api<{ id: number; variants: { lang: string; title: string; html: string }[] }>(
      `/api/v1/kb/articles/${id}`,
    ),
  kbView: (id: number, sessionId: string) =>
    optional(() => api<unknown>(`/api/v1/kb/articles/${id}/views`, { body: { sessionId } })),
  nearby: (lat: number, lon: number, category: string | null) =>
    api<{ items: PublicRequest[] }>(
      `/api/v1/public/requests?status=open&limit=20&lat=${lat}&lon=${lon}${category ? `&category=${encodeURIComponent(category)}` : ''}`,
    ),
  lookupDistrict: (lat: number, lon: number) =>
    api<{ district: { code: string; name: I18nText } | null }>(
      `/api/v1/districts/lookup?lat=${lat}&lon=${lon}`,
    ),
  myRequests: () => api<{ items: ResidentRequest[] }>('/api/v1/requests?limit=100'),
  request: (n: string) => api<ResidentRequest>(`/api/v1/requests/${n}`),
  events: (n: string) => api<{ items: TimelineEvent[] }>(`/api/v1/requests/${n}/events`),
  attachments: (n: string) => api<{ items: Attachment[] }>(`/api/v1/requests/${n}/attachments`),
  transition: (n: string, to: 'closed' | 'reopened', reason?: string) =>
    api<ResidentRequest>(`/api/v1/requests/${n}/transitions`, {
      body: { to, ...(reason ? { reason } : {}) },
    }),
  feedback: (n: string, rating: number, comment: string) =>
    api<{ rating: number }>(`/api/v1/requests/${n}/feedback`, {
      body: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    }),
  comment: (n: string, body: string) =>
    api<{ id: number }>(`/api/v1/requests/${n}/comments`, { body: { body, visibility: 'public' } }),
  claim: (token: string) => api<ResidentRequest>('/api/v1/requests/claim', { body: { token } }),
  subscribe: (body: { request?: string; district?: string; bbox?: number[] }) =>
    api<{ id: number }>('/api/v1/subscriptions', { body }),
  publicRequests: (query: string) =>
    api<{ items: PublicRequest[]; nextCursor: string | null }>(`/api/v1/public/requests?${query}`),
};

/** Uploads one photo (raw body); the claim token stands in for an account on anonymous reports. */
export async function uploadPhoto(number: string, blob: Blob, claimToken?: string): Promise<void> {
  const res = await fetch(`/api/v1/requests/${number}/attachments?kind=resident`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': blob.type || 'image/jpeg',
      ...(claimToken ? { 'x-claim-token': claimToken } : {}),
    },
    body: blob,
  });
  if (!res.ok) {
    const e = ((await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null)
      ?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? res.statusText, {});
  }
}

/** A random id that also works outside secure contexts (where crypto.randomUUID is missing). */
export function randomId(bytes = 16): string {
  const a = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}
