/**
 * Validation of raw KB entries into typed records. Every problem throws a
 * `KbError` at the line of the offending field (or of the entry), phrased for
 * the person who wrote the file.
 */
import { KbError } from './errors.js';
import type { RawEntry } from './source.js';
import { ENTITY_TYPES } from './types.js';
import type {
  ActorPeriod, Capital, Country, EntityType, Group, GroupKind, KbActor, Metonym, Region, Role, RoleKind,
} from './types.js';

/** A CAMEO actor code: one or more three-letter groups (LBY, LBYMIL, IGOUNO). */
export const ACTOR_CODE = /^[A-Z]{3}(?:[A-Z]{3})*$/;
export const ISO3 = /^[A-Z]{3}$/;
export const ISO2 = /^[A-Z]{2}$/;
export const WIKIDATA_ID = /^Q[1-9]\d*$/;
/** Entry ids: lower-case slugs (khalifa-haftar, un-security-council). */
export const SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

const YEAR_MIN = 1800;
const YEAR_MAX = 2100;
const LAT_LIMIT = 90;
const LON_LIMIT = 180;

const ROLE_KINDS: readonly RoleKind[] = ['title', 'group', 'org-head'];
const GROUP_KINDS: readonly GroupKind[] = ['ethnic', 'religious'];

/** "A, B, C or D" for messages. */
function either(options: readonly string[]): string {
  return options.length <= 1 ? options.join('') : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

/** Typed access to the fields of one raw entry; each getter checks and throws at the field's line. */
export class EntryFields {
  private readonly obj: Record<string, unknown>;
  /** How messages name the entry: `actor "khalifa-haftar"`. */
  label: string;

  constructor(readonly raw: RawEntry, readonly what: string) {
    if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value)) {
      throw new KbError(raw.file, raw.line, `${what} entry must be a mapping of fields, found ${show(raw.value)}`);
    }
    this.obj = raw.value as Record<string, unknown>;
    this.label = what;
  }

  /** `file:line` of the entry. */
  get where(): string {
    return `${this.raw.file}:${this.raw.line}`;
  }

  has(name: string): boolean {
    return this.obj[name] !== undefined;
  }

  fail(field: string | null, problem: string): never {
    const line = (field !== null && this.raw.fieldLines.get(field)) || this.raw.line;
    throw new KbError(this.raw.file, line, `${this.label} ${problem}`);
  }

  /** Rejects fields outside `allowed` (a misspelt "alias" would otherwise be silently ignored). */
  onlyFields(allowed: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (!allowed.includes(key)) this.fail(key, `has unknown field "${key}" (expected ${either(allowed)})`);
    }
  }

  str(name: string): string {
    const v = this.obj[name];
    if (v === undefined || v === null) this.fail(null, `lacks required field "${name}"`);
    if (typeof v !== 'string' || v.trim() === '') this.fail(name, `has ${name} ${show(v)}: expected a non-empty string`);
    return v.trim();
  }

  optStr(name: string): string | undefined {
    return this.has(name) && this.obj[name] !== null ? this.str(name) : undefined;
  }

  /** A string matching `shape`, or null when the field is null or absent and `nullable`. */
  code(name: string, shape: RegExp, describe: string, nullable: boolean): string | null {
    const v = this.obj[name];
    if (v === undefined || v === null) {
      if (nullable) return null;
      this.fail(null, `lacks required field "${name}"`);
    }
    if (typeof v !== 'string' || !shape.test(v)) this.fail(name, `has malformed ${name} ${show(v)} (expected ${describe})`);
    return v;
  }

  strList(name: string): string[] {
    const v = this.obj[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(name, `has ${name} ${show(v)}: expected a list of strings`);
    return v.map((item) => {
      if (typeof item !== 'string' || item.trim() === '') this.fail(name, `has a bad item ${show(item)} in ${name}: expected a non-empty string`);
      return item.trim();
    });
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const v = this.obj[name];
    if (v === undefined || v === null) this.fail(null, `lacks required field "${name}"`);
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(name, `has unknown ${name} ${show(v)} (expected ${either(allowed)})`);
    }
    return v as T;
  }

  num(name: string, min: number, max: number): number {
    const v = this.obj[name];
    if (v === undefined || v === null) this.fail(null, `lacks required field "${name}"`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      this.fail(name, `has ${name} ${show(v)}: expected a number from ${min} to ${max}`);
    }
    return v;
  }

  optYear(name: string): number | undefined {
    if (!this.has(name) || this.obj[name] === null) return undefined;
    const y = this.num(name, YEAR_MIN, YEAR_MAX);
    if (!Number.isInteger(y)) this.fail(name, `has ${name} ${y}: expected a whole year`);
    return y;
  }

  /** Optional `from`/`to` years, checked to be in order. */
  years(): [number | undefined, number | undefined] {
    const from = this.optYear('from');
    const to = this.optYear('to');
    if (from !== undefined && to !== undefined && to < from) this.fail('to', `has to ${to} before from ${from}`);
    return [from, to];
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.obj[name];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') this.fail(name, `has ${name} ${show(v)}: expected true or false`);
    return v;
  }

  /** A nested mapping, checked by `read` with messages at this field's line. */
  nested(name: string): EntryFields | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    const line = this.raw.fieldLines.get(name) ?? this.raw.line;
    const inner = new EntryFields({ value: v, file: this.raw.file, line, fieldLines: new Map() }, `${this.label}: ${name}`);
    return inner;
  }

  /** Items of a list of mappings, each as fields reported at this field's line. */
  nestedList(name: string): EntryFields[] {
    const v = this.obj[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(name, `has ${name} ${show(v)}: expected a list`);
    const line = this.raw.fieldLines.get(name) ?? this.raw.line;
    return v.map((item, i) => new EntryFields({ value: item, file: this.raw.file, line, fieldLines: new Map() }, `${this.label}: ${name}[${i}]`));
  }
}

