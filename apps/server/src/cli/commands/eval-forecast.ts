/**
 * `komek eval forecast --input F --time-column C --category-column C [--holdout-weeks 8] [--top 10]`:
 * fits Holt-Winters (weekly season) to each top category's daily volume up to the cut-off,
 * forecasts the held-back weeks once, and prints MAPE per category (daily and weekly) and overall.
 */
import { fitHoltWinters, forecastHoltWinters, mape } from '@komek/domain/analytics/holt-winters';
import { denseSeries } from '@komek/domain/analytics/robust-spikes';
import { parseTime } from '../../modules/import/requests.ts';
import { parseArgs, readCsvRecords, requireFlag } from '../io.ts';

const USAGE =
  'komek eval forecast --input F --time-column C --category-column C [--holdout-weeks 8] [--top 10]';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const file = requireFlag(flags, 'input', USAGE);
  const tCol = requireFlag(flags, 'time-column', USAGE);
  const cCol = requireFlag(flags, 'category-column', USAGE);
  const weeks = Number(flags['holdout-weeks'] ?? 8);
  const top = Number(flags.top ?? 10);
  const counts = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  let lastDay = '';
  for await (const r of readCsvRecords(file)) {
    const t = parseTime(r[tCol] ?? '');
    if (!t) continue;
    const day = t.toISOString().slice(0, 10);
    if (day > lastDay) lastDay = day;
    const c = r[cCol] ?? '';
    let m = counts.get(c);
    if (!m) counts.set(c, (m = new Map()));
    m.set(day, (m.get(day) ?? 0) + 1);
    total.set('*', 0);
    const all = counts.get('\u0000all') ?? new Map<string, number>();
    all.set(day, (all.get(day) ?? 0) + 1);
    counts.set('\u0000all', all);
  }
  const ranked = [...counts.entries()]
    .filter(([k]) => k !== '\u0000all')
    .sort(
      (a, b) => [...b[1].values()].reduce((x, y) => x + y, 0) - [...a[1].values()].reduce((x, y) => x + y, 0),
    );
  const chosen = [
    ['(all requests)', counts.get('\u0000all') as Map<string, number>] as const,
    ...ranked.slice(0, top),
  ];
  const weekly = (xs: number[]): number[] =>
    Array.from({ length: Math.floor(xs.length / 7) }, (_, w) =>
      xs.slice(w * 7, w * 7 + 7).reduce((a, b) => a + b, 0),
    );
  const results: { category: string; mape_daily: number; mape_weekly: number }[] = [];
  for (const [category, days] of chosen) {
    const dense = denseSeries([...days].map(([day, count]) => ({ day, count })));
    // Align the series to end on the data's last day.
    const y = dense.map((d) => d.count);
    const h = weeks * 7;
    if (y.length < h + 28) continue;
    const train = y.slice(0, y.length - h);
    const test = y.slice(y.length - h);
    const f = forecastHoltWinters(fitHoltWinters(train), train.length, h).map((x) => x.value);
    const r = {
      category,
      mape_daily: Math.round(mape(test, f) * 1000) / 1000,
      mape_weekly: Math.round(mape(weekly(test), weekly(f)) * 1000) / 1000,
    };
    results.push(r);
    process.stdout.write(JSON.stringify(r) + '\n');
  }
  const cats = results.filter((r) => r.category !== '(all requests)');
  const avg = (k: 'mape_daily' | 'mape_weekly'): number =>
    Math.round((cats.reduce((a, r) => a + r[k], 0) / Math.max(1, cats.length)) * 1000) / 1000;
  process.stdout.write(
    JSON.stringify({
      summary: {
        holdout_weeks: weeks,
        last_day: lastDay,
        categories: cats.length,
        mean_mape_daily: avg('mape_daily'),
        mean_mape_weekly: avg('mape_weekly'),
      },
    }) + '\n',
  );
}
