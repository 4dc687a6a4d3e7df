/**
 * Events as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * Arabic as UTF-8), a header row, RFC 4180 quoting and CRLF line ends. Text
 * cells that start like a formula (= + - @) get a leading apostrophe, so a
 * hostile article cannot plant a formula in an analyst's spreadsheet.
 */
import type { StoredEvent } from '../store/index.js';

export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | null | undefined;

/** The columns, each with how to read it from an event. */
export const CSV_COLUMNS: readonly [string, (e: StoredEvent) => Cell][] = [
  ['global_id', (e) => e.globalId],
  ['id', (e) => e.id],
  ['article_id', (e) => e.articleId],
  ['date', (e) => e.date],
  ['cameo', (e) => e.cameo],
  ['base_code', (e) => e.baseCode],
  ['root_code', (e) => e.rootCode],
  ['plover', (e) => e.plover],
  ['quad_class', (e) => e.quadClass],
  ['goldstein', (e) => e.goldstein],
  ['mode', (e) => e.mode],
  ['is_root', (e) => (e.isRoot ? 1 : 0)],
  ['num_mentions', (e) => e.cluster.numMentions],
  ['num_sources', (e) => e.cluster.numSources],
  ['num_articles', (e) => e.cluster.numArticles],
  ['cluster_id', (e) => e.cluster.id],
  ['source_name', (e) => e.source?.name],
  ['source_text', (e) => e.source?.text],
  ['source_actor', (e) => e.source?.actor],
  ['source_country', (e) => e.source?.country],
  ['source_entity', (e) => e.source?.entity],
  ['target_name', (e) => e.target?.name],
  ['target_text', (e) => e.target?.text],
  ['target_actor', (e) => e.target?.actor],
  ['target_country', (e) => e.target?.country],
  ['target_entity', (e) => e.target?.entity],
  ['location_name', (e) => e.location?.name],
  ['location_country', (e) => e.location?.country],
  ['lat', (e) => e.location?.lat],
  ['lon', (e) => e.location?.lon],
  ['trigger', (e) => e.trigger.text],
  ['quote', (e) => e.quote],
  ['title', (e) => e.title],
  ['url', (e) => e.url],
  ['source', (e) => e.sourceKey],
  ['added_at', (e) => e.addedAt],
];

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV export, header first. */
export async function* csvChunks(events: AsyncIterable<StoredEvent>): AsyncGenerator<string> {
  yield UTF8_BOM + CSV_COLUMNS.map(([name]) => name).join(',') + CRLF;
  for await (const e of events) yield CSV_COLUMNS.map(([, get]) => csvField(get(e))).join(',') + CRLF;
}
