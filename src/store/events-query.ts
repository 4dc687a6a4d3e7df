/**
 * Reading stored events with filters (actor, CAMEO code, PLOVER type, dates,
 * country), each with its article and its cluster's GDELT-style counts. The
 * exports (`src/export/`) turn these records into their formats.
 */
import { normalize } from '../arabic/index.js';
import type { Queryable, SqlValue } from './db.js';
import { type Page, type PageRequest, Where, containsPattern, given, pageOf, prefixPattern } from './where.js';
import { cachedCount } from './counts.js';
import { MarsadError } from '../model/messages.js';

export interface EventFilter extends PageRequest {
  /** An actor: entity names and aliases (normalised, anywhere in the name) or an actor code prefix (LBY, LBYMIL). */
  actor?: string;
  /** A CAMEO code prefix: "04" finds 040–046 and their 4-digit codes. */
  code?: string;
  plover?: string;
  /** Dates, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  /** ISO 3166-1 alpha-3 of the source, target or location. */
  country?: string;
  /** Events of one article. */
  article?: string;
  /** Events of one cluster. */
  cluster?: string;
  /** Events whose source or target is this store-wide entity id. */
  entity?: string;
  /** Only events with coordinates. */
  located?: boolean;
  /** Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad?: number;
  /** Only events located inside [west, south, east, north] (degrees; west > east crosses the antimeridian). */
  bbox?: readonly [number, number, number, number];
}

