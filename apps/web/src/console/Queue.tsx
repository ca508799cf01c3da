import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, tr, type Category, type I18nText, type RequestItem } from '../shared/api.ts';
import { dueIn, go } from './nav.ts';
import './queue-strings.ts';
import { useLive } from './live.ts';
import { BulkBar, FilterSelect, useReference } from './QueueParts.tsx';

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
const CRITICALITIES = ['urgent', 'high', 'standard', 'low'];
/** The queue's filters: what the URL carries, the API reads and a saved view keeps. */
const FILTERS = ['category', 'district', 'criticality', 'agency', 'overdue'] as const;

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

interface SavedView {
  id: number;
  name: string;
  query: string;
  shared: boolean;
  mine: boolean;
}

/** The API's query for the queue's filters (shared by the list, the export links and views). */
function apiQuery(query: URLSearchParams, status: string, q: string): URLSearchParams {
  const p = new URLSearchParams({ status, ...(q ? { q } : {}) });
  for (const k of FILTERS) {
    const v = query.get(k);
    if (v) p.set(k, v);
  }
  return p;
}

/**
 * The queue: filters live in the URL (a shareable link, and what a saved view keeps); j/k move,
 * x selects, Enter opens; selected rows can be assigned or moved together; live updates (SSE)
 * reload it when others change things (and a poll every minute, in case the stream is down).
 */
