/**
 * The console map (/console/map): the city's districts as the base layer (tiles only when the
 * deployment sets MAP_TILE_URL), requests as grid clusters or a heat map, with the queue's
 * filters kept in the URL. Clicking a cluster zooms in; clicking a point opens the request.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { api, tr, type I18nText, type User } from '../../shared/api.ts';
import '../admin/strings.ts';
import { go } from '../nav.ts';
import { useCategories } from '../Queue.tsx';
import { gridCluster, HeatLayer, type MapPoint } from './layers.ts';

const STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_for_resident',
  'reopened',
  'resolved',
  'deferred',
  'closed',
];
const OPEN = 'new,assigned,in_progress,waiting_for_resident,reopened';
const LEVELS = ['urgent', 'high', 'standard', 'low'];
const FILTERS = ['status', 'category', 'district', 'criticality', 'agency'] as const;

interface DistrictFeature {
  properties: { code: string; name: I18nText };
}

export default function MapPage({ query, user }: { query: URLSearchParams; user: User }) {
  const { t, i18n } = useTranslation();
  const cats = useCategories();
  const [districts, setDistricts] = useState<DistrictFeature[]>([]);
  const [agencies, setAgencies] = useState<{ code: string; name: I18nText }[]>([]);
  const [points, setPoints] = useState<MapPoint[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState('');
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const clusters = useRef<L.LayerGroup | null>(null);
  const heat = useRef<HeatLayer | null>(null);
  const pointsRef = useRef<MapPoint[]>([]);
  const status = query.get('status') ?? OPEN;
  const heatOn = query.get('view') === 'heat';
  const key = query.toString();

  const setFilter = (k: string, v: string): void => {
    const p = new URLSearchParams(query);
    if (v) p.set(k, v);
    else p.delete(k);
    go(`/console/map?${p.toString()}`);
  };

  // The map, its base layers, once.
  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    m.setView([51.16, 71.45], 11);
    map.current = m;
    clusters.current = L.layerGroup().addTo(m);
    const lang = i18n.language;
    void api<{ mapTileUrl: string | null }>('/api/v1/public/settings').then((s) => {
      if (s.mapTileUrl) L.tileLayer(s.mapTileUrl, { maxZoom: 19 }).addTo(m).bringToBack();
    });
    void api<{ type: 'FeatureCollection'; features: DistrictFeature[] }>('/api/v1/districts').then((fc) => {
      setDistricts(fc.features);
      const layer = L.geoJSON(fc as unknown as GeoJSON.FeatureCollection, {
        style: {
          color: '#0b6e4f',
          weight: 2,
          fillColor: '#0b6e4f',
          fillOpacity: 0.06,
          className: 'district',
        },
        onEachFeature: (f, l) => {
          const p = f.properties as DistrictFeature['properties'];
          l.bindTooltip(tr(p.name, lang), { sticky: true });
        },
      }).addTo(m);
      if (layer.getBounds().isValid()) m.fitBounds(layer.getBounds(), { padding: [8, 8] });
    });
    void api<{ items: { code: string; name: I18nText }[] }>('/api/v1/agencies').then(
      (r) => setAgencies(r.items),
      () => setAgencies([]),
    );
    // The latest render's drawing (its strings follow the language).
    const redraw = (): void => drawRef.current();
    m.on('moveend zoomend', redraw);
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  const drawRef = useRef(drawClusters);
  drawRef.current = drawClusters;
  function drawClusters(): void {
    const m = map.current;
    const layer = clusters.current;
    if (!m || !layer) return;
    layer.clearLayers();
    if (heat.current && m.hasLayer(heat.current)) return;
    const zoom = m.getZoom();
    for (const c of gridCluster(m, pointsRef.current, m.getBounds().pad(0.2), zoom)) {
      const p = c.point;
      if (p) {
        L.marker([c.lat, c.lon], {
          title: `${p[2]} · ${p[3]}`,
          alt: p[2],
          icon: L.divIcon({ className: `map-point crit-${p[4]}`, iconSize: [14, 14] }),
        })
          .on('click', () => go(`/console/r/${p[2]}`))
          .addTo(layer);
      } else {
        const size = c.count < 10 ? 30 : c.count < 100 ? 36 : c.count < 1000 ? 44 : 52;
        L.marker([c.lat, c.lon], {
          title: t('m_cluster', { count: c.count }),
          icon: L.divIcon({
            className: 'map-cluster',
            html: `<span>${c.count}</span>`,
            iconSize: [size, size],
          }),
        })
          .on('click', () => {
            const next = Math.min(m.getMaxZoom() || 18, zoom + 2);
            if (c.bounds.getNorthEast().equals(c.bounds.getSouthWest())) m.setView([c.lat, c.lon], next);
            else m.fitBounds(c.bounds, { padding: [24, 24], maxZoom: next });
          })
          .addTo(layer);
      }
    }
  }

  // Points for the filters.
  useEffect(() => {
    const p = new URLSearchParams({ status });
    for (const k of FILTERS) {
      const v = query.get(k);
      if (v && k !== 'status') p.set(k, v);
    }
    let live = true;
    setError('');
    api<{ points: MapPoint[]; truncated: boolean }>(`/api/v1/map/points?${p.toString()}`).then(
      (r) => {
        if (!live) return;
        pointsRef.current = r.points;
        setPoints(r.points);
        setTruncated(r.truncated);
        heat.current?.setPoints(r.points);
        drawClusters();
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [key]);

  // Clusters or heat.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (heatOn) {
      heat.current ??= new HeatLayer(pointsRef.current);
      heat.current.setPoints(pointsRef.current);
      heat.current.addTo(m);
    } else if (heat.current) m.removeLayer(heat.current);
    drawClusters();
  }, [heatOn]);

  const lang = i18n.language;
  const catOptions = [...cats.values()].sort((a, b) => tr(a.name, lang).localeCompare(tr(b.name, lang)));
  return (
    <section className="map-page">
      <div className="filters">
        <label>
          {t('c_status')}
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value={OPEN}>{t('c_open')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('c_category')}
          <select value={query.get('category') ?? ''} onChange={(e) => setFilter('category', e.target.value)}>
            <option value="">{t('c_all')}</option>
            {catOptions.map((c) => (
              <option key={c.code} value={c.code}>
                {tr(c.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('c_district')}
          <select value={query.get('district') ?? ''} onChange={(e) => setFilter('district', e.target.value)}>
            <option value="">{t('c_all')}</option>
            {districts.map((d) => (
              <option key={d.properties.code} value={d.properties.code}>
                {tr(d.properties.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('c_crit')}
          <select
            value={query.get('criticality') ?? ''}
            onChange={(e) => setFilter('criticality', e.target.value)}
          >
            <option value="">{t('c_all')}</option>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          {t('c_agency')}
          <select
            value={query.get('agency') ?? ''}
            disabled={user.role === 'executor'}
            onChange={(e) => setFilter('agency', e.target.value)}
          >
            <option value="">{user.role === 'executor' ? (user.agencyCode ?? '') : t('c_all')}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {tr(a.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={heatOn}
            onChange={(e) => setFilter('view', e.target.checked ? 'heat' : '')}
          />{' '}
          {t('m_heat')}
        </label>
        <span role="status" className="map-count">
          {t('m_shown', { count: points.length })}
          {truncated ? ` · ${t('m_truncated')}` : ''}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div ref={el} className="console-map" role="region" aria-label={t('c_map')} />
    </section>
  );
}
