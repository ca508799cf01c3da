import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, tr, type Category, type RequestItem } from '../shared/api.ts';
import { dueIn, go } from './nav.ts';

const STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_for_resident',
  'reopened',
  'resolved',
  'deferred',
];
const OPEN = 'new,assigned,in_progress,waiting_for_resident,reopened';

export function useCategories(): Map<string, Category> {
  const [cats, setCats] = useState(new Map<string, Category>());
  useEffect(() => {
    void api<{ items: Category[] }>('/api/v1/categories?all=true').then((r) => {
      const m = new Map<string, Category>();
      const walk = (cs: Category[]): void =>
        cs.forEach((c) => {
          m.set(c.code, c);
          walk(c.children);
        });
      walk(r.items);
      setCats(m);
    });
  }, []);
  return cats;
}

/** The queue: filters live in the URL (a shareable link); j/k move, Enter opens; refreshed every 15 s. */
export default function Queue({ query }: { query: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const cats = useCategories();
  const [items, setItems] = useState<RequestItem[]>([]);
  const [sel, setSel] = useState(0);
  const status = query.get('status') ?? OPEN;
  const q = query.get('q') ?? '';
  const key = query.toString();
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const load = (): void => {
      const p = new URLSearchParams({ limit: '100', status, ...(q ? { q } : {}) });
      for (const k of ['category', 'district', 'criticality', 'agency', 'overdue']) {
        const v = query.get(k);
        if (v) p.set(k, v);
      }
      void api<{ items: RequestItem[] }>(`/api/v1/requests?${p.toString()}`).then((r) => setItems(r.items));
    };
    load();
    const timer = setInterval(load, 15_000);
    return () => clearInterval(timer);
  }, [key]);
  const setFilter = (k: string, v: string): void => {
    const p = new URLSearchParams(query);
    if (v) p.set(k, v);
    else p.delete(k);
    go(`/console?${p.toString()}`);
  };
  const onKey = (e: React.KeyboardEvent): void => {
    if (e.key === 'j') setSel((s) => Math.min(items.length - 1, s + 1));
    if (e.key === 'k') setSel((s) => Math.max(0, s - 1));
    if (e.key === 'Enter' && items[sel]) go(`/console/r/${items[sel].number}`);
  };
  return (
    <section>
      <div className="filters">
        <label>
          {t('c_status')}
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value={OPEN}>{t('c_open')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('c_search')}
          <input
            defaultValue={q}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setFilter('q', (e.target as HTMLInputElement).value);
            }}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={query.get('overdue') === 'true'}
            onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : '')}
          />{' '}
          {t('c_overdue')}
        </label>
        <span className="exports">
          {t('c_export')}:{' '}
          {(['csv', 'xlsx'] as const).map((f) => {
            const p = new URLSearchParams({ format: f, status, ...(q ? { q } : {}) });
            for (const k of ['category', 'district', 'criticality', 'agency', 'overdue']) {
              const v = query.get(k);
              if (v) p.set(k, v);
            }
            return (
              <a key={f} href={`/api/v1/exports/requests?${p.toString()}`} download>
                {f.toUpperCase()}{' '}
              </a>
            );
          })}
        </span>
      </div>
      <table ref={table} className="queue" tabIndex={0} onKeyDown={onKey} aria-label={t('c_queue')}>
        <thead>
          <tr>
            <th>{t('c_number')}</th>
            <th>{t('c_status')}</th>
            <th>{t('c_category')}</th>
            <th>{t('c_district')}</th>
            <th>{t('c_crit')}</th>
            <th>{t('c_due')}</th>
            <th>{t('c_text')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r, i) => {
            const d = dueIn(r.dueAt);
            const open = ['new', 'assigned', 'in_progress', 'reopened'].includes(r.status);
            return (
              <tr
                key={r.number}
                className={i === sel ? 'sel' : ''}
                onClick={() => go(`/console/r/${r.number}`)}
              >
                <td>
                  <a
                    href={`/console/r/${r.number}`}
                    onClick={(e) => {
                      e.preventDefault();
                      go(`/console/r/${r.number}`);
                    }}
                  >
                    {r.number}
                  </a>
                </td>
                <td>{r.status}</td>
                <td>{r.category ? tr(cats.get(r.category)?.name, i18n.language) || r.category : '—'}</td>
                <td>{r.district ?? '—'}</td>
                <td className={`crit-${r.criticality}`}>{r.criticality}</td>
                <td className={open && d.overdue ? 'overdue' : open && d.soon ? 'soon' : ''}>
                  {open ? (d.overdue ? `${t('c_overdue')} ${d.text}` : `${d.text} ${t('c_left')}`) : '—'}
                </td>
                <td className="text">{r.text.slice(0, 90)}</td>
              </tr>
            );
          })}
          {!items.length && (
            <tr>
              <td colSpan={7}>{t('c_noresult')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
