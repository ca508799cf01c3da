/** Admin: agencies — kind, names in kk/ru/en, contacts; create and edit. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type I18nText } from '../../shared/api.ts';
import { ErrorLine, errorText, NameInputs } from './shared.tsx';

const KINDS = [
  'department',
  'district_akimat',
  'utility',
  'lift_company',
  'building_manager',
  'contact_center',
  'other',
];

interface Agency {
  code: string;
  kind: string;
  name: I18nText;
  phone: string | null;
  email: string | null;
  address: string | null;
  workingHours: string | null;
  calendar: string | null;
  district: string | null;
  active: boolean;
}
const blank: Agency = {
  code: '',
  kind: 'department',
  name: { kk: '', ru: '', en: '' },
  phone: null,
  email: null,
  address: null,
  workingHours: null,
  calendar: null,
  district: null,
  active: true,
};

export default function Agencies() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Agency[]>([]);
  const [draft, setDraft] = useState<(Agency & { isNew: boolean }) | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    void api<{ items: Agency[] }>('/api/v1/agencies').then((r) => setItems(r.items));
  }, []);
  useEffect(load, [load]);
  const save = (a: Agency): void => {
    setError('');
    const { code, ...rest } = a;
    const body = {
      kind: rest.kind,
      name: rest.name,
      phone: rest.phone || null,
      email: rest.email || null,
      address: rest.address || null,
      workingHours: rest.workingHours || null,
      calendar: rest.calendar,
      district: rest.district,
      active: rest.active,
    };
    api(`/api/v1/agencies/${encodeURIComponent(code)}`, { method: 'PUT', body }).then(
      () => {
        setDraft(null);
        load();
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  const text = (k: 'phone' | 'email' | 'address' | 'workingHours', label: string) =>
    draft && (
      <label>
        {label}
        <input
          type={k === 'email' ? 'email' : 'text'}
          value={draft[k] ?? ''}
          onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
        />
      </label>
    );
  return (
    <section className="card admin-page">
      <h2>{t('a_agencies')}</h2>
      <button type="button" className="primary" onClick={() => setDraft({ ...blank, isNew: true })}>
        {t('a_new')}
      </button>
      <ErrorLine error={error} />
      {draft && (
        <form
          className="admin-form"
          onSubmit={(e) => {
            e.preventDefault();
            save(draft);
          }}
        >
          <label>
            {t('a_code')}
            <input
              required
              pattern="[a-z0-9_.\-]{1,60}"
              disabled={!draft.isNew}
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.target.value })}
            />
          </label>
          <label>
            {t('a_kind')}
            <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              {KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <NameInputs id="agency-name" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
          {text('phone', t('a_phone'))}
          {text('email', t('a_email'))}
          {text('address', t('a_address'))}
          {text('workingHours', t('a_hours'))}
          <label>
            <input
              type="checkbox"
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
            />{' '}
            {t('a_active')}
          </label>
          <div className="row">
            <button type="submit" className="primary">
              {t('a_save')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('a_cancel')}
            </button>
          </div>
        </form>
      )}
      <table className="queue">
        <thead>
          <tr>
            <th>{t('a_code')}</th>
            <th>{t('a_kind')}</th>
            <th>kk / ru / en</th>
            <th>{t('a_phone')}</th>
            <th>{t('a_email')}</th>
            <th>{t('a_active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.code} className={a.active ? '' : 'inactive'}>
              <td>{a.code}</td>
              <td>{a.kind}</td>
              <td>
                {a.name.kk} / {a.name.ru} / {a.name.en}
              </td>
              <td>{a.phone ?? ''}</td>
              <td>{a.email ?? ''}</td>
              <td>{a.active ? '✓' : '✗'}</td>
              <td>
                <button
                  type="button"
                  aria-label={`${t('a_edit')}: ${a.code}`}
                  onClick={() => setDraft({ ...a, isNew: false })}
                >
                  {t('a_edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
