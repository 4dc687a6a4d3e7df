/**
 * Reading the KB into validated records: the shipped YAML/TSV sources, user
 * actor files, and the compiled JSON cache that makes loading fast.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KbError } from './errors.js';
import { displayPath, sourceList } from './files.js';
import { compileIndex } from './kb.js';
import type { CompiledIndex } from './kb.js';
import { aliasKey } from './keys.js';
import type { ShippedFiles } from './files.js';
import { parsePlaces, placeFromRow, placeToRow } from './places.js';
import type { PlaceRow } from './places.js';
import { readEntries } from './source.js';
import type { RawEntry } from './source.js';
import { readActor, readCountry, readGroup, readRegion, readRole } from './validate.js';
import type { Country, Group, KbActor, Place, Region, Role } from './types.js';

/** All validated entries of a KB, before indexing. */
export interface KbRecords {
  countries: Country[];
  regions: Region[];
  groups: Group[];
  roles: Role[];
  places: Place[];
  actors: KbActor[];
}

/** Key under which a mapping-shaped file holds its list (`actors: [...]`). */
const LIST_KEYS = { countries: 'countries', regions: 'regions', groups: 'groups', roles: 'roles', actors: 'actors' } as const;

function entries(files: ShippedFiles, path: string, listKey: string): RawEntry[] {
  return readEntries(path, listKey, displayPath(files, path));
}

/** Throws on a repeated id, naming both places. */
function checkUnique<T extends { where: string }>(items: T[], idOf: (t: T) => string, what: string): void {
  const seen = new Map<string, T>();
  for (const item of items) {
    const id = idOf(item);
    const first = seen.get(id);
    if (first) {
      const [file, line] = splitWhere(item.where);
      throw new KbError(file, line, `duplicate ${what} "${id}" (first defined at ${first.where})`);
    }
    seen.set(id, item);
  }
}

/** Splits "file:line" (the file may itself contain colons). */
export function splitWhere(where: string): [string, number | null] {
  const at = where.lastIndexOf(':');
  const line = Number(where.slice(at + 1));
  return at > 0 && Number.isInteger(line) ? [where.slice(0, at), line] : [where, null];
}

/** The records compiled from YAML: everything but the places (a TSV that parses fast as it is). */
export type YamlRecords = Omit<KbRecords, 'places'>;

/** Reads and validates the shipped YAML sources (the slow path the cache avoids). */
export function readYamlRecords(files: ShippedFiles): YamlRecords {
  const countries = entries(files, files.countries, LIST_KEYS.countries).map(readCountry);
  checkUnique(countries, (c) => c.iso3, 'country');
  const codes = new Set(countries.map((c) => c.iso3));
  const regions = entries(files, files.regions, LIST_KEYS.regions).map(readRegion);
  checkUnique(regions, (r) => r.id, 'region');
  const groups = entries(files, files.groups, LIST_KEYS.groups).map(readGroup);
  checkUnique(groups, (g) => g.id, 'group');
  const roles = entries(files, files.roles, LIST_KEYS.roles).map(readRole);
  const actors = files.actors.flatMap((path) => entries(files, path, LIST_KEYS.actors).map((raw) => readActor(raw, codes)));
  checkUnique(actors, (a) => a.id, 'actor id');
  return { countries, regions, groups, roles, actors };
}

/** Reads the compiled gazetteer (empty when absent), checking its country codes against `countries`. */
export function readPlaces(files: ShippedFiles, countries: ReadonlySet<string>): Place[] {
  if (!existsSync(files.places)) return [];
  const places = parsePlaces(readFileSync(files.places, 'utf8'), displayPath(files, files.places));
  for (const p of places) {
    if (!countries.has(p.country)) {
      const [file, line] = splitWhere(p.where);
      throw new KbError(file, line, `place "${p.name}" has unknown country "${p.country}"`);
    }
  }
  return places;
}

/** All shipped records: the YAML ones (read here unless `yaml` is given) plus the places. */
export function readShippedRecords(files: ShippedFiles, yaml: YamlRecords = readYamlRecords(files)): KbRecords {
  return { ...yaml, places: readPlaces(files, new Set(yaml.countries.map((c) => c.iso3))) };
}

/**
 * Reads a user actor file (YAML, or JSON when it ends in .json), same schema as
 * the shipped actor files. `label` is how messages name it (default: the path).
 */
