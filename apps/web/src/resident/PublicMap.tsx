/**
 * The public map and list of problems (no personal data: the server rounds and masks). Residents
 * follow a request, a district or the area on screen. Lazily loaded with Leaflet.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { tr } from '../shared/api.ts';
import { residentApi, type PublicRequest } from './api.ts';
import { formatDate, statusTone } from './format.ts';
import { StatusBadge } from './MyRequests.tsx';
import { navigate } from './router.ts';
import { categoryIndex, toast, useStore } from './store.ts';

const TONE: Record<string, string> = { open: '#9a6700', done: '#1a7f37', you: '#1f6feb', stop: '#5b6570' };
const DAYS = 90;

export default function PublicMap() {
  const { t, i18n } = useTranslation();
  const { categories, user } = useStore();
  const index = useMemo(() => categoryIndex(categories), [categories]);
  const [status, setStatus] = useState('open');
  const [group, setGroup] = useState('');
  const [items, setItems] = useState<PublicRequest[]>([]);
  const [selected, setSelected] = useState<PublicRequest | null>(null);
  const [district, setDistrict] = useState<{ code: string; name: string } | null>(null);
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const dots = useRef<L.LayerGroup | null>(null);
  const lang = useRef(i18n.language);
  lang.current = i18n.language;

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, {
      attributionControl: false,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    }).setView([51.16, 71.45], 11);
    map.current = m;
    dots.current = L.layerGroup().addTo(m);
    residentApi
      .districts()
      .then((fc) => {
        const layer = L.geoJSON(fc, {
          style: { color: '#0b6e4f', weight: 2, fillOpacity: 0.05 },
          onEachFeature: (f, l) =>
            l.on('click', () => {
              const p = f.properties as { code: string; name: Record<string, string> };
              setDistrict({ code: p.code, name: p.name[lang.current] ?? p.name.ru ?? p.code });
            }),
        }).addTo(m);
        if (layer.getBounds().isValid()) m.fitBounds(layer.getBounds(), { padding: [8, 8] });
      })
      .catch(() => undefined);
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const from = new Date(Date.now() - DAYS * 86_400_000).toISOString();
    const q = new URLSearchParams({
      limit: '500',
      createdFrom: from,
      ...(status ? { status } : {}),
      ...(group ? { category: group } : {}),
    });
    let live = true;
    residentApi
      .publicRequests(q.toString())
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [status, group]);

  useEffect(() => {
    const layer = dots.current;
    if (!layer) return;
    layer.clearLayers();
    for (const r of items) {
      if (r.lat === null || r.lon === null) continue;
      L.circleMarker([r.lat, r.lon], {
        radius: 7,
        color: '#fff',
        weight: 2,
        fillColor: TONE[statusTone(r.status)],
        fillOpacity: 0.9,
      })
        .on('click', () => setSelected(r))
        .addTo(layer);
    }
  }, [items]);

  const follow = async (body: { request?: string; district?: string; bbox?: number[] }, what: string) => {
    if (!user) return navigate(`/app/signin?next=${encodeURIComponent('/app/map')}`);
    try {
      await residentApi.subscribe(body);
      toast(t('r.map.following', { what }));
    } catch {
      toast(t('r.map.followFailed'));
    }
  };
  const followView = () => {
    const b = map.current?.getBounds();
    if (b) void follow({ bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] }, t('r.map.thisArea'));
  };
  const name = (r: PublicRequest) =>
    r.category ? tr(index.get(r.category)?.name, i18n.language) : t('r.mine.noCategory');

  return (
    <>
      <h1>{t('r.map.title')}</h1>
      <div className="r-row r-filters">
        <label>
          {t('r.map.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="open">{t('r.map.open')}</option>
            <option value="done">{t('r.map.done')}</option>
            <option value="">{t('r.map.all')}</option>
          </select>
        </label>
        <label>
          {t('r.map.kind')}
          <select value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('r.map.all')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {`${c.icon ?? ''} ${tr(c.name, i18n.language)}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        ref={el}
        className="r-map r-map-tall"
        role="application"
        aria-label={t('r.map.label')}
        data-testid="public-map"
      />
      <div className="r-row">
        <button type="button" onClick={followView}>
          {t('r.map.followView')}
        </button>
        {district && (
          <button type="button" onClick={() => void follow({ district: district.code }, district.name)}>
            {t('r.map.followDistrict', { name: district.name })}
          </button>
        )}
      </div>
      {selected && (
        <section className="r-panel" aria-live="polite">
          <strong>{name(selected)}</strong> <StatusBadge status={selected.status} />
          {selected.text && <p>{selected.text}</p>}
          <small className="r-muted">
            № {selected.number} · {formatDate(selected.createdAt, i18n.language, false)}
          </small>
          <button
            type="button"
            className="r-wide"
            onClick={() => void follow({ request: selected.number }, `№ ${selected.number}`)}
          >
            {t('r.check.follow')}
          </button>
        </section>
      )}
      <h2 className="r-h3">{t('r.map.list', { count: items.length })}</h2>
      <ul className="r-list">
        {items.slice(0, 100).map((r) => (
          <li key={r.number}>
            <button type="button" className="r-item" onClick={() => setSelected(r)}>
              <span className="r-icon" aria-hidden="true">
                {(r.category && index.get(r.category)?.icon) ?? '•'}
              </span>
              <span className="r-item-body">
                <strong>{name(r)}</strong>
                <small>{formatDate(r.createdAt, i18n.language, false)}</small>
                <span>
                  <StatusBadge status={r.status} />
                </span>
                {r.text && <small>{r.text.slice(0, 140)}</small>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
