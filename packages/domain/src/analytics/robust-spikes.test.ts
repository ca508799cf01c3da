import { describe, expect, it } from 'vitest';
import { detectSpikes, type DayCount } from './robust-spikes.ts';

function weekly(days: number, level: number, weekend: number, seed = 1): DayCount[] {
  let a = seed;
  const noise = (): number => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return (a / 2147483648 - 0.5) * 0.2;
  };
  return Array.from({ length: days }, (_, i) => {
    const t = Date.UTC(2026, 0, 5) + i * 86_400_000; // a Monday
    const wd = new Date(t).getUTCDay();
    const base = wd === 0 || wd === 6 ? weekend : level;
    return { day: new Date(t).toISOString().slice(0, 10), count: Math.round(base * (1 + noise())) };
  });
}

describe('spike detection', () => {
  it('flags exactly the injected 5× day in a weekly-seasonal series', () => {
    const s = weekly(120, 40, 12);
    s[90] = { ...(s[90] as DayCount), count: (s[90] as DayCount).count * 5 };
    expect(detectSpikes(s).map((x) => x.day)).toEqual([(s[90] as DayCount).day]);
  });

  it('stays quiet on ordinary weekends and weeks', () => {
    expect(detectSpikes(weekly(200, 40, 8, 7))).toEqual([]);
  });

  it('does not alert on small counts (0 → 2)', () => {
    const s = weekly(100, 0, 0);
    s[80] = { ...(s[80] as DayCount), count: 2 };
    expect(detectSpikes(s)).toEqual([]);
  });
});
