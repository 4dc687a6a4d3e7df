/**
 * ECharts, imported piece by piece (bars, scatter on a map, graph) so the
 * bundle carries only what the dashboard draws. Loaded lazily by `Chart`.
 */
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GraphChart, ScatterChart, AriaComponent, DataZoomComponent, GeoComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type ECharts = echarts.ECharts;
export type EChartsOption = echarts.EChartsCoreOption;
