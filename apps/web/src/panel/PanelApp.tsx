import { useTranslation } from 'react-i18next';

export default function PanelApp() {
  const { t } = useTranslation();
  return <main><h1>Komek 109</h1><p>{t('placeholder', 'panel')}</p></main>;
}
