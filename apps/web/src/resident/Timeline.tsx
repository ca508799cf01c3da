/** The public history of a request: statuses, replies from the city, photos added. */
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from './api.ts';
import { formatDate } from './format.ts';

export default function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  const line = (e: TimelineEvent): { title: string; body: string | null } | null => {
    switch (e.type) {
      case 'created':
        return { title: t('r.timeline.created'), body: null };
      case 'status_changed':
        return { title: t(`r.status.${e.toStatus ?? 'new'}`), body: e.body };
      case 'comment':
        return {
          title: e.actor.kind === 'staff' ? t('r.timeline.reply') : t('r.timeline.you'),
          body: e.body,
        };
      case 'attachment':
        return {
          title: e.actor.kind === 'staff' ? t('r.timeline.fixPhoto') : t('r.timeline.photo'),
          body: null,
        };
      default:
        return null;
    }
  };
  return (
    <ol className="r-timeline">
      {events.map((e) => {
        const l = line(e);
        if (!l) return null;
        return (
          <li key={e.id} className={e.type === 'comment' && e.actor.kind === 'staff' ? 'r-reply' : ''}>
            <time dateTime={e.createdAt}>{formatDate(e.createdAt, i18n.language)}</time>
            <strong>{l.title}</strong>
            {l.body && <p>{l.body}</p>}
          </li>
        );
      })}
    </ol>
  );
}
