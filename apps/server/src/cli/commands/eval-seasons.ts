/**
 * `komek eval seasons --input F [--time-column created_at] [--category-column category]
 *   [--wave-pattern REGEX] [--top-days 10] [--weekly]`:
 * streams the file (gzip included, one record at a time — memory grows with weeks × categories,
 * not rows) and prints JSON lines: weekly volume per category (with --weekly), the wave of the
 * categories matching --wave-pattern (default snow and ice) with its peak week, the busiest days,
 * the day-of-week profile, then a short table on stderr.
 */
import { SeasonsAccumulator, isoWeek } from '@komek/domain/analytics/seasons';
import { parseTime } from '../../modules/import/requests.ts';
import { parseArgs, readCsvRecords, requireFlag } from '../io.ts';

const USAGE =
  'komek eval seasons --input F [--time-column created_at] [--category-column category] [--wave-pattern REGEX] [--top-days 10] [--weekly]';
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The local day of a timestamp: a naive "YYYY-MM-DD…" is taken as written (city time). */
function dayOf(v: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(v) && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(v)) return v.slice(0, 10);
  const t = parseTime(v);
  return t ? t.toISOString().slice(0, 10) : null;
}

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const file = requireFlag(flags, 'input', USAGE);
  const tCol = flags['time-column'] ?? 'created_at';
  const cCol = flags['category-column'] ?? 'category';
  const wave = new RegExp(
    flags['wave-pattern'] ?? 'снег|налед|налёд|гололед|гололёд|сосул|уборк.*(снег|лед)|snow|ice',
    'i',
  );
  const acc = new SeasonsAccumulator();
  let skipped = 0;
  for await (const r of readCsvRecords(file)) {
    const day = dayOf(r[tCol] ?? '');
    if (!day) {
      skipped++;
      continue;
    }
    acc.add(day, r[cCol] ?? '');
  }
  const rep = acc.report((c) => wave.test(c), Number(flags['top-days'] ?? 10));
  const out = (o: unknown): boolean => process.stdout.write(JSON.stringify(o) + '\n');
  if (flags.weekly === 'true') for (const w of rep.weekly) out({ weekly: w });
  // The wave's own weekly curve (all its categories together), always printed.
  const waveWeeks = new Map<string, number>();
  for (const w of rep.weekly)
    if (rep.wave.categories.includes(w.category))
      waveWeeks.set(w.week, (waveWeeks.get(w.week) ?? 0) + w.count);
  for (const [week, count] of [...waveWeeks].sort((a, b) => a[0].localeCompare(b[0])))
    out({ wave_week: week, iso_week: isoWeek(week), count });
  for (const d of rep.busiestDays) out({ busy_day: d.day, weekday: WEEKDAYS[d.weekday], count: d.count });
  out({
    summary: {
      rows: rep.total,
      skipped,
      categories: new Set(rep.weekly.map((w) => w.category)).size,
      wave_categories: rep.wave.categories,
      wave_total: rep.wave.total,
      wave_peak_week: rep.wave.peakWeek,
      wave_peak_iso_week: rep.wave.peakWeek ? isoWeek(rep.wave.peakWeek) : null,
      wave_peak_count: rep.wave.peakCount,
      busiest_day: rep.busiestDays[0]?.day ?? null,
      by_weekday: Object.fromEntries(rep.byWeekday.map((n, i) => [WEEKDAYS[i], n])),
    },
  });
  const lines = [
    `rows ${rep.total}  wave (${rep.wave.categories.length} categories, ${rep.wave.total} requests) peak week ${rep.wave.peakWeek ?? '-'} (${rep.wave.peakCount})`,
    'busiest days:',
    ...rep.busiestDays.map((d) => `  ${d.day} ${WEEKDAYS[d.weekday]} ${String(d.count).padStart(7)}`),
    'day of week:',
    ...rep.byWeekday.map((n, i) => `  ${WEEKDAYS[i]} ${String(n).padStart(9)}`),
  ];
  process.stderr.write(lines.join('\n') + '\n');
}
