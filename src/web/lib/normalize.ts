/**
 * Responses of the list endpoints to the dashboard's shapes. The contract
 * fixes the fields but not every envelope, so a list may come as an array or
 * inside `{items|articles|events|entities|results|hits, total}`.
 */
import type { ArticleSummary, MarsadEvent, Page, SearchHit, StoredEntity, StoredEvent } from './api-types.js';
import { snippetParts } from './snippet.js';

type Json = Record<string, unknown>;

const LIST_KEYS = ['items', 'results', 'hits', 'articles', 'events', 'entities', 'features', 'data'];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The first of `keys` that `o` has as a string. */
function firstStr(o: Json, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = str(o[k]);
    if (v !== null) return v;
  }
  return null;
}

export function pageOf<T>(json: unknown, item: (raw: Json) => T | null): Page<T> {
  let list: unknown = json;
  let total: number | null = null;
  let limit: number | null = null;
  if (isObject(json)) {
    limit = num(json.limit);
    const key = LIST_KEYS.find((k) => Array.isArray(json[k]));
    list = key ? json[key] : [];
    total = num(json.total) ?? num(json.count) ?? (isObject(json.page) ? num(json.page.total) : null);
  }
  const items = (Array.isArray(list) ? list : []).flatMap((raw) => {
    const v = isObject(raw) ? item(raw) : null;
    return v === null ? [] : [v];
  });
  return { items, total, limit };
}

function titleOf(o: Json): string | null {
  if (isObject(o.title)) return str(o.title.text);
  return str(o.title);
}

function sourceOf(o: Json): { source: string | null; url: string | null } {
  const s = o.source;
  if (isObject(s)) return { source: firstStr(s, 'name', 'site', 'host', 'url', 'path'), url: str(s.url) ?? str(o.url) };
  return { source: str(s) ?? str(o.site) ?? str(o.host), url: str(o.url) };
}

function countOf(o: Json, key: string): number | null {
  if (isObject(o.counts)) return num(o.counts[key]);
  return num(o[key]) ?? num(o[`${key}Count`]) ?? (Array.isArray(o[key]) ? (o[key] as unknown[]).length : null);
}

export function toArticleSummary(o: Json): ArticleSummary | null {
  const id = firstStr(o, 'id', 'articleId', 'article_id');
  if (!id) return null;
  return {
    id,
    title: titleOf(o),
    date: str(o.date),
    ...sourceOf(o),
    events: countOf(o, 'events'),
    entities: countOf(o, 'entities'),
    mentions: countOf(o, 'mentions'),
  };
}

export function toSearchHit(o: Json): SearchHit | null {
  const nested = isObject(o.article) ? o.article : o;
  const summary = toArticleSummary(nested);
  if (!summary) return null;
  const raw = o.snippets ?? o.highlights ?? (o.snippet !== undefined ? [o.snippet] : []);
  const snippets = (Array.isArray(raw) ? raw : [raw]).map(snippetParts).filter((parts) => parts.length > 0);
  return { ...summary, snippets, score: num(o.score) ?? num(o.rank) };
}

function articleIdOf(o: Json): string | null {
  if (isObject(o.article)) return firstStr(o.article, 'id');
  return firstStr(o, 'article', 'articleId', 'article_id', 'doc', 'document');
}

/** A quote as a span; the store may give only its text. */
function quoteOf(v: unknown): MarsadEvent['quote'] {
  if (isObject(v) && typeof v.text === 'string') return v as unknown as MarsadEvent['quote'];
  return null;
}

export function toStoredEvent(o: Json): StoredEvent | null {
  const article = articleIdOf(o);
  if (!article || !isObject(o.trigger)) return null;
  const event = o as unknown as MarsadEvent;
  const id = firstStr(o, 'id') ?? `${article}:${num(o.sentence) ?? 0}:${num(o.trigger.start) ?? 0}`;
  return {
    ...event,
    id,
    eventId: firstStr(o, 'eventId', 'event_id') ?? id,
    trigger: { text: str(o.trigger.text) ?? '', start: num(o.trigger.start) ?? 0, end: num(o.trigger.end) ?? 0 },
    sentence: num(o.sentence) ?? 0,
    quote: quoteOf(o.quote),
    cameo: str(o.cameo) ?? '',
    plover: str(o.plover) ?? '',
    quadClass: num(o.quadClass) ?? 0,
    goldstein: num(o.goldstein) ?? 0,
    source: isObject(o.source) ? event.source : null,
    target: isObject(o.target) ? event.target : null,
    location: isObject(o.location) ? event.location : null,
    date: str(o.date),
    article,
    articleDate: isObject(o.article) ? str(o.article.date) : str(o.articleDate),
    articleTitle: isObject(o.article) ? titleOf(o.article) : str(o.articleTitle) ?? str(o.title),
  };
}

export function toStoredEntity(o: Json): StoredEntity | null {
  const id = firstStr(o, 'id');
  const name = firstStr(o, 'name');
  if (!id || !name) return null;
  const type = firstStr(o, 'type') ?? 'MISC';
  return {
    id,
    name,
    nameEn: str(o.nameEn),
    type: (['PER', 'ORG', 'LOC', 'MISC'].includes(type) ? type : 'MISC') as StoredEntity['type'],
    actor: str(o.actor),
    country: str(o.country),
    wikidata: str(o.wikidata),
    mentions: num(o.mentions) ?? countOf(o, 'mentions') ?? 0,
    aliases: Array.isArray(o.aliases) ? o.aliases.filter((a): a is string => typeof a === 'string') : undefined,
    lat: num(o.lat),
    lon: num(o.lon),
    kb: str(o.kb),
    events: num(o.events) ?? countOf(o, 'events'),
    articles: num(o.articles) ?? countOf(o, 'articles'),
  };
}