/** Columns the events of a page can be sorted by. */
export const EVENT_SORT_KEYS = ['date', 'source', 'target', 'trigger', 'location', 'cameo', 'plover', 'quadClass', 'goldstein', 'added'] as const;
export type EventSortKey = (typeof EVENT_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/**
 * Where the previous page ended, for keyset paging: the sort value of its last
 * event (null when empty) and that event's number. Pages read this way never
 * shift when events are added meanwhile, and cost the same however deep.
 */
export interface EventCursor {
  sort: EventSortKey;
  dir: SortDir;
  value: string | number | null;
  seq: number;
}

export interface EventPageRequest extends EventFilter {
  /** Sort column (default date) and direction (default desc); ties go by event number, the same way. */
  sort?: EventSortKey;
  dir?: SortDir;
  /** Continue after this cursor (from the previous page's `next`). */
  after?: EventCursor | null;
}

/** A page of events: `next` continues it (keyset), null on the last page. */
export interface EventPage extends Page<StoredEvent> {
  next: EventCursor | null;
}

export interface StoredActor {
  entity: string | null;
  /** The entity's Wikidata id, when known. */
  wikidata: string | null;
  text: string | null;
  name: string | null;
  actor: string | null;
  country: string | null;
  type: string | null;
  start: number | null;
  end: number | null;
}

export interface StoredLocation {
  entity: string | null;
  wikidata: string | null;
  text: string | null;
  name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  start: number | null;
  end: number | null;
}

/** One stored event, as the API returns it and the exports read it. */
export interface StoredEvent {
  /** The store's number for the event (GDELT GlobalEventID). */
  globalId: number;
  /** `articleId:eventId`. */
  id: string;
  articleId: string;
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
  /** Reports of the event in its article. */
  numMentions: number;
  source: StoredActor | null;
  target: StoredActor | null;
  location: StoredLocation | null;
  trigger: { text: string | null; start: number | null; end: number | null };
  sentence: number | null;
  quote: string | null;
  cluster: { id: string; numArticles: number; numSources: number; numMentions: number; numEvents: number };
  /** The article's source (domain, feed or file) and address. */
  sourceKey: string;
  url: string | null;
  title: string | null;
  addedAt: string;
}

type EventRow = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function actorOf(r: EventRow, p: 'source' | 'target'): StoredActor | null {
  if (r[`${p}_text`] == null && r[`${p}_entity`] == null && r[`${p}_actor`] == null) return null;
  return {
    entity: str(r[`${p}_entity`]),
    wikidata: str(r[`${p}_wikidata`]),
    text: str(r[`${p}_text`]),
    name: str(r[`${p}_name`]),
    actor: str(r[`${p}_actor`]),
    country: str(r[`${p}_country`]),
    type: str(r[`${p}_type`]),
    start: num(r[`${p}_start`]),
    end: num(r[`${p}_end`]),
  };
}

/** A stored event from its row (joined with its article title and cluster counts). */
export function eventFromRow(r: EventRow): StoredEvent {
  const hasLocation = r.location_text != null || r.location_entity != null || r.lat != null;
  return {
    globalId: Number(r.seq),
    id: String(r.id),
    articleId: String(r.article_id),
    eventId: String(r.event_id),
    date: str(r.date),
    cameo: String(r.cameo),
    baseCode: String(r.base_code),
    rootCode: String(r.root_code),
    plover: str(r.plover),
    quadClass: num(r.quad_class),
    goldstein: num(r.goldstein),
    mode: str(r.mode),
    confidence: num(r.confidence),
    isRoot: Number(r.is_root) === 1,
    numMentions: Number(r.num_mentions),
    source: actorOf(r, 'source'),
    target: actorOf(r, 'target'),
    location: hasLocation
      ? { entity: str(r.location_entity), wikidata: str(r.location_wikidata), text: str(r.location_text), name: str(r.location_name), country: str(r.location_country), lat: num(r.lat), lon: num(r.lon), start: num(r.location_start), end: num(r.location_end) }
      : null,
    trigger: { text: str(r.trigger_text), start: num(r.trigger_start), end: num(r.trigger_end) },
    sentence: num(r.sentence),
    quote: str(r.quote_text),
    cluster: { id: String(r.cluster_id), numArticles: Number(r.c_articles ?? 1), numSources: Number(r.c_sources ?? 1), numMentions: Number(r.c_mentions ?? r.num_mentions), numEvents: Number(r.c_events ?? 1) },
    sourceKey: String(r.source_key),
    url: str(r.url),
    title: str(r.title),
    addedAt: String(r.added_at),
  };
}

/** The WHERE clause of an event filter over `events e`. */
export function eventWhere(f: EventFilter): Where {
  const w = new Where();
  const actor = given(f.actor);
  if (actor) {
    const name = containsPattern(normalize(actor));
    const code = prefixPattern(actor.toUpperCase());
    w.add(
      `e.source_entity IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\')
       OR e.target_entity IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\')
       OR e.source_norm LIKE ? ESCAPE '\\' OR e.target_norm LIKE ? ESCAPE '\\'
       OR e.source_actor LIKE ? ESCAPE '\\' OR e.target_actor LIKE ? ESCAPE '\\'`,
      name, name, name, name, code, code,
    );
  }
  const code = given(f.code);
  if (code) w.add(`e.cameo LIKE ? ESCAPE '\\'`, prefixPattern(code));
  const plover = given(f.plover);
  if (plover) w.add('e.plover = ?', plover.toUpperCase());
  const from = given(f.from);
  if (from) w.add('e.date >= ?', from);
  const to = given(f.to);
  if (to) w.add('e.date <= ?', to);
  const country = given(f.country);
  if (country) {
    const c = country.toUpperCase();
    w.add('e.source_country = ? OR e.target_country = ? OR e.location_country = ?', c, c, c);
  }
  const article = given(f.article);
  if (article) w.add('e.article_id = ?', article);
  const cluster = given(f.cluster);
  if (cluster) w.add('e.cluster_id = ?', cluster);
  const entity = given(f.entity);
  if (entity) w.add('e.source_entity = ? OR e.target_entity = ?', entity, entity);
  if (f.located) w.add('e.lat IS NOT NULL AND e.lon IS NOT NULL');
  if (f.quad !== undefined) w.add('e.quad_class = ?', f.quad);
  if (f.bbox) {
    const [west, south, east, north] = f.bbox;
    w.add('e.lat >= ? AND e.lat <= ?', south, north);
    if (west <= east) w.add('e.lon >= ? AND e.lon <= ?', west, east);
    else w.add('e.lon >= ? OR e.lon <= ?', west, east);
  }
  return w;
}

const EVENT_COLUMNS = `e.*, a.title, c.num_articles AS c_articles, c.num_sources AS c_sources, c.num_mentions AS c_mentions, c.num_events AS c_events,
  se.wikidata AS source_wikidata, te.wikidata AS target_wikidata, le.wikidata AS location_wikidata`;
const EVENT_JOINS = `JOIN articles a ON a.seq = e.article_seq LEFT JOIN event_clusters c ON c.id = e.cluster_id
  LEFT JOIN entities se ON se.id = e.source_entity LEFT JOIN entities te ON te.id = e.target_entity LEFT JOIN entities le ON le.id = e.location_entity`;
const EVENT_SELECT = `SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS}`;

/** The column each sort key orders by. */
const SORT_COLUMNS: Record<EventSortKey, { column: string; text: boolean }> = {
  date: { column: 'e.date', text: true },
  source: { column: 'e.source_name', text: true },
  target: { column: 'e.target_name', text: true },
  trigger: { column: 'e.trigger_text', text: true },
  location: { column: 'e.location_name', text: true },
  cameo: { column: 'e.cameo', text: true },
  plover: { column: 'e.plover', text: true },
  quadClass: { column: 'e.quad_class', text: false },
  goldstein: { column: 'e.goldstein', text: false },
  added: { column: 'e.seq', text: false },
};

/** The sort expression: text by code point on both engines (PostgreSQL would use its locale), so both agree. */
function sortExpression(q: Queryable, key: EventSortKey): string {
  const { column, text } = SORT_COLUMNS[key];
  return text && q.dialect === 'postgres' ? `${column} COLLATE "C"` : column;
}

/** ORDER BY of a page: the column (empty cells last, either way), then the event number the same way. */
function orderBy(q: Queryable, key: EventSortKey, dir: SortDir): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  if (key === 'added') return `ORDER BY e.seq ${d}`;
  const col = sortExpression(q, key);
  return `ORDER BY (${SORT_COLUMNS[key].column} IS NULL), ${col} ${d}, e.seq ${d}`;
}

