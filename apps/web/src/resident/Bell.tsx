/** The bell in the header: how many notifications are unread; opens the list. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residentApi } from './api.ts';
import { onRequests } from './notifications.ts';
import { link } from './router.ts';

/** Fired by the list when it marks notifications read, so the bell updates at once. */
export const UNREAD_EVENT = 'komek:unread';

export default function Bell({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      residentApi
        .notifications(1)
        .then((r) => alive && setUnread(r.unread))
        .catch(() => undefined);
    void refresh();
    // The requests poll (every 30 s while visible) is also when new notifications appear.
    const off = onRequests(() => void refresh());
    const set = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_EVENT, set);
    return () => {
      alive = false;
      off();
      window.removeEventListener(UNREAD_EVENT, set);
    };
  }, [userId]);
  const label = unread > 0 ? t('r.bell.unread', { count: unread }) : t('r.bell.label');
  return (
    <a className="r-bell" {...link('/app/notifications')} aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && <span className="r-bell-count">{unread > 99 ? '99+' : unread}</span>}
    </a>
  );
}
