/**
 * The JSON Schemas of the HTTP API: what the routes validate their input with,
 * and what the OpenAPI description (`/api/openapi.json`) is generated from.
 * One definition, two uses, so the documentation cannot drift from the checks.
 */
import { DEFAULT_PAGE_SIZE, DEFAULT_PLACES, EVENT_SORT_KEYS, MAX_PAGE_SIZE, MAX_PLACES } from '../store/index.js';
import { EXPORT_FORMATS } from '../export/index.js';

export type JsonSchema = Record<string, unknown>;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** Longest free-text filter accepted (a name, a query). */
const MAX_FILTER_LENGTH = 500;
/** Longest id in a path. */
const MAX_ID_LENGTH = 200;
/** Most links the network endpoint returns. */
const MAX_LINKS = 2000;
/** Events an export (format other than json) returns at most, and by default. */
export const MAX_EXPORT_EVENTS = 100_000;
export const DEFAULT_EXPORT_EVENTS = 10_000;

/** Longest URL accepted. */
const MAX_URL_LENGTH = 2048;
/** An http: or https: address (any case), with a host. */
export const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+';
/** Four numbers, comma-separated: west,south,east,north. */
const BBOX_PATTERN = '^\\s*-?\\d+(\\.\\d+)?\\s*(,\\s*-?\\d+(\\.\\d+)?\\s*){3}$';
/** Longest page cursor. */
const MAX_CURSOR_LENGTH = 1000;

const text = (description: string): JsonSchema => ({ type: 'string', maxLength: MAX_FILTER_LENGTH, description });
/** An http(s) URL: anything else (file:, javascript:, data:, ftp:) is a 400. */
const httpUrl = (description: string, nullable = false): JsonSchema => ({ type: nullable ? ['string', 'null'] : 'string', minLength: 1, maxLength: MAX_URL_LENGTH, pattern: HTTP_URL_PATTERN, description });
const date = (description: string): JsonSchema => ({ type: 'string', pattern: DATE_PATTERN, description });
const nullable = (type: string, description?: string): JsonSchema => ({ type: [type, 'null'], ...(description ? { description } : {}) });

export const pageQuery: Record<string, JsonSchema> = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'results per page' },
  offset: { type: 'integer', minimum: 0, default: 0, description: 'results to skip' },
};

export const eventFilterQuery: Record<string, JsonSchema> = {
  actor: text('source or target: a name or alias in any spelling variant, or an actor code prefix (LBY, LBYMIL)'),
  code: text('CAMEO code or prefix ("04": every consultation)'),
  plover: text('PLOVER event type (CONSULT, ASSAULT, …)'),
  from: date('events on or after this day'),
  to: date('events on or before this day'),
  country: text('ISO 3166-1 alpha-3 code of the source, target or location'),
  article: text('events of one article (its id)'),
  cluster: text('events of one event cluster'),
  entity: text('events whose source or target is this entity (its id, as documents name it: actor:khalifa-haftar, country:LBY)'),
  quad: { type: 'integer', minimum: 1, maximum: 4, description: 'quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict' },
  bbox: { type: 'string', pattern: BBOX_PATTERN, maxLength: 200, description: 'located events inside west,south,east,north (degrees; west > east crosses the antimeridian)' },
};

/** Most events a JSON page holds: a larger `limit` is clamped to it (the page's `limit` says so). */
export const MAX_JSON_EVENTS = MAX_PAGE_SIZE;

export const articleFilterQuery: Record<string, JsonSchema> = {
  from: date('articles dated on or after this day'),
  to: date('articles dated on or before this day'),
  entity: text('articles naming this entity: an id, or a name or alias in any spelling'),
  type: text('articles with an event of this type: a CAMEO code prefix or a PLOVER type'),
  country: text('articles about this country (ISO 3166-1 alpha-3): entities or event locations'),
};

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', properties, required, additionalProperties: false });

