/** My requests: each in plain language with its expected date; reports still waiting to be sent. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tr } from '../shared/api.ts';
import type { ResidentRequest } from './api.ts';
import { discardDraft, listDrafts, type Draft } from './drafts.ts';
import { formatDate, statusTone } from './format.ts';
import { checkMyRequests, enablePush, lastRequests, onRequests, pushSupported } from './notifications.ts';
import { link } from './router.ts';
import SignIn from './SignIn.tsx';
import { categoryIndex, toast, useStore } from './store.ts';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`r-status r-status-${statusTone(status)}`}>{t(`r.status.${status}`)}</span>;
}

function Pending() {
  const { t } = useTranslation();
  const { pending } = useStore();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  useEffect(() => void listDrafts().then(setDrafts, () => undefined), [pending]);
  if (!drafts.length) return null;
  return (
    <section className="r-panel" aria-labelledby="r-pending">
      <h2 id="r-pending" className="r-h3">
        {t('r.mine.pending')}
      </h2>
      <ul className="r-plain">
        {drafts.map((d) => (
          <li key={d.id} className="r-draft">
            <p>{d.body.text.slice(0, 120)}</p>
            <small>{d.error ? t('r.mine.draftError', { error: d.error }) : t('r.mine.draftWaiting')}</small>
            {d.error && (
              <button type="button" onClick={() => void discardDraft(d.id)}>
                {t('r.mine.discard')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function MyRequests() {
  const { t, i18n } = useTranslation();
  const { user, categories, online } = useStore();
  const index = useMemo(() => categoryIndex(categories), [categories]);
  const [items, setItems] = useState<ResidentRequest[] | null>(lastRequests());
  const [error, setError] = useState(false);

  useEffect(() => {
    if (!user) return;
    const off = onRequests((all) => setItems(all));
    checkMyRequests().then(
      () => setError(false),
      () => setError(true),
    );
    return off;
  }, [user]);

  if (!user) {
    return (
      <>
        <h1>{t('r.mine.title')}</h1>
        <Pending />
        <SignIn next="/app/requests" embedded />
      </>
    );
  }
  const push = async () =>
    toast((await enablePush().catch(() => false)) ? t('r.mine.pushOn') : t('r.mine.pushUnavailable'));
  return (
    <>
      <h1>{t('r.mine.title')}</h1>
      <Pending />
      {error && !items && <p className="error">{online ? t('r.error.network') : t('r.offline')}</p>}
      {items && items.length === 0 && (
        <p>
          {t('r.mine.empty')} <a {...link('/app/report')}>{t('r.home.report')}</a>
        </p>
      )}
      <ul className="r-list">
        {(items ?? []).map((r) => {
          const c = r.category ? index.get(r.category) : undefined;
          const open = !['resolved', 'closed', 'rejected', 'duplicate'].includes(r.status);
          return (
            <li key={r.number}>
              <a className="r-item" {...link(`/app/requests/${r.number}`)}>
                <span className="r-icon" aria-hidden="true">
                  {c?.icon ?? '•'}
                </span>
                <span className="r-item-body">
                  <strong>{c ? tr(c.name, i18n.language) : t('r.mine.noCategory')}</strong>
                  <small>
                    № {r.number} · {formatDate(r.createdAt, i18n.language, false)}
                  </small>
                  <span>
                    <StatusBadge status={r.status} />
                  </span>
                  {open && (
                    <small>{t('r.mine.expected', { date: formatDate(r.dueAt, i18n.language) })}</small>
                  )}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      {pushSupported() && (
        <p className="r-center">
          <button type="button" onClick={() => void push()}>
            <span aria-hidden="true">🔔</span> {t('r.mine.push')}
          </button>
        </p>
      )}
    </>
  );
}
