/** Small pieces the admin pages share: the error line, three-language name inputs. */
import { useTranslation } from 'react-i18next';
import { ApiError, type I18nText } from '../../shared/api.ts';

export const errorText = (e: unknown): string => (e instanceof ApiError ? e.message : String(e));

export function ErrorLine({ error }: { error: string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

/** Name inputs in kk, ru and en (all required). */
export function NameInputs({
  id,
  value,
  onChange,
}: {
  id: string;
  value: I18nText;
  onChange: (v: I18nText) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {(['kk', 'ru', 'en'] as const).map((l) => (
        <label key={l} htmlFor={`${id}-${l}`}>
          {t(`a_name_${l}`)}
          <input
            id={`${id}-${l}`}
            required
            maxLength={200}
            value={value[l]}
            onChange={(e) => onChange({ ...value, [l]: e.target.value })}
          />
        </label>
      ))}
    </>
  );
}
