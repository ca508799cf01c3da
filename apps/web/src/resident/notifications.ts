/**
 * Status changes of the resident's requests reach the open app by polling (every 30 s while it
 * is visible), and the closed app by web push where the server offers it.
 */
import { api, optional, residentApi, type ResidentRequest } from './api.ts';
import { getState } from './store.ts';

const SEEN = 'komek.statuses';
const POLL_MS = 30_000;

type Listener = (items: ResidentRequest[], changed: ResidentRequest[]) => void;
const listeners = new Set<Listener>();
let last: ResidentRequest[] | null = null;

function seen(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(SEEN) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The last list fetched (for an instant first paint). */
export function lastRequests(): ResidentRequest[] | null {
  return last;
}

/** Fetches the resident's requests and tells listeners which changed status since last seen. */
export async function checkMyRequests(): Promise<ResidentRequest[]> {
  const { items } = await residentApi.myRequests();
  const before = seen();
  const first = Object.keys(before).length === 0;
  const changed = first
    ? []
    : items.filter((r) => before[r.number] !== undefined && before[r.number] !== r.status);
  localStorage.setItem(SEEN, JSON.stringify(Object.fromEntries(items.map((r) => [r.number, r.status]))));
  last = items;
  listeners.forEach((l) => l(items, changed));
  void refreshUnread();
  return items;
}

/** Subscribes to the polled list; returns the unsubscribe. */
export function onRequests(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Polls while the page is visible and a resident is signed in. */
export function startPolling(): () => void {
  const tick = () => {
    if (document.visibilityState === 'visible' && getState().user && navigator.onLine)
      checkMyRequests().catch(() => undefined);
  };
  const t = setInterval(tick, POLL_MS);
  document.addEventListener('visibilitychange', tick);
  return () => {
    clearInterval(t);
    document.removeEventListener('visibilitychange', tick);
  };
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const s = atob(
    base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4),
  );
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Whether this browser and server can do web push at all. */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/**
 * Asks permission and subscribes this device to web push through the server's push API
 * (GET /api/v1/push/key → { publicKey }, POST /api/v1/push/subscriptions). False when the
 * server has no push yet or the resident says no.
 */
export async function enablePush(): Promise<boolean> {
  if (!pushSupported()) return false;
  const key = await optional(() => api<{ publicKey: string }>('/api/v1/push/key'));
  if (!key?.publicKey) return false;
  if ((await Notification.requestPermission()) !== 'granted') return false;
  const reg = await navigator.serviceWorker.ready;
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(key.publicKey),
    }));
  const done = await optional(() =>
    api<unknown>('/api/v1/push/subscriptions', {
      body: { ...sub.toJSON(), lang: document.documentElement.lang },
    }),
  );
  return done !== undefined;
}

const unreadListeners = new Set<(n: number) => void>();
let unread = 0;

/** Fetches the in-app unread count (the bell); 0 when signed out or offline. */
export async function refreshUnread(): Promise<number> {
  if (!getState().user) unread = 0;
  else {
    const r = await optional(() => api<{ unread: number }>('/api/v1/me/notifications?limit=1'));
    unread = r?.unread ?? unread;
  }
  unreadListeners.forEach((l) => l(unread));
  return unread;
}

/** Subscribes to the unread count; returns the unsubscribe. */
export function onUnread(fn: (n: number) => void): () => void {
  unreadListeners.add(fn);
  fn(unread);
  return () => unreadListeners.delete(fn);
}
