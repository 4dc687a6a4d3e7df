/**
 * The offline basemap: Natural Earth countries at 1:110m from the world-atlas
 * package, bundled as a file of the dashboard (fetched from the same origin,
 * never from the internet), turned into GeoJSON and registered with ECharts once.
 * (1:50m draws finer coasts but has ten times the points: ECharts spends most
 * of the map's first drawing on them, and redraws them all on every pan.)
 */
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { echarts } from './echarts.js';

export const BASEMAP = 'world';

let registered: Promise<void> | null = null;

export function registerBasemap(): Promise<void> {
  registered ??= fetch(atlasUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`basemap: HTTP ${r.status}`);
      return r.json() as Promise<Topology>;
    })
    .then((topology) => {
      const countries = feature(topology, topology.objects.countries) as FeatureCollection;
      echarts.registerMap(BASEMAP, countries as Parameters<typeof echarts.registerMap>[1]);
    })
    .catch((e: unknown) => {
      registered = null;
      throw e;
    });
  return registered;
}
