/**
 * The loaded knowledge base: validated records plus the indexes a matcher needs
 * (alias keys → candidate readings, nationality adjectives, role phrases).
 *
 * Indexing happens in two steps so that it can be cached: `compileIndex` turns
 * records into a plain, JSON-serialisable `CompiledIndex` (keys and numeric
 * references to records); `buildKb` materialises it into candidate objects. The
 * shipped KB's compiled index lives in the cache file, so a normal load only
 * materialises (see `records.ts`).
 */
import { ARTICLE, aliasKey, keyTokens, withoutArticle } from './keys.js';
import { NisbaIndex } from './nisba.js';
import type { PackedNisba } from './nisba.js';
import type { KbRecords } from './records.js';
import type { CandidateKind, Country, EntityType, KbActor, KbCandidate, NisbaReading, Role } from './types.js';

export interface Kb extends KbRecords {
  /**
   * Alias key (see `aliasKey`) → readings, best first: unambiguous before ambiguous, then
   * actors, metonyms, countries, groups, regions, capitals, places (by population).
   */
  aliasIndex: Map<string, KbCandidate[]>;
  countryByIso3: Map<string, Country>;
  actorById: Map<string, KbActor>;
  /** Role phrase key → role. Use `roleOf`, which also tries with/without the article. */
  roleIndex: Map<string, Role>;
  /** Longest alias key, in tokens: the window of a longest-match matcher. */
  maxAliasTokens: number;
  /** Longest nisba form, in tokens (كوري شمالي = 2). */
  maxNisbaTokens: number;
  /** Longest role phrase, in tokens. */
  maxRoleTokens: number;
  /** ISO3 of the country a nationality adjective names (الليبية → LBY), or null; ambiguous forms (المالية) give null. */
  nisbaCountry(normWord: string): string | null;
  /** Full reading of a nationality/group/region adjective, ambiguous forms included. */
  nisbaOf(normWord: string): NisbaReading | null;
  /** The role a title/group/org-head phrase gives (الرئيس → GOV), trying it with and without ال. */
  roleOf(normPhrase: string): Role | null;
  /** Candidates for a name as written (it is keyed first). */
  lookup(name: string): KbCandidate[];
}

// ------------------------------------------------------------ candidate references

