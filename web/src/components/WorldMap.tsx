/**
 * Located events on the offline world map: the server's places (events
 * counted by place), gathered into clusters that split as the map zooms in.
 * Clicking a marker selects its area (`onSelect`); the list of places under
 * the map does the same from the keyboard.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cellDegreesAt, clusterPoints, isLocated, type Cluster } from '../../../src/web/lib/clusters.js';
import type { ECharts, EChartsOption } from '../charts/echarts.js';
import { FONT_FAMILY, INK, MAP_COLORS } from '../charts/palette.js';
import { useLocale } from '../i18n/locale.js';
import { Chart } from './Chart.js';
import { ErrorNote, Loading } from './Status.js';

/** A place with located events. */
export interface MapPoint {
  lat: number;
  lon: number;
  place: string;
  events: number;
}

/** A rectangle of the map, [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

const MARKER_MIN_PX = 10;
const MARKER_PX_PER_SQRT_EVENT = 4;
const MARKER_MAX_PX = 48;
/** The narrowest view the map fits the data to, in degrees of longitude, and the deepest zoom. */
const MIN_FIT_SPAN_DEGREES = 40;
const WORLD_SPAN_DEGREES = 360;
const MAX_ZOOM = 40;
const SERIES_ID = 'clusters';

/** The server's places as map points (those with usable coordinates). */
export function mapPoints(places: readonly { lat: number; lon: number; name: string; events: number }[]): MapPoint[] {
  return places.flatMap((p) => (isLocated(p) && p.events > 0 ? [{ lat: p.lat, lon: p.lon, place: p.name, events: p.events }] : []));
}

/** Margin around selected places, in degrees: their coordinates are averages, events' are exact. */
const SELECT_MARGIN_DEGREES = 0.01;
const BOUNDS_DECIMALS = 4;

/** The rectangle around points, with a small margin, rounded for the address. */
export function boundsOf(points: readonly { lat: number; lon: number }[]): Bounds {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const round = (x: number) => Number(x.toFixed(BOUNDS_DECIMALS));
  const clamp = (x: number, max: number) => Math.max(-max, Math.min(max, x));
  return [
    round(clamp(Math.min(...lons) - SELECT_MARGIN_DEGREES, 180)),
    round(clamp(Math.min(...lats) - SELECT_MARGIN_DEGREES, 90)),
    round(clamp(Math.max(...lons) + SELECT_MARGIN_DEGREES, 180)),
    round(clamp(Math.max(...lats) + SELECT_MARGIN_DEGREES, 90)),
  ];
}

/** Events of a cluster. */
function eventsOf(cluster: Cluster<MapPoint>): number {
  return cluster.members.reduce((n, m) => n + m.events, 0);
}

/** The place of a cluster with the most events. */
function mainPlace(cluster: Cluster<MapPoint>): string {
  return cluster.members.reduce((best, m) => (m.events > best.events ? m : best)).place;
}

function markerSize(count: number): number {
  return Math.min(MARKER_MIN_PX + MARKER_PX_PER_SQRT_EVENT * Math.sqrt(count), MARKER_MAX_PX);
}

function fitView(points: readonly MapPoint[]): { center: [number, number]; zoom: number } | null {
  if (!points.length) return null;
  const [west, south, east, north] = boundsOf(points);
  const span = Math.max(east - west, 2 * (north - south), MIN_FIT_SPAN_DEGREES);
  return { center: [(west + east) / 2, (south + north) / 2], zoom: Math.min(WORLD_SPAN_DEGREES / span, MAX_ZOOM) };
}

function clusterData(points: readonly MapPoint[], zoom: number, format: (n: number) => string) {
  return clusterPoints(points, cellDegreesAt(zoom)).map((cluster) => {
    const n = eventsOf(cluster);
    return {
      name: mainPlace(cluster),
      value: [cluster.lon, cluster.lat, n],
      symbolSize: markerSize(n),
      label: { show: n > 1, formatter: format(n) },
      bounds: boundsOf(cluster.members),
    };
  });
}

