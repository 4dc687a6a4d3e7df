/**
 * Where the shipped KB lives. Paths are resolved from this module's URL, so the
 * loader works from `src/` and from `dist/src/` alike (and from an installed package).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Marker that identifies the package root: its data folder. */
const DATA_MARKER = join('data', 'gazetteer', 'countries.yaml');
/** How far up from this module the root may be (dist/src/entities/kb → 4). */
const MAX_LEVELS_UP = 6;

/** The package root: the nearest ancestor of this module holding `data/gazetteer/countries.yaml`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i <= MAX_LEVELS_UP; i++) {
    if (existsSync(join(dir, DATA_MARKER))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`cannot find the Marsad data folder (${DATA_MARKER}) above ${fileURLToPath(import.meta.url)}`);
}

/** The shipped data files, as absolute paths. */
export interface ShippedFiles {
  root: string;
  countries: string;
  regions: string;
  groups: string;
  roles: string;
  places: string;
  actors: string[];
  /** The compiled JSON cache (may not exist). */
  cache: string;
}

/** Lists the shipped files under `dataDir` (default: `<package root>/data`). Actor files are sorted by name. */
export function shippedFiles(dataDir?: string): ShippedFiles {
  const data = dataDir ?? join(packageRoot(), 'data');
  const actorsDir = join(data, 'kb', 'actors');
  const actors = existsSync(actorsDir)
    ? readdirSync(actorsDir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort().map((f) => join(actorsDir, f))
    : [];
  return {
    root: dirname(data),
    countries: join(data, 'gazetteer', 'countries.yaml'),
    regions: join(data, 'gazetteer', 'regions.yaml'),
    groups: join(data, 'kb', 'groups.yaml'),
    roles: join(data, 'kb', 'roles.yaml'),
    places: join(data, 'gazetteer', 'places.tsv'),
    actors,
    cache: join(data, 'kb', 'kb-cache.json'),
  };
}

/** Every source file the cache depends on. */
export function sourceList(files: ShippedFiles): string[] {
  return [files.countries, files.regions, files.groups, files.roles, files.places, ...files.actors];
}

/** A path relative to the package root, with forward slashes: how messages and `where` name shipped files. */
export function displayPath(files: ShippedFiles, path: string): string {
  return relative(files.root, path).split('\\').join('/');
}