export const idParams = object({ id: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH } }, ['id']);

/** Route input schemas, by route. */
export const inputs = {
  articlesList: { querystring: object({ q: text('full-text query (as /api/search)'), ...articleFilterQuery, story: text('articles of one story'), source: text('articles of one source (domain, feed or file)'), ...pageQuery }) },
  articleGet: { params: idParams, querystring: object({ tokens: { type: 'boolean', default: false, description: 'include the tokens layer (recomputed from the text)' } }) },
  articlePost: {
    querystring: object({ url: httpUrl('the article address, http(s) only (text/plain and text/html bodies)'), date: date('the publication date (text/plain and text/html bodies)') }),
    body: {
      oneOf: [
        object(
          {
            text: { type: 'string', minLength: 1, description: 'the article body: plain text or HTML' },
            title: nullable('string', 'the headline; stored text is title, blank line, body'),
            date: nullable('string', 'publication date, YYYY-MM-DD'),
            url: httpUrl('where the article was published: an http(s) URL', true),
            id: { type: ['string', 'number', 'null'], description: 'an id of your own (kept as externalId)' },
          },
          ['text'],
        ),
        { type: 'string', minLength: 1, description: 'a text/plain or text/html body' },
      ],
    },
  },
  eventsList: {
    querystring: object({
      ...eventFilterQuery,
      located: { type: 'boolean', description: 'only events with coordinates' },
      sort: { type: 'string', enum: [...EVENT_SORT_KEYS], default: 'date', description: 'json pages: the column to sort by (empty cells last); ties by the order events were stored' },
      dir: { type: 'string', enum: ['asc', 'desc'], default: 'desc', description: 'json pages: sort direction' },
      cursor: { type: 'string', minLength: 1, maxLength: MAX_CURSOR_LENGTH, pattern: '^[A-Za-z0-9_-]+$', description: "json pages: continue after the previous page (its `next`), with the same filters, sort and dir; faster than a large offset and stable while events are added" },
      format: { type: 'string', enum: [...EXPORT_FORMATS], default: 'json', description: 'json: a page of events; others: the export format (see docs/exports.md)' },
      limit: {
        type: 'integer', minimum: 1, maximum: MAX_EXPORT_EVENTS,
        description: `format=json: events per page, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_JSON_EVENTS}: a larger value is clamped to ${MAX_JSON_EVENTS} (the page's \`limit\` is the one applied). Other formats: events exported, default ${DEFAULT_EXPORT_EVENTS}, at most ${MAX_EXPORT_EVENTS}.`,
      },
      offset: pageQuery.offset,
    }),
  },
  entitiesList: { querystring: object({ q: text('a name, alias or English name, in any spelling'), type: { type: 'string', enum: ['PER', 'ORG', 'LOC', 'MISC', 'per', 'org', 'loc', 'misc'], description: 'entity type' }, country: text('ISO 3166-1 alpha-3 code'), ...pageQuery }) },
  entityGet: { params: idParams },
  search: { querystring: object({ q: { type: 'string', minLength: 1, maxLength: MAX_FILTER_LENGTH, description: 'the query: every word must match, in any spelling variant or with clitics' }, ...articleFilterQuery, ...pageQuery }, ['q']) },
  timeline: { querystring: object({ ...eventFilterQuery, interval: { type: 'string', enum: ['day', 'month', 'year'], default: 'day' }, by: { type: 'string', enum: ['quad', 'plover'], default: 'quad', description: 'quad: counts by quad class only; plover: also by PLOVER type (`plover` in each point)' } }) },
  places: {
    querystring: object({
      ...eventFilterQuery,
      limit: { type: 'integer', minimum: 1, maximum: MAX_PLACES, default: DEFAULT_PLACES, description: 'places per page, most events first' },
      offset: pageQuery.offset,
    }),
  },
  network: { querystring: object({ ...eventFilterQuery, links: { type: 'integer', minimum: 1, maximum: MAX_LINKS, default: 200, description: 'strongest links returned' } }) },
  clusters: { querystring: object({ from: date('clusters on or after this day'), to: date('clusters on or before this day'), root: { type: 'string', pattern: '^\\d{2}$', description: 'CAMEO root code' }, plover: text('PLOVER type'), minArticles: { type: 'integer', minimum: 1, description: 'reported by at least this many articles' }, ...pageQuery }) },
  stories: { querystring: object({ minArticles: { type: 'integer', minimum: 1, default: 2, description: 'stories of at least this many articles' }, ...pageQuery }) },
  feedPost: { body: object({ url: httpUrl('an RSS or Atom feed URL, http(s) only') }, ['url']) },
} as const;

