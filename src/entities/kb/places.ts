/**
 * The compiled gazetteer `data/gazetteer/places.tsv` (written by
 * `scripts/build-gazetteer.ts`): one place a line, tab-separated, `#` comments.
 */
import { KbError } from './errors.js';
import type { Place, PlaceKind } from './types.js';

/** Column order of places.tsv. */
export const PLACE_COLUMNS = ['name', 'key', 'kind', 'country', 'lat', 'lon', 'population', 'source', 'aliases', 'ambiguous', 'note'] as const;

/** Separator of the `aliases` column. */
export const ALIAS_SEPARATOR = '|';
const PLACE_KINDS: readonly PlaceKind[] = ['city', 'admin1'];
const ISO3 = /^[A-Z]{3}$/;

/** One place as a TSV line (no newline). */
export function formatPlace(p: Omit<Place, 'where'>): string {
  const cells = [p.name, p.key, p.kind, p.country, String(p.lat), String(p.lon), p.population === null ? '' : String(p.population), p.source, p.aliases.join(ALIAS_SEPARATOR), p.ambiguous ? '1' : '', p.note ?? ''];
  for (const c of cells) if (/[\t\n]/.test(c)) throw new Error(`place cell contains a tab or newline: ${JSON.stringify(c)}`);
  return cells.join('\t');
}

/** Parses places.tsv; `label` names the file in errors. The header line (starting "name\t") is skipped. */
export function parsePlaces(text: string, label: string): Place[] {
  const out: Place[] = [];
  let lineNo = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' || line.charCodeAt(0) === HASH || line.startsWith('name\t')) continue;
    out.push(parsePlaceLine(line, label, lineNo));
  }
  return out;
}

const HASH = 35;
const LAT_LIMIT = 90;
const LON_LIMIT = 180;

function parsePlaceLine(line: string, label: string, lineNo: number): Place {
  const c = line.split('\t');
  const fail = (problem: string): never => {
    throw new KbError(label, lineNo, `place ${JSON.stringify(c[0] ?? '')} ${problem}`);
  };
  if (c.length < PLACE_COLUMNS.length - 1) fail(`has ${c.length} columns (expected ${PLACE_COLUMNS.length}: ${PLACE_COLUMNS.join(', ')})`);
  const [name, key, kind, country, lat, lon, population, source, aliases, ambiguous, note] = c;
  if (!name || !key || !source) fail('lacks a name, key or source');
  if (kind !== 'city' && kind !== 'admin1') fail(`has unknown kind "${kind}" (expected ${PLACE_KINDS.join(' or ')})`);
  if (!ISO3.test(country)) fail(`has malformed country "${country}"`);
  const la = Number(lat);
  const lo = Number(lon);
  if (!(Math.abs(la) <= LAT_LIMIT && Math.abs(lo) <= LON_LIMIT)) fail(`has bad coordinates ${lat}, ${lon}`);
  const pop = population === '' ? null : Number(population);
  if (pop !== null && !(Number.isInteger(pop) && pop >= 0)) fail(`has bad population "${population}"`);
  const place: Place = {
    name, key, kind: kind as PlaceKind, country, lat: la, lon: lo, population: pop, source,
    aliases: aliases ? aliases.split(ALIAS_SEPARATOR) : [],
    where: `${label}:${lineNo}`,
  };
  if (ambiguous === '1') place.ambiguous = true;
  if (note) place.note = note;
  return place;
}

/** A place as a compact tuple (for the JSON cache): the columns in order, `where` last. */
export type PlaceRow = [string, string, PlaceKind, string, number, number, number | null, string, string[], boolean, string | null, string];

export function placeToRow(p: Place): PlaceRow {
  return [p.name, p.key, p.kind, p.country, p.lat, p.lon, p.population, p.source, p.aliases, p.ambiguous === true, p.note ?? null, p.where];
}

export function placeFromRow(r: PlaceRow): Place {
  const p: Place = { name: r[0], key: r[1], kind: r[2], country: r[3], lat: r[4], lon: r[5], population: r[6], source: r[7], aliases: r[8], where: r[11] };
  if (r[9]) p.ambiguous = true;
  if (r[10] !== null) p.note = r[10];
  return p;
}
