/** The category's own questions (Open311-style attributes), asked in the resident's language. */
import { useTranslation } from 'react-i18next';
import { tr, type Category } from '../../shared/api.ts';
import type { ReportForm, Update } from './types.ts';

export default function Questions({
  category,
  form,
  update,
}: {
  category: Category;
  form: ReportForm;
  update: Update;
}) {
  const { t, i18n } = useTranslation();
  const set = (code: string, v: string) => update({ answers: { ...form.answers, [code]: v } });
  if (!category.questions.length) return null;
  return (
    <fieldset className="r-fieldset">
      <legend>{t('r.check.questions')}</legend>
      {category.questions.map((q) => {
        const id = `r-q-${q.code}`;
        const label = `${tr(q.description, i18n.language)}${q.required ? ' *' : ''}`;
        const value = form.answers[q.code] ?? '';
        if (q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist') {
          return (
            <div key={q.code}>
              <label htmlFor={id}>{label}</label>
              <select
                id={id}
                value={value}
                required={q.required}
                onChange={(e) => set(q.code, e.target.value)}
              >
                <option value="">{t('r.check.choose')}</option>
                {(q.values ?? []).map((v) => (
                  <option key={v.key} value={v.key}>
                    {tr(v.name, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
          );
        }
        return (
          <div key={q.code}>
            <label htmlFor={id}>{label}</label>
            {q.datatype === 'text' ? (
              <textarea
                id={id}
                rows={3}
                maxLength={1000}
                value={value}
                required={q.required}
                onChange={(e) => set(q.code, e.target.value)}
              />
            ) : (
              <input
                id={id}
                type={
                  q.datatype === 'number' ? 'number' : q.datatype === 'datetime' ? 'datetime-local' : 'text'
                }
                maxLength={1000}
                value={value}
                required={q.required}
                onChange={(e) => set(q.code, e.target.value)}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Whether every required question has an answer. */
export function answered(category: Category | undefined, answers: Record<string, string>): boolean {
  return !category || category.questions.every((q) => !q.required || (answers[q.code] ?? '').trim() !== '');
}
