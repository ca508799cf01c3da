/** Admin: staff accounts — create with a password, change role and agency, deactivate. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, tr, type I18nText } from '../../shared/api.ts';
import { ErrorLine, errorText } from './shared.tsx';

const ROLES = ['operator', 'supervisor', 'executor', 'analyst', 'admin'];

interface Member {
  id: number;
  login: string;
  name: string;
  role: string;
  agency: string | null;
  lang: string;
  active: boolean;
}

export default function Staff() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Member[]>([]);
  const [agencies, setAgencies] = useState<{ code: string; name: I18nText }[]>([]);
  const [form, setForm] = useState({
    login: '',
    name: '',
    password: '',
    role: 'operator',
    agency: '',
    lang: 'ru',
  });
  const [error, setError] = useState('');
  const load = useCallback(() => {
    void api<{ items: Member[] }>('/api/v1/admin/staff').then((r) => setItems(r.items));
  }, []);
  useEffect(() => {
    load();
    void api<{ items: { code: string; name: I18nText }[] }>('/api/v1/agencies').then((r) =>
      setAgencies(r.items),
    );
  }, [load]);
  const fail = (e: unknown): void => setError(errorText(e));
  const patch = (m: Member, body: Record<string, unknown>): void => {
    setError('');
    api(`/api/v1/admin/staff/${m.id}`, { method: 'PATCH', body }).then(load, fail);
  };
  const agencySelect = (value: string, onChange: (v: string) => void, label: string) => (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {agencies.map((a) => (
        <option key={a.code} value={a.code}>
          {tr(a.name, i18n.language)}
        </option>
      ))}
    </select>
  );
  return (
    <section className="card admin-page">
      <h2>{t('a_staff')}</h2>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          setError('');
          api('/api/v1/admin/staff', { body: { ...form, agency: form.agency || null } }).then(() => {
            setForm({ ...form, login: '', name: '', password: '' });
            load();
          }, fail);
        }}
      >
        <label>
          {t('a_login')}
          <input
            required
            pattern="[a-z0-9_.\-]{2,60}"
            autoComplete="off"
            value={form.login}
            onChange={(e) => setForm({ ...form, login: e.target.value })}
          />
        </label>
        <label>
          {t('a_fullname')}
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {t('a_password')}
          <input
            required
            type="password"
            minLength={10}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        <label>
          {t('a_role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          {t('c_agency')}
          {agencySelect(form.agency, (agency) => setForm({ ...form, agency }), t('c_agency'))}
        </label>
        <label>
          {t('a_lang')}
          <select value={form.lang} onChange={(e) => setForm({ ...form, lang: e.target.value })}>
            {['kk', 'ru', 'en'].map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('a_new')}
        </button>
      </form>
      <ErrorLine error={error} />
      <table className="queue">
        <thead>
          <tr>
            <th>{t('a_login')}</th>
            <th>{t('a_fullname')}</th>
            <th>{t('a_role')}</th>
            <th>{t('c_agency')}</th>
            <th>{t('a_active')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id} className={m.active ? '' : 'inactive'}>
              <td>{m.login}</td>
              <td>{m.name}</td>
              <td>
                <select
                  aria-label={`${t('a_role')}: ${m.login}`}
                  value={m.role}
                  onChange={(e) => patch(m, { role: e.target.value })}
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>
                {agencySelect(
                  m.agency ?? '',
                  (v) => patch(m, { agency: v || null }),
                  `${t('c_agency')}: ${m.login}`,
                )}
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('a_active')}: ${m.login}`}
                  checked={m.active}
                  onChange={(e) => patch(m, { active: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
