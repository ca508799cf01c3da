/** A tiny router over the History API: the resident app has a handful of pages under /app. */
import { useEffect, useState } from 'react';

const listeners = new Set<() => void>();

/** Goes to a path inside the app without reloading. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const on = () => setTick((t) => t + 1);
    listeners.add(on);
    window.addEventListener('popstate', on);
    return () => {
      listeners.delete(on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return {
    path: window.location.pathname.replace(/\/+$/, '') || '/',
    query: new URLSearchParams(window.location.search),
  };
}

/** Props for an <a> that navigates in-app (keeps middle-click and the address bar meaningful). */
export function link(path: string): {
  href: string;
  onClick: (e: { preventDefault(): void; metaKey?: boolean; ctrlKey?: boolean }) => void;
} {
  return {
    href: path,
    onClick: (e) => {
      if (e.metaKey || e.ctrlKey) return;
      e.preventDefault();
      navigate(path);
    },
  };
}
