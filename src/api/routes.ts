/**
 * The API's routes, as data: method, path, input schemas, response schemas,
 * whether it writes, and its handler. The server registers them; the OpenAPI
 * description is generated from the same table.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store, EventCursor, EventFilter, EventSortKey, SortDir } from '../store/index.js';
import { EVENT_SORT_KEYS, SCHEMA_VERSION } from '../store/index.js';
import { storeInput, ingestItemList } from '../store/ingest.js';
import { submitAndWait, workersAvailable } from '../store/worker.js';
import type { ArticleInput } from '../ingest/index.js';
import { MESSAGES, type MessageCode } from '../model/messages.js';
import { safeFetch, type FetchOptions } from '../ingest/fetch.js';
import { type IngestItem, itemsOfFeed, resolveItem } from '../ingest/sources.js';
import { CONTENT_TYPES, EXTENSIONS, type ExportFormat, exportChunks } from '../export/index.js';
import { ApiError, statusOf } from './errors.js';
import { DEFAULT_EXPORT_EVENTS, MAX_JSON_EVENTS, type JsonSchema, eventPage, inputs, pageOf, placePage, ref } from './schemas.js';

export interface RouteContext {
  store: Store;
  readOnly: boolean;
  fetch: FetchOptions;
}

export interface RouteDef {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tags: string[];
  /** Writes to the store: needs the token (when set) and is refused in read-only mode. */
  write?: boolean;
  schema: { querystring?: JsonSchema; params?: JsonSchema; body?: JsonSchema };
  /** Bodies the route takes besides JSON. */
  bodyTypes?: string[];
  responses: Record<number, { description: string; schema?: JsonSchema; contentTypes?: string[] }>;
  /** OpenAPI extensions of query parameters (`x-…` keys), which the validator would refuse in its schemas. */
  parameterExtensions?: Record<string, Record<string, unknown>>;
  handler(ctx: RouteContext, req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

type Query = Record<string, string | number | boolean | undefined>;

const q = (req: FastifyRequest) => req.query as Query;
const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
const n = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** Longest latitude and longitude. */
const MAX_LAT = 90;
const MAX_LON = 180;

/** `west,south,east,north` as numbers, checked (the schema has checked the shape). */
function bboxOf(v: unknown): EventFilter['bbox'] {
  if (typeof v !== 'string') return undefined;
  const [west, south, east, north] = v.split(',').map((x) => Number(x.trim()));
  const lonOk = (x: number) => Math.abs(x) <= MAX_LON;
  if (![west, east].every(lonOk) || Math.abs(south) > MAX_LAT || Math.abs(north) > MAX_LAT || south > north)
    throw new ApiError(400, 'api.invalid-request', 'bbox must be west,south,east,north with longitudes in [-180, 180], latitudes in [-90, 90] and south ≤ north');
  return [west, south, east, north];
}

function eventFilter(query: Query): EventFilter {
  return {
    actor: s(query.actor), code: s(query.code), plover: s(query.plover), from: s(query.from), to: s(query.to), country: s(query.country),
    article: s(query.article), cluster: s(query.cluster), entity: s(query.entity), located: query.located === true ? true : undefined,
    quad: n(query.quad), bbox: bboxOf(query.bbox),
  };
}

/** A page cursor as the API gives it: URL-safe base64 of `[sort, dir, value, seq]`. */
export function encodeCursor(c: EventCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.dir, c.value, c.seq]), 'utf8').toString('base64url');
}

/** A cursor from the API back, checked: anything else is a 400. */
export function decodeCursor(raw: string): EventCursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    v = null;
  }
  const ok = Array.isArray(v) && v.length === 4 && (EVENT_SORT_KEYS as readonly unknown[]).includes(v[0]) && (v[1] === 'asc' || v[1] === 'desc')
    && (v[2] === null || typeof v[2] === 'string' || (typeof v[2] === 'number' && Number.isFinite(v[2]))) && Number.isSafeInteger(v[3]);
  if (!ok) throw new ApiError(400, 'api.invalid-request', 'cursor is not one this server gave (pass the `next` of the previous page)');
  const [sort, dir, value, seq] = v as [EventSortKey, SortDir, string | number | null, number];
  return { sort, dir, value, seq };
}

/** Whether a string is an http(s) URL with a host (the schemas check the scheme; this checks it parses). */
export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

