/**
 * The calls the pages make. What the server offers is read from its OpenAPI
 * description: the dashboard sends only the query parameters a path declares
 * (the API refuses unknown ones), uses aggregate endpoints (timeline, network,
 * one entity) where they exist, and computes the same client-side where not.
 */
import type { ArticleSummary, EventFilters, MarsadDocument, Page, SearchHit, StoredEntity, StoredEvent } from '../../../src/web/lib/api-types.js';
import { getJson, send, type Params } from './client.js';
import { pageOf, toArticleSummary, toSearchHit, toStoredEntity, toStoredEvent } from '../../../src/web/lib/normalize.js';

/** Rows asked for per request when the OpenAPI description gives no maximum. */
export const DEFAULT_PAGE_SIZE = 100;
/** Rows per request for long reads (the server may give fewer: it says how many in `limit`). */
const BULK_PAGE_SIZE = 1000;
/** Rows of the first request of a long read: enough for a first screen, quick to serve. */
const FIRST_PAGE_SIZE = 200;
/** Most events one view loads. */
export const EVENTS_CAP = 20_000;
/** Most entities read to find one by id where the server has no entity endpoint. */
export const ENTITIES_CAP = 5_000;
const NOT_FOUND = 404;

export interface Capabilities {
  /** Query parameters of each GET path (`/api/events` → actor, code, …). */
  params: Record<string, Set<string>>;
  /** Largest `limit` each GET path accepts. */
  maxLimit: Record<string, number>;
  /** Paths that take a POST. */
  posts: Set<string>;
}

let capabilities: Promise<Capabilities> | null = null;

interface OpenApiParameter {
  name?: string;
  in?: string;
  schema?: { maximum?: number };
}

/** What `/api/openapi.json` says the server can do (read once per page load). */
export function serverCapabilities(): Promise<Capabilities> {
  capabilities ??= getJson<{ paths?: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> }>('/openapi.json')
    .then((spec) => {
      const params: Capabilities['params'] = {};
      const maxLimit: Capabilities['maxLimit'] = {};
      const posts = new Set<string>();
      for (const [path, methods] of Object.entries(spec.paths ?? {})) {
        if (methods.post) posts.add(path);
        const query = (methods.get?.parameters ?? []).filter((p) => p.in === 'query');
        if (methods.get) params[path] = new Set(query.map((p) => p.name ?? ''));
        const limit = query.find((p) => p.name === 'limit')?.schema?.maximum;
        if (typeof limit === 'number') maxLimit[path] = limit;
      }
      return { params, maxLimit, posts };
    })
    .catch(() => ({ params: {}, maxLimit: {}, posts: new Set<string>() }));
  return capabilities;
}

/** Whether the server has GET `path` (`/api/stats/timeline`), and with parameter `param` when given. */
export async function serverHas(path: string, param?: string): Promise<boolean> {
  const known = (await serverCapabilities()).params[`/api${path}`];
  return !!known && (param === undefined || known.has(param));
}

/** `params` without those the server does not declare for `path` (all of them when it declares nothing). */
async function accepted(path: string, params: Params): Promise<Params> {
  const known = (await serverCapabilities()).params[`/api${path}`];
  if (!known) return params;
  return Object.fromEntries(Object.entries(params).filter(([k]) => known.has(k)));
}

async function pageSize(path: string, wanted: number): Promise<number> {
  const max = (await serverCapabilities()).maxLimit[`/api${path}`];
  return Math.min(wanted, max ?? DEFAULT_PAGE_SIZE);
}

/** Called after each page with everything read so far. */
export type OnProgress<T> = (items: readonly T[], total: number | null) => void;

/** Reads pages of `path` until `cap` items or the end; says whether it stopped at the cap. */
async function readAll<T>(path: string, params: Params, item: Parameters<typeof pageOf<T>>[1], cap: number, signal?: AbortSignal, onProgress?: OnProgress<T>): Promise<{ items: T[]; total: number | null; truncated: boolean }> {
  const bulk = await pageSize(path, Math.min(cap, BULK_PAGE_SIZE));
  const query = await accepted(path, params);
  const items: T[] = [];
  let total: number | null = null;
  while (items.length < cap) {
    const limit = items.length ? bulk : Math.min(bulk, FIRST_PAGE_SIZE);
    const page = pageOf(await getJson(path, { ...query, limit, offset: items.length }, signal), item);
    total ??= page.total;
    items.push(...page.items);
    onProgress?.(items, total);
    const served = page.limit ?? limit;
    if (page.items.length === 0 || page.items.length < served || (total !== null && items.length >= total)) return { items, total: total ?? items.length, truncated: false };
  }
  return { items: items.slice(0, cap), total, truncated: true };
}