interface Props {
  points: readonly MapPoint[];
  onSelect(bounds: Bounds, place: string): void;
  label: string;
}

export function WorldMap({ points, onSelect, label }: Props) {
  const { t, number } = useLocale();
  const [basemap, setBasemap] = useState<'loading' | 'ready' | Error>('loading');
  const select = useRef(onSelect);
  select.current = onSelect;
  const latestPoints = useRef(points);
  latestPoints.current = points;
  useEffect(() => {
    import('../charts/basemap.js')
      .then((m) => m.registerBasemap())
      .then(() => setBasemap('ready'), (e: unknown) => setBasemap(e instanceof Error ? e : new Error(String(e))));
  }, []);

  const view = useMemo(() => fitView(points), [points]);
  const initialMarkers = useMemo(() => clusterData(points, view?.zoom ?? 1, number), [points, view, number]);
  const option = useMemo<EChartsOption>(() => ({
    // Markers appear at once: no entry animation to wait for.
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, color: INK },
    tooltip: { trigger: 'item', renderMode: 'richText', formatter: (p: { name: string; value: number[] }) => t('placeEvents', { place: p.name, n: p.value[2] }) },
    geo: {
      map: 'world',
      roam: true,
      center: view?.center,
      zoom: view?.zoom ?? 1,
      scaleLimit: { min: 1, max: MAX_ZOOM },
      itemStyle: { areaColor: MAP_COLORS.land, borderColor: MAP_COLORS.border },
      emphasis: { disabled: true },
      select: { disabled: true },
    },
    series: [{
      id: SERIES_ID,
      type: 'scatter',
      coordinateSystem: 'geo',
      data: initialMarkers,
      itemStyle: { color: MAP_COLORS.marker, borderColor: MAP_COLORS.markerBorder, borderWidth: 1, opacity: 0.85 },
      label: { position: 'inside', color: MAP_COLORS.markerBorder, fontWeight: 'bold' },
      emphasis: { scale: true },
    }],
  }), [initialMarkers, view, t]);

  const wrapper = useRef<HTMLDivElement>(null);
  /** The markers drawn, as `lon,lat,count;…` on the wrapper: what tests read instead of the canvas. */
  const showMarkers = (data: ReturnType<typeof clusterData>) =>
    wrapper.current?.setAttribute('data-markers', data.map((d) => d.value.join(',')).join(';'));
  useEffect(() => showMarkers(initialMarkers), [initialMarkers]);

  const onReady = (chart: ECharts) => {
    const recluster = () => {
      const geo = (chart.getOption() as { geo?: { zoom?: number }[] }).geo?.[0];
      const data = clusterData(latestPoints.current, geo?.zoom ?? 1, number);
      chart.setOption({ series: [{ id: SERIES_ID, data }] });
      showMarkers(data);
    };
    chart.on('georoam', recluster);
    chart.on('click', (params) => {
      const p = params as { data?: { bounds?: Bounds; name?: string } };
      if (p.data?.bounds) select.current(p.data.bounds, p.data.name ?? '');
    });
  };

  const places = useMemo(() => [...points].sort((a, b) => b.events - a.events), [points]);

  return (
    <div class="world-map" ref={wrapper}>
      {basemap === 'loading' ? <Loading /> : basemap instanceof Error ? <ErrorNote error={basemap} /> : (
        <Chart class="chart-map" option={option} label={label} onReady={onReady} />
      )}
      <section class="map-places" aria-label={t('mapPlaces')}>
        <h3 class="sr-only">{t('mapPlaces')}</h3>
        {places.length === 0 ? <p class="muted">{t('mapNoPlaces')}</p> : (
          <ul class="place-list">
            {places.map((p) => (
              <li key={`${p.place}@${p.lat},${p.lon}`} data-place={p.place} data-lat={p.lat} data-lon={p.lon}>
                <button type="button" class="chip" onClick={() => onSelect(boundsOf([p]), p.place)}>
                  <span lang="ar" dir="rtl">{p.place}</span> <span class="count">{number(p.events)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
