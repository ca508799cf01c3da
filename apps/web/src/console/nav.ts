import { useEffect, useState } from 'react';

/** The console's own tiny router: the path and query string are the state (shareable links). */
export function go(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const on = (): void => setLoc(read());
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return loc;
}

/** "in 3 h" / "overdue 2 d" from a due time. */
export function dueIn(due: string, now = Date.now()): { text: string; overdue: boolean; soon: boolean } {
  const ms = new Date(due).getTime() - now;
  const h = Math.abs(ms) / 3_600_000;
  const text =
    h >= 48 ? `${Math.round(h / 24)} d` : h >= 1 ? `${Math.round(h)} h` : `${Math.round(h * 60)} min`;
  return { text, overdue: ms < 0, soon: ms >= 0 && ms < 4 * 3_600_000 };
}
