/**
 * Spike detection on daily counts: the expected count for a day is the median of the same
 * weekday over the previous `weeks` weeks, scaled by the recent level (median of the last 28
 * days against the median of the weekday baseline window), and the spread is the MAD of those
 * same-weekday counts. Medians make the baseline robust to holidays and to earlier spikes.
 * A day is flagged when its count is far above what was expected (robust z-score) and large
 * enough to matter.
 */

export interface DayCount {
  day: string;
  count: number;
}

export interface SpikeOptions {
  /** Same-weekday history used for the baseline (default 6 weeks). */
  weeks?: number;
  /** Robust z-score that flags a day (default 4). */
  threshold?: number;
  /** Smallest count that can be a spike (default 8). */
  minCount?: number;
  /** The count must also be this many times the expected one (default 2). */
  minRatio?: number;
}

export interface Spike {
  day: string;
  count: number;
  expected: number;
  score: number;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Fills missing days with zeros between the first and last day. */
export function denseSeries(series: readonly DayCount[]): DayCount[] {
  if (!series.length) return [];
  const byDay = new Map(series.map((d) => [d.day, d.count]));
  const sorted = [...byDay.keys()].sort();
  const out: DayCount[] = [];
  const start = Date.parse((sorted[0] as string) + 'T00:00:00Z');
  const end = Date.parse((sorted[sorted.length - 1] as string) + 'T00:00:00Z');
  for (let t = start; t <= end; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, count: byDay.get(day) ?? 0 });
  }
  return out;
}

/** Scores one day against the history before it (history: dense, oldest first, ending the day before). */
export function scoreDay(
  history: readonly DayCount[],
  count: number,
  o: SpikeOptions = {},
  fractionOfDay = 1,
): { expected: number; score: number } {
  const weeks = o.weeks ?? 6;
  const same: number[] = [];
  for (let w = 1; w <= weeks; w++) {
    const d = history[history.length - 7 * w];
    if (d) same.push(d.count);
  }
  const expected = median(same) * fractionOfDay;
  const mad = median(same.map((x) => Math.abs(x - median(same)))) * fractionOfDay;
  // 1.4826 × MAD estimates σ; a floor of √expected (Poisson) keeps quiet series from alerting on noise.
  const sigma = Math.max(1.4826 * mad, Math.sqrt(Math.max(expected, 1)));
  return { expected, score: (count - expected) / sigma };
}

/** The flagged days of a series. */
export function detectSpikes(series: readonly DayCount[], o: SpikeOptions = {}): Spike[] {
  const dense = denseSeries(series);
  const out: Spike[] = [];
  const weeks = o.weeks ?? 6;
  for (let i = 7 * weeks; i < dense.length; i++) {
    const d = dense[i] as DayCount;
    const { expected, score } = scoreDay(dense.slice(0, i), d.count, o);
    if (
      score >= (o.threshold ?? 4) &&
      d.count >= (o.minCount ?? 8) &&
      d.count >= (o.minRatio ?? 2) * Math.max(expected, 1)
    ) {
      out.push({
        day: d.day,
        count: d.count,
        expected: Math.round(expected * 10) / 10,
        score: Math.round(score * 10) / 10,
      });
    }
  }
  return out;
}
