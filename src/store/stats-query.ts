/**
 * Aggregates for the dashboard: store totals, a timeline of events and
 * articles, the actor network, event clusters and near-duplicate stories.
 */
import type { Queryable } from './db.js';
import { type EventFilter, eventWhere } from './events-query.js';
import { type Page, type PageRequest, Where, given, pageOf } from './where.js';

/** Links a network holds when the caller does not say, and at most. */
const DEFAULT_NETWORK_LINKS = 200;
const MAX_NETWORK_LINKS = 2000;
/** Characters of a YYYY-MM-DD date that make each timeline period. */
const PERIOD_LENGTH = { day: 10, month: 7, year: 4 } as const;
const QUAD_CLASSES = [1, 2, 3, 4] as const;

export type Interval = keyof typeof PERIOD_LENGTH;

export interface StoreStats {
  articles: number;
  /** Articles that joined a story another article started. */
  nearDuplicates: number;
  stories: number;
  /** Stories of more than one article. */
  multiArticleStories: number;
  events: number;
  eventClusters: number;
  entities: number;
  sources: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Totals of the store. */
export async function stats(q: Queryable): Promise<StoreStats> {
  const one = async (sql: string) => Number((await q.get<{ n: number }>(sql))?.n ?? 0);
  const dates = await q.get<{ first: string | null; last: string | null }>('SELECT MIN(date) AS first, MAX(date) AS last FROM articles');
  return {
    articles: await one('SELECT COUNT(*) AS n FROM articles'),
    nearDuplicates: await one('SELECT COUNT(*) AS n FROM articles WHERE story_id <> id'),
    stories: await one('SELECT COUNT(*) AS n FROM stories'),
    multiArticleStories: await one('SELECT COUNT(*) AS n FROM (SELECT story_id FROM articles GROUP BY story_id HAVING COUNT(*) > 1) s'),
    events: await one('SELECT COUNT(*) AS n FROM events'),
    eventClusters: await one('SELECT COUNT(*) AS n FROM event_clusters'),
    entities: await one('SELECT COUNT(*) AS n FROM entities'),
    sources: await one('SELECT COUNT(*) AS n FROM sources'),
    firstDate: dates?.first ?? null,
    lastDate: dates?.last ?? null,
  };
}

export interface TimelinePoint {
  /** The period: YYYY-MM-DD, YYYY-MM or YYYY. */
  period: string;
  events: number;
  /** Events by quad class 1–4 (verbal/material cooperation, verbal/material conflict). */
  quad: [number, number, number, number];
  /** Mean Goldstein value of the period's events, or null. */
  goldstein: number | null;
  /** Articles dated in the period (whatever their events). */
  articles: number;
  /** Events by PLOVER type (`by: 'plover'` only); events without a type count under `OTHER`. */
  plover?: Record<string, number>;
}

/** How a timeline breaks events down besides quad class. */
export type TimelineBreakdown = 'quad' | 'plover';

export interface Timeline {
  interval: Interval;
  by: TimelineBreakdown;
  points: TimelinePoint[];
}

/** The PLOVER key of events that have no PLOVER type. */
export const NO_PLOVER = 'OTHER';

/** Events (with the event filter) and articles per day, month or year, oldest first; undated ones left out. */
export async function timeline(q: Queryable, f: EventFilter & { interval?: Interval; by?: TimelineBreakdown }): Promise<Timeline> {
  const interval = f.interval ?? 'day';
  const by = f.by ?? 'quad';
  const len = PERIOD_LENGTH[interval];
  const w = eventWhere(f);
  const dated = w.sql ? `${w.sql} AND e.date IS NOT NULL` : 'WHERE e.date IS NOT NULL';
  const quadColumns = QUAD_CLASSES.map((k) => `SUM(CASE WHEN e.quad_class = ${k} THEN 1 ELSE 0 END) AS q${k}`).join(', ');
  const rows = await q.all<Record<string, unknown>>(
    `SELECT SUBSTR(e.date, 1, ${len}) AS period, COUNT(*) AS n, ${quadColumns}, AVG(e.goldstein) AS g FROM events e ${dated} GROUP BY SUBSTR(e.date, 1, ${len})`,
    w.params,
  );
  const aw = new Where().add('a.date IS NOT NULL');
  if (given(f.from)) aw.add('a.date >= ?', f.from!);
  if (given(f.to)) aw.add('a.date <= ?', f.to!);
  const articleRows = await q.all<{ period: string; n: number }>(`SELECT SUBSTR(a.date, 1, ${len}) AS period, COUNT(*) AS n FROM articles a ${aw.sql} GROUP BY SUBSTR(a.date, 1, ${len})`, aw.params);
  const points = new Map<string, TimelinePoint>();
  const point = (period: string) => {
    let p = points.get(period);
    if (!p) points.set(period, (p = { period, events: 0, quad: [0, 0, 0, 0], goldstein: null, articles: 0 }));
    return p;
  };
  for (const r of rows) {
    const p = point(String(r.period));
    p.events = Number(r.n);
    p.quad = [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)];
    p.goldstein = r.g == null ? null : Number(r.g);
  }
  // Article counts only make sense without event filters that would not apply to them.
  for (const r of articleRows) point(String(r.period)).articles = Number(r.n);
  if (by === 'plover') {
    for (const p of points.values()) p.plover = {};
    const byType = await q.all<{ period: string; plover: string | null; n: number }>(
      `SELECT SUBSTR(e.date, 1, ${len}) AS period, e.plover, COUNT(*) AS n FROM events e ${dated} GROUP BY SUBSTR(e.date, 1, ${len}), e.plover`,
      w.params,
    );
    for (const r of byType) {
      const counts = point(String(r.period)).plover!;
      const type = r.plover ?? NO_PLOVER;
      counts[type] = (counts[type] ?? 0) + Number(r.n);
    }
  }
  return { interval, by, points: [...points.values()].sort((a, b) => (a.period < b.period ? -1 : 1)) };
}

