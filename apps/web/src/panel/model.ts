/**
 * The panel's charts as data: what the API answers, turned into ECharts options (pure functions,
 * no React, no ECharts at run time), so that the page only loads and lays them out.
 */
import type { Option } from './charts.tsx';

export interface Breakdown {
  key: string;
  requests: number;
  slaCompliance: number | null;
  avgResolutionHours: number | null;
  /** Null where the split does not keep it (criticality, channel, status rows). */
  resolutionBuckets: Buckets | null;
}
export interface Buckets {
  within24h: number;
  within72h: number;
  within10d: number;
  later: number;
}
export interface Overview {
  range: { from: string; to: string };
  requests: number;
  previousPeriod: number;
  sameTimeLastYear: number;
  slaCompliance: number | null;
  avgResolutionHours: number | null;
  satisfaction: number | null;
  byCriticality: Breakdown[];
  channels: { channel: string; requests: number }[];
  topCategories: { category: string; requests: number; previous: number }[];
}
export interface Today {
  day: string;
  byHour: number[];
  yesterdayByHour: number[];
  open: number;
  overdue: number;
  atRisk: number;
  openByAgency: { agency: string; open: number; overdue: number; atRisk: number }[];
}
export type Series = { period: string; requests: number }[];
export interface Incident {
  id: number;
  category: string | null;
  district: string | null;
  title: string;
  openRequests: number;
  requests: number;
}
export interface Alert {
  id: number;
  day: string;
  category: string;
  district: string | null;
  count: number;
  expected: number;
}
export interface Backlog {
  plannedYear: number;
  category: string;
  district: string | null;
  requests: number;
  repeats: number;
}
export interface Rising {
  category: string;
  requests: number;
  growth: number | null;
}
export interface Season {
  byWeek: { week: number; requests: number }[];
  byWeekday: { weekday: number; requests: number }[];
}

/** The API's resolution counts are cumulative (within 24 h ⊂ within 72 h ⊂ within 10 d): bands for stacking. */
export const bands = (b: Buckets): Buckets => ({
  within24h: b.within24h,
  within72h: b.within72h - b.within24h,
  within10d: b.within10d - b.within72h,
  later: b.later,
});
export const short = (s: string, n = 30): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const RED = '#c62828';
const AMBER = '#ef8f00';
const BRAND = '#0b6b50';
const GREY = '#9aa4ae';

/** The backlog per planned year and category (districts summed): the ten biggest, smallest first (a bar chart's order). */
export function backlogByYearAndCategory(backlog: readonly Backlog[]): Backlog[] {
  const byYearCat = new Map<string, Backlog>();
  for (const b of backlog) {
    const k = `${b.plannedYear}|${b.category}`;
    const acc = byYearCat.get(k) ?? { ...b, district: null, requests: 0, repeats: 0 };
    acc.requests += b.requests;
    acc.repeats += b.repeats;
    byYearCat.set(k, acc);
  }
  return [...byYearCat.values()].sort((a, b) => a.requests - b.requests).slice(-10);
}

/** What the panel has loaded (null or empty until it answers). */
export interface PanelData {
  now: Today | null;
  vol: { series: Series; lastYear: Series } | null;
  ov: Overview | null;
  districts: Breakdown[];
  byAgency: Breakdown[];
  rising: Rising[];
  backlog: Backlog[];
  season: Season | null;
}

/** The words: the translation function and the names of categories, agencies and districts. */
export interface Namers {
  t(key: string): string;
  catName(code: string): string;
  agencyName(code: string): string;
  districtName(code: string | null): string;
}

