/** Dates and statuses in the resident's language. */
import { getState } from './store.ts';

const LOCALE: Record<string, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
// Not every browser ships Kazakh calendar data (it prints "M12 15"): the month names are ours.
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

/** "12 March, 14:00" in the chosen language, in the city's time. */
export function formatDate(iso: string, lang: string, withTime = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const timeZone = getState().settings?.timeZone ?? 'Asia/Almaty';
  const otherYear = d.getFullYear() !== new Date().getFullYear();
  if (lang === 'kk') {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(d)
        .map((x) => [x.type, x.value]),
    );
    const date = `${otherYear ? `${p.year} ж. ` : ''}${Number(p.day)} ${KK_MONTHS[Number(p.month) - 1] ?? ''}`;
    return withTime ? `${date}, ${p.hour}:${p.minute}` : date;
  }
  return new Intl.DateTimeFormat(LOCALE[lang] ?? 'ru-RU', {
    day: 'numeric',
    month: 'long',
    ...(otherYear ? { year: 'numeric' } : {}),
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone,
  }).format(d);
}

/** Statuses grouped for colour: waiting on the city, done, needs the resident, stopped. */
export function statusTone(status: string): 'open' | 'done' | 'you' | 'stop' {
  if (status === 'resolved' || status === 'closed') return 'done';
  if (status === 'waiting_for_resident') return 'you';
  if (status === 'rejected' || status === 'duplicate' || status === 'deferred') return 'stop';
  return 'open';
}
