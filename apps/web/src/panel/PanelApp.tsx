/**
 * The city-services panel (/panel): now (incoming by hour, open and overdue by agency), the period
 * (volume against last year, top and rising topics, SLA by criticality, channels, districts map),
 * seasons, incidents, spikes and the budget backlog. Every chart that names a category, agency,
 * district or criticality clicks through to the console's queue filtered by it.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../console/console.css';
import '../console/strings.ts';
import './strings.ts';
import { api, ApiError, tr, type I18nText, type RequestItem, type User } from '../shared/api.ts';
import { LanguageSelect } from '../shared/LanguageSelect.tsx';
import { useCategories } from '../console/Queue.tsx';
import { dueIn } from '../console/nav.ts';
import { Chart, registerDistricts, type DistrictFeature } from './charts.tsx';
import {
  buildCharts,
  type Alert,
  type Backlog,
  type Breakdown,
  type Incident,
  type Overview,
  type Rising,
  type Season,
  type Series,
  type Today,
} from './model.ts';
import { cityDay, daysBefore } from './dates.ts';

const PERIODS = [1, 7, 30, 90, 365];
const ASTANA = 'Asia/Almaty';
/** Opens the console's queue with these filters (a full navigation: the console is another app). */
const toQueue = (filters: Record<string, string>): void => {
  window.location.assign(`/console?${new URLSearchParams(filters).toString()}`);
};

