/** Quiet hours in the city's time zone: SMS and push wait until they end; in-app is immediate. */

/** Minutes after local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return h * 60 + m;
}

/**
 * When a message created at `now` may go out: `now` outside quiet hours, otherwise the end of
 * quiet hours (start/end are minutes after local midnight; start > end wraps past midnight).
 */
export function releaseTime(now: Date, timeZone: string, start: number | null, end: number | null): Date {
  if (start === null || end === null || start === end) return now;
  const cur = localMinutes(now, timeZone);
  const inside = start < end ? cur >= start && cur < end : cur >= start || cur < end;
  if (!inside) return now;
  const wait = (end - cur + 1440) % 1440;
  const out = new Date(now.getTime() + wait * 60_000);
  out.setUTCSeconds(0, 0);
  return out;
}
