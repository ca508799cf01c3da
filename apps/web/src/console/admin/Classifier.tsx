/** Admin: the category classifier — the active model, its accuracy, and "retrain now". */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';
import { ErrorLine, errorText } from './shared.tsx';

interface Status {
  model: {
    version: number;
    trainedAt: string;
    trainedOn: number;
    labels: number;
    metrics: Record<string, number>;
  } | null;
  labelled: number;
  training: boolean;
  lastError: string | null;
}
const pct = (v: number | undefined): string => (v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);

export default function Classifier() {
  const { t, i18n } = useTranslation();
  const [s, setS] = useState<Status | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    void api<Status>('/api/v1/admin/classifier').then(setS, (e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    if (!s?.training) return;
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [s?.training, load]);
  if (!s) return <p>…</p>;
  const m = s.model;
  return (
    <section className="card admin-page">
      <h2>{t('a_classifier')}</h2>
      {m ? (
        <dl className="facts">
          <dt>{t('a_version')}</dt>
          <dd>{m.version}</dd>
          <dt>{t('a_trained_at')}</dt>
          <dd>{new Date(m.trainedAt).toLocaleString(i18n.language)}</dd>
          <dt>{t('a_trained_on')}</dt>
          <dd>{m.trainedOn}</dd>
          <dt>{t('a_labels')}</dt>
          <dd>{m.labels}</dd>
          <dt>{t('a_accuracy')}</dt>
          <dd>{pct(m.metrics.accuracy)}</dd>
          <dt>{t('a_top3')}</dt>
          <dd>{pct(m.metrics.top3)}</dd>
        </dl>
      ) : (
        <p>{t('a_no_model')}</p>
      )}
      <p>
        {t('a_labelled')}: {s.labelled}
      </p>
      {s.lastError && <p className="error">{s.lastError}</p>}
      <ErrorLine error={error} />
      <button
        type="button"
        className="primary"
        disabled={s.training}
        onClick={() => {
          setError('');
          api('/api/v1/admin/classifier/retrain', { method: 'POST' }).then(load, (e: unknown) =>
            setError(errorText(e)),
          );
        }}
      >
        {s.training ? t('a_training') : t('a_retrain')}
      </button>
    </section>
  );
}
