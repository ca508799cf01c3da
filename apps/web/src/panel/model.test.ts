import { describe, expect, it } from 'vitest';
import {
  backlogByYearAndCategory,
  bands,
  buildCharts,
  short,
  type Backlog,
  type PanelData,
} from './model.ts';

const empty: PanelData = {
  now: null,
  vol: null,
  ov: null,
  districts: [],
  byAgency: [],
  rising: [],
  backlog: [],
  season: null,
};
const namers = {
  t: (k: string) => `«${k}»`,
  catName: (c: string) => `cat:${c}`,
  agencyName: (a: string) => `agency:${a}`,
  districtName: (d: string | null) => `district:${d ?? '—'}`,
};

describe('the panel’s charts', () => {
  it('turn cumulative resolution counts into stacked bands', () => {
    expect(bands({ within24h: 5, within72h: 8, within10d: 12, later: 3 })).toEqual({
      within24h: 5,
      within72h: 3,
      within10d: 4,
      later: 3,
    });
  });

  it('shorten long names with an ellipsis, and leave short ones', () => {
    expect(short('Водоснабжение', 30)).toBe('Водоснабжение');
    expect(short('abcdefghij', 5)).toBe('abcd…');
  });

  it('sum the backlog over districts per year and category, and keep the ten biggest, smallest first', () => {
    const rows: Backlog[] = [
      { plannedYear: 2027, category: 'roads', district: 'almaty', requests: 4, repeats: 1 },
      { plannedYear: 2027, category: 'roads', district: 'esil', requests: 6, repeats: 2 },
      { plannedYear: 2028, category: 'roads', district: 'esil', requests: 1, repeats: 0 },
      ...Array.from({ length: 10 }, (_, i) => ({
        plannedYear: 2027,
        category: `c${i}`,
        district: null,
        requests: 2 + i,
        repeats: 0,
      })),
    ];
    const out = backlogByYearAndCategory(rows);
    expect(out).toHaveLength(10);
    // 2028 roads (1) and c0 (2) are the smallest of twelve groups: dropped.
    expect(out.map((b) => `${b.plannedYear}/${b.category}`)).not.toContain('2028/roads');
    expect(out.at(-1)).toMatchObject({ plannedYear: 2027, category: 'c9', requests: 11 });
    expect(out.find((b) => b.category === 'roads')).toMatchObject({
      requests: 10,
      repeats: 3,
      district: null,
    });
    expect(out.map((b) => b.requests)).toEqual([...out.map((b) => b.requests)].sort((a, b) => a - b));
  });

  it('build every chart from nothing loaded yet, and no map without districts', () => {
    const c = buildCharts(empty, namers, '');
    expect(c.map).toBeNull();
    expect(c.hourly.series).toHaveLength(2);
    expect(c.backlogRows).toEqual([]);
  });

  it('name the rows a click lands on, in the order the bars are drawn', () => {
    const row = (key: string, requests: number) => ({
      key,
      requests,
      slaCompliance: null,
      avgResolutionHours: null,
      resolutionBuckets: { within24h: 1, within72h: 2, within10d: 3, later: 1 },
    });
    const c = buildCharts(
      {
        ...empty,
        byAgency: [row('energy', 9), row('water', 4)],
        districts: [row('esil', 7)],
        rising: [
          { category: 'lifts', requests: 30, growth: 80 },
          { category: 'trees', requests: 12, growth: null },
        ],
      },
      namers,
      'astana-districts',
    );
    // Bars are drawn bottom-up: the rows are reversed, and a click's dataIndex finds the same row.
    expect(c.agencyRows.map((r) => r.key)).toEqual(['water', 'energy']);
    expect((c.sla.yAxis as { data: string[] }).data).toEqual(['agency:water', 'agency:energy']);
    expect(c.risingRows.map((r) => r.category)).toEqual(['trees', 'lifts']);
    // A topic new in the period (no growth figure) is drawn as +100 %.
    expect((c.rising.series as { data: number[] }[])[0]?.data).toEqual([100, 80]);
    expect(c.map).not.toBeNull();
    expect((c.map?.series as { data: unknown[] }[])[0]?.data).toEqual([{ name: 'esil', value: 7 }]);
    expect((c.sla.series as { name: string }[]).map((s) => s.name)).toEqual([
      '«p_within24»',
      '«p_within72»',
      '«p_within10d»',
      '«p_later»',
    ]);
  });
});
