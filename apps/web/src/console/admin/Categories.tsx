/** Admin: the category tree — names in kk/ru/en, default criticality, SLA hours, agency, season. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, tr, type Category, type I18nText } from '../../shared/api.ts';
import { ErrorLine, errorText, NameInputs } from './shared.tsx';

const LEVELS = ['urgent', 'high', 'standard', 'low'] as const;
// The server's default (DEFAULT_SLA_HOURS in packages/domain/src/sla.ts).
const DEFAULT_SLA = { urgent: 24, high: 72, standard: 240, low: 480 };

interface Node extends Category {
  season: { from: string; to: string } | null;
  keywords: Record<string, string[]>;
  duplicateRadiusM: number;
}
interface Draft {
  isNew: boolean;
  code: string;
  parent: string;
  name: I18nText;
  defaultCriticality: string;
  slaHours: Record<string, number>;
  agency: string;
  seasonFrom: string;
  seasonTo: string;
  active: boolean;
  base?: Node;
}

const blank = (): Draft => ({
  isNew: true,
  code: '',
  parent: '',
  name: { kk: '', ru: '', en: '' },
  defaultCriticality: 'standard',
  slaHours: { ...DEFAULT_SLA },
  agency: '',
  seasonFrom: '',
  seasonTo: '',
  active: true,
});
const draftOf = (c: Node): Draft => ({
  isNew: false,
  code: c.code,
  parent: c.parent ?? '',
  name: { ...c.name },
  defaultCriticality: c.defaultCriticality,
  slaHours: { ...DEFAULT_SLA, ...c.slaHours },
  agency: c.agency ?? '',
  seasonFrom: c.season?.from ?? '',
  seasonTo: c.season?.to ?? '',
  active: c.active,
  base: c,
});

/** The body PUT /categories/:code takes; fields this page does not edit are kept as they were. */
function bodyOf(d: Draft) {
  const b = d.base;
  return {
    parent: d.parent || null,
    name: d.name,
    defaultCriticality: d.defaultCriticality,
    slaHours: d.slaHours,
    agency: d.agency || null,
    season: d.seasonFrom && d.seasonTo ? { from: d.seasonFrom, to: d.seasonTo } : null,
    active: d.active,
    ...(b
      ? {
          description: b.description,
          ...(b.icon ? { icon: b.icon } : {}),
          keywords: b.keywords,
          duplicateRadiusM: b.duplicateRadiusM,
          questions: b.questions,
        }
      : {}),
  };
}

export default function Categories() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [rows, setRows] = useState<{ c: Node; depth: number }[]>([]);
  const [agencies, setAgencies] = useState<{ code: string; name: I18nText }[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const load = useCallback(() => {
    void api<{ items: Node[] }>('/api/v1/categories?all=true').then((r) => {
      const out: { c: Node; depth: number }[] = [];
      const walk = (cs: Node[], depth: number): void =>
        cs.forEach((c) => {
          out.push({ c, depth });
          walk(c.children as Node[], depth + 1);
        });
      walk(r.items, 0);
      setRows(out);
    });
  }, []);
  useEffect(() => {
    load();
    void api<{ items: { code: string; name: I18nText }[] }>('/api/v1/agencies').then((r) =>
      setAgencies(r.items),
    );
  }, [load]);

  const save = (d: Draft): void => {
    setError('');
    setNote('');
    api(`/api/v1/categories/${encodeURIComponent(d.code)}`, { method: 'PUT', body: bodyOf(d) }).then(
      () => {
        setDraft(null);
        setNote(t('a_saved'));
        load();
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <section className="card admin-page">
      <h2>{t('a_categories')}</h2>
      <button type="button" className="primary" onClick={() => setDraft(blank())}>
        {t('a_new')}
      </button>
      {note && <p role="status">{note}</p>}
      <ErrorLine error={error} />
      {draft && (
        <form
          className="admin-form"
          aria-label={draft.isNew ? t('a_new') : `${t('a_edit')}: ${draft.code}`}
          onSubmit={(e) => {
            e.preventDefault();
            save(draft);
          }}
        >
          <label htmlFor="cat-code">
            {t('a_code')}
            <input
              id="cat-code"
              required
              pattern="[a-z0-9_.\-]{1,60}"
              disabled={!draft.isNew}
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.target.value })}
            />
          </label>
          <NameInputs id="cat-name" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
          <label>
            {t('a_parent')}
            <select value={draft.parent} onChange={(e) => setDraft({ ...draft, parent: e.target.value })}>
              <option value="">{t('a_none')}</option>
              {rows
                .filter((r) => r.c.code !== draft.code)
                .map((r) => (
                  <option key={r.c.code} value={r.c.code}>
                    {'\u00a0'.repeat(r.depth * 2)}
                    {tr(r.c.name, lang)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('c_crit')}
            <select
              value={draft.defaultCriticality}
              onChange={(e) => setDraft({ ...draft, defaultCriticality: e.target.value })}
            >
              {LEVELS.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('a_sla')}</legend>
            {LEVELS.map((l) => (
              <label key={l}>
                {l}
                <input
                  type="number"
                  min={1}
                  max={8760}
                  required
                  value={draft.slaHours[l] ?? ''}
                  onChange={(e) =>
                    setDraft({ ...draft, slaHours: { ...draft.slaHours, [l]: Number(e.target.value) } })
                  }
                />
              </label>
            ))}
          </fieldset>
          <label>
            {t('c_agency')}
            <select value={draft.agency} onChange={(e) => setDraft({ ...draft, agency: e.target.value })}>
              <option value="">{t('a_none')}</option>
              {agencies.map((a) => (
                <option key={a.code} value={a.code}>
                  {tr(a.name, lang)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('a_season')}</legend>
            <input
              aria-label={`${t('a_season')} 1`}
              placeholder="10-15"
              pattern="[01][0-9]-[0-3][0-9]"
              value={draft.seasonFrom}
              onChange={(e) => setDraft({ ...draft, seasonFrom: e.target.value })}
            />
            <input
              aria-label={`${t('a_season')} 2`}
              placeholder="04-15"
              pattern="[01][0-9]-[0-3][0-9]"
              value={draft.seasonTo}
              onChange={(e) => setDraft({ ...draft, seasonTo: e.target.value })}
            />
          </fieldset>
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
            <th>kk / ru / en</th>
            <th>{t('c_crit')}</th>
            <th>{t('a_sla')}</th>
            <th>{t('c_agency')}</th>
            <th>{t('a_season')}</th>
            <th>{t('a_active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, depth }) => (
            <tr key={c.code} className={c.active ? '' : 'inactive'}>
              <td style={{ paddingLeft: `${0.5 + depth * 1.2}rem` }}>{c.code}</td>
              <td>
                {c.name.kk} / {c.name.ru} / {c.name.en}
              </td>
              <td>{c.defaultCriticality}</td>
              <td>{LEVELS.map((l) => c.slaHours[l] ?? '–').join(' / ')}</td>
              <td>{c.agency ?? ''}</td>
              <td>{c.season ? `${c.season.from} — ${c.season.to}` : ''}</td>
              <td>{c.active ? '✓' : '✗'}</td>
              <td>
                <button
                  type="button"
                  aria-label={`${t('a_edit')}: ${c.code}`}
                  onClick={() => setDraft(draftOf(c))}
                >
                  {t('a_edit')}
                </button>{' '}
                <button
                  type="button"
                  aria-label={`${c.active ? t('a_deactivate') : t('a_activate')}: ${c.code}`}
                  onClick={() => save({ ...draftOf(c), active: !c.active })}
                >
                  {c.active ? t('a_deactivate') : t('a_activate')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
