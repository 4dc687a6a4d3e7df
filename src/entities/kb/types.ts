/**
 * Types of the actor knowledge base and gazetteers (`data/kb/`, `data/gazetteer/`).
 *
 * Every entry keeps `where` ("file:line") so a message about it can point at its
 * source. Arabic strings are stored as written; matching uses keys (see `keys.ts`).
 */
import type { EntityType } from '../../model/document.js';

export type { EntityType };

/** The entity types an entry may have, in the order messages list them. */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** An actor: a person, organisation or armed group with a CAMEO actor code. */
export interface KbActor {
  /** Stable slug, unique across the KB (`khalifa-haftar`). */
  id: string;
  /** Canonical Arabic name. */
  name: string;
  nameEn: string;
  type: EntityType;
  /** CAMEO actor code (country + roles, or IGO/IMG/NGO…), or null when none fits. */
  actor: string | null;
  /** ISO 3166-1 alpha-3 of the actor's country, or null (international actors). */
  country: string | null;
  /** Wikidata id, only when certain. */
  wikidata: string | null;
  /** Other names: spellings, short forms, distinctive surname, acronyms, Latin form. */
  aliases: string[];
  /** Aliases (among `name`/`aliases`) that are also common words or shared names: need context. */
  ambiguousAliases?: string[];
  /** Earlier or later codes with their years (CAMEO date restrictions), e.g. an insurgency that came to power. */
  history?: ActorPeriod[];
  /** Role codes the actor holds (GOV, MIL…), when useful beyond `actor`. */
  roles?: string[];
  /** First and last year in office (office holders). */
  from?: number;
  to?: number;
  note?: string;
  /** "file:line" of the entry. */
  where: string;
}

/** An actor code valid over a span of years (either end open). */
export interface ActorPeriod {
  actor: string;
  from?: number;
  to?: number;
}

/** A name that stands for a country or its government (واشنطن, الكرملين). */
export interface Metonym {
  name: string;
  /** The actor code it stands for: the country code or a role code (USAGOV). */
  actor: string;
  type: EntityType;
  /** The name is also a common word (مسقط "place of birth" in مسقط رأسه): needs context. */
  ambiguous?: boolean;
}

export interface Capital {
  name: string;
  nameEn: string;
  lat: number;
  lon: number;
  /** False when the name is too ambiguous to index as the capital. */
  indexed?: boolean;
  note?: string;
}

export interface Country {
  iso3: string;
  iso2: string;
  /** CAMEO country code (ISO3 except a few legacy codes, e.g. ROM for Romania). */
  cameo: string;
  name: string;
  nameEn: string;
  /** False for dependencies and disputed territories. Default true. */
  sovereign: boolean;
  variants: string[];
  /** Names (among `name`/`variants`) that are also common words: need context. */
  ambiguousNames: string[];
  capital: Capital | null;
  lat: number;
  lon: number;
  /** Nationality adjective stems, masculine singular (ليبي). */
  nisba: string[];
  /** Broken plurals of the nationality noun (أتراك). */
  nisbaPlural: string[];
  /** Stems that are also common words (مالي "financial"): not resolved by `nisbaCountry`. */
  nisbaAmbiguous: string[];
  metonyms: Metonym[];
  where: string;
}

export type PlaceKind = 'city' | 'admin1';

/** A city or first-level province from the compiled gazetteer (`places.tsv`). */
export interface Place {
  name: string;
  /** Match key (normalised name). */
  key: string;
  kind: PlaceKind;
  /** ISO3 of the country. */
  country: string;
  lat: number;
  lon: number;
  /** Population (cities), or null. */
  population: number | null;
  /** Source id: `geonames:2210247`, `ne:LBY-…`. */
  source: string;
  /** Further match keys (e.g. with the province prefix ولاية). */
  aliases: string[];
  /** The name is also a common word (الرياض "gardens"): kept for a major place, but needs context. */
  ambiguous?: boolean;
  note?: string;
  where: string;
}

/** A supranational region (الساحل, الشرق الأوسط). */
export interface Region {
  id: string;
  name: string;
  nameEn: string;
  variants: string[];
  /** Names (among `name`/`variants`) that are also common words: need context. */
  ambiguousNames: string[];
  lat: number;
  lon: number;
  /** CAMEO region code (AFR, MEA, WAF…), or null when CAMEO has none. */
  cameo: string | null;
  /** Adjective stems (أفريقي, خليجي), optional. */
  nisba: string[];
  where: string;
}

export type GroupKind = 'ethnic' | 'religious';

/** An ethnic or religious group: typed MISC, never a country. */
export interface Group {
  id: string;
  name: string;
  nameEn: string;
  kind: GroupKind;
  /** CAMEO religion/ethnic code when there is a settled one, else null. */
  cameo: string | null;
  /** Adjective stems (كردي) and broken plurals (أكراد). */
  nisba: string[];
  plural: string[];
  aliases: string[];
  /** Stems that are common words: looked up but flagged. */
  nisbaAmbiguous: string[];
  where: string;
}

/** How a role phrase is used: before a name, as a body/group, or as the head word of an organisation name. */
export type RoleKind = 'title' | 'group' | 'org-head';

export interface Role {
  phrase: string;
  /** CAMEO role code (GOV, MIL, COP, DIP…), possibly combined (GOVMIL), or null for org heads that give none. */
  role: string | null;
  kind: RoleKind;
  variants: string[];
  where: string;
}

export type CandidateKind = 'actor' | 'metonym' | 'country' | 'group' | 'region' | 'capital' | 'place';

/** One reading of an alias key. */
export interface KbCandidate {
  kind: CandidateKind;
  /** Actor id, ISO3 (countries, capitals, metonyms: `ISO3/name`), region/group id, place source id. */
  id: string;
  /** Canonical Arabic name of the entry. */
  name: string;
  type: EntityType;
  /** CAMEO actor code the mention stands for, or null (plain places). */
  actor: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  wikidata: string | null;
  /** The alias is also a common word: accept it only with supporting context. */
  ambiguous: boolean;
  /** Population (places), for ranking. */
  population: number | null;
  ref: KbActor | Country | Place | Region | Group;
}

export type Gender = 'm' | 'f';
export type GrammaticalNumber = 'sg' | 'du' | 'pl';

/** What a nationality/group adjective form means. */
export interface NisbaReading {
  /** ISO3 of the country, or null for groups and regions. */
  country: string | null;
  /** Group id (ethnic/religious), or null. */
  group: string | null;
  /** Region id (أفريقي, خليجي), or null. */
  region: string | null;
  gender: Gender;
  number: GrammaticalNumber;
  definite: boolean;
  /** The form is also a common word (المالية "finance"). */
  ambiguous: boolean;
}