export default function PanelApp() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const params = new URLSearchParams(window.location.search);
  const [days, setDays] = useState(Number(params.get('days')) || 7);
  const [topic, setTopic] = useState(params.get('topic') ?? '');
  const [ov, setOv] = useState<Overview | null>(null);
  const [now, setNow] = useState<Today | null>(null);
  const [vol, setVol] = useState<{ series: Series; lastYear: Series } | null>(null);
  const [rising, setRising] = useState<Rising[]>([]);
  const [districts, setDistricts] = useState<Breakdown[]>([]);
  const [byAgency, setByAgency] = useState<Breakdown[]>([]);
  const [season, setSeason] = useState<Season | null>(null);
  const [geo, setGeo] = useState<DistrictFeature[]>([]);
  const [agencies, setAgencies] = useState(new Map<string, Partial<I18nText>>());
  const [overdue, setOverdue] = useState<RequestItem[]>([]);
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [backlog, setBacklog] = useState<Backlog[]>([]);
  const [fcr, setFcr] = useState<{ contacts: number; firstContactResolution: number | null } | null>(null);
  const [error, setError] = useState('');
  const cats = useCategories();
  const catName = (c: string): string => tr(cats.get(c)?.name, lang) || c || '—';
  const agencyName = (a: string): string => tr(agencies.get(a), lang) || a || '—';
  const districtName = (d: string | null): string =>
    tr(geo.find((f) => f.properties.code === d)?.properties.name as Partial<I18nText> | undefined, lang) ||
    d ||
    '—';

  useEffect(() => {
    api<{ user: User | null }>('/api/v1/auth/me').then(
      (r) => setUser(r.user?.kind === 'staff' ? r.user : null),
      () => setUser(null),
    );
  }, []);
  // The city's time zone (Astana's until the settings answer), before any date is asked for.
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => {
    api<{ timeZone: string }>('/api/v1/public/settings').then(
      (r) => setTimeZone(r.timeZone),
      () => setTimeZone(ASTANA),
    );
  }, []);
  const to = cityDay(timeZone ?? ASTANA);
  const from = daysBefore(to, days - 1);
  const range = `from=${from}&to=${to}`;
  useEffect(() => {
    if (!user || !timeZone) return;
    const fail = (e: unknown): void => setError(e instanceof ApiError ? e.message : String(e));
    window.history.replaceState(null, '', `/panel?days=${days}${topic ? `&topic=${topic}` : ''}`);
    api<Overview>(`/api/v1/analytics/overview?${range}`).then(setOv, fail);
    api<{ series: Series; lastYear: Series }>(
      `/api/v1/analytics/volume?bucket=${days > 90 ? 'week' : 'day'}&${days < 30 ? `from=${daysBefore(to, 29)}&to=${to}` : range}`,
    ).then(setVol, fail);
    api<{ rows: Rising[] }>(
      `/api/v1/analytics/rising?${days < 30 ? `from=${daysBefore(to, 29)}&to=${to}` : range}`,
    ).then((r) => setRising(r.rows.slice(0, 8)), fail);
    api<{ rows: Breakdown[] }>(`/api/v1/analytics/breakdown?by=district&${range}`).then(
      (r) => setDistricts(r.rows),
      fail,
    );
    api<{ rows: Breakdown[] }>(`/api/v1/analytics/breakdown?by=agency&${range}`).then(
      (r) => setByAgency(r.rows.filter((x) => x.key).slice(0, 10)),
      fail,
    );
  }, [user, days, timeZone]);
  useEffect(() => {
    if (!user) return;
    const quiet = (): void => undefined;
    const load = (): void => {
      api<Today>('/api/v1/analytics/today').then(setNow, quiet);
      api<{ items: RequestItem[] }>('/api/v1/requests?overdue=true&limit=10').then(
        (r) => setOverdue(r.items),
        quiet,
      );
      api<{ items: Incident[] }>('/api/v1/incidents?status=open').then((r) => setIncidents(r.items), quiet);
      api<{ items: Alert[] }>('/api/v1/alerts?status=open').then((r) => setAlerts(r.items), quiet);
    };
    load();
    const timer = setInterval(load, 60_000);
    api<{ contacts: number; firstContactResolution: number | null }>('/api/v1/contacts/summary').then(
      setFcr,
      quiet,
    );
    api<{ rows: Backlog[] }>('/api/v1/analytics/backlog').then((r) => setBacklog(r.rows), quiet);
    api<{ features: DistrictFeature[] }>('/api/v1/districts').then((r) => setGeo(r.features), quiet);
    api<{ items: { code: string; name: Partial<I18nText> }[] }>('/api/v1/agencies').then(
      (r) => setAgencies(new Map(r.items.map((a) => [a.code, a.name]))),
      quiet,
    );
    return () => clearInterval(timer);
  }, [user]);
  // The topic whose seasons are shown: chosen, else the period's top topic.
  const seasonTopic = topic || ov?.topCategories[0]?.category || '';
  useEffect(() => {
    if (!user || !seasonTopic || !timeZone) return;
    api<Season>(
      `/api/v1/analytics/seasonality?category=${encodeURIComponent(seasonTopic)}&from=${daysBefore(to, 729)}&to=${to}`,
    ).then(setSeason, () => setSeason(null));
  }, [user, seasonTopic, timeZone]);

  const charts = useMemo(
    () =>
      buildCharts(
        { now, vol, ov, districts, byAgency, rising, backlog, season },
        { t: (k) => t(k), catName, agencyName, districtName },
        geo.length ? registerDistricts(geo) : '',
      ),
    [now, vol, ov, districts, byAgency, rising, backlog, geo, season, cats, agencies, lang],
  );

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
  const topCats = [...(ov?.topCategories ?? [])].reverse();
  return (
    <div className="console">
      <header className="bar">
        <strong>{t('p_title')}</strong>
        <nav>
          <a href="/console">{t('c_queue')}</a>
        </nav>
        <span className="who">
          {user.name} · {user.role}
        </span>
        <LanguageSelect />
      </header>
      <main className="panel">
        <div className="filters">
          <label>
            {t('p_period')}
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {d === 1 ? t('p_today') : d === 365 ? t('p_year') : t('p_days', { n: d })}
                </option>
              ))}
            </select>
          </label>
          <span className="hint">{t('p_click')}</span>
        </div>
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
                {t('p_requests')} ({ov.range.from} – {ov.range.to})
                {change !== null ? ` · ${t('p_vs_prev', { pct: `${change > 0 ? '+' : ''}${change}` })}` : ''}
              </span>
            </div>
            <div className="card">
              <b>{ov.sameTimeLastYear}</b>
              <span>{t('p_last_year')}</span>
            </div>
            <div className="card">
              <b>{ov.slaCompliance ?? '—'}%</b>
              <span>{t('p_sla')}</span>
            </div>
            <div className="card">
              <b>{ov.avgResolutionHours ?? '—'}</b>
              <span>{t('p_resolution')}</span>
            </div>
            <div className="card">
              <b>{ov.satisfaction ?? '—'}</b>
              <span>{t('p_satisfaction')}</span>
            </div>
            {fcr && (
              <div className="card">
                <b>
                  {fcr.firstContactResolution === null
                    ? '—'
                    : `${Math.round(fcr.firstContactResolution * 100)}%`}
                </b>
                <span>{t('p_fcr', { n: fcr.contacts })}</span>
              </div>
            )}
            {now && (
              <>
                <a className="card" href="/console">
                  <b>{now.open}</b>
                  <span>{t('p_open_now')}</span>
                </a>
                <a className="card warn" href="/console?overdue=true">
                  <b>{now.overdue}</b>
                  <span>{t('p_overdue_now')}</span>
                </a>
                <div className="card">
                  <b>{now.atRisk}</b>
                  <span>{t('p_at_risk')}</span>
                </div>
              </>
            )}
          </section>
        )}
        <div className="grid2">
          <section className="card">
            <h2>{t('p_by_hour')}</h2>
            <Chart option={charts.hourly} label="hourly" />
          </section>
          <section className="card">
            <h2>{t('p_by_agency')}</h2>
            <Chart
              option={charts.agencies}
              label="open by agency"
              onClick={(p) => {
                const a = charts.agenciesOpen[p.dataIndex ?? -1];
                if (a) toQueue({ agency: a.agency, ...(p.seriesIndex === 1 ? { overdue: 'true' } : {}) });
              }}
            />
          </section>
          <section className="card">
            <h2>{t('p_volume')}</h2>
            <Chart option={charts.volume} label="volume" />
          </section>
          <section className="card">
            <h2>{t('p_top')}</h2>
            <Chart
              option={charts.top}
              label="top categories"
              onClick={(p) => {
                const c = topCats[p.dataIndex ?? -1];
                if (c) toQueue({ category: c.category });
              }}
            />
          </section>
          <section className="card">
            <h2>{t('p_density')}</h2>
            {charts.map ? (
              <Chart
                option={charts.map}
                label="districts map"
                height={340}
                onClick={(p) => p.name && toQueue({ district: p.name })}
              />
            ) : (
              <p>{t('p_none')}</p>
            )}
          </section>
          <section className="card">
            <h2>{t('p_sla_by')}</h2>
            <Chart
              option={charts.sla}
              label="resolution time by agency"
              onClick={(p) => {
                const a = charts.agencyRows[p.dataIndex ?? -1];
                if (a) toQueue({ agency: a.key });
              }}
            />
            <table className="queue">
              <tbody>
                {(ov?.byCriticality ?? []).map((c) => (
                  <tr key={c.key}>
                    <td>
                      <a href={`/console?criticality=${c.key}`}>{c.key}</a>
                    </td>
                    <td>{c.requests}</td>
                    <td>{c.slaCompliance ?? '—'}%</td>
                    <td>{c.avgResolutionHours ?? '—'} h</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>{t('p_rising')}</h2>
            <Chart
              option={charts.rising}
              label="rising topics"
              height={220}
              onClick={(p) => {
                const r = charts.risingRows[p.dataIndex ?? -1];
                if (r) toQueue({ category: r.category });
              }}
            />
            <table className="queue">
              <tbody>
                {rising.map((r) => (
                  <tr key={r.category}>
                    <td>
                      <a href={`/console?category=${encodeURIComponent(r.category)}`}>
                        {catName(r.category)}
                      </a>
                    </td>
                    <td>{r.requests}</td>
                    <td className={r.growth === null || r.growth > 0 ? 'up' : ''}>
                      {r.growth === null ? t('p_new_topic') : `${r.growth > 0 ? '+' : ''}${r.growth}%`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>{t('p_channels')}</h2>
            <Chart option={charts.channels} label="channels" height={240} />
          </section>
          <section className="card">
            <h2>{t('p_season')}</h2>
            <label>
              {t('p_category')}
              <select value={seasonTopic} onChange={(e) => setTopic(e.target.value)}>
                {[...cats.values()].map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.parent ? '— ' : ''}
                    {tr(c.name, lang)}
                  </option>
                ))}
              </select>
            </label>
            <h3>{t('p_by_week')}</h3>
            <Chart option={charts.weeks} label="seasonality by week" height={180} />
            <h3>{t('p_by_weekday')}</h3>
            <Chart option={charts.weekdays} label="seasonality by weekday" height={140} />
          </section>
          <section className="card">
            <h2>{t('p_overdue_list')}</h2>
            <table className="queue">
              <tbody>
                {overdue.map((r) => (
                  <tr key={r.number}>
                    <td>
                      <a href={`/console/r/${r.number}`}>{r.number}</a>
                    </td>
                    <td>{catName(r.category ?? '')}</td>
                    <td>{agencyName(r.agency ?? '')}</td>
                    <td className="overdue">{dueIn(r.dueAt).text}</td>
                  </tr>
                ))}
                {!overdue.length && (
                  <tr>
                    <td>{t('p_none')}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>{t('p_incidents')}</h2>
            <table className="queue">
              <tbody>
                {incidents.map((i) => (
                  <tr key={i.id}>
                    <td>{i.title}</td>
                    <td>{catName(i.category ?? '')}</td>
                    <td>{districtName(i.district)}</td>
                    <td>
                      {i.openRequests}/{i.requests}
                    </td>
                  </tr>
                ))}
                {!incidents.length && (
                  <tr>
                    <td>{t('p_none')}</td>
                  </tr>
                )}
              </tbody>
            </table>
            <h2>{t('p_alerts')}</h2>
            <table className="queue">
              <tbody>
                {alerts.map((a) => (
                  <tr key={a.id}>
                    <td>{a.day}</td>
                    <td>
                      <a
                        href={`/console?category=${encodeURIComponent(a.category)}${a.district ? `&district=${a.district}` : ''}`}
                      >
                        {catName(a.category)}
                      </a>
                    </td>
                    <td>{districtName(a.district)}</td>
                    <td>
                      {a.count} ({t('p_expected')} {a.expected})
                    </td>
                  </tr>
                ))}
                {!alerts.length && (
                  <tr>
                    <td>{t('p_none')}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>{t('p_backlog')}</h2>
            <Chart
              option={charts.backlog}
              label="budget backlog"
              height={260}
              onClick={(p) => {
                const b = charts.backlogRows[p.dataIndex ?? -1];
                if (b) toQueue({ category: b.category, status: 'deferred' });
              }}
            />
            <a href="/api/v1/analytics/backlog?format=csv" download>
              {t('p_export')}
            </a>
            <table className="queue">
              <thead>
                <tr>
                  <th>{t('p_planned')}</th>
                  <th>{t('p_category')}</th>
                  <th>{t('p_district')}</th>
                  <th>{t('p_count')}</th>
                  <th>{t('p_repeats')}</th>
                </tr>
              </thead>
              <tbody>
                {backlog.slice(0, 12).map((b) => (
                  <tr key={`${b.plannedYear}-${b.category}-${b.district ?? ''}`}>
                    <td>{b.plannedYear}</td>
                    <td>{catName(b.category)}</td>
                    <td>{districtName(b.district)}</td>
                    <td>{b.requests}</td>
                    <td>{b.repeats}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      </main>
    </div>
  );
}