export interface NetworkNode {
  id: string;
  name: string;
  type: string | null;
  country: string | null;
  actor: string | null;
  /** Events the node takes part in (within the network's links). */
  events: number;
}

export interface NetworkLink {
  source: string;
  target: string;
  events: number;
  /** Events by quad class 1–4. */
  quad: [number, number, number, number];
  goldstein: number | null;
}

export interface Network {
  nodes: NetworkNode[];
  links: NetworkLink[];
}

/** Key of an event argument as a network node: its entity, else its actor code, else its words. */
function nodeKey(p: 'source' | 'target'): string {
  return `COALESCE(e.${p}_entity, 'actor:' || e.${p}_actor, 'text:' || e.${p}_norm)`;
}

/** Who acts on whom: source→target links weighted by events, strongest first. */
export async function network(q: Queryable, f: EventFilter & { links?: number }): Promise<Network> {
  const w = eventWhere(f).add('e.source_text IS NOT NULL AND e.target_text IS NOT NULL');
  const limit = Math.min(MAX_NETWORK_LINKS, Math.max(1, Math.floor(f.links ?? DEFAULT_NETWORK_LINKS)));
  const quadColumns = QUAD_CLASSES.map((k) => `SUM(CASE WHEN e.quad_class = ${k} THEN 1 ELSE 0 END) AS q${k}`).join(', ');
  const rows = await q.all<Record<string, unknown>>(
    `SELECT ${nodeKey('source')} AS s, ${nodeKey('target')} AS t, MIN(e.source_name) AS sname, MIN(e.target_name) AS tname,
       MIN(e.source_type) AS stype, MIN(e.target_type) AS ttype, MIN(e.source_country) AS scountry, MIN(e.target_country) AS tcountry,
       MIN(e.source_actor) AS sactor, MIN(e.target_actor) AS tactor, COUNT(*) AS n, ${quadColumns}, AVG(e.goldstein) AS g
     FROM events e ${w.sql} GROUP BY ${nodeKey('source')}, ${nodeKey('target')} ORDER BY n DESC, s, t LIMIT ?`,
    [...w.params, limit],
  );
  const nodes = new Map<string, NetworkNode>();
  const node = (id: string, name: unknown, type: unknown, country: unknown, actor: unknown, n: number) => {
    let x = nodes.get(id);
    if (!x) nodes.set(id, (x = { id, name: String(name ?? id), type: type == null ? null : String(type), country: country == null ? null : String(country), actor: actor == null ? null : String(actor), events: 0 }));
    x.events += n;
  };
  const links: NetworkLink[] = rows.map((r) => {
    const n = Number(r.n);
    node(String(r.s), r.sname, r.stype, r.scountry, r.sactor, n);
    node(String(r.t), r.tname, r.ttype, r.tcountry, r.tactor, n);
    return { source: String(r.s), target: String(r.t), events: n, quad: [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)], goldstein: r.g == null ? null : Number(r.g) };
  });
  return { nodes: [...nodes.values()], links };
}

/** One place of the map: the located events there, counted. */
export interface Place {
  /** The location's entity id, else `text:` and its name. */
  id: string;
  entity: string | null;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  /** Events by quad class 1–4. */
  quad: [number, number, number, number];
  articles: number;
}

export interface PlacePage extends Page<Place> {
  /** Located events matching the filter, in all places. */
  events: number;
}

/** Places a page holds by default, and at most. */
export const DEFAULT_PLACES = 1000;
export const MAX_PLACES = 5000;

