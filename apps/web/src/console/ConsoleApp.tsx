/** The operator console (/console): sign-in, the queue, a request's page, intake for a phone call, the map, admin pages. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './strings.ts';
import './console.css';
import { api, ApiError, type User } from '../shared/api.ts';
import { LanguageSelect } from '../shared/LanguageSelect.tsx';
import { go, useLocation } from './nav.ts';
import Queue from './Queue.tsx';
import RequestView from './RequestView.tsx';
import Intake from './Intake.tsx';
import { CallPopup } from './CallerCard.tsx';
import { useLive } from './live.ts';
import { EmergencyBanner } from '../shared/EmergencyBanner.tsx';

const KbEditor = lazy(() => import('./KbEditor.tsx'));
const AdminRules = lazy(() => import('./AdminRules.tsx'));
const Modes = lazy(() => import('./Modes.tsx'));
const AdminPages = lazy(() => import('./admin/AdminPages.tsx'));
const MapPage = lazy(() => import('./map/MapPage.tsx'));
const KB_EDITORS = ['supervisor', 'admin'];

function Login({ onDone }: { onDone: (u: User) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      className="card login"
      onSubmit={(e) => {
        e.preventDefault();
        api<{ user: User }>('/api/v1/auth/login', { body: { login, password } })
          .then((r) => onDone(r.user))
          .catch((err: unknown) => setError(err instanceof ApiError ? err.message : String(err)));
      }}
    >
      <h1>{t('c_title')}</h1>
      <label htmlFor="login">{t('c_login')}</label>
      <input
        id="login"
        autoFocus
        value={login}
        onChange={(e) => setLogin(e.target.value)}
        autoComplete="username"
      />
      <label htmlFor="password">{t('c_password')}</label>
      <input
        id="password"
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="primary" type="submit">
        {t('c_signin')}
      </button>
    </form>
  );
}

/** The emergency banner, refreshed at once when a supervisor changes the mode (a live event). */
function ConsoleBanner() {
  const [key, setKey] = useState(0);
  useLive((e) => {
    if (e.type === 'mode.changed') setKey((k) => k + 1);
  });
  return <EmergencyBanner refreshKey={key} />;
}

export default function ConsoleApp() {
  const { t } = useTranslation();
  const { path, query } = useLocation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    api<{ user: User | null }>('/api/v1/auth/me').then(
      (r) => setUser(r.user?.kind === 'staff' ? r.user : null),
      () => setUser(null),
    );
  }, []);
  const signOut = useCallback(() => {
    void api('/api/v1/auth/logout', { method: 'POST' }).finally(() => setUser(null));
  }, []);
  if (user === undefined) return <main className="console loading">…</main>;
  if (!user)
    return (
      <main className="console">
        <Login onDone={setUser} />
      </main>
    );
  const m = /^\/console\/r\/([0-9A-Z]+-\d{4}-\d+)$/.exec(path);
  return (
    <div className="console">
      <header className="bar">
        <strong>Komek 109</strong>
        <nav>
          <a
            href="/console"
            onClick={(e) => {
              e.preventDefault();
              go('/console');
            }}
          >
            {t('c_queue')}
          </a>
          <a
            href="/console/new"
            onClick={(e) => {
              e.preventDefault();
              go('/console/new');
            }}
          >
            {t('c_newcall')}
          </a>
          <a
            href="/console/map"
            onClick={(e) => {
              e.preventDefault();
              go('/console/map');
            }}
          >
            {t('c_map')}
          </a>
          {KB_EDITORS.includes(user.role ?? '') && (
            <a
              href="/console/kb"
              onClick={(e) => {
                e.preventDefault();
                go('/console/kb');
              }}
            >
              {t('c_kb')}
            </a>
          )}
          {KB_EDITORS.includes(user.role ?? '') && (
            <a
              href="/console/modes"
              onClick={(e) => {
                e.preventDefault();
                go('/console/modes');
              }}
            >
              {t('c_modes')}
            </a>
          )}
          {user.role === 'admin' && (
            <a
              href="/console/admin/rules"
              onClick={(e) => {
                e.preventDefault();
                go('/console/admin/rules');
              }}
            >
              {t('c_rules')}
            </a>
          )}
          {user.role === 'admin' && (
            <a
              href="/console/admin/categories"
              onClick={(e) => {
                e.preventDefault();
                go('/console/admin/categories');
              }}
            >
              {t('c_admin')}
            </a>
          )}
          <a href="/panel">Panel</a>
        </nav>
        <span className="who">
          {user.name} · {user.role}
          {user.agencyCode ? ` · ${user.agencyCode}` : ''}
        </span>
        <LanguageSelect />
        <button onClick={signOut}>{t('c_signout')}</button>
      </header>
      <ConsoleBanner />
      <CallPopup />
      <main>
        {m?.[1] ? (
          <RequestView number={m[1]} user={user} />
        ) : path === '/console/new' ? (
          <Intake key={query.toString()} query={query} />
        ) : path === '/console/modes' ? (
          <Suspense fallback={<p>…</p>}>
            <Modes />
          </Suspense>
        ) : path === '/console/admin/rules' ? (
          <Suspense fallback={<p>…</p>}>
            <AdminRules />
          </Suspense>
        ) : path === '/console/map' ? (
          <Suspense fallback={<p>…</p>}>
            <MapPage query={query} user={user} />
          </Suspense>
        ) : path.startsWith('/console/admin/') && user.role === 'admin' ? (
          <Suspense fallback={<p>…</p>}>
            <AdminPages page={path.slice('/console/admin/'.length)} />
          </Suspense>
        ) : path.startsWith('/console/kb') ? (
          <Suspense fallback={<p>…</p>}>
            <KbEditor path={path} />
          </Suspense>
        ) : (
          <Queue query={query} />
        )}
      </main>
    </div>
  );
}
