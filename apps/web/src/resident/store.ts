/**
 * What the whole resident app shares: the signed-in resident, the city's settings and the
 * category tree. Remembered in localStorage so the app opens (and reports) offline.
 */
import { useSyncExternalStore } from 'react';
import { residentApi, type Category, type CitySettings, type User } from './api.ts';

export interface State {
  user: User | null;
  settings: CitySettings | null;
  categories: Category[];
  online: boolean;
  /** Reports waiting to be sent. */
  pending: number;
  toast: string | null;
}

const SAVED = 'komek.resident.state';

function restore(): State {
  const base: State = {
    user: null,
    settings: null,
    categories: [],
    online: navigator.onLine,
    pending: 0,
    toast: null,
  };
  try {
    const saved = JSON.parse(localStorage.getItem(SAVED) ?? 'null') as Partial<State> | null;
    return saved
      ? {
          ...base,
          user: saved.user ?? null,
          settings: saved.settings ?? null,
          categories: saved.categories ?? [],
        }
      : base;
  } catch {
    return base;
  }
}

let state = restore();
const listeners = new Set<() => void>();

/** Changes the shared state and re-renders its readers. */
export function setState(patch: Partial<State>): void {
  state = { ...state, ...patch };
  const { user, settings, categories } = state;
  localStorage.setItem(SAVED, JSON.stringify({ user, settings, categories }));
  listeners.forEach((l) => l());
}

export function getState(): State {
  return state;
}

export function useStore(): State {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
/** A short message at the bottom of the screen (also read out by screen readers). */
export function toast(message: string): void {
  setState({ toast: message });
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => setState({ toast: null }), 6000);
}

/** Loads who we are, the settings and the categories; keeps the saved copies when offline. */
export async function refreshBasics(): Promise<void> {
  const [me, settings, categories] = await Promise.allSettled([
    residentApi.me(),
    residentApi.settings(),
    residentApi.categories(),
  ]);
  const patch: Partial<State> = {};
  if (me.status === 'fulfilled') patch.user = me.value.user?.kind === 'resident' ? me.value.user : null;
  if (settings.status === 'fulfilled') patch.settings = settings.value;
  if (categories.status === 'fulfilled') patch.categories = categories.value.items;
  setState(patch);
}

/** Every category by code, leaves and groups alike. */
export function categoryIndex(tree: Category[]): Map<string, Category> {
  const m = new Map<string, Category>();
  const walk = (cs: Category[]) => cs.forEach((c) => (m.set(c.code, c), walk(c.children)));
  walk(tree);
  return m;
}
