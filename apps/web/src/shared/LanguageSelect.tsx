import { useTranslation } from 'react-i18next';
import { LANGS, setLang } from './i18n.ts';

/** The staff apps' language switch (kk / ru / en), remembered by setLang. */
export function LanguageSelect() {
  const { i18n } = useTranslation();
  return (
    <select
      aria-label="language"
      value={i18n.language}
      onChange={(e) => setLang(e.target.value as (typeof LANGS)[number])}
    >
      {LANGS.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </select>
  );
}
