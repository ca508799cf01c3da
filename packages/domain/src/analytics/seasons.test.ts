import { describe, expect, it } from 'vitest';
import { isoWeek, SeasonsAccumulator, weekStart } from './seasons.ts';

describe('seasons', () => {
  it('weeks start on Monday and ISO week numbers match the calendar', () => {
    expect(weekStart('2021-02-07')).toBe('2021-02-01'); // Sunday → Monday before
    expect(weekStart('2021-02-08')).toBe('2021-02-08');
    expect(isoWeek('2021-01-04')).toBe(1);
    expect(isoWeek('2021-01-03')).toBe(53); // belongs to 2020-W53
    expect(isoWeek('2021-02-10')).toBe(6);
  });

  it('finds the wave peak week among the wave categories only, and the busiest days', () => {
    const acc = new SeasonsAccumulator();
    for (let i = 0; i < 5; i++) acc.add('2021-01-12', 'Снег и наледь');
    for (let i = 0; i < 9; i++) acc.add('2021-02-10', 'Снег и наледь');
    for (let i = 0; i < 30; i++) acc.add('2021-06-01', 'Парадные');
    const r = acc.report((c) => /снег|налед/i.test(c), 2);
    expect(r.total).toBe(44);
    expect(r.wave).toEqual({
      categories: ['Снег и наледь'],
      total: 14,
      peakWeek: '2021-02-08',
      peakCount: 9,
    });
    expect(r.busiestDays).toEqual([
      { day: '2021-06-01', count: 30, weekday: 1 },
      { day: '2021-02-10', count: 9, weekday: 2 },
    ]);
    expect(r.byWeekday[1]).toBe(35);
    expect(r.weekly).toContainEqual({ week: '2021-01-11', category: 'Снег и наледь', count: 5 });
  });
});
