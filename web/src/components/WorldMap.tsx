/**
 * Located events on the offline world map, gathered into clusters that split
 * as the map zooms in. Clicking a marker selects its events (`onSelect`); the
 * list of places under the map does the same from the keyboard.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoredEvent } from '../../../src/web/lib/api-types.js';
import { cellDegreesAt, clusterPoints, isLocated, type Cluster } from '../../../src/web/lib/clusters.js';
import type { ECharts, EChartsOption } from '../charts/echarts.js';
import { FONT_FAMILY, INK, MAP_COLORS } from '../charts/palette.js';
import { useLocale } from '../i18n/locale.js';
import { Chart } from './Chart.js';
import { argumentName } from './EventsTable.js';
import { ErrorNote, Loading } from './Status.js';

export interface MapPoint {
  lat: number;
  lon: number;
  place: string;
  event: StoredEvent;
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

export function mapPoints(events: readonly StoredEvent[]): MapPoint[] {
  return events.flatMap((event) =>
    event.location && isLocated(event.location)
      ? [{ lat: event.location.lat as number, lon: event.location.lon as number, place: argumentName(event.location), event }]
      : [],
  );
}

export function boundsOf(points: readonly { lat: number; lon: number }[]): Bounds {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** The place most of a cluster's events name. */
function mainPlace(cluster: Cluster<MapPoint>): string {
  const counts = new Map<string, number>();
  for (const m of cluster.members) counts.set(m.place, (counts.get(m.place) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
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
  return clusterPoints(points, cellDegreesAt(zoom)).map((cluster) => ({
    name: mainPlace(cluster),
    value: [cluster.lon, cluster.lat, cluster.members.length],
    symbolSize: markerSize(cluster.members.length),
    label: { show: cluster.members.length > 1, formatter: format(cluster.members.length) },
    bounds: boundsOf(cluster.members),
  }));
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

  const places = useMemo(() => {
    const byPlace = new Map<string, MapPoint[]>();
    for (const p of points) {
      const members = byPlace.get(p.place);
      if (members) members.push(p);
      else byPlace.set(p.place, [p]);
    }
    return [...byPlace.entries()].sort((a, b) => b[1].length - a[1].length);
  }, [points]);

  return (
    <div class="world-map" ref={wrapper}>
      {basemap === 'loading' ? <Loading /> : basemap instanceof Error ? <ErrorNote error={basemap} /> : (
        <Chart class="chart-map" option={option} label={label} onReady={onReady} />
      )}
      <section class="map-places" aria-label={t('mapPlaces')}>
        <h3 class="sr-only">{t('mapPlaces')}</h3>
        {places.length === 0 ? <p class="muted">{t('mapNoPlaces')}</p> : (
          <ul class="place-list">
            {places.map(([place, members]) => (
              <li key={place} data-place={place} data-lat={members[0].lat} data-lon={members[0].lon}>
                <button type="button" class="chip" onClick={() => onSelect(boundsOf(members), place)}>
                  <span lang="ar" dir="rtl">{place}</span> <span class="count">{number(members.length)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
