/**
 * From a `marsad.document/1` to the rows the store writes: pure functions, no
 * database. Entities keep the document's ids, which the entity stage makes the
 * same in every article (`actor:khalifa-haftar`, `country:LBY`, `per:…`,
 * `agent:…`; see src/entities/index.ts), so the store's canonical entity is the
 * document's entity. Events get the columns every export needs, and each event
 * its cluster key.
 */
import type { Entity, EventArgument, MarsadDocument, MarsadEvent } from '../model/document.js';
import { normalize } from '../arabic/index.js';
import { fingerprint, type Fingerprint } from '../analysis/minhash.js';
import { clusterId, type ClusterKey } from '../analysis/clusters.js';
import { indexTerms } from './terms.js';

/** Where a CAMEO code's root and base codes end. */
const ROOT_LENGTH = 2;
const BASE_LENGTH = 3;
/** Sentences of an article without block information that count as its lead. */
const LEAD_SENTENCES = 2;

/** Where an article came from, for NumSources: a web domain, a feed, a file, or the API. */
export interface SourceRef {
  key: string;
  kind: 'domain' | 'feed' | 'file' | 'api';
  name: string;
}

/** Hints the caller has about the source beyond the document (the feed it came in). */
export interface SourceHint {
  feed?: string | null;
}

/** The web domain of a URL without `www.`, or null. */
export function domainOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The source of an article: its URL's domain, else its feed, else its file, else the API. */
export function sourceOf(doc: MarsadDocument, hint: SourceHint = {}): SourceRef {
  const domain = domainOf(doc.source.url);
  if (domain) return { key: domain, kind: 'domain', name: domain };
  if (hint.feed) {
    const feedDomain = domainOf(hint.feed);
    return { key: feedDomain ?? `feed:${hint.feed}`, kind: feedDomain ? 'domain' : 'feed', name: feedDomain ?? hint.feed };
  }
  if (doc.source.path) return { key: `file:${doc.source.path}`, kind: 'file', name: doc.source.path };
  return { key: 'api', kind: 'api', name: 'api' };
}

/**
 * The store-wide id of an entity: the document's own id. The entity stage
 * builds ids that are the same across articles (knowledge-base ids, ISO codes,
 * normalised names), so `/api/entities/:id` takes the id a document names.
 */
export function storeEntityId(e: Pick<Entity, 'id'>): string {
  return e.id;
}

export interface EntityRecord {
  id: string;
  localId: string;
  name: string;
  norm: string;
  nameEn: string | null;
  type: string;
  actor: string | null;
  country: string | null;
  wikidata: string | null;
  lat: number | null;
  lon: number | null;
  mentions: number;
  events: number;
  aliases: string[];
}

export interface MentionRecord {
  idx: number;
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string | null;
}

/** One argument of an event, flattened. */
export interface ArgumentRecord {
  entity: string | null;
  text: string | null;
  norm: string | null;
  name: string | null;
  actor: string | null;
  country: string | null;
  type: string | null;
  start: number | null;
  end: number | null;
}

export interface EventRecordRow {
  id: string;
  eventId: string;
  date: string | null;
  cameo: string;
  baseCode: string;
  rootCode: string;
  plover: string | null;
  quadClass: number | null;
  goldstein: number | null;
  mode: string | null;
  confidence: number | null;
  isRoot: boolean;
  numMentions: number;
  source: ArgumentRecord;
  target: ArgumentRecord;
  location: { entity: string | null; text: string | null; name: string | null; country: string | null; lat: number | null; lon: number | null; start: number | null; end: number | null };
  trigger: { text: string | null; start: number | null; end: number | null };
  sentence: number | null;
  quote: string | null;
  cluster: ClusterKey & { id: string; sourceName: string | null; targetName: string | null };
}

/** Everything `saveArticle` writes for one document, computed before the transaction. */
export interface PreparedArticle {
  doc: MarsadDocument;
  /** The document JSON as stored: without `tokens`, which are recomputed from `text` on demand. */
  json: string;
  source: SourceRef;
  fingerprint: Fingerprint;
  terms: string;
  entities: EntityRecord[];
  mentions: MentionRecord[];
  events: EventRecordRow[];
}

const EMPTY_ARGUMENT: ArgumentRecord = { entity: null, text: null, norm: null, name: null, actor: null, country: null, type: null, start: null, end: null };

function argumentRecord(arg: EventArgument | null, entities: Map<string, EntityRecord>): ArgumentRecord {
  if (!arg) return EMPTY_ARGUMENT;
  const e = arg.entity ? entities.get(arg.entity) : undefined;
  return {
    entity: e?.id ?? null,
    text: arg.text,
    norm: normalize(arg.text),
    name: e?.name ?? arg.text,
    actor: arg.actor ?? e?.actor ?? null,
    country: e?.country ?? null,
    type: e?.type ?? null,
    start: arg.start,
    end: arg.end,
  };
}

/** The actor of an argument for clustering: its entity, else its actor code, else its normalised words. */
function actorKey(a: ArgumentRecord): string {
  if (a.entity) return a.entity;
  if (a.actor) return `actor:${a.actor}`;
  if (a.norm) return `text:${a.norm}`;
  return '-';
}