/** Every chart's option, and the rows behind the clickable ones (a click's dataIndex is a row). */
export function buildCharts(d: PanelData, n: Namers, mapName: string) {
  const { now, vol, ov, districts, byAgency, rising, backlog, season } = d;
  const { t, catName, agencyName, districtName } = n;
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const agenciesOpen = [...(now?.openByAgency ?? [])].slice(0, 12).reverse();
  const agencyRows = [...byAgency].reverse();
  const risingRows = [...rising].reverse();
  const backlogRows = backlogByYearAndCategory(backlog);
  const districtMax = Math.max(1, ...districts.map((d) => d.requests));
  return {
    hourly: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('p_today_s'), t('p_yesterday')] },
      grid: { left: 40, right: 10, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: hours },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('p_today_s'), data: now?.byHour ?? [], itemStyle: { color: BRAND } },
        {
          type: 'line',
          name: t('p_yesterday'),
          data: now?.yesterdayByHour ?? [],
          itemStyle: { color: GREY },
        },
      ],
    } as Option,
    agencies: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('p_open'), t('p_overdue')] },
      grid: { left: 190, right: 20, top: 30, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: agenciesOpen.map((a) => short(agencyName(a.agency))) },
      series: [
        {
          type: 'bar',
          stack: 'open',
          name: t('p_open'),
          data: agenciesOpen.map((a) => a.open - a.overdue),
          itemStyle: { color: BRAND },
        },
        {
          type: 'bar',
          stack: 'open',
          name: t('p_overdue'),
          data: agenciesOpen.map((a) => a.overdue),
          itemStyle: { color: RED },
        },
      ],
    } as Option,
    volume: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('p_now'), t('p_last_year')] },
      grid: { left: 50, right: 10, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: vol?.series.map((p) => p.period) ?? [] },
      yAxis: { type: 'value' },
      series: [
        { type: 'line', name: t('p_now'), data: vol?.series.map((p) => p.requests) ?? [], smooth: true },
        {
          type: 'line',
          name: t('p_last_year'),
          data: vol?.lastYear.map((p) => p.requests) ?? [],
          smooth: true,
          lineStyle: { type: 'dashed' },
          itemStyle: { color: GREY },
        },
      ],
    } as Option,
    top: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('p_now'), t('p_before')] },
      grid: { left: 170, right: 20, top: 30, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: (ov?.topCategories ?? []).map((c) => catName(c.category)).reverse(),
      },
      series: [
        { type: 'bar', name: t('p_now'), data: (ov?.topCategories ?? []).map((c) => c.requests).reverse() },
        {
          type: 'bar',
          name: t('p_before'),
          data: (ov?.topCategories ?? []).map((c) => c.previous).reverse(),
          itemStyle: { color: GREY },
        },
      ],
    } as Option,
    sla: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('p_within24'), t('p_within72'), t('p_within10d'), t('p_later')] },
      grid: { left: 190, right: 20, top: 30, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: agencyRows.map((c) => short(agencyName(c.key))) },
      series: (
        [
          ['p_within24', 'within24h', BRAND],
          ['p_within72', 'within72h', '#4c9a7f'],
          ['p_within10d', 'within10d', AMBER],
          ['p_later', 'later', RED],
        ] as const
      ).map(([name, k, color]) => ({
        type: 'bar',
        stack: 'res',
        name: t(name),
        data: agencyRows.map((c) => (c.resolutionBuckets ? bands(c.resolutionBuckets)[k] : 0)),
        itemStyle: { color },
      })),
    } as Option,
    channels: {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: (ov?.channels ?? []).map((c) => ({ name: c.channel, value: c.requests })),
        },
      ],
    } as Option,
    map: mapName
      ? ({
          tooltip: {
            trigger: 'item',
            formatter: (p: { name: string; value: number }) =>
              `${districtName(p.name)}: ${Number.isFinite(p.value) ? p.value : 0}`,
          },
          visualMap: {
            min: 0,
            max: districtMax,
            right: 10,
            bottom: 10,
            calculable: true,
            inRange: { color: ['#e8f3ee', '#7fbfa5', BRAND, '#063d2d'] },
          },
          series: [
            {
              type: 'map',
              map: mapName,
              roam: false,
              label: { show: true, formatter: (p: { name: string }) => districtName(p.name) },
              data: districts.map((d) => ({ name: d.key, value: d.requests })),
            },
          ],
        } as Option)
      : null,
    weeks: {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 10, bottom: 24 },
      xAxis: { type: 'category', data: (season?.byWeek ?? []).map((w) => String(w.week)) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', data: (season?.byWeek ?? []).map((w) => w.requests), itemStyle: { color: BRAND } },
      ],
    } as Option,
    weekdays: {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 10, bottom: 24 },
      xAxis: { type: 'category', data: (season?.byWeekday ?? []).map((w) => String(w.weekday)) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', data: (season?.byWeekday ?? []).map((w) => w.requests), itemStyle: { color: GREY } },
      ],
    } as Option,
    rising: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 190, right: 30, top: 10, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: risingRows.map((r) => short(catName(r.category))) },
      series: [
        {
          type: 'bar',
          name: t('p_growth'),
          data: risingRows.map((r) => r.growth ?? 100),
          itemStyle: { color: RED },
        },
      ],
    } as Option,
    backlog: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('p_count'), t('p_repeats')] },
      grid: { left: 190, right: 20, top: 30, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: backlogRows.map((b) => short(`${b.plannedYear} · ${catName(b.category)}`)),
      },
      series: [
        {
          type: 'bar',
          stack: 'b',
          name: t('p_count'),
          data: backlogRows.map((b) => b.requests),
          itemStyle: { color: AMBER },
        },
        {
          type: 'bar',
          stack: 'b',
          name: t('p_repeats'),
          data: backlogRows.map((b) => b.repeats),
          itemStyle: { color: RED },
        },
      ],
    } as Option,
    risingRows,
    backlogRows,
    agenciesOpen,
    agencyRows,
  };
}
