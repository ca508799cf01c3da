/** Step 3: where it is: the phone's location, a pin on the map (Leaflet, loaded only here), a landmark. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tr } from '../../shared/api.ts';
import { residentApi, type I18nText } from '../api.ts';
import { useStore } from '../store.ts';
import type { Point, ReportForm, Update } from './types.ts';

const MapPicker = lazy(() => import('./MapPicker.tsx'));

export default function PlaceStep({ form, update }: { form: ReportForm; update: Update }) {
  const { t, i18n } = useTranslation();
  const { online } = useStore();
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [district, setDistrict] = useState<I18nText | null>(null);
  const point = form.point;

  useEffect(() => {
    if (!point || !online) return setDistrict(null);
    let live = true;
    residentApi
      .lookupDistrict(point.lat, point.lon)
      .then((r) => live && setDistrict(r.district?.name ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [point, online]);

  const locate = () => {
    if (!('geolocation' in navigator)) return setError(t('r.place.noGeo'));
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        update({ point: { lat: pos.coords.latitude, lon: pos.coords.longitude, source: 'device' } });
      },
      () => {
        setLocating(false);
        setError(t('r.place.geoFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const pick = (p: Point) => update({ point: p });
  return (
    <>
      <button type="button" className="r-wide" onClick={locate} disabled={locating}>
        <span aria-hidden="true">📍</span> {locating ? t('r.place.locating') : t('r.place.useMine')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {online ? (
        <Suspense fallback={<div className="r-map r-map-loading">{t('r.loading')}</div>}>
          <MapPicker point={point} onPick={pick} label={t('r.place.mapLabel')} />
        </Suspense>
      ) : (
        <p className="r-muted">{t('r.place.mapOffline')}</p>
      )}
      <p role="status" className={point ? 'r-ok' : 'r-muted'}>
        {point
          ? `${t(`r.place.from.${point.source}`)}${district ? ` · ${tr(district, i18n.language)}` : ''} (${point.lat.toFixed(5)}, ${point.lon.toFixed(5)})`
          : t('r.place.none')}
      </p>
      <label htmlFor="r-address">{t('r.place.address')}</label>
      <input
        id="r-address"
        value={form.address}
        maxLength={500}
        placeholder={t('r.place.addressHint')}
        onChange={(e) => update({ address: e.target.value })}
      />
    </>
  );
}