export interface ArticleQuery {
  from?: string;
  to?: string;
  entity?: string;
  type?: string;
  source?: string;
  offset?: number;
  limit?: number;
}

export async function listArticles(query: ArticleQuery, signal?: AbortSignal): Promise<Page<ArticleSummary>> {
  const limit = await pageSize('/articles', query.limit ?? DEFAULT_PAGE_SIZE);
  const params = await accepted('/articles', { from: query.from, to: query.to, entity: query.entity, type: query.type, source: query.source, limit, offset: query.offset ?? 0 });
  return pageOf(await getJson('/articles', params, signal), toArticleSummary);
}

export async function searchArticles(q: string, filters: Omit<ArticleQuery, 'offset' | 'limit'> = {}, signal?: AbortSignal): Promise<Page<SearchHit>> {
  const limit = await pageSize('/search', DEFAULT_PAGE_SIZE);
  return pageOf(await getJson('/search', await accepted('/search', { q, ...filters, limit }), signal), toSearchHit);
}

export async function getArticle(id: string, signal?: AbortSignal): Promise<MarsadDocument> {
  return getJson<MarsadDocument>(`/articles/${encodeURIComponent(id)}`, undefined, signal);
}

export interface EventList {
  events: StoredEvent[];
  total: number | null;
  truncated: boolean;
}

/** Events with the filters, plus `entity` (an id) and `located` where the server takes them. */
export async function listEvents(filters: EventFilters & { entity?: string; located?: boolean }, signal?: AbortSignal, cap = EVENTS_CAP, onProgress?: OnProgress<StoredEvent>): Promise<EventList> {
  const { located, ...rest } = filters;
  const { items, total, truncated } = await readAll('/events', { ...rest, located: located ? 'true' : undefined }, toStoredEvent, cap, signal, onProgress);
  return { events: items, total, truncated };
}

export async function listEntities(params: { q?: string; type?: string }, signal?: AbortSignal): Promise<StoredEntity[]> {
  return (await readAll('/entities', params, toStoredEntity, ENTITIES_CAP, signal)).items;
}

/** One entity by id (with its aliases where the server gives them): its own endpoint, else found in the list. */
export async function getEntity(id: string, signal?: AbortSignal): Promise<StoredEntity | null> {
  if (await serverHas('/entities/{id}')) {
    try {
      const entity = toStoredEntity(await getJson<Record<string, unknown>>(`/entities/${encodeURIComponent(id)}`, undefined, signal));
      if (entity) return entity;
    } catch (e) {
      if ((e as { status?: number }).status === NOT_FOUND) return null;
      throw e;
    }
  }
  return (await listEntities({ q: id }, signal)).find((e) => e.id === id) ?? null;
}

/** Event counts per day and quad class, from `/api/stats/timeline`; null where the server has no such endpoint. */
export interface ServerTimeline {
  points: { period: string; events: number; quad: [number, number, number, number] }[];
}

export async function eventTimeline(filters: EventFilters, signal?: AbortSignal): Promise<ServerTimeline | null> {
  if (!(await serverHas('/stats/timeline'))) return null;
  const json = await getJson<{ points?: ServerTimeline['points'] }>('/stats/timeline', await accepted('/stats/timeline', { ...filters, interval: 'day' }), signal);
  return { points: Array.isArray(json.points) ? json.points : [] };
}

/** The actor network from `/api/network`; null where the server has no such endpoint. */
export interface ServerNetwork {
  nodes: { id: string; name: string; actor: string | null; events: number }[];
  links: { source: string; target: string; events: number; quad: [number, number, number, number] }[];
}

export async function actorNetwork(filters: EventFilters & { entity?: string; links?: number }, signal?: AbortSignal): Promise<ServerNetwork | null> {
  if (!(await serverHas('/network'))) return null;
  const json = await getJson<Partial<ServerNetwork>>('/network', await accepted('/network', { ...filters }), signal);
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

const FEED_PATHS = ['/api/feeds'];

/** The feed endpoint's path, when the server has one. */
export async function feedPath(): Promise<string | null> {
  const { posts } = await serverCapabilities();
  return FEED_PATHS.find((p) => posts.has(p)) ?? null;
}

export interface FeedResult {
  read: number;
  new: number;
  duplicate: number;
  failed: { source: string; reason: string }[];
}

export async function addFeed(url: string): Promise<FeedResult> {
  const path = await feedPath();
  if (!path) throw new Error('no feed endpoint');
  return (await send<FeedResult>('POST', path.replace(/^\/api/, ''), JSON.stringify({ url }), 'application/json')).body;
}