/** Response schemas, for the OpenAPI description. */
export const components: Record<string, JsonSchema> = {
  Error: object({ error: object({ code: { type: 'string' }, message: { type: 'string' } }, ['code', 'message']) }, ['error']),
  Health: { type: 'object', properties: { ok: { type: 'boolean' }, backend: { type: 'string' }, readOnly: { type: 'boolean' }, schema: { type: 'integer' } }, required: ['ok'] },
  StoreResult: { type: 'object', properties: { id: { type: 'string' }, duplicate: { type: 'boolean' }, events: { type: 'integer' }, story: nullable('string'), nearDuplicate: { type: 'boolean' } }, required: ['id', 'duplicate', 'events'] },
  ArticleSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' }, title: nullable('string'), date: nullable('string'), url: nullable('string'), source: { type: 'string' }, story: { type: 'string' }, nearDuplicate: { type: 'boolean' },
      counts: { type: 'object', properties: { chars: { type: 'integer' }, sentences: { type: 'integer' }, mentions: { type: 'integer' }, entities: { type: 'integer' }, events: { type: 'integer' } } },
      addedAt: { type: 'string' },
    },
  },
  Document: { type: 'object', description: 'a marsad.document/1 (see the contract): text plus stand-off layers', properties: { schema: { const: 'marsad.document/1' }, id: { type: 'string' }, text: { type: 'string' } }, additionalProperties: true },
  Snippet: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, highlights: { type: 'array', items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } } } }, description: 'offsets are UTF-16 indexes into the stored text' },
  SearchHit: { allOf: [{ $ref: '#/components/schemas/ArticleSummary' }, { type: 'object', properties: { score: { type: 'number' }, snippet: { $ref: '#/components/schemas/Snippet' } } }] },
  Actor: { type: ['object', 'null'], properties: { entity: nullable('string'), wikidata: nullable('string'), text: nullable('string'), name: nullable('string'), actor: nullable('string'), country: nullable('string'), type: nullable('string'), start: nullable('integer'), end: nullable('integer') } },
  Event: {
    type: 'object',
    properties: {
      globalId: { type: 'integer' }, id: { type: 'string' }, articleId: { type: 'string' }, eventId: { type: 'string' }, date: nullable('string'),
      cameo: { type: 'string' }, baseCode: { type: 'string' }, rootCode: { type: 'string' }, plover: nullable('string'), quadClass: nullable('integer'), goldstein: nullable('number'),
      mode: nullable('string'), isRoot: { type: 'boolean' }, numMentions: { type: 'integer' },
      source: { $ref: '#/components/schemas/Actor' }, target: { $ref: '#/components/schemas/Actor' },
      location: { type: ['object', 'null'], properties: { entity: nullable('string'), wikidata: nullable('string'), text: nullable('string'), name: nullable('string'), country: nullable('string'), lat: nullable('number'), lon: nullable('number') } },
      trigger: { type: 'object', properties: { text: nullable('string'), start: nullable('integer'), end: nullable('integer') } },
      cluster: { type: 'object', properties: { id: { type: 'string' }, numArticles: { type: 'integer' }, numSources: { type: 'integer' }, numMentions: { type: 'integer' }, numEvents: { type: 'integer' } } },
      url: nullable('string'), title: nullable('string'), sourceKey: { type: 'string' },
    },
  },
  Entity: {
    type: 'object',
    properties: {
      id: { type: 'string' }, name: { type: 'string' }, nameEn: nullable('string'), type: { type: 'string' }, actor: nullable('string'), country: nullable('string'), wikidata: nullable('string'),
      lat: nullable('number'), lon: nullable('number'), mentions: { type: 'integer' }, articles: { type: 'integer' }, events: { type: 'integer' },
    },
  },
  EntityDetail: { allOf: [{ $ref: '#/components/schemas/Entity' }, { type: 'object', properties: { aliases: { type: 'array', items: { type: 'string' } }, related: { type: 'array', items: { type: 'object' } }, latestEvents: { type: 'array', items: { $ref: '#/components/schemas/Event' } } } }] },
  IngestSummary: { type: 'object', properties: { read: { type: 'integer' }, new: { type: 'integer' }, duplicate: { type: 'integer' }, nearDuplicate: { type: 'integer' }, failed: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, reason: { type: 'string' } } } } } },
  Stats: { type: 'object', additionalProperties: { type: ['integer', 'string', 'null'] } },
  Timeline: { type: 'object', properties: { interval: { type: 'string' }, by: { type: 'string', enum: ['quad', 'plover'] }, points: { type: 'array', items: { type: 'object', properties: { period: { type: 'string' }, events: { type: 'integer' }, quad: { type: 'array', items: { type: 'integer' } }, plover: { type: 'object', additionalProperties: { type: 'integer' }, description: 'by=plover: events by PLOVER type (OTHER: none)' }, goldstein: nullable('number'), articles: { type: 'integer' } } } } } },
  Place: { type: 'object', properties: { id: { type: 'string' }, entity: nullable('string'), name: { type: 'string' }, country: nullable('string'), lat: { type: 'number' }, lon: { type: 'number' }, events: { type: 'integer' }, quad: { type: 'array', items: { type: 'integer' } }, articles: { type: 'integer' } } },
  Network: { type: 'object', properties: { nodes: { type: 'array', items: { type: 'object' } }, links: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, target: { type: 'string' }, events: { type: 'integer' }, quad: { type: 'array', items: { type: 'integer' } }, goldstein: nullable('number') } } } } },
  Cluster: { type: 'object', properties: { id: { type: 'string' }, date: nullable('string'), rootCode: { type: 'string' }, plover: nullable('string'), cameo: { type: 'string' }, sourceName: nullable('string'), targetName: nullable('string'), numArticles: { type: 'integer' }, numSources: { type: 'integer' }, numMentions: { type: 'integer' }, numEvents: { type: 'integer' } } },
  Story: { type: 'object', properties: { id: { type: 'string' }, title: nullable('string'), articles: { type: 'integer' }, firstDate: nullable('string'), lastDate: nullable('string') } },
};

/** A page of events: a page plus `next`, the cursor of the page after it (null on the last). */
export function eventPage(): JsonSchema {
  const page = pageOf('Event');
  return { ...page, properties: { ...(page.properties as Record<string, JsonSchema>), next: { type: ['string', 'null'], description: 'pass as `cursor` for the next page' } } };
}

/** A page of places, with the located events they hold in all. */
export function placePage(): JsonSchema {
  const page = pageOf('Place');
  return { ...page, properties: { ...(page.properties as Record<string, JsonSchema>), events: { type: 'integer', description: 'located events matching the filters' } } };
}

/** A page of items of a component schema. */
export function pageOf(component: string): JsonSchema {
  return { type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items: { $ref: `#/components/schemas/${component}` } } }, required: ['total', 'limit', 'offset', 'items'] };
}

/** A reference to a component schema. */
export function ref(component: string): JsonSchema {
  return { $ref: `#/components/schemas/${component}` };
}