/** Known countries, for checking `country` references. */
export type CountryCodes = ReadonlySet<string>;

const ACTOR_FIELDS = ['id', 'name', 'nameEn', 'type', 'actor', 'country', 'wikidata', 'aliases', 'ambiguousAliases', 'roles', 'from', 'to', 'history', 'note'];

/** Validates an actor entry. `countries` checks the `country` reference. */
export function readActor(raw: RawEntry, countries: CountryCodes): KbActor {
  const f = new EntryFields(raw, 'actor');
  const id = f.code('id', SLUG, 'a lower-case slug such as "khalifa-haftar"', false) as string;
  f.label = `actor "${id}"`;
  f.onlyFields(ACTOR_FIELDS);
  const name = f.str('name');
  const nameEn = f.str('nameEn');
  const type = f.oneOf<EntityType>('type', ENTITY_TYPES);
  if (!f.has('actor')) f.fail(null, 'lacks required field "actor" (a CAMEO code, or null when none fits)');
  const country = f.code('country', ISO3, 'an ISO 3166-1 alpha-3 code such as "LBY", or null', true);
  if (country !== null && !countries.has(country)) f.fail('country', `has unknown country "${country}" (not in countries.yaml)`);
  const roles = f.strList('roles');
  for (const r of roles) if (!ACTOR_CODE.test(r)) f.fail('roles', `has malformed role "${r}" (expected a code such as MIL or GOVMIL)`);
  const [from, to] = f.years();
  const aliases = f.strList('aliases');
  const ambiguousAliases = f.strList('ambiguousAliases');
  for (const a of ambiguousAliases) if (a !== name && !aliases.includes(a)) f.fail('ambiguousAliases', `lists "${a}" in ambiguousAliases but not as its name or an alias`);
  const history = f.nestedList('history').map(readPeriod);
  const actor: KbActor = {
    id,
    name,
    nameEn,
    type,
    actor: f.code('actor', ACTOR_CODE, 'a CAMEO code such as "LBYMIL" or "IGOUNO", or null', true),
    country,
    wikidata: f.code('wikidata', WIKIDATA_ID, 'a Wikidata id such as "Q1058" or null', true),
    aliases,
    where: f.where,
  };
  if (ambiguousAliases.length > 0) actor.ambiguousAliases = ambiguousAliases;
  if (history.length > 0) actor.history = history;
  if (roles.length > 0) actor.roles = roles;
  if (from !== undefined) actor.from = from;
  if (to !== undefined) actor.to = to;
  const note = f.optStr('note');
  if (note !== undefined) actor.note = note;
  return actor;
}

function readPeriod(f: EntryFields): ActorPeriod {
  f.onlyFields(['actor', 'from', 'to']);
  const period: ActorPeriod = { actor: f.code('actor', ACTOR_CODE, 'a CAMEO code such as "AFGINS"', false) as string };
  const [from, to] = f.years();
  if (from !== undefined) period.from = from;
  if (to !== undefined) period.to = to;
  return period;
}

const COUNTRY_FIELDS = ['iso3', 'iso2', 'cameo', 'name', 'nameEn', 'sovereign', 'variants', 'ambiguousNames', 'capital', 'lat', 'lon', 'nisba', 'nisbaPlural', 'nisbaAmbiguous', 'metonyms'];

function readCapital(f: EntryFields | null): Capital | null {
  if (f === null) return null;
  f.onlyFields(['name', 'nameEn', 'lat', 'lon', 'indexed', 'note']);
  const cap: Capital = { name: f.str('name'), nameEn: f.str('nameEn'), lat: f.num('lat', -LAT_LIMIT, LAT_LIMIT), lon: f.num('lon', -LON_LIMIT, LON_LIMIT) };
  if (f.has('indexed')) cap.indexed = f.bool('indexed', true);
  const note = f.optStr('note');
  if (note !== undefined) cap.note = note;
  return cap;
}

