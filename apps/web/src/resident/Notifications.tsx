/** The resident's notifications (lazy-loaded): newest first; opening the page marks them read. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residentApi, type AppNotification } from './api.ts';
import { UNREAD_EVENT } from './Bell.tsx';
import { enablePush, pushSupported } from './notifications.ts';
import { link } from './router.ts';

export default function Notifications() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [push, setPush] = useState<'idle' | 'on' | 'off'>(
    pushSupported() && Notification.permission === 'granted' ? 'on' : 'idle',
  );

  useEffect(() => {
    let alive = true;
    residentApi
      .notifications(50)
      .then(async (r) => {
        if (!alive) return;
        setItems(r.items);
        if (r.unread > 0) {
          const left = await residentApi.readNotifications({ all: true });
          window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: left.unread }));
        }
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
  }, []);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section className="r-notifications">
      <h1>{t('r.bell.title')}</h1>
      {pushSupported() && push !== 'on' && (
        <p>
          <button type="button" onClick={() => void enablePush().then((ok) => setPush(ok ? 'on' : 'off'))}>
            {t('r.bell.enablePush')}
          </button>
          {push === 'off' && <span role="status"> {t('r.bell.pushRefused')}</span>}
        </p>
      )}
      {failed && <p role="alert">{t('r.error.network')}</p>}
      {!items && !failed && <p role="status">{t('r.loading')}</p>}
      {items?.length === 0 && <p>{t('r.bell.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="r-notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'unread'}>
              <a {...link(n.url)}>
                <strong>{n.title}</strong>
                <span>{n.body}</span>
                <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
