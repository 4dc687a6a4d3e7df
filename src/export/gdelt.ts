/**
 * Events as GDELT 2.0 event records: tab-separated, 61 columns, no header, one
 * event a line, as in GDELT's `*.export.CSV` files. The column mapping is in
 * docs/exports.md; where Marsad has nothing for a column it is empty.
 */
import type { StoredActor, StoredEvent } from '../store/index.js';
import { actorParts } from './actors.js';

/** The GDELT 2.0 event columns, in file order. */
export const GDELT_COLUMNS = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

/** GDELT geographic resolution codes used here. */
const GEO_COUNTRY = 1;
const GEO_WORLD_CITY = 4;
/** GDELT's FractionDate: (month × 30 + day) / 365, four decimals. */
const DAYS_PER_MONTH = 30;
const DAYS_PER_YEAR = 365;
const FRACTION_DIGITS = 4;

type Cell = string | number | null | undefined;

/** A TSV field: no tabs or line breaks inside. */
function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

function actorColumns(a: StoredActor | null): Cell[] {
  const p = actorParts(a?.actor, a?.country);
  return [p.code, a?.name ?? a?.text ?? '', p.country, '', '', '', '', p.types[0] ?? '', p.types[1] ?? '', p.types[2] ?? ''];
}

function dateColumns(date: string | null): Cell[] {
  if (!date) return ['', '', '', ''];
  const [y, m, d] = date.split('-').map(Number);
  const fraction = ((m * DAYS_PER_MONTH + d) / DAYS_PER_YEAR).toFixed(FRACTION_DIGITS).replace(/^\d+\./, '');
  return [`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, `${y}${String(m).padStart(2, '0')}`, y, `${y}.${fraction}`];
}

/** YYYYMMDDHHMMSS (UTC) of an ISO time. */
function dateAdded(iso: string): string {
  return iso.replace(/[-:T]/g, '').slice(0, 14);
}

/** One event as its 61 GDELT fields. */
export function gdeltRow(e: StoredEvent): string[] {
  const l = e.location;
  const located = l && (l.lat != null || l.country);
  const actionGeo: Cell[] = located
    ? [l!.lat != null ? GEO_WORLD_CITY : GEO_COUNTRY, l!.name ?? l!.text, l!.country, '', '', l!.lat, l!.lon, l!.wikidata ?? l!.entity]
    : ['', '', '', '', '', '', '', ''];
  const emptyGeo: Cell[] = ['', '', '', '', '', '', '', ''];
  const row: Cell[] = [
    e.globalId,
    ...dateColumns(e.date),
    ...actorColumns(e.source),
    ...actorColumns(e.target),
    e.isRoot ? 1 : 0,
    e.cameo,
    e.baseCode,
    e.rootCode,
    e.quadClass,
    e.goldstein,
    e.cluster.numMentions,
    e.cluster.numSources,
    e.cluster.numArticles,
    '',
    ...emptyGeo,
    ...emptyGeo,
    ...actionGeo,
    dateAdded(e.addedAt),
    e.url ?? `marsad:article/${e.articleId}`,
  ];
  return row.map(field);
}

/** The GDELT export, one line per event (a header line only when asked). */
export async function* gdeltChunks(events: AsyncIterable<StoredEvent>, options: { header?: boolean } = {}): AsyncGenerator<string> {
  if (options.header) yield GDELT_COLUMNS.join('\t') + '\n';
  for await (const e of events) yield gdeltRow(e).join('\t') + '\n';
}
