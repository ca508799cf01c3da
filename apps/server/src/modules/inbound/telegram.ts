/** A Telegram bot's webhook (Bot API Update): text or caption, and a shared location. */
import { badRequest } from '../../errors.ts';
import type { InboundAdapter } from './adapter.ts';

interface Update {
  update_id?: number;
  message?: {
    message_id?: number;
    chat?: { id?: number | string };
    from?: { language_code?: string };
    text?: string;
    caption?: string;
    location?: { latitude?: number; longitude?: number };
  };
}

export const telegramAdapter: InboundAdapter = {
  provider: 'telegram',
  replyChannel: 'messenger',
  async parse(body) {
    const u = (typeof body === 'object' && body !== null ? body : null) as Update | null;
    if (!u || typeof u.update_id !== 'number') throw badRequest('not a Telegram update');
    const m = u.message;
    // Other updates (edits, joins, callbacks) are acknowledged and ignored.
    if (!m || m.message_id === undefined || m.chat?.id === undefined) return null;
    const text = (m.text ?? m.caption ?? '').trim();
    if (!text || text.startsWith('/')) return null; // /start and other commands are not complaints
    const loc = m.location;
    const lang = m.from?.language_code?.slice(0, 2);
    return {
      channel: 'messenger',
      externalId: `${m.chat.id}:${m.message_id}`,
      replyTo: String(m.chat.id),
      text: text.slice(0, 5000),
      ...(typeof loc?.latitude === 'number' && typeof loc.longitude === 'number'
        ? { lat: loc.latitude, lon: loc.longitude }
        : {}),
      ...(lang === 'kk' || lang === 'ru' || lang === 'en' ? { lang } : {}),
    };
  },
};
