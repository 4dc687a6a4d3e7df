/**
 * Located events as a GeoJSON FeatureCollection (RFC 7946): one Point feature
 * per event with coordinates, [longitude, latitude], and the event's main
 * fields as properties. Events without coordinates are left out.
 */
import type { StoredEvent } from '../store/index.js';

export interface EventFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | boolean | null>;
}

const LAT_LIMIT = 90;
const LON_LIMIT = 180;

/** Whether an event has usable coordinates. */
export function isLocated(e: StoredEvent): boolean {
  const l = e.location;
  return !!l && typeof l.lat === 'number' && typeof l.lon === 'number' && Math.abs(l.lat) <= LAT_LIMIT && Math.abs(l.lon) <= LON_LIMIT;
}

/** The GeoJSON feature of a located event. */
export function eventFeature(e: StoredEvent): EventFeature {
  const l = e.location!;
  return {
    type: 'Feature',
    id: e.globalId,
    geometry: { type: 'Point', coordinates: [l.lon as number, l.lat as number] },
    properties: {
      id: e.id,
      articleId: e.articleId,
      date: e.date,
      cameo: e.cameo,
      plover: e.plover,
      quadClass: e.quadClass,
      goldstein: e.goldstein,
      source: e.source?.name ?? null,
      target: e.target?.name ?? null,
      location: l.name ?? l.text,
      country: l.country,
      trigger: e.trigger.text,
      numArticles: e.cluster.numArticles,
      numSources: e.cluster.numSources,
      numMentions: e.cluster.numMentions,
      url: e.url,
      title: e.title,
    },
  };
}

/** The GeoJSON FeatureCollection of the located events. */
export async function* geojsonChunks(events: AsyncIterable<StoredEvent>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const e of events) {
    if (!isLocated(e)) continue;
    yield (first ? '\n' : ',\n') + JSON.stringify(eventFeature(e));
    first = false;
  }
  yield '\n]}\n';
}
