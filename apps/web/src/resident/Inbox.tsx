/** In-app notifications and notification settings (lazy chunk: /app/notifications[/settings]). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { formatDate } from './format.ts';
import { enablePush, pushSupported, refreshUnread } from './notifications.ts';
import { link } from './router.ts';
import SignIn from './SignIn.tsx';
import { toast, useStore } from './store.ts';

interface Item {
  id: number;
  kind: string;
  number: string | null;
  body: string;
  read: boolean;
  createdAt: string;
}
type Channel = 'sms' | 'email' | 'push' | 'inapp';
interface Prefs {
  channels: Record<Channel, boolean>;
  email: string | null;
  quietHours: { start: string; end: string } | null;
  pushSubscribed: boolean;
  timeZone: string;
}

function List() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Item[] | null>(null);
  useEffect(() => {
    api<{ items: Item[] }>('/api/v1/me/notifications?limit=50').then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);
  const readAll = async () => {
    await api('/api/v1/me/notifications/read', { body: {} });
    setItems((xs) => xs?.map((x) => ({ ...x, read: true })) ?? null);
    void refreshUnread();
  };
  if (!items)
    return (
      <p className="loading" role="status">
        {t('r.loading')}
      </p>
    );
  return (
    <section aria-labelledby="r-notif">
      <h1 id="r-notif">{t('r.notif.title')}</h1>
      <p>
        <a className="r-button" {...link('/app/notifications/settings')}>
          {t('r.notif.settings')}
        </a>{' '}
        {items.some((x) => !x.read) && (
          <button type="button" className="r-button" onClick={() => void readAll()}>
            {t('r.notif.readAll')}
          </button>
        )}
      </p>
      {items.length === 0 ? (
        <p>{t('r.notif.empty')}</p>
      ) : (
        <ul className="r-cards r-plain">
          {items.map((x) => (
            <li key={x.id} className="r-card" data-unread={!x.read || undefined}>
              {!x.read && <strong>{t('r.notif.new')}</strong>}
              <p>{x.body}</p>
              <span>{formatDate(x.createdAt, i18n.language)}</span>{' '}
              {x.number && <a {...link(`/app/requests/${x.number}`)}>{x.number}</a>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Settings() {
  const { t } = useTranslation();
  const [p, setP] = useState<Prefs | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Prefs>('/api/v1/me/notification-preferences').then(setP, () => setError(t('r.error.network')));
  }, [t]);
  if (!p)
    return error ? (
      <p role="alert">{error}</p>
    ) : (
      <p className="loading" role="status">
        {t('r.loading')}
      </p>
    );
  const toggle = (c: Channel) => setP({ ...p, channels: { ...p.channels, [c]: !p.channels[c] } });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const body = { channels: p.channels, email: p.email?.trim() || null, quietHours: p.quietHours };
      setP(await api<Prefs>('/api/v1/me/notification-preferences', { method: 'PUT', body }));
      toast(t('r.notif.saved'));
    } catch (err) {
      setError((err as Error).message || t('r.error.network'));
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="r-notif-settings">
      <h1 id="r-notif-settings">{t('r.notif.settings')}</h1>
      <fieldset>
        <legend>{t('r.notif.channels')}</legend>
        {(['inapp', 'sms', 'push', 'email'] as const).map((c) => (
          <label key={c} className="r-check">
            <input type="checkbox" checked={p.channels[c]} onChange={() => toggle(c)} />{' '}
            {t(`r.notif.ch.${c}`)}
          </label>
        ))}
      </fieldset>
      {p.channels.email && (
        <label>
          {t('r.notif.email')}
          <input
            type="email"
            required
            value={p.email ?? ''}
            onChange={(e) => setP({ ...p, email: e.target.value })}
            autoComplete="email"
          />
        </label>
      )}
      {p.channels.push && !p.pushSubscribed && pushSupported() && (
        <p>
          <button
            type="button"
            className="r-button"
            onClick={() => void enablePush().then((ok) => ok && setP({ ...p, pushSubscribed: true }))}
          >
            {t('r.notif.enablePush')}
          </button>
        </p>
      )}
      <fieldset>
        <legend>{t('r.notif.quiet')}</legend>
        <label className="r-check">
          <input
            type="checkbox"
            checked={p.quietHours !== null}
            onChange={() =>
              setP({ ...p, quietHours: p.quietHours ? null : { start: '22:00', end: '08:00' } })
            }
          />{' '}
          {t('r.notif.quietOn')}
        </label>
        {p.quietHours && (
          <p>
            <label>
              {t('r.notif.from')}{' '}
              <input
                type="time"
                required
                value={p.quietHours.start}
                onChange={(e) =>
                  setP({ ...p, quietHours: { start: e.target.value, end: p.quietHours?.end ?? '08:00' } })
                }
              />
            </label>{' '}
            <label>
              {t('r.notif.to')}{' '}
              <input
                type="time"
                required
                value={p.quietHours.end}
                onChange={(e) =>
                  setP({ ...p, quietHours: { start: p.quietHours?.start ?? '22:00', end: e.target.value } })
                }
              />
            </label>
          </p>
        )}
        <small>{t('r.notif.quietHint', { tz: p.timeZone })}</small>
      </fieldset>
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="r-button">
        {t('r.notif.save')}
      </button>
    </form>
  );
}

export default function Inbox({ settings }: { settings: boolean }) {
  const s = useStore();
  if (!s.user) return <SignIn next={settings ? '/app/notifications/settings' : '/app/notifications'} />;
  return settings ? <Settings /> : <List />;
}
