/** Step 1: the problem in the resident's words; the category is suggested from the text, or picked. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tr } from '../../shared/api.ts';
import { PLACE_QUESTION, PLACES, placeName } from '../../shared/places.ts';
import { residentApi, type Suggestion } from '../api.ts';
import { categoryIndex, useStore } from '../store.ts';
import CategoryPicker from './CategoryPicker.tsx';
import type { ReportForm, Update } from './types.ts';

export const MIN_TEXT = 5;

export default function DescribeStep({
  form,
  update,
  initialGroup,
}: {
  form: ReportForm;
  update: Update;
  initialGroup: string | null;
}) {
  const { t, i18n } = useTranslation();
  const { categories, online } = useStore();
  const index = useMemo(() => categoryIndex(categories), [categories]);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [picking, setPicking] = useState(initialGroup !== null && !form.category);

  // Suggest categories from the text, after the resident pauses typing.
  useEffect(() => {
    const text = form.text.trim();
    if (text.length < 8 || !online) return;
    const timer = setTimeout(() => {
      residentApi
        .classify(text, form.place)
        .then((r) =>
          setSuggestions(
            (r?.categories ?? []).filter((c) => c.confidence > 0.05 && index.has(c.code)).slice(0, 3),
          ),
        )
        .catch(() => setSuggestions([]));
    }, 600);
    return () => clearTimeout(timer);
  }, [form.text, form.place, online, index]);

  const chosen = form.category ? index.get(form.category) : undefined;
  return (
    <>
      <label htmlFor="r-text">{t('r.report.describe')}</label>
      <textarea
        id="r-text"
        rows={5}
        maxLength={5000}
        value={form.text}
        placeholder={t('r.report.describeHint')}
        onChange={(e) => update({ text: e.target.value })}
        aria-describedby="r-text-help"
      />
      <p id="r-text-help" className="r-muted">
        {t('r.report.publicNote')}
      </p>
      <h2 className="r-h3" id="r-place">
        {tr(PLACE_QUESTION, i18n.language)}
      </h2>
      <ul className="r-chips r-places" aria-labelledby="r-place">
        {PLACES.map((p) => (
          <li key={p}>
            <button
              type="button"
              aria-pressed={form.place === p}
              onClick={() => update({ place: form.place === p ? null : p })}
            >
              {placeName(p, i18n.language)}
            </button>
          </li>
        ))}
      </ul>
      <h2 className="r-h3" id="r-cat">
        {t('r.report.category')}
      </h2>
      {chosen ? (
        <p className="r-chosen" aria-labelledby="r-cat">
          <span className="r-icon" aria-hidden="true">
            {chosen.icon ?? '•'}
          </span>
          <span>{tr(chosen.name, i18n.language)}</span>
          <button
            type="button"
            className="r-link"
            onClick={() => (update({ category: null }), setPicking(true))}
          >
            {t('r.change')}
          </button>
        </p>
      ) : (
        <>
          {suggestions.length > 0 && (
            <div aria-live="polite">
              <p className="r-muted">{t('r.report.suggested')}</p>
              <ul className="r-chips">
                {suggestions.map((s) => (
                  <li key={s.code}>
                    <button type="button" onClick={() => update({ category: s.code })}>
                      <span aria-hidden="true">{index.get(s.code)?.icon ?? '•'}</span>{' '}
                      {tr(s.name, i18n.language)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {picking ? (
            <CategoryPicker
              tree={categories}
              initialGroup={initialGroup}
              onPick={(code) => (update({ category: code }), setPicking(false))}
              onClose={() => setPicking(false)}
            />
          ) : (
            <button type="button" className="r-wide" onClick={() => setPicking(true)}>
              {t('r.report.pick')}
            </button>
          )}
        </>
      )}
    </>
  );
}
