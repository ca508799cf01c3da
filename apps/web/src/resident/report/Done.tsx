/** After sending: the number and the expected date, or "saved, it goes out when you are online". */
import { useTranslation } from 'react-i18next';
import type { Sent } from '../drafts.ts';
import { link, navigate } from '../router.ts';
import { formatDate } from '../format.ts';

export default function Done({
  sent,
  signedIn,
  onAnother,
}: {
  sent: Sent | null;
  signedIn: boolean;
  onAnother(): void;
}) {
  const { t, i18n } = useTranslation();
  if (!sent) {
    return (
      <section className="r-panel r-done" aria-labelledby="r-done">
        <h1 id="r-done">{t('r.done.savedTitle')}</h1>
        <p>{t('r.done.savedLead')}</p>
        <a className="r-button" {...link('/')}>
          {t('r.done.home')}
        </a>
      </section>
    );
  }
  return (
    <section className="r-panel r-done" aria-labelledby="r-done">
      <h1 id="r-done">{t('r.done.title')}</h1>
      {sent.number && (
        <p className="r-number" data-testid="request-number">
          {t('r.done.number', { number: sent.number })}
        </p>
      )}
      {sent.dueAt && <p>{t('r.done.due', { date: formatDate(sent.dueAt, i18n.language) })}</p>}
      {signedIn && sent.number ? (
        <button
          type="button"
          className="primary r-wide"
          onClick={() => navigate(`/app/requests/${sent.number}`)}
        >
          {t('r.done.track')}
        </button>
      ) : (
        <>
          <p>{t('r.done.anonymousLead')}</p>
          <button
            type="button"
            className="primary r-wide"
            onClick={() =>
              navigate(
                `/app/signin?next=${encodeURIComponent(sent.number ? `/app/requests/${sent.number}` : '/app/requests')}`,
              )
            }
          >
            {t('r.done.signInToTrack')}
          </button>
        </>
      )}
      <button type="button" className="r-wide" onClick={onAnother}>
        {t('r.done.another')}
      </button>
    </section>
  );
}
