/**
 * Reports go out through a local outbox: each is saved (IndexedDB, photos included) before the
 * first attempt and sent with its id as the Idempotency-Key, so a report written offline is
 * sent when the connection returns and never arrives twice, even after a reload.
 */
import {
  ApiError,
  api,
  isOffline,
  residentApi,
  uploadPhoto,
  type AnonymousReceipt,
  type ResidentRequest,
} from './api.ts';
import { idb } from './idb.ts';
import { getState, setState } from './store.ts';

export interface ReportBody {
  text: string;
  category?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  address?: string | undefined;
  attributes?: Record<string, string | number | boolean> | undefined;
}

export interface Draft {
  /** Also the Idempotency-Key. */
  id: string;
  body: ReportBody;
  photos: { blob: Blob; sent: boolean }[];
  createdAt: string;
  /** Fixed at the first attempt, so a retry takes the same path (and the same key namespace). */
  mode?: 'resident' | 'anonymous';
  number?: string;
  dueAt?: string;
  claimToken?: string;
  error?: string;
}

export interface Sent {
  id: string;
  number: string;
  dueAt: string;
  anonymous: boolean;
}

const CLAIMS = 'komek.claims';
const channel = (): 'app' | 'web' => (matchMedia('(display-mode: standalone)').matches ? 'app' : 'web');
const sentListeners = new Set<(s: Sent) => void>();

/** Called when a queued report has reached the server (with all its photos). */
export function onSent(fn: (s: Sent) => void): () => void {
  sentListeners.add(fn);
  return () => sentListeners.delete(fn);
}

export async function listDrafts(): Promise<Draft[]> {
  return (await idb.all<Draft>()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function countPending(): Promise<void> {
  setState({ pending: (await listDrafts()).length });
}

export async function discardDraft(id: string): Promise<void> {
  await idb.delete(id);
  await countPending();
}

/** Saves a report and tries to send it at once; resolves when it is safely stored locally. */
export async function queueReport(d: Draft): Promise<void> {
  await idb.put(d);
  await countPending();
  void syncDrafts();
}

/** Anonymous reports this device may still claim after sign-in. */
export function savedClaims(): { number: string; token: string }[] {
  try {
    return JSON.parse(localStorage.getItem(CLAIMS) ?? '[]') as { number: string; token: string }[];
  } catch {
    return [];
  }
}

function saveClaims(list: { number: string; token: string }[]): void {
  localStorage.setItem(CLAIMS, JSON.stringify(list));
}

/** After sign-in: makes every report sent from this device without an account the resident's. */
export async function claimAll(): Promise<number> {
  let claimed = 0;
  const left: { number: string; token: string }[] = [];
  for (const c of savedClaims()) {
    try {
      await residentApi.claim(c.token);
      claimed++;
    } catch (e) {
      // Gone or someone else's: forget it. No connection: keep it for next time.
      if (isOffline(e)) left.push(c);
    }
  }
  saveClaims(left);
  return claimed;
}

async function register(d: Draft): Promise<Draft> {
  const mode = d.mode ?? (getState().user ? 'resident' : 'anonymous');
  d = { ...d, mode };
  await idb.put(d);
  const headers = { 'idempotency-key': d.id };
  if (mode === 'resident') {
    const r = await api<ResidentRequest>('/api/v1/requests', {
      body: { ...d.body, channel: channel() },
      headers,
    });
    return { ...d, number: r.number, dueAt: r.dueAt };
  }
  const r = await api<AnonymousReceipt>('/api/v1/requests/anonymous', {
    body: { ...d.body, channel: channel(), lang: document.documentElement.lang || 'ru' },
    headers,
  });
  saveClaims([
    ...savedClaims().filter((c) => c.number !== r.number),
    { number: r.number, token: r.claimToken },
  ]);
  return { ...d, number: r.number, dueAt: r.dueAt, claimToken: r.claimToken };
}

let running: Promise<void> | null = null;
let retry: ReturnType<typeof setTimeout> | undefined;
let failures = 0;

/** A failed attempt while the phone says it is online (a flaky network) is retried soon, then less often. */
function retrySoon(): void {
  clearTimeout(retry);
  failures++;
  if (navigator.onLine)
    retry = setTimeout(() => void syncDrafts(), Math.min(60_000, 3000 * 2 ** (failures - 1)));
}

/** Sends what waits in the outbox; stops quietly at the first sign of no connection. */
export function syncDrafts(): Promise<void> {
  running ??= (async () => {
    try {
      for (let d of await listDrafts()) {
        if (d.error) continue;
        try {
          if (!d.number) d = await register(d);
          await idb.put(d);
          for (const p of d.photos) {
            if (p.sent) continue;
            try {
              await uploadPhoto(
                d.number as string,
                p.blob,
                d.mode === 'anonymous' ? d.claimToken : undefined,
              );
            } catch (e) {
              // A photo the server refuses (type, size, quota) must not hold the report back.
              if (isOffline(e)) throw e;
            }
            p.sent = true;
            await idb.put(d);
          }
          await idb.delete(d.id);
          failures = 0;
          sentListeners.forEach((l) =>
            l({
              id: d.id,
              number: d.number as string,
              dueAt: d.dueAt ?? '',
              anonymous: d.mode === 'anonymous',
            }),
          );
        } catch (e) {
          if (isOffline(e) || (e instanceof ApiError && [408, 429].includes(e.status))) {
            retrySoon();
            break;
          }
          if (e instanceof ApiError && e.status === 401) break; // signed out: waits for the next sign-in
          await idb.put({ ...d, error: e instanceof Error ? e.message : String(e) });
        }
      }
    } finally {
      running = null;
      await countPending();
    }
  })();
  return running;
}
