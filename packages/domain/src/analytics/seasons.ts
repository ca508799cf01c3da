/**
 * Seasonality of request volume: weekly counts per category (ISO weeks starting on Monday),
 * the "wave" of a set of categories (e.g. snow and ice) with its peak week, and the busiest days.
 * Pure and incremental: feed (day, category) pairs one at a time, so a file of any size streams.
 */

/** The Monday (YYYY-MM-DD) of the ISO week that holds a date. */
export function weekStart(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

/** ISO week number (1–53) of a date. */
export function isoWeek(day: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow + 3); // Thursday of the week
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const fdow = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - fdow + 3);
  return 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

export interface SeasonsReport {
  total: number;
  weekly: { week: string; category: string; count: number }[];
  wave: { categories: string[]; total: number; peakWeek: string | null; peakCount: number };
  busiestDays: { day: string; count: number; weekday: number }[];
  byWeekday: number[];
}

export class SeasonsAccumulator {
  readonly #weekly = new Map<string, Map<string, number>>();
  readonly #daily = new Map<string, number>();
  #total = 0;

  add(day: string, category: string): void {
    this.#total++;
    const w = weekStart(day);
    let m = this.#weekly.get(category);
    if (!m) this.#weekly.set(category, (m = new Map()));
    m.set(w, (m.get(w) ?? 0) + 1);
    this.#daily.set(day, (this.#daily.get(day) ?? 0) + 1);
  }

  /** `isWave` picks the categories of the wave (e.g. /снег|налед|гололед|сосул|snow|ice/i). */
  report(isWave: (category: string) => boolean, topDays = 10): SeasonsReport {
    const weekly: SeasonsReport['weekly'] = [];
    const waveWeeks = new Map<string, number>();
    const waveCats: string[] = [];
    for (const [category, weeks] of [...this.#weekly].sort((a, b) => a[0].localeCompare(b[0]))) {
      const wave = isWave(category);
      if (wave) waveCats.push(category);
      for (const [week, count] of [...weeks].sort((a, b) => a[0].localeCompare(b[0]))) {
        weekly.push({ week, category, count });
        if (wave) waveWeeks.set(week, (waveWeeks.get(week) ?? 0) + count);
      }
    }
    let peakWeek: string | null = null;
    let peakCount = 0;
    let waveTotal = 0;
    for (const [w, n] of waveWeeks) {
      waveTotal += n;
      if (n > peakCount || (n === peakCount && peakWeek !== null && w < peakWeek)) {
        peakWeek = w;
        peakCount = n;
      }
    }
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const [day, n] of this.#daily) byWeekday[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]! += n;
    const busiestDays = [...this.#daily]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, topDays)
      .map(([day, count]) => ({ day, count, weekday: (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 }));
    return {
      total: this.#total,
      weekly,
      wave: { categories: waveCats, total: waveTotal, peakWeek, peakCount },
      busiestDays,
      byWeekday,
    };
  }
}
