import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import kk from '../i18n/kk.json';
import ru from '../i18n/ru.json';
import en from '../i18n/en.json';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The saved choice, else the browser's language, else Russian. */
function initialLang(): Lang {
  const saved = localStorage.getItem('komek.lang');
  if (saved === 'kk' || saved === 'ru' || saved === 'en') return saved;
  const nav = (navigator.languages ?? [navigator.language]).map((l) => l.slice(0, 2));
  return (nav.find((l) => l === 'kk' || l === 'ru' || l === 'en') as Lang | undefined) ?? 'ru';
}

void i18n.use(initReactI18next).init({
  resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export function setLang(l: Lang): void {
  localStorage.setItem('komek.lang', l);
  document.documentElement.lang = l;
  void i18n.changeLanguage(l);
}

document.documentElement.lang = i18n.language;
export default i18n;