export default function Queue({ query }: { query: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const cats = useCategories();
  const { agencies, districts } = useReference();
  const [items, setItems] = useState<RequestItem[]>([]);
  const [sel, setSel] = useState(0);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [views, setViews] = useState<SavedView[]>([]);
  const [viewName, setViewName] = useState('');
  const [viewShared, setViewShared] = useState(false);
  const [note, setNote] = useState('');
  const [reload, setReload] = useState(0);
  // Others' changes arrive as live events: reload (debounced) instead of waiting for the poll.
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useLive((e) => {
    if (!e.type.startsWith('request.')) return;
    clearTimeout(debounce.current);
    debounce.current = setTimeout(() => setReload((n) => n + 1), 400);
  });
  const status = query.get('status') ?? OPEN;
  const q = query.get('q') ?? '';
  const sort = query.get('sort') ?? 'due';
  const key = query.toString();
  useEffect(() => {
    const load = (): void => {
      const p = apiQuery(query, status, q);
      p.set('limit', '100');
      void api<{ items: RequestItem[] }>(`/api/v1/requests?${p.toString()}`).then((r) => setItems(r.items));
    };
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [key, reload]);
  useEffect(() => setPicked(new Set()), [key]);
  const loadViews = (): void => {
    void api<{ items: SavedView[] }>('/api/v1/views').then((r) => setViews(r.items));
  };
  useEffect(loadViews, []);
  const rows = useMemo(
    () =>
      [...items].sort((a, b) =>
        sort === 'new' ? b.createdAt.localeCompare(a.createdAt) : a.dueAt.localeCompare(b.dueAt),
      ),
    [items, sort],
  );
  const setFilter = (k: string, v: string): void => {
    const p = new URLSearchParams(query);
    if (v) p.set(k, v);
    else p.delete(k);
    go(`/console?${p.toString()}`);
  };
  const toggle = (n: string): void =>
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(n)) next.delete(n);
      else next.add(n);
      return next;
    });
  const onKey = (e: React.KeyboardEvent): void => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    if (e.key === 'j') setSel((s) => Math.min(rows.length - 1, s + 1));
    if (e.key === 'k') setSel((s) => Math.max(0, s - 1));
    if (e.key === 'x' && rows[sel]) toggle(rows[sel].number);
    if (e.key === 'Enter' && rows[sel]) go(`/console/r/${rows[sel].number}`);
  };
  const bulk = (body: Record<string, unknown>): void => {
    setNote('');
    api<{
      done: number;
      failed: number;
      items: { number: string; ok: boolean; error?: { message: string } }[];
    }>('/api/v1/requests/bulk', { body: { numbers: [...picked], ...body } }).then(
      (r) => {
        const why = r.items.find((i) => !i.ok)?.error?.message;
        setNote(t('q_result', { done: r.done, failed: r.failed }) + (why ? ` — ${why}` : ''));
        setPicked(new Set(r.items.filter((i) => !i.ok).map((i) => i.number)));
        setReload((n) => n + 1);
      },
      (err: unknown) => setNote(err instanceof ApiError ? err.message : String(err)),
    );
  };
  const exportQuery = apiQuery(query, status, q);
  const viewQuery = (): string => {
    const p = new URLSearchParams(query);
    p.delete('view');
    return p.toString();
  };
  const current = views.find((v) => v.query === viewQuery());
  const name = (n: Partial<I18nText>): string => tr(n, i18n.language);
  return (
    <section onKeyDown={onKey}>
      <div className="filters views">
        <label>
          {t('q_views')}
          <select
            value={current ? String(current.id) : ''}
            onChange={(e) => {
              const v = views.find((x) => String(x.id) === e.target.value);
              if (v) go(`/console?${v.query}`);
            }}
          >
            <option value="">{t('q_view_pick')}</option>
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
                {v.shared ? ` (${t('q_view_shared')})` : ''}
              </option>
            ))}
          </select>
        </label>
        {current?.mine && (
          <button
            type="button"
            onClick={() => {
              void api(`/api/v1/views/${current.id}`, { method: 'DELETE' }).then(loadViews);
            }}
          >
            {t('q_view_delete')}
          </button>
        )}
        <form
          className="save-view"
          onSubmit={(e) => {
            e.preventDefault();
            if (!viewName.trim()) return;
            api('/api/v1/views', { body: { name: viewName, query: viewQuery(), shared: viewShared } }).then(
              () => {
                setViewName('');
                setNote(t('q_view_saved'));
                loadViews();
              },
              (err: unknown) => setNote(err instanceof ApiError ? err.message : String(err)),
            );
          }}
        >
          <label>
            {t('q_view_name')}
            <input value={viewName} onChange={(e) => setViewName(e.target.value)} maxLength={80} />
          </label>
          <label>
            <input type="checkbox" checked={viewShared} onChange={(e) => setViewShared(e.target.checked)} />{' '}
            {t('q_view_shared')}
          </label>
          <button type="submit">{t('q_view_save')}</button>
        </form>
      </div>
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
        <FilterSelect
          label={t('c_category')}
          value={query.get('category') ?? ''}
          onChange={(v) => setFilter('category', v)}
          options={[...cats.values()].map((c) => [c.code, `${c.parent ? '— ' : ''}${name(c.name)}`])}
        />
        <FilterSelect
          label={t('c_district')}
          value={query.get('district') ?? ''}
          onChange={(v) => setFilter('district', v)}
          options={districts.map((d) => [d.code, name(d.name)])}
        />
        <FilterSelect
          label={t('c_crit')}
          value={query.get('criticality') ?? ''}
          onChange={(v) => setFilter('criticality', v)}
          options={CRITICALITIES.map((c) => [c, c])}
        />
        <FilterSelect
          label={t('c_agency')}
          value={query.get('agency') ?? ''}
          onChange={(v) => setFilter('agency', v)}
          options={agencies.map((a) => [a.code, name(a.name)])}
        />
        <label>
          {t('c_search')}
          <input
            defaultValue={q}
            key={q}
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
        <label>
          {t('q_sort')}
          <select
            value={sort}
            onChange={(e) => setFilter('sort', e.target.value === 'due' ? '' : e.target.value)}
          >
            <option value="due">{t('q_sort_due')}</option>
            <option value="new">{t('q_sort_new')}</option>
          </select>
        </label>
        <span className={`live ${live ? 'up' : ''}`} title={t('q_live')}>
          ● {live ? t('q_live') : '…'}
        </span>
        <span className="exports">
          {t('c_export')}:{' '}
          {(['csv', 'xlsx'] as const).map((f) => (
            <a key={f} href={`/api/v1/exports/requests?format=${f}&${exportQuery.toString()}`} download>
              {f.toUpperCase()}{' '}
            </a>
          ))}
        </span>
      </div>
      {picked.size > 0 && (
        <BulkBar
          count={picked.size}
          agencies={agencies}
          onApply={bulk}
          onClear={() => setPicked(new Set())}
        />
      )}
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <table className="queue" tabIndex={0} aria-label={t('c_queue')}>
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label={t('q_select_all')}
                checked={rows.length > 0 && rows.every((r) => picked.has(r.number))}
                onChange={(e) => setPicked(e.target.checked ? new Set(rows.map((r) => r.number)) : new Set())}
              />
            </th>
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
          {rows.map((r, i) => {
            const d = dueIn(r.dueAt);
            const open = ['new', 'assigned', 'in_progress', 'reopened'].includes(r.status);
            return (
              <tr
                key={r.number}
                className={i === sel ? 'sel' : ''}
                onClick={() => go(`/console/r/${r.number}`)}
              >
                <td onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`${t('q_select')} ${r.number}`}
                    checked={picked.has(r.number)}
                    onChange={() => toggle(r.number)}
                  />
                </td>
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
          {!rows.length && (
            <tr>
              <td colSpan={8}>{t('c_noresult')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
