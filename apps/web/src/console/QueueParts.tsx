/** Pieces of the queue: the reference lists, a filter select, the bulk-action bar. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, tr, type I18nText } from '../shared/api.ts';
import './queue-strings.ts';

const TARGETS = [
  'assigned',
  'in_progress',
  'waiting_for_resident',
  'resolved',
  'deferred',
  'closed',
  'rejected',
];

export interface Named {
  code: string;
  name: Partial<I18nText>;
}

/** Agencies and districts for the filters. */
export function useReference(): { agencies: Named[]; districts: Named[] } {
  const [agencies, setAgencies] = useState<Named[]>([]);
  const [districts, setDistricts] = useState<Named[]>([]);
  useEffect(() => {
    void api<{ items: Named[] }>('/api/v1/agencies').then((r) => setAgencies(r.items));
    void api<{ features: { properties: Named }[] }>('/api/v1/districts').then((r) =>
      setDistricts(r.features.map((f) => f.properties)),
    );
  }, []);
  return { agencies, districts };
}

/** A labelled select of one filter, with "any" first. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [value: string, text: string][];
}) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('q_any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What to do with the selected rows: hand them to an agency, or move them to a status. */
export function BulkBar({
  count,
  agencies,
  onApply,
  onClear,
}: {
  count: number;
  agencies: Named[];
  onApply: (body: Record<string, unknown>) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [agency, setAgency] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  return (
    <div className="bulk card" role="region" aria-label={t('q_selected', { n: count })}>
      <strong>{t('q_selected', { n: count })}</strong>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (agency) onApply({ action: 'assign', assign: { agency } });
        }}
      >
        <label>
          {t('q_assign_to')}
          <select value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">—</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {tr(a.name, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!agency}>
          {t('q_apply')}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!to) return;
          const transition: Record<string, unknown> = { to, ...(reason ? { reason } : {}) };
          if (to === 'deferred') transition.plannedYear = Number(year);
          onApply({ action: 'transition', transition });
        }}
      >
        <label>
          {t('q_move_to')}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">—</option>
            {TARGETS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('c_reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        </label>
        {to === 'deferred' && (
          <label>
            {t('c_year')}
            <input
              type="number"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              min={2000}
              max={2100}
            />
          </label>
        )}
        <button type="submit" disabled={!to}>
          {t('q_apply')}
        </button>
      </form>
      <button type="button" onClick={onClear}>
        {t('q_clear')}
      </button>
    </div>
  );
}
