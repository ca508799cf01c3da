/** Calendar days of the panel's periods, in the city's time zone. */

const DAY = 86_400_000;

/**
 * The city's date at an instant, YYYY-MM-DD. The analytics count by the city's local days, so a
 * period that ended on the browser's (or UTC's) date would drop the city's "today" for five
 * hours every evening in Astana (UTC+5).
 */
export function cityDay(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The day `n` days before a YYYY-MM-DD day. */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
}
