/** ECharts pieces of the panel: a chart that clicks through, and the district map (no tiles: the GeoJSON is the map). */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type Option = echarts.EChartsCoreOption;
export interface ClickParams {
  name?: string;
  seriesIndex?: number;
  dataIndex?: number;
  data?: unknown;
}

/** One chart; `label` names it for screen readers; `onClick` gets the clicked bar/area. */
export function Chart({
  option,
  label,
  onClick,
  height = 280,
}: {
  option: Option;
  label: string;
  onClick?: (p: ClickParams) => void;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    c.setOption(option);
    c.on('click', (p) => click.current?.(p as ClickParams));
    const onResize = (): void => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
    };
  }, [option]);
  return (
    <div ref={el} role="img" aria-label={label} style={{ height, cursor: onClick ? 'pointer' : undefined }} />
  );
}

export interface DistrictFeature {
  type: 'Feature';
  properties: { code: string; name: Record<string, string> };
  geometry: unknown;
}

let registered = '';
/** Registers the city's districts as an ECharts map (named by district code) once per shape. */
export function registerDistricts(features: DistrictFeature[]): string {
  const key = features.map((f) => f.properties.code).join(',');
  if (registered !== key) {
    echarts.registerMap('komek-districts', {
      type: 'FeatureCollection',
      features: features.map((f) => ({ ...f, properties: { name: f.properties.code } })),
    } as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered = key;
  }
  return 'komek-districts';
}