function requireHttpUrl(v: string | undefined, what: string): void {
  if (v !== undefined && !isHttpUrl(v)) throw new ApiError(400, 'api.invalid-request', `${what} must be an http(s) URL`);
}

const ERRORS = {
  400: { description: 'invalid request (malformed JSON, wrong types, bad parameters)', schema: ref('Error') },
};
const NOT_FOUND = { 404: { description: 'no such object', schema: ref('Error') } };
const WRITE_ERRORS = {
  401: { description: 'a token is set and the request lacks it, or gives a wrong one', schema: ref('Error') },
  403: { description: 'the server is read-only', schema: ref('Error') },
  413: { description: 'the body is over the size limit', schema: ref('Error') },
  415: { description: 'unsupported body type', schema: ref('Error') },
};

/** How long the API waits for a worker to process an upload before answering 202. */
const QUEUE_WAIT_MS = 30_000;

/**
 * Stores one uploaded article: through the workers when they are running
 * (PostgreSQL), else here. Null when the workers did not answer in time.
 */
async function storeArticle(ctx: RouteContext, item: Exclude<IngestItem, { kind: 'failed' }>, reply: FastifyReply): Promise<{ id: string; duplicate: boolean; events: number; story: string | null; nearDuplicate: boolean } | null> {
  if (await workersAvailable(ctx.store)) {
    const { jobId, result } = await submitAndWait(ctx.store, { item }, QUEUE_WAIT_MS);
    reply.header('X-Marsad-Job', String(jobId));
    if (!result) return null;
    if (result.status === 'failed') {
      const code = (result.code && result.code in MESSAGES ? result.code : 'input.unreadable') as MessageCode;
      throw new ApiError(statusOf(code), code, result.reason ?? 'the article could not be read');
    }
    return { id: result.id!, duplicate: result.status === 'duplicate', events: result.events ?? 0, story: result.story ?? null, nearDuplicate: !!result.nearDuplicate };
  }
  const resolved = await resolveItem(item);
  const r = await storeInput(ctx.store, resolved.input, resolved.options, { origin: 'api' });
  return { id: r.id, duplicate: r.duplicate, events: r.events, story: r.story, nearDuplicate: r.nearDuplicate };
}

async function* take<T>(items: AsyncIterable<T>, max: number): AsyncGenerator<T> {
  let i = 0;
  for await (const x of items) {
    if (i++ >= max) return;
    yield x;
  }
}

