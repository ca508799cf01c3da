/** Admin: the city's criticality rules (a phrase → a level), used by intake and suggestions at once. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../shared/api.ts';

interface Rule {
  id: number;
  pattern: string;
  lang: string | null;
  level: string;
  active: boolean;
}
const LEVELS = ['urgent', 'high', 'standard', 'low'];

export default function AdminRules() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Rule[]>([]);
  const [pattern, setPattern] = useState('');
  const [level, setLevel] = useState('urgent');
  const [error, setError] = useState('');
  const load = useCallback(() => {
    void api<{ items: Rule[] }>('/api/v1/admin/criticality-rules').then((r) => setItems(r.items));
  }, []);
  useEffect(load, [load]);
  const fail = (e: unknown): void => setError(e instanceof ApiError ? e.message : String(e));
  const save = (r: Rule, patch: Partial<Rule>): void => {
    const next = { ...r, ...patch };
    setItems((xs) => xs.map((x) => (x.id === r.id ? next : x)));
    api(`/api/v1/admin/criticality-rules/${r.id}`, {
      method: 'PUT',
      body: { pattern: next.pattern, lang: next.lang, level: next.level, active: next.active },
    }).then(load, fail);
  };
  return (
    <section className="card admin-rules">
      <h2>{t('c_rules')}</h2>
      <p>{t('c_rules_help')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setError('');
          api('/api/v1/admin/criticality-rules', { body: { pattern, level } }).then(() => {
            setPattern('');
            load();
          }, fail);
        }}
      >
        <label>
          {t('c_rules_phrase')}
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} required minLength={2} />
        </label>
        <label>
          {t('c_crit')}
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <button className="primary" type="submit">
          {t('c_rules_add')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="queue">
        <thead>
          <tr>
            <th>{t('c_rules_phrase')}</th>
            <th>{t('c_crit')}</th>
            <th>{t('c_rules_active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>{r.pattern}</td>
              <td>
                <select
                  aria-label={`${t('c_crit')}: ${r.pattern}`}
                  value={r.level}
                  onChange={(e) => save(r, { level: e.target.value })}
                >
                  {LEVELS.map((l) => (
                    <option key={l}>{l}</option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('c_rules_active')}: ${r.pattern}`}
                  checked={r.active}
                  onChange={(e) => save(r, { active: e.target.checked })}
                />
              </td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    api(`/api/v1/admin/criticality-rules/${r.id}`, { method: 'DELETE' }).then(load, fail)
                  }
                >
                  {t('c_rules_delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
