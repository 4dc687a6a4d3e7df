/**
 * The `marsad.document/1` model: one decoded `text` plus flat stand-off layers.
 *
 * Every span is `{start, end}` in UTF-16 code units of `text` (JavaScript string
 * indexes), `end` exclusive, so `text.slice(start, end)` is exactly what was found.
 * Every layer is sorted by `start`. Normalised forms live beside spans (`norm`),
 * never in `text`.
 */

export const SCHEMA = 'marsad.document/1' as const;

/** A half-open range of UTF-16 code units in `MarsadDocument.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also carries the text it covers (`text.slice(start, end)`). */
export interface TextSpan extends Span {
  text: string;
}

export type BlockType = 'title' | 'heading' | 'paragraph' | 'list' | 'table';

export interface Block extends Span {
  type: BlockType;
  /** Heading level 1–6 where known (HTML `h1`–`h6`; plain-text headings are 2). */
  level?: number;
  /** List items, bullets and numbering stripped. Lists only. */
  items?: TextSpan[];
  /** Whether a list is numbered. Lists only. */
  ordered?: boolean;
  /** Column names of a table, or null when the table has none. Tables only. */
  header?: TextSpan[] | null;
  /** Table cells, row by row. Tables only. */
  rows?: TextSpan[][];
}

export interface Sentence extends Span {
  /** Index of the block the sentence belongs to. */
  block?: number;
}

export type TokenKind = 'word' | 'latin' | 'number' | 'punct' | 'url' | 'email' | 'symbol';

export type SegmentRole = 'conj' | 'prep' | 'future' | 'article' | 'stem' | 'pron';

/** A clitic or stem inside a token: و+ب+ال+stem+ه. Segments tile their token. */
export interface Segment extends Span {
  role: SegmentRole;
  /** Normalised form of the segment (for matching). */
  norm: string;
}

export interface Token extends Span {
  kind: TokenKind;
  /** Normalised form for matching: no diacritics/tatweel, alef/ya/ta-marbuta folded, ASCII digits. */
  norm: string;
  /** Clitic segmentation, present on Arabic words that have at least one clitic. */
  segments?: Segment[];
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type MentionType = EntityType | 'DATE' | 'TITLE';

export interface Mention extends TextSpan {
  type: MentionType;
  /** The canonical entity (index into `entities` by id), or null (dates, unlinked titles). */
  entity: string | null;
  /** For TITLE mentions: the role code it gives (MIL, GOV, DIP, COP…). */
  role?: string | null;
  /** For DATE mentions: the resolved ISO date, or null when relative/unresolvable. */
  value?: string | null;
  /** Where the mention came from: the statistical tagger, the gazetteer/KB, coreference. */
  via?: 'model' | 'kb' | 'gazetteer' | 'coref' | 'rule';
}

export interface Entity {
  id: string;
  name: string;
  nameEn: string | null;
  type: EntityType;
  actor: string | null;
  country: string | null;
  wikidata: string | null;
  mentions: number;
  /** Surface forms seen in this document (normalised, distinct). */
  aliases?: string[];
  /** Coordinates of a place, where known. */
  lat?: number | null;
  lon?: number | null;
  /** Id in the knowledge base, when the entity was linked to one. */
  kb?: string | null;
}

export interface EventArgument extends TextSpan {
  entity: string | null;
  actor?: string | null;
}

export interface EventLocation extends TextSpan {
  entity: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * Whether an event is reported as a fact: asserted (or reported by someone), or
 * negated, future, conditional, hypothetical, generic (named as a kind of event or
 * a topic: «جريمة اغتيال الحريري») or historical (background from a past year).
 */
export type EventMode = 'asserted' | 'reported' | 'negated' | 'future' | 'conditional' | 'hypothetical' | 'generic' | 'historical';

export interface MarsadEvent {
  id: string;
  cameo: string;
  plover: string;
  quadClass: number;
  goldstein: number;
  source: EventArgument | null;
  target: EventArgument | null;
  location: EventLocation | null;
  date: string | null;
  trigger: TextSpan;
  sentence: number;
  quote: TextSpan | null;
  mode?: EventMode;
  /** How many times the article reports this happening (GDELT NumMentions). */
  mentions?: number;
  /** The triggers of every report of the happening, first one included. */
  reports?: Span[];
  confidence?: number;
}

/** What an actor said: a statement verb, its speaker and the words reported. */
export interface Statement {
  speaker: EventArgument;
  trigger: TextSpan;
  /** The quotation or reported clause. */
  quote: TextSpan | null;
  sentence: number;
}

export type Severity = 'info' | 'warning' | 'error';

export interface Message {
  severity: Severity;
  code: string;
  stage?: string;
  reason: string;
  start?: number;
  end?: number;
}

export interface SourceInfo {
  path?: string | null;
  url?: string | null;
  encoding: string;
  format: 'text' | 'html' | 'json';
}

export interface MarsadDocument {
  schema: typeof SCHEMA;
  /** Stable content hash of `text`. */
  id: string;
  /** The id the article came with (JSON/JSONL `id`, feed GUID), if any. */
  externalId?: string | null;
  text: string;
  source: SourceInfo;
  date: string | null;
  title: TextSpan | null;
  blocks: Block[];
  sentences: Sentence[];
  /** Quotations «…», “…”, "…" (marks included). */
  quotes: TextSpan[];
  tokens: Token[];
  mentions: Mention[];
  entities: Entity[];
  events: MarsadEvent[];
  /** What each actor said (statement verbs with a speaker), coded as events or not. */
  statements?: Statement[];
  messages: Message[];
}

/** Names of the span layers a stage can require or provide. */
export type Layer =
  | 'text'
  | 'title'
  | 'blocks'
  | 'sentences'
  | 'quotes'
  | 'tokens'
  | 'mentions'
  | 'entities'
  | 'events';