/** Candidate kinds by their number in a reference. */
const KINDS: readonly CandidateKind[] = ['actor', 'metonym', 'country', 'group', 'region', 'capital', 'place'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
/** Numbers per reference: kind, record index, sub-index (the metonym), ambiguous (0/1). */
const REF_SIZE = 4;
const ACTOR = 0, METONYM = 1, COUNTRY = 2, GROUP = 3, REGION = 4, CAPITAL = 5, PLACE = 6;

/**
 * The alias index in serialisable form: `keys[i]` has the references
 * `refs[i]` (flattened groups of `REF_SIZE` numbers), already ranked.
 */
export interface CompiledIndex {
  keys: string[];
  refs: number[][];
  maxAliasTokens: number;
  nisba: PackedNisba;
}

/** The candidate a reference stands for, built from its record. */
function candidateFor(records: KbRecords, kind: number, i: number, sub: number, ambiguous: boolean): KbCandidate {
  switch (kind) {
    case ACTOR: {
      const a = records.actors[i];
      return make('actor', a.id, a.name, a.type, a.actor, a.country, null, null, a.wikidata, ambiguous, null, a);
    }
    case METONYM: {
      const k = records.countries[i];
      const m = k.metonyms[sub];
      return make('metonym', `${k.iso3}/${m.name}`, m.name, m.type, m.actor, k.iso3, k.capital?.lat ?? null, k.capital?.lon ?? null, null, ambiguous, null, k);
    }
    case COUNTRY: {
      const k = records.countries[i];
      return make('country', k.iso3, k.name, 'LOC', k.cameo, k.iso3, k.lat, k.lon, null, ambiguous, null, k);
    }
    case CAPITAL: {
      const k = records.countries[i];
      const cap = k.capital!;
      return make('capital', k.iso3, cap.name, 'LOC', k.cameo, k.iso3, cap.lat, cap.lon, null, ambiguous, null, k);
    }
    case GROUP: {
      const g = records.groups[i];
      return make('group', g.id, g.name, 'MISC', g.cameo, null, null, null, null, ambiguous, null, g);
    }
    case REGION: {
      const r = records.regions[i];
      return make('region', r.id, r.name, 'LOC', r.cameo, null, r.lat, r.lon, null, ambiguous, null, r);
    }
    default: {
      const p = records.places[i];
      return make('place', p.source, p.name, 'LOC', null, p.country, p.lat, p.lon, null, ambiguous, p.population, p);
    }
  }
}

/** A candidate with every field set in one fixed order (one hidden class: fast to build and read). */
function make(
  kind: CandidateKind, id: string, name: string, type: EntityType, actor: string | null, country: string | null,
  lat: number | null, lon: number | null, wikidata: string | null, ambiguous: boolean, population: number | null,
  ref: KbCandidate['ref'],
): KbCandidate {
  return { kind, id, name, type, actor, country, lat, lon, wikidata, ambiguous, population, ref };
}

// ------------------------------------------------------------ compiling

/** Collects references under keys, then ranks them. */
class IndexCompiler {
  readonly lists = new Map<string, number[]>();
  maxAliasTokens = 0;

  constructor(private readonly records: KbRecords, from?: CompiledIndex) {
    if (from) {
      from.keys.forEach((k, i) => this.lists.set(k, from.refs[i].slice()));
      this.maxAliasTokens = from.maxAliasTokens;
    }
  }

  add(name: string, kind: number, i: number, sub = 0, ambiguous = false): void {
    const key = aliasKey(name);
    if (key === '') return;
    const list = this.lists.get(key);
    if (list) {
      // A name listed twice for one entry (under variant spellings) is indexed once.
      for (let j = 0; j < list.length; j += REF_SIZE) if (list[j] === kind && list[j + 1] === i && list[j + 2] === sub) return;
      list.push(kind, i, sub, ambiguous ? 1 : 0);
    } else this.lists.set(key, [kind, i, sub, ambiguous ? 1 : 0]);
    const tokens = keyTokens(key);
    if (tokens > this.maxAliasTokens) this.maxAliasTokens = tokens;
  }

  /**
   * Ranks each key's references: unambiguous first (عمان: the city Amman before the
   * ambiguous country name), then by kind (actors … places), then by population.
   */
  ranked(list: number[]): number[] {
    if (list.length === REF_SIZE) return list;
    const refs: number[][] = [];
    for (let j = 0; j < list.length; j += REF_SIZE) refs.push(list.slice(j, j + REF_SIZE));
    const population = (r: number[]): number => (r[0] === PLACE ? this.records.places[r[1]].population ?? 0 : 0);
    refs.sort((a, b) => a[3] - b[3] || a[0] - b[0] || population(b) - population(a));
    return refs.flat();
  }
}

/** Compiles the alias and nisba indexes of `records` into serialisable form. */
export function compileIndex(records: KbRecords): CompiledIndex {
  const c = new IndexCompiler(records);
  records.actors.forEach((a, i) => addActor(c, a, i));
  records.countries.forEach((k, i) => {
    const ambiguous = new Set(k.ambiguousNames.map(aliasKey));
    for (const n of [k.name, ...k.variants]) c.add(n, COUNTRY, i, 0, ambiguous.has(aliasKey(n)));
    const metonymKeys = new Set<string>();
    k.metonyms.forEach((m, j) => {
      metonymKeys.add(aliasKey(m.name));
      c.add(m.name, METONYM, i, j, m.ambiguous === true);
    });
    const cap = k.capital;
    if (cap && k.sovereign && cap.indexed !== false && !metonymKeys.has(aliasKey(cap.name))) c.add(cap.name, CAPITAL, i);
  });
  records.groups.forEach((g, i) => {
    for (const n of [g.name, ...g.aliases]) c.add(n, GROUP, i);
    for (const p of g.plural) {
      c.add(p, GROUP, i);
      c.add(ARTICLE + aliasKey(p), GROUP, i);
    }
  });
  records.regions.forEach((r, i) => {
    const ambiguous = new Set(r.ambiguousNames.map(aliasKey));
    for (const n of [r.name, ...r.variants]) c.add(n, REGION, i, 0, ambiguous.has(aliasKey(n)));
  });
  records.places.forEach((p, i) => {
    for (const n of [p.key, ...p.aliases]) c.add(n, PLACE, i, 0, p.ambiguous === true);
  });
  const keys = [...c.lists.keys()];
  return {
    keys,
    refs: keys.map((k) => c.ranked(c.lists.get(k)!)),
    maxAliasTokens: c.maxAliasTokens,
    nisba: buildNisbaIndex(records).pack(),
  };
}

/**
 * `compiled` extended with the actors `records.actors[firstActor…]` (user files
 * appended after the shipped actors), without recompiling the rest.
 */
export function extendIndex(records: KbRecords, compiled: CompiledIndex, firstActor: number): CompiledIndex {
  const c = new IndexCompiler(records, compiled);
  for (let i = firstActor; i < records.actors.length; i++) addActor(c, records.actors[i], i);
  const keys = [...c.lists.keys()];
  return { keys, refs: keys.map((k) => c.ranked(c.lists.get(k)!)), maxAliasTokens: c.maxAliasTokens, nisba: compiled.nisba };
}

function addActor(c: IndexCompiler, a: KbActor, i: number): void {
  const ambiguous = new Set((a.ambiguousAliases ?? []).map(aliasKey));
  for (const n of [a.name, ...a.aliases]) c.add(n, ACTOR, i, 0, ambiguous.has(aliasKey(n)));
}

/** Countries first (their stems win collisions), then groups, then regions. */
function buildNisbaIndex(records: KbRecords): NisbaIndex {
  const index = new NisbaIndex();
  for (const k of records.countries) {
    const ambiguous = new Set(k.nisbaAmbiguous);
    for (const stem of k.nisba) index.addStem(stem, 'country', k.iso3, ambiguous.has(stem));
  }
  for (const k of records.countries) {
    for (const p of k.nisbaPlural) index.addPlural(p, 'country', k.iso3, false);
  }
  for (const g of records.groups) {
    const ambiguous = new Set(g.nisbaAmbiguous);
    for (const stem of g.nisba) index.addStem(stem, 'group', g.id, ambiguous.has(stem));
    for (const p of g.plural) index.addPlural(p, 'group', g.id, false);
  }
  for (const r of records.regions) {
    for (const stem of r.nisba) index.addStem(stem, 'region', r.id, false);
  }
  return index;
}

// ------------------------------------------------------------ materialising

/**
 * Builds the KB over `records`. `compiled` is the records' compiled index (from
 * the cache); without it the index is compiled here.
 */
export function buildKb(records: KbRecords, compiled: CompiledIndex = compileIndex(records)): Kb {
  const aliasIndex = new Map<string, KbCandidate[]>();
  const { keys, refs } = compiled;
  for (let k = 0; k < keys.length; k++) {
    const r = refs[k];
    const list: KbCandidate[] = new Array(r.length / REF_SIZE);
    for (let j = 0; j < r.length; j += REF_SIZE) list[j / REF_SIZE] = candidateFor(records, r[j], r[j + 1], r[j + 2], r[j + 3] === 1);
    aliasIndex.set(keys[k], list);
  }
  const nisba = NisbaIndex.unpack(compiled.nisba);
  const { roleIndex, maxRoleTokens } = buildRoleIndex(records.roles);
  const roleOf = (phrase: string): Role | null => {
    const key = aliasKey(phrase);
    const bare = withoutArticle(key);
    return roleIndex.get(key) ?? (bare !== null ? roleIndex.get(bare) : roleIndex.get(ARTICLE + key)) ?? null;
  };
  return {
    ...records,
    aliasIndex,
    countryByIso3: new Map(records.countries.map((k) => [k.iso3, k])),
    actorById: new Map(records.actors.map((a) => [a.id, a])),
    roleIndex,
    maxAliasTokens: compiled.maxAliasTokens,
    maxNisbaTokens: nisba.maxTokens,
    maxRoleTokens,
    nisbaCountry: (w) => nisba.country(w),
    nisbaOf: (w) => nisba.get(w),
    roleOf,
    lookup: (name) => aliasIndex.get(aliasKey(name)) ?? [],
  };
}

function buildRoleIndex(roles: Role[]): { roleIndex: Map<string, Role>; maxRoleTokens: number } {
  const roleIndex = new Map<string, Role>();
  let maxRoleTokens = 0;
  for (const r of roles) {
    for (const phrase of [r.phrase, ...r.variants]) {
      const key = aliasKey(phrase);
      if (!roleIndex.has(key)) roleIndex.set(key, r);
      maxRoleTokens = Math.max(maxRoleTokens, keyTokens(key));
    }
  }
  return { roleIndex, maxRoleTokens };
}

/** The kind code of a candidate kind (exposed for tests of the packed format). */
export function kindCode(kind: CandidateKind): number {
  return KIND_CODE.get(kind)!;
}
