/**
 * Event exports: JSON, CSV, GDELT 2.0 TSV, PLOVER JSON and GeoJSON. Each format
 * is a stream of text chunks over an async stream of stored events, so an
 * export of any size runs in bounded memory (the CLI writes it to stdout, the
 * API streams it).
 */
import type { StoredEvent } from '../store/index.js';
import { csvChunks } from './csv.js';
import { gdeltChunks } from './gdelt.js';
import { ploverRecord } from './plover.js';
import { geojsonChunks } from './geojson.js';

export const EXPORT_FORMATS = ['json', 'csv', 'gdelt', 'plover', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The Content-Type of each format. */
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  gdelt: 'text/tab-separated-values; charset=utf-8',
  plover: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** A file extension for each format (downloads). */
export const EXTENSIONS: Record<ExportFormat, string> = { json: 'json', csv: 'csv', gdelt: 'tsv', plover: 'json', geojson: 'geojson' };

async function* jsonArray<T>(events: AsyncIterable<StoredEvent>, map: (e: StoredEvent) => T): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const e of events) {
    yield (first ? '\n' : ',\n') + JSON.stringify(map(e));
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** The export of `events` in `format`, as text chunks. */
export function exportChunks(format: ExportFormat, events: AsyncIterable<StoredEvent>): AsyncGenerator<string> {
  switch (format) {
    case 'csv':
      return csvChunks(events);
    case 'gdelt':
      return gdeltChunks(events);
    case 'plover':
      return jsonArray(events, ploverRecord);
    case 'geojson':
      return geojsonChunks(events);
    default:
      return jsonArray(events, (e) => e);
  }
}

export { csvField, CSV_COLUMNS, UTF8_BOM } from './csv.js';
export { GDELT_COLUMNS, gdeltRow } from './gdelt.js';
export { ploverRecord, ploverMode, type PloverRecord } from './plover.js';
export { eventFeature, isLocated } from './geojson.js';
