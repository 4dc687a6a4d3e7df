/**
 * Actor knowledge base and gazetteers: countries, places, regions, groups,
 * actors with CAMEO codes, nationality adjectives and role phrases.
 */
export { loadKb, lastLoadInfo } from './load.js';
export type { LoadKbOptions, KbLoadInfo } from './load.js';
export type { Kb } from './kb.js';
export { buildKb, compileIndex } from './kb.js';
export type { CompiledIndex } from './kb.js';
export { KbError } from './errors.js';
export { aliasKey, keyTokens } from './keys.js';
export { nisbaForms, NisbaIndex } from './nisba.js';
export { writeCache, readCache, readShippedRecords, readYamlRecords } from './records.js';
export type { KbRecords, YamlRecords, CachedKb } from './records.js';
export { shippedFiles } from './files.js';
export type * from './types.js';
export { ENTITY_TYPES } from './types.js';
