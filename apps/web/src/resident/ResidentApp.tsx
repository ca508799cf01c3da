/** The resident app (/ and /app/*): report a problem, follow my requests, the public map. Small enough for a cheap phone. */
import { EmergencyBanner } from '../shared/EmergencyBanner.tsx';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n.ts';
import './resident.css';
import { LANGS, setLang, type Lang } from '../shared/i18n.ts';
import { claimAll, onSent, syncDrafts } from './drafts.ts';
import Home from './Home.tsx';
import MyRequests from './MyRequests.tsx';
import { checkMyRequests, onRequests, onUnread, startPolling } from './notifications.ts';
import ReportPage from './report/ReportPage.tsx';
import RequestPage from './RequestPage.tsx';
import { link, useLocation } from './router.ts';
import SignIn from './SignIn.tsx';
import { refreshBasics, setState, toast, useStore } from './store.ts';
import { registerServiceWorker } from './sw-register.ts';

const PublicMap = lazy(() => import('./PublicMap.tsx'));
const OpenData = lazy(() => import('./OpenData.tsx'));
const Inbox = lazy(() => import('./Inbox.tsx'));

const LANG_LABEL: Record<Lang, string> = { kk: 'Қаз', ru: 'Рус', en: 'Eng' };

function page(path: string, query: URLSearchParams): ReactNode {
  if (path === '/' || path === '/app') return <Home />;
  if (path === '/app/report') return <ReportPage initialCategory={query.get('category')} />;
  if (path === '/app/signin') return <SignIn next={query.get('next') ?? '/app/requests'} />;
  if (path === '/app/requests') return <MyRequests />;
  const m = /^\/app\/requests\/([0-9A-Z]+-\d{4}-\d+)$/.exec(path);
  if (m?.[1]) return <RequestPage number={m[1]} />;
  if (path === '/app/map') return <PublicMap />;
  if (path === '/app/open-data') return <OpenData />;
  if (path === '/app/notifications' || path === '/app/notifications/settings')
    return <Inbox settings={path.endsWith('/settings')} />;
  return <Home />;
}

export default function ResidentApp() {
  const { t, i18n } = useTranslation();
  const s = useStore();
  const { path, query } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => onUnread(setUnread), []);

  useEffect(() => {
    void refreshBasics().then(() => void syncDrafts());
    registerServiceWorker();
    const online = () => {
      setState({ online: true });
      void refreshBasics();
      void syncDrafts();
    };
    const offline = () => setState({ online: false });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Drafts also retry on a timer: "online" events are not reliable on every phone.
    const retry = setInterval(() => void syncDrafts(), 20_000);
    const stopPolling = startPolling();
    const offSent = onSent((x) => toast(t('r.toast.sent', { number: x.number })));
    const offRequests = onRequests((_all, changed) => {
      for (const r of changed)
        toast(t('r.toast.status', { number: r.number, status: t(`r.status.${r.status}`) }));
    });
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(retry);
      stopPolling();
      offSent();
      offRequests();
    };
  }, [t]);

  // A resident already signed in (a saved session): claim what is left and learn the statuses.
  const userId = s.user?.id;
  useEffect(() => {
    if (userId === undefined) return;
    claimAll()
      .then((n) => {
        if (n > 0) toast(t('r.toast.claimed', { count: n }));
        return checkMyRequests();
      })
      .catch(() => undefined);
  }, [userId, t]);

  const nav = [
    { to: '/app/report', label: t('r.nav.report') },
    { to: '/app/requests', label: t('r.nav.mine') },
    { to: '/app/map', label: t('r.nav.map') },
  ];
  return (
    <div className="r-app">
      <a className="r-skip" href="#main">
        {t('r.nav.skip')}
      </a>
      <header className="r-header">
        <a className="r-logo" {...link('/')} aria-label={t('r.nav.home')}>
          <img src="/icon.svg" alt="" width="32" height="32" />
          <span>Komek 109</span>
        </a>
        {s.user && (
          <a
            className="r-bell"
            {...link('/app/notifications')}
            aria-label={t('r.notif.bell', { count: unread })}
          >
            <span aria-hidden="true">🔔</span>
            {unread > 0 && (
              <span className="r-bell-count" aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </a>
        )}
        <div className="r-langs" role="group" aria-label={t('r.nav.language')}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={i18n.language === l}
              onClick={() => setLang(l)}
            >
              {LANG_LABEL[l]}
            </button>
          ))}
        </div>
      </header>
      <EmergencyBanner />
      <nav className="r-nav" aria-label={t('r.nav.main')}>
        {nav.map((n) => (
          <a key={n.to} {...link(n.to)} aria-current={path.startsWith(n.to) ? 'page' : undefined}>
            {n.label}
          </a>
        ))}
      </nav>
      {!s.online && (
        <p className="r-banner r-banner-offline" role="status">
          {t('r.offline')}
        </p>
      )}
      {s.pending > 0 && (
        <p className="r-banner" role="status">
          {t('r.pending', { count: s.pending })}
        </p>
      )}
      <main id="main" className="r-main">
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('r.loading')}
            </p>
          }
        >
          {page(path, query)}
        </Suspense>
      </main>
      <footer className="r-footer">
        <a {...link('/app/open-data')}>{t('r.open.link')}</a>
      </footer>
      <div className="r-toast" role="status" aria-live="polite">
        {s.toast}
      </div>
    </div>
  );
}
