/** Admin: load districts from a GeoJSON FeatureCollection (replaces same codes, adds new ones). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, tr, type I18nText } from '../../shared/api.ts';
import { ErrorLine, errorText } from './shared.tsx';

export default function Districts() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<{ code: string; name: I18nText }[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const load = (): void => {
    void api<{ features: { properties: { code: string; name: I18nText } }[] }>('/api/v1/districts').then(
      (fc) => setItems(fc.features.map((f) => f.properties)),
    );
  };
  useEffect(load, []);
  const upload = async (): Promise<void> => {
    if (!file) return;
    setError('');
    setNote('');
    let fc: unknown;
    try {
      fc = JSON.parse(await file.text());
    } catch {
      setError(t('a_bad_file'));
      return;
    }
    try {
      const r = await api<{ imported: string[]; removed: string[]; kept: string[] }>(
        `/api/v1/districts/import${replace ? '?replace=true' : ''}`,
        { body: fc },
      );
      setNote(
        [
          t('a_imported', { count: r.imported.length }),
          r.removed.length ? t('a_removed', { codes: r.removed.join(', ') }) : '',
          r.kept.length ? t('a_kept', { codes: r.kept.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' · '),
      );
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="card admin-page">
      <h2>{t('a_districts')}</h2>
      <p>{t('a_districts_help')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <label>
          {t('a_file')}
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
          {t('a_replace')}
        </label>
        <button type="submit" className="primary" disabled={!file}>
          {t('a_import')}
        </button>
      </form>
      {note && <p role="status">{note}</p>}
      <ErrorLine error={error} />
      <table className="queue">
        <thead>
          <tr>
            <th>{t('a_code')}</th>
            <th>kk / ru / en</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.code}>
              <td>{d.code}</td>
              <td title={tr(d.name, i18n.language)}>
                {d.name.kk} / {d.name.ru} / {d.name.en}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
