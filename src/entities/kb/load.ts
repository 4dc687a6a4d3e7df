/**
 * `loadKb`: the shipped knowledge base plus user actor files (`--kb FILE`),
 * validated and indexed. Uses the compiled cache `data/kb/kb-cache.json` when it
 * is current (see `readCache`), else parses the YAML sources.
 */
import { performance } from 'node:perf_hooks';
import { buildKb, compileIndex, extendIndex } from './kb.js';
import type { CompiledIndex, Kb } from './kb.js';
import { shippedFiles } from './files.js';
import { readCache, readShippedRecords, readUserActors } from './records.js';
import type { KbRecords } from './records.js';
import type { KbActor } from './types.js';

export interface LoadKbOptions {
  /** User actor files (YAML, or JSON by extension), same schema as `data/kb/actors/*.yaml`. An entry whose id exists replaces it. */
  extraFiles?: string[];
  /** The data folder (default: `data/` of the package). For tests and custom deployments. */
  dataDir?: string;
  /** Use the compiled cache when current (default true). */
  useCache?: boolean;
}

/** How a load went, for `--verbose` output and benchmarks. */
export interface KbLoadInfo {
  fromCache: boolean;
  ms: number;
}

/** The last load's info (per process), set by `loadKb`. */
export let lastLoadInfo: KbLoadInfo | null = null;

/** Loads, validates and indexes the KB; throws `KbError` (file:line) on a bad entry. */
export function loadKb(options: LoadKbOptions = {}): Kb {
  const t0 = performance.now();
  const files = shippedFiles(options.dataDir);
  const cached = options.useCache === false ? null : readCache(files);
  const records = cached?.records ?? readShippedRecords(files);
  let index: CompiledIndex | null = cached?.index ?? null;
  let all = records;
  if (options.extraFiles?.length) {
    const user = readUserFiles(records, options.extraFiles);
    const overrides = records.actors.some((a) => user.has(a.id));
    all = { ...records, actors: records.actors.filter((a) => !user.has(a.id)).concat([...user.values()]) };
    // Appending to a cached index is cheap; a user entry that replaces a shipped one needs a full compile.
    index = index && !overrides ? extendIndex(all, index, records.actors.length) : null;
  }
  const kb = buildKb(all, index ?? compileIndex(all));
  lastLoadInfo = { fromCache: cached !== null, ms: performance.now() - t0 };
  return kb;
}

/** User actors by id (a later file's entry replaces an earlier one's). */
function readUserFiles(shipped: KbRecords, paths: string[]): Map<string, KbActor> {
  const codes = new Set(shipped.countries.map((c) => c.iso3));
  const user = new Map<string, KbActor>();
  for (const path of paths) {
    for (const a of readUserActors(path, codes)) user.set(a.id, a);
  }
  return user;
}
