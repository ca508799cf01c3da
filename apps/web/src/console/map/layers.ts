/**
 * Two small Leaflet layers for the console map, drawn ourselves (no plugin): grid clustering
 * (points binned into 64-pixel cells at the current zoom) and a heat map on a canvas.
 */
import L from 'leaflet';

/** [lat, lon, request number, status, criticality], as the map API sends them. */
export type MapPoint = [number, number, string, string, string];

export interface Cluster {
  lat: number;
  lon: number;
  count: number;
  /** The only point when count is 1. */
  point: MapPoint | undefined;
  bounds: L.LatLngBounds;
}

/** Bins the points visible in `view` into cells of `cell` pixels at zoom `zoom`. */
export function gridCluster(
  map: L.Map,
  points: readonly MapPoint[],
  view: L.LatLngBounds,
  zoom: number,
  cell = 64,
): Cluster[] {
  const cells = new Map<string, { sx: number; sy: number; n: number; first: MapPoint; b: L.LatLngBounds }>();
  for (const p of points) {
    const ll = L.latLng(p[0], p[1]);
    if (!view.contains(ll)) continue;
    const px = map.project(ll, zoom);
    const key = `${Math.floor(px.x / cell)}:${Math.floor(px.y / cell)}`;
    const c = cells.get(key);
    if (c) {
      c.sx += p[0];
      c.sy += p[1];
      c.n++;
      c.b.extend(ll);
    } else cells.set(key, { sx: p[0], sy: p[1], n: 1, first: p, b: L.latLngBounds(ll, ll) });
  }
  return [...cells.values()].map((c) => ({
    lat: c.sx / c.n,
    lon: c.sy / c.n,
    count: c.n,
    point: c.n === 1 ? c.first : undefined,
    bounds: c.b,
  }));
}

/** A heat map: each point adds a soft blob of alpha; the summed alpha is coloured blue → red. */
export class HeatLayer extends L.Layer {
  private canvas: HTMLCanvasElement | undefined;
  constructor(
    private points: readonly MapPoint[],
    private radius = 18,
  ) {
    super();
  }

  setPoints(points: readonly MapPoint[]): void {
    this.points = points;
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'heat-layer leaflet-zoom-hide') as HTMLCanvasElement;
    this.canvas.setAttribute('aria-hidden', 'true');
    map.getPanes().overlayPane.appendChild(this.canvas);
    map.on('moveend zoomend resize', this.redraw, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize', this.redraw, this);
    this.canvas?.remove();
    this.canvas = undefined;
    return this;
  }

  private redraw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    canvas.width = size.x;
    canvas.height = size.y;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const r = this.radius;
    const blob = document.createElement('canvas');
    blob.width = blob.height = r * 2;
    const b = blob.getContext('2d');
    if (!b) return;
    const g = b.createRadialGradient(r, r, 0, r, r, r);
    g.addColorStop(0, 'rgba(0,0,0,0.25)');
    g.addColorStop(1, 'rgba(0,0,0,0)');
    b.fillStyle = g;
    b.fillRect(0, 0, r * 2, r * 2);
    for (const p of this.points) {
      const c = map.latLngToContainerPoint([p[0], p[1]]);
      if (c.x < -r || c.y < -r || c.x > size.x + r || c.y > size.y + r) continue;
      ctx.drawImage(blob, c.x - r, c.y - r);
    }
    if (!size.x || !size.y) return;
    const img = ctx.getImageData(0, 0, size.x, size.y);
    const d = img.data;
    for (let i = 3; i < d.length; i += 4) {
      const a = d[i] ?? 0;
      if (!a) continue;
      const t = a / 255;
      // blue (cold) → yellow → red (hot)
      d[i - 3] = Math.round(255 * Math.min(1, t * 2));
      d[i - 2] = Math.round(255 * (t < 0.5 ? t * 2 : 2 - t * 2));
      d[i - 1] = Math.round(255 * Math.max(0, 1 - t * 3));
      d[i] = Math.min(230, 60 + a);
    }
    ctx.putImageData(img, 0, 0);
  }
}