export const ROUTES: RouteDef[] = [
  {
    method: 'GET', url: '/api/health', summary: 'Whether the server and its store answer', tags: ['meta'], schema: {},
    responses: { 200: { description: 'alive', schema: ref('Health') } },
    async handler(ctx) {
      await ctx.store.db.get('SELECT 1 AS ok');
      return { ok: true, backend: ctx.store.dialect, readOnly: ctx.readOnly, schema: SCHEMA_VERSION };
    },
  },
  {
    method: 'POST', url: '/api/articles', summary: 'Analyse and store one article', tags: ['articles'], write: true,
    schema: inputs.articlePost, bodyTypes: ['text/plain', 'text/html'],
    responses: { 201: { description: 'stored (new)', schema: ref('StoreResult') }, 200: { description: 'already stored (duplicate)', schema: ref('StoreResult') }, 202: { description: 'handed to the workers, who did not finish within 30 s; it will be stored', schema: { type: 'object', properties: { queued: { type: 'boolean' } } } }, ...ERRORS, ...WRITE_ERRORS },
    async handler(ctx, req, reply) {
      const query = q(req);
      let item: IngestItem;
      if (typeof req.body === 'string') {
        requireHttpUrl(s(query.url), 'url');
        const html = /html/i.test(req.headers['content-type'] ?? '');
        item = { kind: 'bytes', origin: 'api', base64: Buffer.from(req.body, 'utf8').toString('base64'), options: { format: html ? 'html' : 'text', url: s(query.url) ?? null, date: s(query.date) ?? null, charset: 'utf-8' } };
      } else {
        const b = req.body as Record<string, unknown>;
        requireHttpUrl(s(b.url), 'url');
        const article: ArticleInput = { text: b.text as string, title: s(b.title) ?? null, date: s(b.date) ?? null, url: s(b.url) ?? null, id: typeof b.id === 'number' || typeof b.id === 'string' ? b.id : null };
        item = { kind: 'article', origin: 'api', article, options: {} };
      }
      const r = await storeArticle(ctx, item, reply);
      if (!r) return reply.code(202).send({ queued: true });
      const events = r.duplicate ? ((await ctx.store.db.get<{ n: number }>('SELECT event_count AS n FROM articles WHERE id = ?', [r.id]))?.n ?? 0) : r.events;
      reply.code(r.duplicate ? 200 : 201);
      return { id: r.id, duplicate: r.duplicate, events: Number(events), story: r.story, nearDuplicate: r.nearDuplicate };
    },
  },
  {
    method: 'GET', url: '/api/articles', summary: 'Stored articles, newest first', tags: ['articles'], schema: inputs.articlesList,
    responses: { 200: { description: 'a page of articles', schema: pageOf('ArticleSummary') }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.listArticles({ q: s(x.q), from: s(x.from), to: s(x.to), entity: s(x.entity), type: s(x.type), country: s(x.country), story: s(x.story), source: s(x.source), limit: n(x.limit), offset: n(x.offset) });
    },
  },
  {
    method: 'GET', url: '/api/articles/:id', summary: 'One stored marsad.document/1', tags: ['articles'], schema: inputs.articleGet,
    responses: { 200: { description: 'the document', schema: ref('Document') }, ...ERRORS, ...NOT_FOUND },
    async handler(ctx, req) {
      const { id } = req.params as { id: string };
      const doc = await ctx.store.getArticle(id, { tokens: q(req).tokens === true });
      if (!doc) throw new ApiError(404, 'api.not-found', `no article ${id.slice(0, 80)}`);
      return doc;
    },
  },
  {
    method: 'GET', url: '/api/events', summary: 'Stored events with their article and cluster counts; format=csv|gdelt|plover|geojson exports them', tags: ['events'], schema: inputs.eventsList,
    responses: {
      200: { description: 'a page of events (json), or the export', schema: eventPage(), contentTypes: Object.values(CONTENT_TYPES) },
      ...ERRORS,
    },
    parameterExtensions: { limit: { 'x-json-maximum': MAX_JSON_EVENTS } },
    async handler(ctx, req, reply) {
      const x = q(req);
      const format = (s(x.format) ?? 'json') as ExportFormat;
      const filter = eventFilter(x);
      if (format === 'json') {
        const sort = (s(x.sort) ?? 'date') as EventSortKey;
        const dir = (s(x.dir) ?? 'desc') as SortDir;
        const after = s(x.cursor) ? decodeCursor(s(x.cursor)!) : null;
        if (after && (after.sort !== sort || after.dir !== dir)) throw new ApiError(400, 'api.invalid-request', 'cursor belongs to another sort order: give the sort and dir of the page it came from');
        const page = await ctx.store.listEvents({ ...filter, sort, dir, after, limit: n(x.limit), offset: n(x.offset) });
        return { ...page, next: page.next ? encodeCursor(page.next) : null };
      }
      const max = n(x.limit) ?? DEFAULT_EXPORT_EVENTS;
      reply.type(CONTENT_TYPES[format]).header('Content-Disposition', `inline; filename="marsad-events.${EXTENSIONS[format]}"`);
      // Collected, then sent: an error half-way still gets a JSON error, not a cut-off file.
      const chunks: string[] = [];
      for await (const c of exportChunks(format, take(ctx.store.allEvents(filter), max))) chunks.push(c);
      return chunks.join('');
    },
  },
  {
    method: 'GET', url: '/api/entities', summary: 'Canonical entities with mention, article and event counts', tags: ['entities'], schema: inputs.entitiesList,
    responses: { 200: { description: 'a page of entities', schema: pageOf('Entity') }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.listEntities({ q: s(x.q), type: s(x.type), country: s(x.country), limit: n(x.limit), offset: n(x.offset) });
    },
  },
  {
    method: 'GET', url: '/api/entities/:id', summary: 'One entity: aliases, related entities, latest events', tags: ['entities'], schema: inputs.entityGet,
    responses: { 200: { description: 'the entity', schema: ref('EntityDetail') }, ...ERRORS, ...NOT_FOUND },
    async handler(ctx, req) {
      const { id } = req.params as { id: string };
      const e = await ctx.store.getEntity(id);
      if (!e) throw new ApiError(404, 'api.not-found', `no entity ${id.slice(0, 80)}`);
      return e;
    },
  },
  {
    method: 'GET', url: '/api/search', summary: 'Full-text search with ranked, highlighted results', tags: ['articles'], schema: inputs.search,
    responses: { 200: { description: 'matching articles, best first', schema: { allOf: [pageOf('SearchHit'), { type: 'object', properties: { query: { type: 'string' }, words: { type: 'array' } } }] } }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.search({ query: s(x.q) ?? '', from: s(x.from), to: s(x.to), entity: s(x.entity), type: s(x.type), country: s(x.country), limit: n(x.limit), offset: n(x.offset) });
    },
  },
  {
    method: 'GET', url: '/api/stats', summary: 'Store totals', tags: ['stats'], schema: {},
    responses: { 200: { description: 'totals', schema: ref('Stats') } },
    async handler(ctx) {
      return ctx.store.stats();
    },
  },
  {
    method: 'GET', url: '/api/stats/timeline', summary: 'Events (by quad class, and by PLOVER type with by=plover) and articles per day, month or year', tags: ['stats'], schema: inputs.timeline,
    responses: { 200: { description: 'the timeline, oldest first', schema: ref('Timeline') }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.timeline({ ...eventFilter(x), by: s(x.by) as 'quad' | 'plover' | undefined, interval: (s(x.interval) ?? 'day') as 'day' | 'month' | 'year' });
    },
  },
  {
    method: 'GET', url: '/api/places', summary: 'Located events by place (for maps), most events first, with the event filters', tags: ['events'], schema: inputs.places,
    responses: { 200: { description: 'a page of places', schema: placePage() }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.places({ ...eventFilter(x), limit: n(x.limit), offset: n(x.offset) });
    },
  },
  {
    method: 'GET', url: '/api/network', summary: 'Actor network: source→target links weighted by events', tags: ['stats'], schema: inputs.network,
    responses: { 200: { description: 'nodes and links', schema: ref('Network') }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.network({ ...eventFilter(x), links: n(x.links) });
    },
  },
  {
    method: 'GET', url: '/api/clusters', summary: 'Event clusters (one happening across articles) with NumArticles, NumSources, NumMentions', tags: ['events'], schema: inputs.clusters,
    responses: { 200: { description: 'a page of clusters, most reported first', schema: pageOf('Cluster') }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.listClusters({ from: s(x.from), to: s(x.to), root: s(x.root), plover: s(x.plover), minArticles: n(x.minArticles), limit: n(x.limit), offset: n(x.offset) });
    },
  },
  {
    method: 'GET', url: '/api/stories', summary: 'Stories: groups of near-duplicate articles', tags: ['articles'], schema: inputs.stories,
    responses: { 200: { description: 'a page of stories, largest first', schema: pageOf('Story') }, ...ERRORS },
    async handler(ctx, req) {
      const x = q(req);
      return ctx.store.listStories({ minArticles: n(x.minArticles), limit: n(x.limit), offset: n(x.offset) });
    },
  },
  {
    method: 'POST', url: '/api/feeds', summary: 'Fetch an RSS/Atom feed now and store its new items', tags: ['articles'], write: true, schema: inputs.feedPost,
    responses: { 200: { description: 'what came of it', schema: ref('IngestSummary') }, ...ERRORS, ...WRITE_ERRORS, 422: { description: 'the URL was refused or is not a feed', schema: ref('Error') }, 502: { description: 'the feed could not be fetched', schema: ref('Error') } },
    async handler(ctx, req) {
      const { url } = req.body as { url: string };
      const res = await safeFetch(url, { ...ctx.fetch, headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' } });
      const items = itemsOfFeed(res.body.toString('utf8'), url);
      const failedOnly = items.length > 0 && items.every((i) => i.kind === 'failed');
      if (failedOnly) throw new ApiError(422, 'feed.invalid', items.map((i) => (i.kind === 'failed' ? i.reason : '')).join('; '));
      const summary = await ingestItemList(ctx.store, items, { kind: 'api', inputs: [url], sources: { fetch: ctx.fetch } });
      return { read: summary.read, new: summary.new, duplicate: summary.duplicate, failed: summary.failed, nearDuplicate: summary.nearDuplicate };
    },
  },
];
