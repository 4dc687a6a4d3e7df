/**
 * The store: Marsad's articles, entities and events in a database. One
 * interface over two backends: an embedded SQLite file (the default,
 * `./marsad.db`) and a PostgreSQL server (`postgres://…`) that many workers and
 * machines can share.
 *
 *   const store = await Store.open('marsad.db');
 *   await store.save(analyze(text));
 *   const hits = await store.search({ query: 'الولايات المتحدة' });
 */
import type { MarsadDocument } from '../model/document.js';
import { MarsadError } from '../model/messages.js';
import type { Db, Dialect } from './db.js';
import { SqliteDb } from './sqlite.js';
import { PostgresDb } from './postgres.js';
import { migrate, requireCurrent } from './migrate.js';
import { type SaveContext, type SaveResult, prepareArticle, writeArticle, writeIfStored } from './articles.js';
import { type ArticleFilter, type ArticleSummary, type SearchRequest, type SearchResult, getArticle, listArticles, search } from './articles-query.js';
import { type EventFilter, type EventPage, type EventPageRequest, type StoredEvent, allEvents, listEvents } from './events-query.js';
import { type EntityDetail, type EntityFilter, type StoredEntity, getEntity, listEntities } from './entities-query.js';
import { type ClusterFilter, type Interval, type Network, type PlacePage, type StoreStats, type StoredCluster, type StoredStory, type Timeline, type TimelineBreakdown, listClusters, listStories, network, places, stats, timeline } from './stats-query.js';
import type { Page, PageRequest } from './where.js';

export type { Db, Dialect, Queryable, SqlValue } from './db.js';
export type { SaveContext, SaveResult } from './articles.js';
export type { ArticleFilter, ArticleSummary, SearchHit, SearchRequest, SearchResult } from './articles-query.js';
export type { EventCursor, EventFilter, EventPage, EventPageRequest, EventSortKey, SortDir, StoredEvent, StoredActor, StoredLocation } from './events-query.js';
export { EVENT_SORT_KEYS } from './events-query.js';
export type { EntityDetail, EntityFilter, StoredEntity } from './entities-query.js';
export type { ClusterFilter, Interval, Network, NetworkLink, NetworkNode, Place, PlacePage, StoreStats, StoredCluster, StoredStory, Timeline, TimelineBreakdown, TimelinePoint } from './stats-query.js';
export { DEFAULT_PLACES, MAX_PLACES, NO_PLOVER } from './stats-query.js';
export type { Page, PageRequest } from './where.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './where.js';
export { SCHEMA_VERSION } from './schema.js';

/** The file used when neither --db nor $MARSAD_DB says otherwise. */
export const DEFAULT_DB_FILE = './marsad.db';

/** Where the database is: the --db value, else $MARSAD_DB, else ./marsad.db. */
export function dbLocation(option?: string | null): string {
  return option || process.env.MARSAD_DB || DEFAULT_DB_FILE;
}

/** Whether a --db value names a PostgreSQL server. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

export interface OpenOptions {
  /** Refuse writes, and do not migrate (the schema must be current). */
  readOnly?: boolean;
  /** PostgreSQL connections to keep open. */
  poolSize?: number;
}

/** A store over one database: write articles, read articles, events, entities and aggregates. */
export class Store {
  private constructor(
    readonly db: Db,
    readonly readOnly: boolean,
  ) {}

  /** Opens (and, unless read-only, creates or upgrades) the database at `location`. */
  static async open(location: string, options: OpenOptions = {}): Promise<Store> {
    const readOnly = options.readOnly ?? false;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location);
    if (scheme && !isPostgresUrl(location))
      throw new MarsadError('input.invalid-argument', `--db "${scheme[1]}://…" is not supported: give a SQLite file path or a postgres:// URL`);
    const db: Db = isPostgresUrl(location) ? await PostgresDb.open(location, { poolSize: options.poolSize, readOnly }) : SqliteDb.open(location, { readOnly });
    try {
      if (readOnly) await requireCurrent(db);
      else await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
    return new Store(db, readOnly);
  }

  get dialect(): Dialect {
    return this.db.dialect;
  }

  get location(): string {
    return this.db.location;
  }

  /**
   * Stores an analysed article in one transaction. The same article (same text,
   * hence same id) a second time is reported as a duplicate and not stored again.
   */
  async save(doc: MarsadDocument, ctx: SaveContext = {}): Promise<SaveResult> {
    const prepared = prepareArticle(doc, ctx);
    return this.db.transaction((tx) => writeArticle(tx, prepared, ctx));
  }

  /**
   * When the article `id` is already stored, records this arrival as a duplicate
   * (log, job, feed item) and returns the result; else null and nothing is written.
   */
  async recordIfStored(id: string, ctx: SaveContext = {}): Promise<SaveResult | null> {
    if (!(await this.has(id))) return null;
    return this.db.transaction((tx) => writeIfStored(tx, id, ctx));
  }

  /** Whether an article with this id is stored. */
  async has(id: string): Promise<boolean> {
    return !!(await this.db.get('SELECT 1 AS x FROM articles WHERE id = ?', [id]));
  }

  getArticle(id: string, options?: { tokens?: boolean }): Promise<MarsadDocument | null> {
    return getArticle(this.db, id, options);
  }

  listArticles(f: ArticleFilter = {}): Promise<Page<ArticleSummary>> {
    return listArticles(this.db, f);
  }

  search(r: SearchRequest): Promise<SearchResult> {
    return search(this.db, r);
  }

  /** A page of events, sorted (`sort`, `dir`) and continued with `after` (the previous page's `next`). */
  listEvents(f: EventPageRequest = {}): Promise<EventPage> {
    return listEvents(this.db, f);
  }

  /** Every matching event, read page by page. */
  allEvents(f: EventFilter = {}): AsyncGenerator<StoredEvent> {
    return allEvents(this.db, f);
  }

  listEntities(f: EntityFilter = {}): Promise<Page<StoredEntity>> {
    return listEntities(this.db, f);
  }

  getEntity(id: string): Promise<EntityDetail | null> {
    return getEntity(this.db, id);
  }

  stats(): Promise<StoreStats> {
    return stats(this.db);
  }

  timeline(f: EventFilter & { interval?: Interval; by?: TimelineBreakdown } = {}): Promise<Timeline> {
    return timeline(this.db, f);
  }

  /** Located events by place (for maps), most events first. */
  places(f: EventFilter & PageRequest = {}): Promise<PlacePage> {
    return places(this.db, f);
  }

  network(f: EventFilter & { links?: number } = {}): Promise<Network> {
    return network(this.db, f);
  }

  listClusters(f: ClusterFilter = {}): Promise<Page<StoredCluster>> {
    return listClusters(this.db, f);
  }

  listStories(f: PageRequest & { minArticles?: number } = {}): Promise<Page<StoredStory>> {
    return listStories(this.db, f);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
