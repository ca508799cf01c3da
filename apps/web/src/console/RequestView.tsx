import { useCallback, useEffect, useState } from 'react';
import { useLive } from './live.ts';
import RequestRelated from './RequestRelated.tsx';
import { useTranslation } from 'react-i18next';
import { api, ApiError, tr, type RequestItem, type User } from '../shared/api.ts';
import { go } from './nav.ts';
import { useCategories } from './Queue.tsx';

interface Event {
  id: number;
  type: string;
  actor: { kind: string; name: string | null };
  fromStatus: string | null;
  toStatus: string | null;
  visibility: string;
  body: string | null;
  createdAt: string;
}

interface Template {
  id: number;
  name: string;
  categories: string[];
  active: boolean;
}

const TARGETS = [
  'assigned',
  'in_progress',
  'waiting_for_resident',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'deferred',
  'reopened',
];

/** One request: details, the whole timeline, and what the state machine allows next. */
export default function RequestView({ number, user }: { number: string; user: User }) {
  const { t, i18n } = useTranslation();
  const cats = useCategories();
  const [req, setReq] = useState<RequestItem | null>(null);
  const [events, setEvents] = useState<Event[]>([]);
  const [error, setError] = useState('');
  const [to, setTo] = useState('in_progress');
  const [reason, setReason] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [parent, setParent] = useState('');
  const [comment, setComment] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [templates, setTemplates] = useState<Template[]>([]);
  const [template, setTemplate] = useState<number | null>(null);
  useEffect(() => {
    void api<{ items: Template[] }>('/api/v1/kb/templates').then(
      (r) => setTemplates(r.items.filter((x) => x.active)),
      () => setTemplates([]),
    );
  }, []);
  const load = useCallback(() => {
    void api<RequestItem>(`/api/v1/requests/${number}`).then(setReq, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : String(e)),
    );
    void api<{ items: Event[] }>(`/api/v1/requests/${number}/events`).then(
      (r) => setEvents(r.items),
      () => undefined,
    );
  }, [number]);
  useEffect(load, [load]);
  // Someone else changed this request: show it at once.
  useLive((e) => {
    if (e.number === number && e.type === 'request.updated') load();
  });
  const act = (p: Promise<unknown>): void => {
    setError('');
    p.then(load, (e: unknown) => {
      const allowed =
        e instanceof ApiError && Array.isArray(e.details.allowed)
          ? ` (${(e.details.allowed as string[]).join(', ')})`
          : '';
      setError((e instanceof ApiError ? e.message : String(e)) + allowed);
    });
  };
  if (!req) return <p className={error ? 'error' : 'loading'}>{error || '…'}</p>;
  return (
    <section className="request">
      <a
        href="/console"
        onClick={(e) => {
          e.preventDefault();
          go('/console');
        }}
      >
        {t('c_back')}
      </a>
      <h2>
        {req.number} · <span className={`status status-${req.status}`}>{req.status}</span>
      </h2>
      <p className="text">{req.text}</p>
      <dl>
        <dt>{t('c_category')}</dt>
        <dd>{req.category ? tr(cats.get(req.category)?.name, i18n.language) || req.category : '—'}</dd>
        <dt>{t('c_crit')}</dt>
        <dd>{req.criticality}</dd>
        <dt>{t('c_district')}</dt>
        <dd>{req.district ?? '—'}</dd>
        <dt>{t('c_agency')}</dt>
        <dd>{req.agency ?? '—'}</dd>
        <dt>{t('c_due')}</dt>
        <dd>{new Date(req.dueAt).toLocaleString(i18n.language)}</dd>
        {req.resident && (
          <>
            <dt>{t('c_phone')}</dt>
            <dd>
              {req.resident.phone ?? '—'} {req.resident.name ?? ''}
            </dd>
          </>
        )}
        {req.rating != null && (
          <>
            <dt>★</dt>
            <dd>{req.rating}</dd>
          </>
        )}
      </dl>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <RequestRelated number={number} version={events.length} />
      {user.role !== 'analyst' && (
        <div className="actions">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act(
                api(`/api/v1/requests/${number}/transitions`, {
                  body: {
                    to,
                    ...(reason ? { reason } : {}),
                    ...(to === 'deferred' ? { plannedYear: Number(year) } : {}),
                    ...(to === 'duplicate' ? { duplicateOf: parent } : {}),
                  },
                }),
              );
            }}
          >
            <label htmlFor="to">{t('c_move')}</label>
            <select id="to" value={to} onChange={(e) => setTo(e.target.value)}>
              {TARGETS.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <label htmlFor="reason">{t('c_reason')}</label>
            <input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            {to === 'deferred' && (
              <>
                <label htmlFor="year">{t('c_year')}</label>
                <input id="year" type="number" value={year} onChange={(e) => setYear(e.target.value)} />
              </>
            )}
            {to === 'duplicate' && (
              <>
                <label htmlFor="parent">{t('c_parent')}</label>
                <input
                  id="parent"
                  value={parent}
                  onChange={(e) => setParent(e.target.value)}
                  placeholder="109-2026-0000001"
                />
              </>
            )}
            <button className="primary" type="submit">
              {t('c_apply')}
            </button>
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act(
                api(`/api/v1/requests/${number}/comments`, { body: { body: comment, visibility } }).then(
                  () => {
                    // A public reply written from a template teaches the suggestions which template answers what.
                    if (template !== null && visibility === 'public')
                      void api(`/api/v1/requests/${number}/kb-links`, {
                        body: { templateId: template },
                      }).catch(() => undefined);
                    setComment('');
                    setTemplate(null);
                  },
                ),
              );
            }}
          >
            {templates.length > 0 && (
              <>
                <label htmlFor="template">{t('c_template')}</label>
                <select
                  id="template"
                  value={template ?? ''}
                  onChange={(e) => {
                    const id = Number(e.target.value);
                    if (!id) return setTemplate(null);
                    setTemplate(id);
                    api<{ text: string }>(`/api/v1/kb/templates/${id}/render`, {
                      body: { requestNumber: number, lang: i18n.language },
                    }).then(
                      (r) => setComment(r.text),
                      (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)),
                    );
                  }}
                >
                  <option value="">—</option>
                  {templates
                    .filter(
                      (x) => !x.categories.length || !req?.category || x.categories.includes(req.category),
                    )
                    .map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                      </option>
                    ))}
                </select>
              </>
            )}
            <label htmlFor="comment">{t('c_comment')}</label>
            <textarea id="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
            <select
              aria-label="visibility"
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as 'public' | 'internal')}
            >
              <option value="public">{t('c_public')}</option>
              <option value="internal">{t('c_internal')}</option>
            </select>
            <button type="submit" disabled={!comment.trim()}>
              {t('c_send')}
            </button>
          </form>
        </div>
      )}
      <h3>{t('c_timeline')}</h3>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id} className={e.visibility}>
            <time>{new Date(e.createdAt).toLocaleString(i18n.language)}</time> <b>{e.type}</b>
            {e.toStatus && <> → {e.toStatus}</>} {e.actor.name && <i>({e.actor.name})</i>}
            {e.body && <div>{e.body}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
