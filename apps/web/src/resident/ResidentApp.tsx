import { useTranslation } from 'react-i18next';

export default function ResidentApp() {
  const { t } = useTranslation();
  return <main><h1>Komek 109</h1><p>{t('placeholder', 'resident')}</p></main>;
}