/** Located events by place, most events first: what the map draws, without reading every event. */
export async function places(q: Queryable, f: EventFilter & PageRequest): Promise<PlacePage> {
  const w = eventWhere({ ...f, located: true });
  const limit = Math.min(MAX_PLACES, Math.max(1, Math.floor(f.limit ?? DEFAULT_PLACES)));
  const offset = Math.max(0, Math.floor(f.offset ?? 0));
  const key = "COALESCE(e.location_entity, 'text:' || COALESCE(e.location_name, e.location_text, ''))";
  const quadColumns = QUAD_CLASSES.map((k) => `SUM(CASE WHEN e.quad_class = ${k} THEN 1 ELSE 0 END) AS q${k}`).join(', ');
  const grouped = `SELECT ${key} AS id, MIN(e.location_entity) AS entity, MIN(COALESCE(e.location_name, e.location_text)) AS name, MIN(e.location_country) AS country,
      AVG(e.lat) AS lat, AVG(e.lon) AS lon, COUNT(*) AS n, ${quadColumns}, COUNT(DISTINCT e.article_seq) AS articles
    FROM events e ${w.sql} GROUP BY ${key}`;
  const totals = await q.get<{ places: number; events: number }>(`SELECT COUNT(*) AS places, COALESCE(SUM(g.n), 0) AS events FROM (${grouped}) g`, w.params);
  const rows = await q.all<Record<string, unknown>>(`${grouped} ORDER BY n DESC, id LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
  return {
    total: Number(totals?.places ?? 0),
    limit,
    offset,
    events: Number(totals?.events ?? 0),
    items: rows.map((r) => ({
      id: String(r.id),
      entity: r.entity == null ? null : String(r.entity),
      name: String(r.name ?? ''),
      country: r.country == null ? null : String(r.country),
      lat: Number(r.lat),
      lon: Number(r.lon),
      events: Number(r.n),
      quad: [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)],
      articles: Number(r.articles),
    })),
  };
}

export interface StoredCluster {
  id: string;
  date: string | null;
  rootCode: string;
  plover: string | null;
  cameo: string;
  sourceName: string | null;
  targetName: string | null;
  numArticles: number;
  numSources: number;
  numMentions: number;
  numEvents: number;
}

export interface ClusterFilter extends PageRequest {
  from?: string;
  to?: string;
  /** CAMEO root code (two digits). */
  root?: string;
  plover?: string;
  /** Only clusters reported by at least this many articles. */
  minArticles?: number;
}

/** Event clusters, most widely reported first. */
export async function listClusters(q: Queryable, f: ClusterFilter): Promise<Page<StoredCluster>> {
  const w = new Where();
  if (given(f.from)) w.add('c.date >= ?', f.from!);
  if (given(f.to)) w.add('c.date <= ?', f.to!);
  if (given(f.root)) w.add('c.root_code = ?', f.root!);
  if (given(f.plover)) w.add('c.plover = ?', f.plover!.toUpperCase());
  if (f.minArticles) w.add('c.num_articles >= ?', f.minArticles);
  const { limit, offset } = pageOf(f);
  const total = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM event_clusters c ${w.sql}`, w.params);
  const rows = await q.all<Record<string, unknown>>(`SELECT c.* FROM event_clusters c ${w.sql} ORDER BY c.num_articles DESC, (c.date IS NULL), c.date DESC, c.id LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
  return {
    total: Number(total?.n ?? 0),
    limit,
    offset,
    items: rows.map((r) => ({
      id: String(r.id),
      date: r.date == null ? null : String(r.date),
      rootCode: String(r.root_code),
      plover: r.plover == null ? null : String(r.plover),
      cameo: String(r.cameo),
      sourceName: r.source_name == null ? null : String(r.source_name),
      targetName: r.target_name == null ? null : String(r.target_name),
      numArticles: Number(r.num_articles),
      numSources: Number(r.num_sources),
      numMentions: Number(r.num_mentions),
      numEvents: Number(r.num_events),
    })),
  };
}

export interface StoredStory {
  id: string;
  title: string | null;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Stories (groups of near-duplicate articles), largest first. */
export async function listStories(q: Queryable, f: PageRequest & { minArticles?: number }): Promise<Page<StoredStory>> {
  const min = Math.max(1, Math.floor(f.minArticles ?? 2));
  const { limit, offset } = pageOf(f);
  const grouped = 'SELECT story_id, COUNT(*) AS n, MIN(date) AS first_date, MAX(date) AS last_date FROM articles GROUP BY story_id HAVING COUNT(*) >= ?';
  const total = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${grouped}) g`, [min]);
  const rows = await q.all<Record<string, unknown>>(
    `SELECT s.id, s.title, g.n, g.first_date, g.last_date FROM (${grouped}) g JOIN stories s ON s.id = g.story_id ORDER BY g.n DESC, s.id LIMIT ? OFFSET ?`,
    [min, limit, offset],
  );
  return {
    total: Number(total?.n ?? 0),
    limit,
    offset,
    items: rows.map((r) => ({ id: String(r.id), title: r.title == null ? null : String(r.title), articles: Number(r.n), firstDate: r.first_date == null ? null : String(r.first_date), lastDate: r.last_date == null ? null : String(r.last_date) })),
  };
}
