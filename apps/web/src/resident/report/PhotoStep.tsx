/** Step 2: photos, taken or chosen; made small in the browser, their GPS position offered as the place. */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { randomId } from '../api.ts';
import { preparePhoto } from '../photo.ts';
import { MAX_PHOTOS, type ReportForm, type Update } from './types.ts';

export default function PhotoStep({ form, update }: { form: ReportForm; update: Update }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])].slice(0, MAX_PHOTOS - form.photos.length);
    e.target.value = '';
    if (!files.length) return;
    setBusy(true);
    setError(null);
    const added = [...form.photos];
    let point = form.point;
    for (const f of files) {
      try {
        const p = await preparePhoto(f);
        added.push({ id: randomId(8), blob: p.blob, url: URL.createObjectURL(p.blob), gps: p.gps });
        if (!point && p.gps) point = { ...p.gps, source: 'photo' };
      } catch {
        setError(t('r.photos.unreadable'));
      }
    }
    update({ photos: added, point });
    setBusy(false);
  };

  const remove = (id: string) => {
    const p = form.photos.find((x) => x.id === id);
    if (p) URL.revokeObjectURL(p.url);
    update({ photos: form.photos.filter((x) => x.id !== id) });
  };

  const full = form.photos.length >= MAX_PHOTOS;
  return (
    <>
      <p>{t('r.photos.lead', { max: MAX_PHOTOS })}</p>
      <div className="r-row r-photo-buttons">
        <label className={`r-button${full || busy ? ' r-disabled' : ''}`}>
          <span aria-hidden="true">📷</span> {t('r.photos.take')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            disabled={full || busy}
            onChange={(e) => void add(e)}
          />
        </label>
        <label className={`r-button${full || busy ? ' r-disabled' : ''}`}>
          <span aria-hidden="true">🖼️</span> {t('r.photos.choose')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            className="sr-only"
            disabled={full || busy}
            onChange={(e) => void add(e)}
            data-testid="photo-input"
          />
        </label>
      </div>
      {busy && <p role="status">{t('r.photos.preparing')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {form.photos.length > 0 && (
        <ul className="r-thumbs">
          {form.photos.map((p, i) => (
            <li key={p.id}>
              <img src={p.url} alt={t('r.photos.alt', { n: i + 1 })} />
              {p.gps && <span className="r-badge">{t('r.photos.hasPlace')}</span>}
              <button
                type="button"
                aria-label={t('r.photos.remove', { n: i + 1 })}
                onClick={() => remove(p.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {form.point?.source === 'photo' && <p className="r-ok">{t('r.photos.placeFromPhoto')}</p>}
      <p className="r-muted">{t('r.photos.privacy')}</p>
    </>
  );
}
