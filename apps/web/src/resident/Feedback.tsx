/**
 * After resolution: the resident confirms it is fixed or says it is not (reopens, within the
 * city's window), and rates the answer 1–5 with a comment.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residentApi, type ResidentRequest } from './api.ts';
import { formatDate } from './format.ts';
import { toast, useStore } from './store.ts';

const DAY = 86_400_000;

export function ConfirmFix({ r, onChange }: { r: ResidentRequest; onChange(r: ResidentRequest): void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useStore();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const since = r.resolvedAt ?? r.closedAt;
  const reopenUntil = since
    ? new Date(new Date(since).getTime() + (settings?.reopenWindowDays ?? 15) * DAY)
    : null;
  const canReopen =
    (r.status === 'resolved' || r.status === 'closed') &&
    reopenUntil !== null &&
    reopenUntil.getTime() > Date.now();
  if (r.status !== 'resolved' && !canReopen) return null;

  const act = async (to: 'closed' | 'reopened') => {
    setBusy(true);
    try {
      onChange(await residentApi.transition(r.number, to, to === 'reopened' ? reason.trim() : undefined));
      toast(to === 'closed' ? t('r.fix.thanks') : t('r.fix.reopened'));
      setReopening(false);
    } catch {
      toast(t('r.error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="r-panel r-note" aria-labelledby="r-fixed">
      <h2 id="r-fixed" className="r-h3">
        {r.status === 'resolved' ? t('r.fix.question') : t('r.fix.stillBroken')}
      </h2>
      {r.status === 'resolved' && since && (
        <p className="r-muted">
          {t('r.fix.autoClose', {
            date: formatDate(
              new Date(new Date(since).getTime() + (settings?.autoCloseDays ?? 15) * DAY).toISOString(),
              i18n.language,
              false,
            ),
          })}
        </p>
      )}
      {!reopening ? (
        <div className="r-row">
          {r.status === 'resolved' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act('closed')}>
              {t('r.fix.yes')}
            </button>
          )}
          {canReopen && (
            <button type="button" disabled={busy} onClick={() => setReopening(true)}>
              {t('r.fix.no')}
            </button>
          )}
        </div>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void act('reopened'))}>
          <label htmlFor="r-reason">{t('r.fix.why')}</label>
          <textarea
            id="r-reason"
            rows={3}
            maxLength={2000}
            value={reason}
            required
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="r-row">
            <button type="submit" className="primary" disabled={busy || !reason.trim()}>
              {t('r.fix.reopen')}
            </button>
            <button type="button" onClick={() => setReopening(false)}>
              {t('r.cancel')}
            </button>
          </div>
          {reopenUntil && (
            <p className="r-muted">
              {t('r.fix.until', { date: formatDate(reopenUntil.toISOString(), i18n.language, false) })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

export function Rating({ r, onChange }: { r: ResidentRequest; onChange(r: ResidentRequest): void }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  if (r.status !== 'resolved' && r.status !== 'closed') return null;
  if (r.rating) {
    return (
      <p className="r-ok">
        {t('r.rate.yours')}{' '}
        <span aria-label={t('r.rate.stars', { count: r.rating })}>
          {'★'.repeat(r.rating) + '☆'.repeat(5 - r.rating)}
        </span>
      </p>
    );
  }
  const submit = async () => {
    setBusy(true);
    try {
      await residentApi.feedback(r.number, stars, comment);
      onChange({ ...r, rating: stars, ratingComment: comment });
      toast(t('r.rate.thanks'));
    } catch {
      toast(t('r.error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="r-panel" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <fieldset className="r-stars">
        <legend>{t('r.rate.title')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= stars ? 'on' : ''}>
            <input
              type="radio"
              name="stars"
              value={n}
              className="sr-only"
              checked={stars === n}
              onChange={() => setStars(n)}
            />
            <span aria-hidden="true">★</span>
            <span className="sr-only">{t('r.rate.stars', { count: n })}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="r-rate-comment">{t('r.rate.comment')}</label>
      <textarea
        id="r-rate-comment"
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" className="primary r-wide" disabled={busy || stars === 0}>
        {t('r.rate.send')}
      </button>
    </form>
  );
}
