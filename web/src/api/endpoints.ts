/**
 * The calls the pages make to the API of the same `marsad serve` (see
 * docs/api.md): lists are read a page at a time, sorted and filtered on the
 * server; the timeline, the map's places and the network are the server's
 * aggregates, so no view reads every event.
 */
import type { ArticleSummary, EventFilters, MarsadDocument, Page, SearchHit, StoredEntity, StoredEvent } from '../../../src/web/lib/api-types.js';
import { getJson, send } from './client.js';
import { pageOf, toArticleSummary, toSearchHit, toStoredEntity, toStoredEvent } from '../../../src/web/lib/normalize.js';

/** Rows asked for per request of the article lists. */
export const DEFAULT_PAGE_SIZE = 100;
/** Events of a table's first page, and of each "show more". */
export const EVENTS_PAGE_SIZE = 100;
/** Most events a JSON page of the API holds, and most an export link asks for. */
export const MAX_EVENTS_PAGE = 1000;
export const MAX_EXPORT_EVENTS = 100_000;
/** Places the map asks for: more than any map shows apart. */
const MAP_PLACES = 5000;
const NOT_FOUND = 404;

export interface ArticleQuery {
  q?: string;
  from?: string;
  to?: string;
  entity?: string;
  type?: string;
  source?: string;
  offset?: number;
  limit?: number;
}

export async function listArticles(query: ArticleQuery, signal?: AbortSignal): Promise<Page<ArticleSummary>> {
  const { q: _q, ...rest } = query;
  return pageOf(await getJson('/articles', { ...rest, limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 }, signal), toArticleSummary);
}

export async function searchArticles(q: string, filters: Omit<ArticleQuery, 'q' | 'offset' | 'limit'> = {}, signal?: AbortSignal, limit = DEFAULT_PAGE_SIZE): Promise<Page<SearchHit>> {
  return pageOf(await getJson('/search', { q, ...filters, limit }, signal), toSearchHit);
}

export async function getArticle(id: string, signal?: AbortSignal): Promise<MarsadDocument> {
  return getJson<MarsadDocument>(`/articles/${encodeURIComponent(id)}`, undefined, signal);
}

/** The server's sort keys and directions (`GET /api/events?sort=&dir=`). */
export type EventSort = 'date' | 'source' | 'target' | 'trigger' | 'location' | 'cameo' | 'plover' | 'quadClass' | 'goldstein';

/** What a table of events asks for: the filters, plus an entity, located events only, an area, and the order. */
export interface EventQuery extends EventFilters {
  entity?: string;
  located?: boolean;
  /** `west,south,east,north`. */
  bbox?: string;
  sort?: EventSort;
  dir?: 'asc' | 'desc';
}

/** One page of events: `next` reads the page after it (null on the last). */
export interface EventPage {
  events: StoredEvent[];
  total: number;
  next: string | null;
}

/** A page of events, sorted on the server; `cursor` continues after the page that gave it. */
export async function eventsPage(query: EventQuery, cursor: string | null, limit = EVENTS_PAGE_SIZE, signal?: AbortSignal): Promise<EventPage> {
  const { located, ...rest } = query;
  const json = await getJson<{ next?: unknown }>('/events', { ...rest, located: located ? 'true' : undefined, cursor, limit }, signal);
  const page = pageOf(json, toStoredEvent);
  return { events: page.items, total: page.total ?? page.items.length, next: typeof json.next === 'string' ? json.next : null };
}

/** One entity by the id documents give it (with its aliases), or null when the store has none. */
export async function getEntity(id: string, signal?: AbortSignal): Promise<StoredEntity | null> {
  try {
    return toStoredEntity(await getJson<Record<string, unknown>>(`/entities/${encodeURIComponent(id)}`, undefined, signal));
  } catch (e) {
    if ((e as { status?: number }).status === NOT_FOUND) return null;
    throw e;
  }
}

/** Event counts per day, by PLOVER type, from `/api/stats/timeline?by=plover`. */
export interface ServerTimeline {
  points: { period: string; events: number; plover?: Record<string, number> }[];
}

export async function eventTimeline(filters: EventFilters, signal?: AbortSignal): Promise<ServerTimeline> {
  const json = await getJson<{ points?: ServerTimeline['points'] }>('/stats/timeline', { ...filters, interval: 'day', by: 'plover' }, signal);
  return { points: Array.isArray(json.points) ? json.points : [] };
}

/** A place of the map: its located events, counted by the server. */
export interface Place {
  id: string;
  name: string;
  lat: number;
  lon: number;
  events: number;
}

export interface PlaceList {
  places: Place[];
  /** Located events in all places. */
  events: number;
}

/** Located events by place (`/api/places`), most events first. */
export async function eventPlaces(filters: EventFilters & { entity?: string }, signal?: AbortSignal): Promise<PlaceList> {
  const json = await getJson<{ items?: unknown[]; events?: unknown }>('/places', { ...filters, limit: MAP_PLACES }, signal);
  const places = (json.items ?? []).flatMap((raw): Place[] => {
    const p = raw as Partial<Place>;
    return typeof p.lat === 'number' && typeof p.lon === 'number' && typeof p.events === 'number'
      ? [{ id: String(p.id ?? ''), name: String(p.name ?? ''), lat: p.lat, lon: p.lon, events: p.events }]
      : [];
  });
  return { places, events: typeof json.events === 'number' ? json.events : places.reduce((n, p) => n + p.events, 0) };
}

/** The actor network from `/api/network`. */
export interface ServerNetwork {
  nodes: { id: string; name: string; actor: string | null; events: number }[];
  links: { source: string; target: string; events: number; quad: [number, number, number, number] }[];
}

export async function actorNetwork(filters: EventFilters & { entity?: string; links?: number }, signal?: AbortSignal): Promise<ServerNetwork> {
  const json = await getJson<Partial<ServerNetwork>>('/network', { ...filters }, signal);
  return { nodes: json.nodes ?? [], links: json.links ?? [] };
}

/** A new article as the API stores it: 201 new, 200 duplicate. */
export interface AddResult {
  id: string;
  duplicate: boolean;
  events: number;
}

export type ArticleBody =
  | { kind: 'json'; article: { text: string; title?: string; date?: string; url?: string } }
  /** Raw bytes of a file, its encoding left to the server to detect. */
  | { kind: 'bytes'; blob: Blob; contentType: 'text/plain' | 'text/html' };

export async function addArticle(body: ArticleBody): Promise<AddResult> {
  const response = body.kind === 'json'
    ? await send<AddResult>('POST', '/articles', JSON.stringify(body.article), 'application/json')
    : await send<AddResult>('POST', '/articles', body.blob, body.contentType);
  return response.body;
}

export interface FeedResult {
  read: number;
  new: number;
  duplicate: number;
  failed: { source: string; reason: string }[];
}

export async function addFeed(url: string): Promise<FeedResult> {
  return (await send<FeedResult>('POST', '/feeds', JSON.stringify({ url }), 'application/json')).body;
}
