/**
 * Public holidays of the Republic of Kazakhstan (Labour Code art. 84 and the Law on holidays):
 * fixed-date days off, moved to the next working day when they fall on a weekend, except the
 * religious ones (Orthodox Christmas, Kurban Ait), which do not move.
 */
import { addDays, weekdayOf } from './time.ts';

const FIXED: readonly string[] = [
  '01-01',
  '01-02',
  '03-08',
  '03-21',
  '03-22',
  '03-23',
  '05-01',
  '05-07',
  '05-09',
  '07-06',
  '08-30',
  '10-25',
  '12-16',
];
const RELIGIOUS_FIXED: readonly string[] = ['01-07'];
/** First day of Kurban Ait (lunar calendar, announced yearly). */
const KURBAN_AIT: Readonly<Record<number, string>> = {
  2024: '2024-06-16',
  2025: '2025-06-06',
  2026: '2026-05-27',
  2027: '2027-05-16',
  2028: '2028-05-05',
  2029: '2029-04-24',
  2030: '2030-04-13',
};

/** Days off ('YYYY-MM-DD') of a year, including weekend transfers. */
export function kazakhstanHolidays(year: number): string[] {
  const days = new Set<string>();
  for (const md of FIXED) {
    const d = `${year}-${md}`;
    days.add(d);
  }
  // A holiday on Saturday or Sunday moves to the next day that is neither a weekend nor a holiday.
  for (const md of FIXED) {
    const d = `${year}-${md}`;
    if (weekdayOf(d) >= 6) {
      let next = addDays(d, 1);
      while (weekdayOf(next) >= 6 || days.has(next)) next = addDays(next, 1);
      days.add(next);
    }
  }
  for (const md of RELIGIOUS_FIXED) days.add(`${year}-${md}`);
  const kurban = KURBAN_AIT[year];
  if (kurban) days.add(kurban);
  return [...days].sort();
}
