/**
 * What the public may see of a request's words and place: contacts and flat numbers masked,
 * coordinates rounded to about 100 m.
 */
import { maskContacts } from '../privacy/service.ts';

// "кв. 45", "квартира 12", "пәтер 7", "apt 5", "flat 3б" — the word kept, the number hidden.
const FLAT =
  /(?<!\p{L})(кв\.?|квартир[аеуы]?|пәтер\p{L}*|apt\.?|apartment|flat)(\s*№?\s*)\d+\s*[\p{L}]?(?!\p{L})/giu;
// A 12-digit personal number (IIN/BIN) that the phone pattern might leave when written without spaces.
const IIN = /(?<!\d)\d{12}(?!\d)/g;

/** Masks phone numbers, e-mail addresses, personal numbers and flat numbers in free text. */
export function maskPersonal(text: string): string {
  return maskContacts(text.replace(IIN, '[ИИН]')).replace(
    FLAT,
    (_m, word: string, gap: string) => `${word}${gap}[…]`,
  );
}

/** Rounds a coordinate to three decimals (about 110 m north–south, 70 m east–west in Astana). */
export function coarse(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 1000;
}

/** Channels whose residents wrote for a public page; calls and letters are private conversations. */
export const PUBLIC_TEXT_CHANNELS: readonly string[] = ['web', 'app', 'open311'];

/** The public form of a request's text: masked, shortened, and none at all for private channels. */
export function publicText(text: string, channel: string, max = 300): string | null {
  if (!PUBLIC_TEXT_CHANNELS.includes(channel)) return null;
  const masked = maskPersonal(text.trim());
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}
