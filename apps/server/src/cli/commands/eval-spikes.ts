/**
 * `komek eval spikes --input F --time-column C --category-column C [--district-column C] [--threshold 4]`:
 * daily counts per category (× district), the robust same-weekday baseline, and the flagged
 * (day, category, district, score) rows as JSON lines, then a summary line with flags per month.
 */
import { detectSpikes, type DayCount } from '@komek/domain/analytics/robust-spikes';
import { parseTime } from '../../modules/import/requests.ts';
import { parseArgs, readCsvRecords, requireFlag } from '../io.ts';

const USAGE =
  'komek eval spikes --input F --time-column C --category-column C [--district-column C] [--threshold 4] [--min-count 8]';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const file = requireFlag(flags, 'input', USAGE);
  const tCol = requireFlag(flags, 'time-column', USAGE);
  const cCol = requireFlag(flags, 'category-column', USAGE);
  const dCol = flags['district-column'];
  const series = new Map<string, Map<string, number>>();
  for await (const r of readCsvRecords(file)) {
    const t = parseTime(r[tCol] ?? '');
    if (!t) continue;
    const key = `${r[cCol] ?? ''}\u0000${dCol ? (r[dCol] ?? '') : ''}`;
    const day = t.toISOString().slice(0, 10);
    let m = series.get(key);
    if (!m) series.set(key, (m = new Map()));
    m.set(day, (m.get(day) ?? 0) + 1);
  }
  const opts = { threshold: Number(flags.threshold ?? 4), minCount: Number(flags['min-count'] ?? 8) };
  const byMonth: Record<string, number> = {};
  let flagged = 0;
  for (const [key, days] of series) {
    const [category, district] = key.split('\u0000') as [string, string];
    const s: DayCount[] = [...days].map(([day, count]) => ({ day, count }));
    for (const x of detectSpikes(s, opts)) {
      flagged++;
      byMonth[x.day.slice(0, 7)] = (byMonth[x.day.slice(0, 7)] ?? 0) + 1;
      process.stdout.write(
        JSON.stringify({
          day: x.day,
          category,
          ...(dCol ? { district } : {}),
          score: x.score,
          count: x.count,
          expected: x.expected,
        }) + '\n',
      );
    }
  }
  const months = Object.fromEntries(Object.entries(byMonth).sort());
  process.stdout.write(
    JSON.stringify({ summary: { series: series.size, flagged, flagged_by_month: months } }) + '\n',
  );
}
