/** Open data (/app/open-data): the city's 311 statistics for anyone, and the anonymised files to download. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, tr } from '../shared/api.ts';
import { categoryIndex, useStore } from './store.ts';

interface Row {
  month: string;
  category: string;
  district: string;
  requests: number;
  resolved: number;
  slaMet: number;
  slaBreached: number;
}

export default function OpenData() {
  const { t, i18n } = useTranslation();
  const { categories } = useStore();
  const index = useMemo(() => categoryIndex(categories), [categories]);
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    api<{ rows: Row[] }>('/api/v1/open-data/monthly').then(
      (r) => setRows(r.rows),
      () => setRows([]),
    );
  }, []);
  const months = useMemo(() => {
    const m = new Map<string, { requests: number; met: number; breached: number }>();
    for (const r of rows ?? []) {
      const x = m.get(r.month) ?? { requests: 0, met: 0, breached: 0 };
      x.requests += r.requests;
      x.met += r.slaMet;
      x.breached += r.slaBreached;
      m.set(r.month, x);
    }
    return [...m].sort((a, b) => b[0].localeCompare(a[0]));
  }, [rows]);
  const top = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of rows ?? []) if (r.category) m.set(r.category, (m.get(r.category) ?? 0) + r.requests);
    return [...m].sort((a, b) => b[1] - a[1]).slice(0, 10);
  }, [rows]);
  const pct = (a: number, b: number): string => (a + b ? `${Math.round((a / (a + b)) * 100)}%` : '—');
  return (
    <section className="r-page">
      <h1>{t('r.open.title')}</h1>
      <p>{t('r.open.intro')}</p>
      <ul className="r-plain">
        <li>
          <a href="/api/v1/open-data/monthly?format=csv" download>
            {t('r.open.monthly')} (CSV)
          </a>
        </li>
        <li>
          {t('r.open.requests')}:{' '}
          <a href="/api/v1/open-data/requests?format=csv" download>
            CSV
          </a>{' '}
          ·{' '}
          <a href="/api/v1/open-data/requests?format=xlsx" download>
            XLSX
          </a>
        </li>
      </ul>
      {rows === null ? (
        <p role="status">{t('r.loading')}</p>
      ) : (
        <>
          <h2 className="r-h3">{t('r.open.byMonth')}</h2>
          <table className="r-table">
            <thead>
              <tr>
                <th scope="col">{t('r.open.month')}</th>
                <th scope="col">{t('r.open.count')}</th>
                <th scope="col">{t('r.open.onTime')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map(([month, x]) => (
                <tr key={month}>
                  <td>{month}</td>
                  <td>{x.requests}</td>
                  <td>{pct(x.met, x.breached)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="r-h3">{t('r.open.top')}</h2>
          <ol>
            {top.map(([code, n]) => (
              <li key={code}>
                {tr(index.get(code)?.name, i18n.language) || code} — {n}
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="r-note">{t('r.open.license')}</p>
    </section>
  );
}