/** Whether the event is in the article's lead (its title or first paragraph): GDELT's IsRootEvent. */
function inLead(doc: MarsadDocument, ev: MarsadEvent): boolean {
  const sentence = doc.sentences[ev.sentence];
  if (!sentence || sentence.block === undefined) return ev.sentence < LEAD_SENTENCES;
  const firstParagraph = doc.blocks.findIndex((b) => b.type === 'paragraph');
  const block = doc.blocks[sentence.block];
  return block?.type === 'title' || sentence.block === firstParagraph;
}

function eventRecord(doc: MarsadDocument, ev: MarsadEvent, entities: Map<string, EntityRecord>): EventRecordRow {
  const source = argumentRecord(ev.source, entities);
  const target = argumentRecord(ev.target, entities);
  const loc = ev.location;
  const locEntity = loc?.entity ? entities.get(loc.entity) : undefined;
  const date = ev.date ?? doc.date;
  const rootCode = ev.cameo.slice(0, ROOT_LENGTH);
  const key: ClusterKey = { date, rootCode, sourceKey: actorKey(source), targetKey: actorKey(target), articleId: doc.id };
  return {
    id: `${doc.id}:${ev.id}`,
    eventId: ev.id,
    date,
    cameo: ev.cameo,
    baseCode: ev.cameo.slice(0, BASE_LENGTH),
    rootCode,
    plover: ev.plover ?? null,
    quadClass: Number.isFinite(ev.quadClass) ? ev.quadClass : null,
    goldstein: Number.isFinite(ev.goldstein) ? ev.goldstein : null,
    mode: ev.mode ?? null,
    confidence: ev.confidence ?? null,
    isRoot: inLead(doc, ev),
    numMentions: Math.max(1, ev.mentions ?? ev.reports?.length ?? 1),
    source,
    target,
    location: {
      entity: locEntity?.id ?? null,
      text: loc?.text ?? null,
      name: locEntity?.name ?? loc?.text ?? null,
      country: loc?.country ?? locEntity?.country ?? null,
      lat: loc?.lat ?? locEntity?.lat ?? null,
      lon: loc?.lon ?? locEntity?.lon ?? null,
      start: loc?.start ?? null,
      end: loc?.end ?? null,
    },
    trigger: { text: ev.trigger?.text ?? null, start: ev.trigger?.start ?? null, end: ev.trigger?.end ?? null },
    sentence: Number.isInteger(ev.sentence) ? ev.sentence : null,
    quote: ev.quote?.text ?? null,
    cluster: { ...key, id: clusterId(key), sourceName: source.name, targetName: target.name },
  };
}

/** The rows of a document that name entities: its entities, mentions and events. */
export interface EntityRows {
  entities: EntityRecord[];
  mentions: MentionRecord[];
  events: EventRecordRow[];
}

/**
 * The entity, mention and event rows of a document (pure). Also what the
 * migration that re-keys stored entities recomputes from the stored documents.
 */
export function entityRows(doc: MarsadDocument): EntityRows {
  const entities = new Map<string, EntityRecord>();
  for (const e of doc.entities ?? []) {
    const norm = normalize(e.name);
    const aliases = new Set<string>([norm, ...(e.aliases ?? []).map((a) => normalize(a))]);
    const record: EntityRecord = {
      id: storeEntityId(e),
      localId: e.id,
      name: e.name,
      norm,
      nameEn: e.nameEn ?? null,
      type: e.type,
      actor: e.actor ?? null,
      country: e.country ?? null,
      wikidata: e.wikidata ?? null,
      lat: e.lat ?? null,
      lon: e.lon ?? null,
      mentions: e.mentions ?? 0,
      events: 0,
      aliases: [...aliases].filter(Boolean),
    };
    const seen = entities.get(e.id);
    if (!seen) entities.set(e.id, record);
    else {
      // The same id twice (a hand-made document): one entity.
      seen.mentions += record.mentions;
      for (const a of record.aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
    }
  }
  const mentions: MentionRecord[] = (doc.mentions ?? []).map((m, idx) => {
    const e = m.entity ? entities.get(m.entity) : undefined;
    const alias = normalize(m.text);
    if (e && alias && !e.aliases.includes(alias)) e.aliases.push(alias);
    return { idx, start: m.start, end: m.end, text: m.text, type: m.type, entity: e?.id ?? null };
  });
  const events = (doc.events ?? []).filter((ev) => typeof ev.cameo === 'string' && ev.cameo.length >= ROOT_LENGTH).map((ev) => eventRecord(doc, ev, entities));
  for (const ev of events)
    for (const id of new Set([ev.source.entity, ev.target.entity])) {
      const e = id ? entities.get(id) : undefined;
      if (e) e.events++;
    }
  return { entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), mentions, events };
}

/** Computes every row of a document. Pure: safe to run outside the transaction. */
export function prepareArticle(doc: MarsadDocument, hint: SourceHint = {}): PreparedArticle {
  const { tokens: _tokens, ...withoutTokens } = doc;
  return {
    doc,
    json: JSON.stringify(withoutTokens),
    source: sourceOf(doc, hint),
    fingerprint: fingerprint(doc),
    terms: indexTerms(doc),
    ...entityRows(doc),
  };
}