/** Events after a cursor, in the order of `orderBy`. */
function afterCursor(q: Queryable, w: Where, c: EventCursor): void {
  const op = c.dir === 'asc' ? '>' : '<';
  if (c.sort === 'added') {
    w.add(`e.seq ${op} ?`, c.seq);
    return;
  }
  const raw = SORT_COLUMNS[c.sort].column;
  const col = sortExpression(q, c.sort);
  if (c.value === null) w.add(`${raw} IS NULL AND e.seq ${op} ?`, c.seq);
  else w.add(`${raw} IS NULL OR ${col} ${op} ? OR (${col} = ? AND e.seq ${op} ?)`, c.value as SqlValue, c.value as SqlValue, c.seq);
}

/** The sort value of a stored row, for the next cursor. */
function sortValue(row: Record<string, unknown>, key: EventSortKey): string | number | null {
  const name = SORT_COLUMNS[key].column.slice(2);
  const v = row[name];
  if (v === null || v === undefined) return null;
  return SORT_COLUMNS[key].text ? String(v) : Number(v);
}

/**
 * A page of events in the order asked for (newest first by default, undated
 * last), with the total count. The page's event numbers are found first (the
 * sort reads only the events table), then their rows are joined with their
 * article, cluster and entities. The count is cached until an event is added.
 */
export async function listEvents(q: Queryable, f: EventPageRequest): Promise<EventPage> {
  const w = eventWhere(f);
  const { limit, offset } = pageOf(f);
  const sort = f.sort ?? 'date';
  const dir = f.dir ?? 'desc';
  const total = await cachedCount(q, 'events', `SELECT COUNT(*) AS n FROM events e ${w.sql}`, w.params);
  const page = w.clone();
  if (f.after) {
    if (f.after.sort !== sort || f.after.dir !== dir) throw new MarsadError('input.invalid-argument', 'the cursor belongs to another sort order: give the same sort and dir as the page it came from');
    afterCursor(q, page, f.after);
  }
  const order = orderBy(q, sort, dir);
  const rows = await q.all(
    `SELECT ${EVENT_COLUMNS} FROM (SELECT e.seq FROM events e ${page.sql} ${order} LIMIT ? OFFSET ?) p JOIN events e ON e.seq = p.seq ${EVENT_JOINS} ${order}`,
    [...page.params, limit, offset],
  );
  const last = rows[rows.length - 1];
  const next: EventCursor | null = rows.length === limit && last ? { sort, dir, value: sortValue(last, sort), seq: Number(last.seq) } : null;
  return { total, limit, offset, items: rows.map(eventFromRow), next };
}

/** Every event matching the filter, oldest stored first, read in pages: exports of any size in bounded memory. */
export async function* allEvents(q: Queryable, f: EventFilter, pageSize = 1000): AsyncGenerator<StoredEvent> {
  const w = eventWhere(f);
  // Keyset pagination on seq (the order events were stored): stable while ingest goes on, no growing OFFSET.
  let after = 0;
  for (;;) {
    const rows = await q.all(`${EVENT_SELECT} ${w.sql ? w.sql + ' AND' : 'WHERE'} e.seq > ? ORDER BY e.seq LIMIT ?`, [...w.params, after, pageSize]);
    for (const r of rows) yield eventFromRow(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].seq);
  }
}
