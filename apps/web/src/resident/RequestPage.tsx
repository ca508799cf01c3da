/** One of my requests: status in plain language, the expected date, photos, replies, and my answer. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tr } from '../shared/api.ts';
import { ApiError, residentApi, type Attachment, type ResidentRequest, type TimelineEvent } from './api.ts';
import { ConfirmFix, Rating } from './Feedback.tsx';
import { formatDate } from './format.ts';
import { StatusBadge } from './MyRequests.tsx';
import { onRequests } from './notifications.ts';
import { link } from './router.ts';
import SignIn from './SignIn.tsx';
import { categoryIndex, toast, useStore } from './store.ts';
import Timeline from './Timeline.tsx';

function Reply({ number, onSent }: { number: string; onSent(): void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const send = async () => {
    try {
      await residentApi.comment(number, body.trim());
      setBody('');
      onSent();
    } catch {
      toast(t('r.error.network'));
    }
  };
  return (
    <form className="r-panel" onSubmit={(e) => (e.preventDefault(), void send())}>
      <label htmlFor="r-reply">{t('r.request.reply')}</label>
      <textarea
        id="r-reply"
        rows={3}
        maxLength={5000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <button type="submit" className="r-wide" disabled={!body.trim()}>
        {t('r.request.sendReply')}
      </button>
    </form>
  );
}

export default function RequestPage({ number }: { number: string }) {
  const { t, i18n } = useTranslation();
  const { user, categories } = useStore();
  const index = useMemo(() => categoryIndex(categories), [categories]);
  const [r, setR] = useState<ResidentRequest | null>(null);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [req, ev, at] = await Promise.all([
        residentApi.request(number),
        residentApi.events(number),
        residentApi.attachments(number),
      ]);
      setR(req);
      setEvents(ev.items);
      setFiles(at.items);
      setError(null);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 403
          ? t('r.request.notYours')
          : e instanceof ApiError && e.status === 404
            ? t('r.request.notFound')
            : t('r.error.network'),
      );
    }
  }, [number, t]);

  useEffect(() => {
    if (!user) return;
    void load();
    // A status change seen by the poller reloads this page too.
    return onRequests((_all, changed) => changed.some((c) => c.number === number) && void load());
  }, [user, load, number]);

  if (!user) return <SignIn next={`/app/requests/${number}`} embedded />;
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!r)
    return (
      <p className="loading" role="status">
        {t('r.loading')}
      </p>
    );

  const c = r.category ? index.get(r.category) : undefined;
  const open = !['resolved', 'closed', 'rejected', 'duplicate'].includes(r.status);
  const photos = files.filter((f) => f.contentType.startsWith('image/'));
  const changed = (next: ResidentRequest) => (setR(next), void load());
  return (
    <article aria-labelledby="r-req-title">
      <p>
        <a {...link('/app/requests')}>← {t('r.mine.title')}</a>
      </p>
      <h1 id="r-req-title">
        <span aria-hidden="true">{c?.icon ?? ''} </span>
        {c ? tr(c.name, i18n.language) : t('r.mine.noCategory')}
      </h1>
      <p className="r-muted">№ {r.number}</p>
      <p>
        <StatusBadge status={r.status} />
      </p>
      {open && <p className="r-due">{t('r.mine.expected', { date: formatDate(r.dueAt, i18n.language) })}</p>}
      {r.resolvedAt && <p>{t('r.request.resolvedAt', { date: formatDate(r.resolvedAt, i18n.language) })}</p>}
      <ConfirmFix r={r} onChange={changed} />
      <Rating r={r} onChange={setR} />
      {r.status === 'waiting_for_resident' && <Reply number={r.number} onSent={() => void load()} />}
      <section aria-labelledby="r-what">
        <h2 id="r-what" className="r-h3">
          {t('r.request.what')}
        </h2>
        <p className="r-text">{r.text}</p>
        {r.address && <p className="r-muted">{r.address}</p>}
      </section>
      {photos.length > 0 && (
        <section aria-labelledby="r-photos">
          <h2 id="r-photos" className="r-h3">
            {t('r.request.photos')}
          </h2>
          <ul className="r-thumbs">
            {photos.map((f) => (
              <li key={f.id}>
                <a href={`/api/v1/requests/${r.number}/attachments/${f.id}`} target="_blank" rel="noreferrer">
                  <img
                    src={`/api/v1/requests/${r.number}/attachments/${f.id}`}
                    alt={f.kind === 'fix' ? t('r.request.fixPhoto') : t('r.request.yourPhoto')}
                    loading="lazy"
                  />
                </a>
                <span className="r-badge">
                  {f.kind === 'fix' ? t('r.request.fixPhoto') : t('r.request.yourPhoto')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="r-history">
        <h2 id="r-history" className="r-h3">
          {t('r.request.history')}
        </h2>
        <Timeline events={events} />
      </section>
      {r.status !== 'waiting_for_resident' && open && <Reply number={r.number} onSent={() => void load()} />}
    </article>
  );
}
