/** How a notification looks to its resident. */
import type { NotificationRow } from './repository.ts';

export interface NotificationView {
  id: number;
  number: string | null;
  kind: string;
  title: string;
  body: string;
  url: string;
  readAt: string | null;
  createdAt: string;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

export function presentNotification(n: NotificationRow): NotificationView {
  return {
    id: Number(n.id),
    number: n.request_number,
    kind: n.kind,
    title: n.title,
    body: n.body,
    url: n.request_number ? `/app/requests/${n.request_number}` : '/app/notifications',
    readAt: n.read_at ? iso(n.read_at) : null,
    createdAt: iso(n.created_at),
  };
}
