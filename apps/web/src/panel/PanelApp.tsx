/** The city-services panel (/panel): today's and this month's picture from the analytics API, with charts. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import '../console/console.css';
import '../console/strings.ts';
import { api, ApiError, type User } from '../shared/api.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Overview {
  range: { from: string; to: string };
  requests: number;
  previousPeriod: number;
  sameTimeLastYear: number;
  slaCompliance: number | null;
  avgResolutionHours: number | null;
  satisfaction: number | null;
  channels: { channel: string; requests: number }[];
  topCategories: { category: string; requests: number; previous: number }[];
}

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    c.setOption(option);
    const onResize = (): void => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
    };
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ height: 280 }} />;
}

export default function PanelApp() {
  const { t } = useTranslation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [ov, setOv] = useState<Overview | null>(null);
  const [vol, setVol] = useState<{
    series: { period: string; requests: number }[];
    lastYear: { period: string; requests: number }[];
  } | null>(null);
  const [rising, setRising] = useState<
    { category: string; requests: number; previous: number; growth: number | null }[]
  >([]);
  const [alerts, setAlerts] = useState<
    { id: number; day: string; category: string; district: string | null; count: number; expected: number }[]
  >([]);
  const [backlog, setBacklog] = useState<
    { plannedYear: number; category: string; district: string | null; requests: number; repeats: number }[]
  >([]);
  const [error, setError] = useState('');
  const [fcr, setFcr] = useState<{ contacts: number; firstContactResolution: number | null } | null>(null);
  useEffect(() => {
    api<{ user: User | null }>('/api/v1/auth/me').then(
      (r) => setUser(r.user?.kind === 'staff' ? r.user : null),
      () => setUser(null),
    );
  }, []);
  useEffect(() => {
    if (!user) return;
    const from90 = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const fail = (e: unknown): void => setError(e instanceof ApiError ? e.message : String(e));
    api<Overview>('/api/v1/analytics/overview').then(setOv, fail);
    api<NonNullable<typeof fcr>>('/api/v1/contacts/summary').then(setFcr, () => setFcr(null));
    api<typeof vol>(`/api/v1/analytics/volume?bucket=day&from=${from90}`).then(setVol, fail);
    api<{ rows: typeof rising }>(
      '/api/v1/analytics/rising?from=' + new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10),
    ).then((r) => setRising(r.rows.slice(0, 8)), fail);
    api<{ items: typeof alerts }>('/api/v1/alerts?status=open').then(
      (r) => setAlerts(r.items),
      () => undefined,
    );
    api<{ rows: typeof backlog }>('/api/v1/analytics/backlog').then(
      (r) => setBacklog(r.rows.slice(0, 12)),
      () => undefined,
    );
  }, [user]);
  if (user === undefined) return <main className="console loading">…</main>;
  if (!user) {
    return (
      <main className="console">
        <p className="card login">
          <a href="/console">{t('c_signin')}</a>
        </p>
      </main>
    );
  }
  const change =
    ov && ov.previousPeriod
      ? Math.round(((ov.requests - ov.previousPeriod) / ov.previousPeriod) * 100)
      : null;
  return (
    <div className="console">
      <header className="bar">
        <strong>Komek 109 — panel</strong>
        <nav>
          <a href="/console">{t('c_queue')}</a>
        </nav>
        <span className="who">
          {user.name} · {user.role}
        </span>
      </header>
      <main className="panel">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {ov && (
          <section className="kpis" aria-label="KPIs">
            <div className="card">
              <b>{ov.requests}</b>
              <span>
                requests, {ov.range.from} – {ov.range.to}
                {change !== null ? ` (${change > 0 ? '+' : ''}${change}% vs previous)` : ''}
              </span>
            </div>
            <div className="card">
              <b>{ov.slaCompliance ?? '—'}%</b>
              <span>SLA compliance</span>
            </div>
            <div className="card">
              <b>{ov.avgResolutionHours ?? '—'} h</b>
              <span>average resolution</span>
            </div>
            <div className="card">
              <b>{ov.satisfaction ?? '—'}</b>
              <span>satisfaction (1–5)</span>
            </div>
            {fcr && (
              <div className="card">
                <b>
                  {fcr.firstContactResolution === null
                    ? '—'
                    : `${Math.round(fcr.firstContactResolution * 100)}%`}
                </b>
                <span>first-contact resolution ({fcr.contacts} contacts, 7 days)</span>
              </div>
            )}
            <div className="card">
              <b>{ov.sameTimeLastYear}</b>
              <span>same period last year</span>
            </div>
          </section>
        )}
        <div className="grid2">
          {vol && (
            <section className="card">
              <h3>Volume, 90 days</h3>
              <Chart
                label="volume"
                option={{
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: vol.series.map((p) => p.period) },
                  yAxis: { type: 'value' },
                  series: [
                    { type: 'line', name: 'requests', data: vol.series.map((p) => p.requests), smooth: true },
                  ],
                }}
              />
            </section>
          )}
          {ov && (
            <section className="card">
              <h3>Top categories</h3>
              <Chart
                label="top categories"
                option={{
                  tooltip: {},
                  legend: {},
                  grid: { left: 160 },
                  xAxis: { type: 'value' },
                  yAxis: { type: 'category', data: ov.topCategories.map((c) => c.category).reverse() },
                  series: [
                    { type: 'bar', name: 'now', data: ov.topCategories.map((c) => c.requests).reverse() },
                    {
                      type: 'bar',
                      name: 'previous',
                      data: ov.topCategories.map((c) => c.previous).reverse(),
                    },
                  ],
                }}
              />
            </section>
          )}
          <section className="card">
            <h3>Rising topics</h3>
            <table className="queue">
              <tbody>
                {rising.map((r) => (
                  <tr key={r.category}>
                    <td>
                      <a href={`/console?category=${r.category}`}>{r.category}</a>
                    </td>
                    <td>
                      {r.previous} → {r.requests}
                    </td>
                    <td>{r.growth === null ? 'new' : `${r.growth > 0 ? '+' : ''}${r.growth}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h3>Spike alerts</h3>
            {alerts.length ? (
              <ul>
                {alerts.map((a) => (
                  <li key={a.id}>
                    {a.day} ·{' '}
                    <a href={`/console?category=${a.category}${a.district ? `&district=${a.district}` : ''}`}>
                      {a.category}
                    </a>{' '}
                    · {a.district ?? ''} · {a.count} (≈{a.expected})
                  </li>
                ))}
              </ul>
            ) : (
              <p>—</p>
            )}
          </section>
          <section className="card">
            <h3>Budget backlog (deferred)</h3>
            <table className="queue">
              <tbody>
                {backlog.map((b) => (
                  <tr key={`${b.plannedYear}${b.category}${b.district}`}>
                    <td>{b.plannedYear}</td>
                    <td>{b.category}</td>
                    <td>{b.district ?? '—'}</td>
                    <td>{b.requests}</td>
                    <td>{b.repeats} repeats</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <a href="/api/v1/analytics/backlog?format=csv">CSV</a>
          </section>
        </div>
      </main>
    </div>
  );
}