function readMetonym(f: EntryFields): Metonym {
  f.onlyFields(['name', 'actor', 'type', 'ambiguous']);
  const m: Metonym = {
    name: f.str('name'),
    actor: f.code('actor', ACTOR_CODE, 'a CAMEO code such as "USAGOV"', false) as string,
    type: f.has('type') ? f.oneOf<EntityType>('type', ENTITY_TYPES) : 'LOC',
  };
  if (f.bool('ambiguous', false)) m.ambiguous = true;
  return m;
}

export function readCountry(raw: RawEntry): Country {
  const f = new EntryFields(raw, 'country');
  const iso3 = f.code('iso3', ISO3, 'an ISO 3166-1 alpha-3 code', false) as string;
  f.label = `country "${iso3}"`;
  f.onlyFields(COUNTRY_FIELDS);
  const name = f.str('name');
  const variants = f.strList('variants');
  const ambiguousNames = f.strList('ambiguousNames');
  for (const a of ambiguousNames) if (a !== name && !variants.includes(a)) f.fail('ambiguousNames', `lists "${a}" in ambiguousNames but not as its name or a variant`);
  const nisba = f.strList('nisba');
  const nisbaAmbiguous = f.strList('nisbaAmbiguous');
  for (const a of nisbaAmbiguous) if (!nisba.includes(a)) f.fail('nisbaAmbiguous', `lists "${a}" in nisbaAmbiguous but not in nisba`);
  return {
    iso3,
    iso2: f.code('iso2', ISO2, 'an ISO 3166-1 alpha-2 code', false) as string,
    cameo: f.code('cameo', ACTOR_CODE, 'a CAMEO country code', false) as string,
    name,
    nameEn: f.str('nameEn'),
    sovereign: f.bool('sovereign', true),
    variants,
    ambiguousNames,
    capital: readCapital(f.nested('capital')),
    lat: f.num('lat', -LAT_LIMIT, LAT_LIMIT),
    lon: f.num('lon', -LON_LIMIT, LON_LIMIT),
    nisba,
    nisbaPlural: f.strList('nisbaPlural'),
    nisbaAmbiguous,
    metonyms: f.nestedList('metonyms').map(readMetonym),
    where: f.where,
  };
}

export function readRegion(raw: RawEntry): Region {
  const f = new EntryFields(raw, 'region');
  const id = f.code('id', SLUG, 'a lower-case slug', false) as string;
  f.label = `region "${id}"`;
  f.onlyFields(['id', 'name', 'nameEn', 'variants', 'ambiguousNames', 'lat', 'lon', 'cameo', 'nisba']);
  const name = f.str('name');
  const variants = f.strList('variants');
  const ambiguousNames = f.strList('ambiguousNames');
  for (const a of ambiguousNames) if (a !== name && !variants.includes(a)) f.fail('ambiguousNames', `lists "${a}" in ambiguousNames but not as its name or a variant`);
  return {
    id,
    name,
    nameEn: f.str('nameEn'),
    variants,
    ambiguousNames,
    lat: f.num('lat', -LAT_LIMIT, LAT_LIMIT),
    lon: f.num('lon', -LON_LIMIT, LON_LIMIT),
    cameo: f.code('cameo', ISO3, 'a three-letter CAMEO region code such as "WAF", or null', true),
    nisba: f.strList('nisba'),
    where: f.where,
  };
}

export function readGroup(raw: RawEntry): Group {
  const f = new EntryFields(raw, 'group');
  const id = f.code('id', SLUG, 'a lower-case slug', false) as string;
  f.label = `group "${id}"`;
  f.onlyFields(['id', 'name', 'nameEn', 'kind', 'cameo', 'nisba', 'plural', 'aliases', 'nisbaAmbiguous']);
  const nisba = f.strList('nisba');
  const nisbaAmbiguous = f.strList('nisbaAmbiguous');
  for (const a of nisbaAmbiguous) if (!nisba.includes(a)) f.fail('nisbaAmbiguous', `lists "${a}" in nisbaAmbiguous but not in nisba`);
  return {
    id,
    name: f.str('name'),
    nameEn: f.str('nameEn'),
    kind: f.oneOf<GroupKind>('kind', GROUP_KINDS),
    cameo: f.code('cameo', ACTOR_CODE, 'a CAMEO code such as "MUS", or null', true),
    nisba,
    plural: f.strList('plural'),
    aliases: f.strList('aliases'),
    nisbaAmbiguous,
    where: f.where,
  };
}

export function readRole(raw: RawEntry): Role {
  const f = new EntryFields(raw, 'role');
  const phrase = f.str('phrase');
  f.label = `role "${phrase}"`;
  f.onlyFields(['phrase', 'role', 'kind', 'variants']);
  return {
    phrase,
    role: f.code('role', ACTOR_CODE, 'a CAMEO role code such as "MIL" or "GOVMIL", or null', true),
    kind: f.oneOf<RoleKind>('kind', ROLE_KINDS),
    variants: f.strList('variants'),
    where: f.where,
  };
}