export function readUserActors(path: string, countryCodes: ReadonlySet<string>, label = path): KbActor[] {
  const actors = readEntries(path, LIST_KEYS.actors, label).map((raw) => readActor(raw, countryCodes));
  checkUnique(actors, (a) => a.id, 'actor id');
  return actors;
}

/** Schema tag of the cache file; bump when `KbRecords` or `CompiledIndex` changes shape. */
export const CACHE_SCHEMA = 'marsad.kb-cache/4';

/**
 * A string whose key exercises every folding rule. The cache stores its key; a
 * different key at load time means `normalize` changed, so the cached keys are stale.
 */
const NORMALIZATION_PROBE = 'أإآٱ ى ة ـ َُِّ ک ی ١٢٣ ABC ﻻ \u200f';

/** The modules whose behaviour the cached index depends on (paths relative to this module, no extension). */
const INDEXING_MODULES = ['kb', 'nisba', 'keys', 'places', 'validate', '../../arabic/normalize', '../../arabic/charsets'];

/**
 * SHA-1 over the code that compiles the index, as loaded (the `.js` in `dist/`, or
 * the `.ts` when run from source): editing it invalidates the cache by itself.
 */
function codeFingerprint(): string {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const hash = createHash('sha1');
  for (const m of INDEXING_MODULES) {
    const path = join(dirname(here), m + ext);
    hash.update(existsSync(path) ? readFileSync(path) : m);
  }
  return hash.digest('hex');
}

interface CacheFile {
  schema: string;
  /** Key of `NORMALIZATION_PROBE` when the cache was built. */
  probe: string;
  /** `codeFingerprint()` when the cache was built. */
  code: string;
  /** Source path (relative) → SHA-1 of its content when the cache was built. */
  sources: Record<string, string>;
  /** The records, places apart (stored as compact rows: they are most of the file). */
  records: YamlRecords;
  places: PlaceRow[];
  index: CompiledIndex;
}

/** The shipped KB as the cache holds it: validated records and their compiled index. */
export interface CachedKb {
  records: KbRecords;
  index: CompiledIndex;
}

function sha1(path: string): string {
  return createHash('sha1').update(readFileSync(path)).digest('hex');
}

/** The sources the cache is compiled from. */
function cacheSources(files: ShippedFiles): string[] {
  return sourceList(files).filter((p) => existsSync(p));
}

function fingerprints(files: ShippedFiles): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of cacheSources(files)) out[displayPath(files, path)] = sha1(path);
  return out;
}

/** Validates the shipped sources, compiles their index and writes the cache. Returns the records. */
export function writeCache(files: ShippedFiles): KbRecords {
  const records = readShippedRecords(files);
  const cache: CacheFile = {
    schema: CACHE_SCHEMA, probe: aliasKey(NORMALIZATION_PROBE), code: codeFingerprint(), sources: fingerprints(files),
    records: { countries: records.countries, regions: records.regions, groups: records.groups, roles: records.roles, actors: records.actors },
    places: records.places.map(placeToRow),
    index: compileIndex(records),
  };
  writeFileSync(files.cache, JSON.stringify(cache) + '\n');
  return records;
}

/**
 * The cached KB when the cache is current, else null. Current means: same schema,
 * normalisation and indexing code, and newer than every source (mtime) or, failing that (a
 * fresh checkout sets mtimes arbitrarily), built from sources with the same
 * content (SHA-1).
 */
export function readCache(files: ShippedFiles): CachedKb | null {
  if (!existsSync(files.cache)) return null;
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(files.cache, 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  if (cache.schema !== CACHE_SCHEMA || cache.probe !== aliasKey(NORMALIZATION_PROBE) || cache.code !== codeFingerprint()) return null;
  const sources = cacheSources(files);
  const names = sources.map((p) => displayPath(files, p));
  if (names.length !== Object.keys(cache.sources).length || names.some((n) => !(n in cache.sources))) return null;
  const cacheTime = statSync(files.cache).mtimeMs;
  const current = sources.every((p) => statSync(p).mtimeMs <= cacheTime) || sources.every((p, i) => sha1(p) === cache.sources[names[i]]);
  return current ? { records: { ...cache.records, places: cache.places.map(placeFromRow) }, index: cache.index } : null;
}
