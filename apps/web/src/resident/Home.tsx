/** The start page: one big button to report, the main kinds of problems, and the way to my requests. */
import { useTranslation } from 'react-i18next';
import { tr } from '../shared/api.ts';
import { residentApi } from './api.ts';
import { link, navigate } from './router.ts';
import { setState, useStore } from './store.ts';

export default function Home() {
  const { t, i18n } = useTranslation();
  const { user, categories } = useStore();
  const signOut = async () => {
    await residentApi.logout().catch(() => undefined);
    setState({ user: null });
    localStorage.removeItem('komek.statuses');
  };
  return (
    <>
      <section className="r-hero">
        <h1>{t('r.home.title')}</h1>
        <p>{t('r.home.lead')}</p>
        <button type="button" className="primary r-big" onClick={() => navigate('/app/report')}>
          {t('r.home.report')}
        </button>
      </section>
      {categories.length > 0 && (
        <section aria-labelledby="r-kinds">
          <h2 id="r-kinds">{t('r.home.kinds')}</h2>
          <ul className="r-tiles">
            {categories.map((c) => (
              <li key={c.code}>
                <a {...link(`/app/report?category=${encodeURIComponent(c.code)}`)}>
                  <span className="r-icon" aria-hidden="true">
                    {c.icon ?? '•'}
                  </span>
                  <span>{tr(c.name, i18n.language)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="r-cards">
        <a className="r-card" {...link('/app/requests')}>
          <strong>{t('r.home.mine')}</strong>
          <span>{user ? t('r.home.mineLead') : t('r.home.signInLead')}</span>
        </a>
        <a className="r-card" {...link('/app/map')}>
          <strong>{t('r.home.map')}</strong>
          <span>{t('r.home.mapLead')}</span>
        </a>
      </section>
      {user && (
        <p className="r-center">
          <button type="button" className="r-link" onClick={() => void signOut()}>
            {t('r.signIn.out')}
          </button>
        </p>
      )}
    </>
  );
}
