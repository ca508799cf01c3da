/**
 * The map for placing a report: Leaflet with the city's districts as the only layer (no tile
 * server), a tap drops the pin. Lazily loaded: Leaflet never weighs on the first screen.
 */
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { residentApi } from '../api.ts';
import type { Point } from './types.ts';

const STYLE = { color: '#0b6e4f', weight: 2, fillColor: '#0b6e4f', fillOpacity: 0.06 };

export default function MapPicker({
  point,
  onPick,
  label,
}: {
  point: Point | null;
  onPick(p: Point): void;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    // No animations: cheap phones draw them badly, and the picture must match the pin at once.
    const m = L.map(el.current, {
      attributionControl: false,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    }).setView([51.16, 71.45], 11);
    map.current = m;
    m.on('click', (e: L.LeafletMouseEvent) =>
      pick.current({ lat: e.latlng.lat, lon: e.latlng.lng, source: 'map' }),
    );
    let live = true;
    residentApi
      .districts()
      .then((fc) => {
        if (!live) return;
        const layer = L.geoJSON(fc, { style: STYLE, interactive: false }).addTo(m);
        const b = layer.getBounds();
        if (b.isValid() && !pin.current) m.fitBounds(b, { padding: [8, 8] });
      })
      .catch(() => undefined);
    return () => {
      live = false;
      m.remove();
      map.current = null;
      pin.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    const ll: L.LatLngExpression = [point.lat, point.lon];
    if (pin.current) pin.current.setLatLng(ll);
    else
      pin.current = L.circleMarker(ll, {
        radius: 10,
        color: '#fff',
        weight: 3,
        fillColor: '#b3261e',
        fillOpacity: 1,
      }).addTo(m);
    if (point.source !== 'map') m.setView(ll, Math.max(m.getZoom(), 15));
  }, [point]);

  return <div ref={el} className="r-map" role="application" aria-label={label} data-testid="map" />;
}
