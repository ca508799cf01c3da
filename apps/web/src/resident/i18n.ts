/** The resident app's own strings, added to the shared i18next instance when this chunk loads. */
import i18n from '../shared/i18n.ts';
import en from './i18n/en.json';
import kk from './i18n/kk.json';
import ru from './i18n/ru.json';

for (const [lang, bundle] of Object.entries({ kk, ru, en }))
  i18n.addResourceBundle(lang, 'translation', bundle, true, true);
