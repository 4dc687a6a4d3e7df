/**
 * Storing one article: everything it brings (the document, search terms, LSH
 * buckets, mentions, entities, events and their clusters, the ingest log line,
 * the queue job it came from) is written in ONE transaction. A crash before the
 * commit leaves no trace of the article; after it, all of it is there.
 *
 * On PostgreSQL, concurrent workers serialise where they could collide: on the
 * article id (the same article twice) and on its LSH buckets (two copies of one
 * story), with transaction-scoped advisory locks taken in a fixed order.
 */
import type { MarsadDocument } from '../model/document.js';
import { NEAR_DUPLICATE_SIMILARITY, signatureFromBytes, signatureToBytes, similarity } from '../analysis/minhash.js';
import { type Queryable, type SqlValue, insertMany, placeholders } from './db.js';
import { type PreparedArticle, type SourceHint, prepareArticle } from './records.js';
import type { JobResult } from './jobs.js';

/** Advisory-lock classes (first key of the two-key form), so the store's locks never meet others'. */
const ARTICLE_LOCK_CLASS = 0x4d520001;
const BUCKET_LOCK_CLASS = 0x4d520100;
/** Most near-duplicate candidates compared for one article (boilerplate can make many). */
const MAX_CANDIDATES = 500;
const UINT32_RANGE = 2 ** 32;

/** What else to record with the article, in its transaction. */
export interface SaveContext extends SourceHint {
  /** The ingest run the article belongs to (ingest_log). */
  runId?: number | null;
  /** Where the article was read, for the log (`file.jsonl:17`, a URL). */
  origin?: string | null;
  /** A queue job to mark done with the result, atomically with the article. */
  jobId?: number | null;
  /** A feed item to remember as seen. */
  feedItem?: { feed: string; key: string } | null;
}

export interface SaveResult {
  id: string;
  duplicate: boolean;
  /** Events stored for the article (0 for a duplicate). */
  events: number;
  /** The story the article belongs to (its own id when it starts one). */
  story: string | null;
  /** True when the article joined an existing story as a near duplicate. */
  nearDuplicate: boolean;
  /** Estimated similarity to the story's closest article, when a near duplicate. */
  similarity: number | null;
}

interface StoryMatch {
  story: string;
  similarity: number;
}

/** The signed 32-bit form of an unsigned hash (advisory lock keys are int4). */
function int32(n: number): number {
  return n | 0;
}

/** Stands for the new article's `seq` in a row, before the article is inserted. */
const ARTICLE_SEQ = Symbol('article seq');
type Cell = SqlValue | typeof ARTICLE_SEQ;

/** Rows for one table, written with the article. */
interface RowSet {
  table: string;
  columns: readonly string[];
  rows: Cell[][];
  suffix?: string;
}

/** Most parameters put in the one statement that writes an article on PostgreSQL; beyond, one per table. */
const MAX_PARAMS_IN_ONE_STATEMENT = 30_000;

/**
 * PostgreSQL: the article's advisory locks in one round trip, in a fixed order
 * (the article id, then its LSH buckets sorted): the same article twice waits
 * for the first, and two copies of one story see each other.
 */
async function lockForArticle(tx: Queryable, id: string, buckets: readonly number[]): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  const keys = [...buckets].sort((a, b) => a - b);
  // The select list is evaluated left to right, so the locks are taken in this order.
  const params: SqlValue[] = [ARTICLE_LOCK_CLASS, id, ...keys.flatMap((b) => [BUCKET_LOCK_CLASS + Math.floor(b / UINT32_RANGE), int32(b % UINT32_RANGE)])];
  await tx.get(`SELECT pg_advisory_xact_lock(?, hashtext(?))${keys.map(() => ', pg_advisory_xact_lock(?, ?)').join('')}`, params);
}

/** The story of the closest stored near duplicate, if any is close enough (`same` when the words are identical). */
async function findStory(tx: Queryable, p: PreparedArticle, same: string | null): Promise<StoryMatch | null> {
  if (same) return { story: same, similarity: 1 };
  const sig = p.fingerprint.signature;
  if (!sig) return null;
  const rows = await tx.all<{ story_id: string; signature: Uint8Array }>(
    `SELECT a.story_id, a.signature FROM articles a WHERE a.seq IN (SELECT DISTINCT article_seq FROM article_buckets WHERE bucket IN (${placeholders(p.fingerprint.buckets.length)})) ORDER BY a.seq LIMIT ${MAX_CANDIDATES}`,
    p.fingerprint.buckets,
  );
  let best: StoryMatch | null = null;
  for (const r of rows) {
    const other = signatureFromBytes(r.signature);
    if (!other) continue;
    const s = similarity(sig, other);
    if (s >= NEAR_DUPLICATE_SIMILARITY && (!best || s > best.similarity)) best = { story: r.story_id, similarity: s };
  }
  return best;
}

/** The writes that record how an arrival ended: the log line, the feed item, the queue job. */
function contextRows(ctx: SaveContext, result: SaveResult, now: string): { sql: string; params: SqlValue[] }[] {
  const out: { sql: string; params: SqlValue[] }[] = [];
  if (ctx.runId != null)
    out.push({ sql: 'INSERT INTO ingest_log (run_id, at, source, status, article_id, reason) VALUES (?, ?, ?, ?, ?, NULL)', params: [ctx.runId, now, ctx.origin ?? '', result.duplicate ? 'duplicate' : 'new', result.id] });
  if (ctx.feedItem)
    out.push({ sql: 'INSERT INTO feed_items (feed_url, item_key, article_id, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (feed_url, item_key) DO NOTHING', params: [ctx.feedItem.feed, ctx.feedItem.key, result.id, now] });
  if (ctx.jobId != null) {
    const job: JobResult = { status: result.duplicate ? 'duplicate' : 'new', id: result.id, events: result.events, nearDuplicate: result.nearDuplicate, story: result.story, source: ctx.origin ?? undefined };
    // A job another worker finished meanwhile (its lease had run out) keeps its first result.
    out.push({ sql: "UPDATE jobs SET status = 'done', result = ?, finished_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND status <> 'done'", params: [JSON.stringify(job), now, ctx.jobId] });
  }
  return out;
}

/** Writes the context rows: one statement on PostgreSQL (data-modifying CTEs), one each on SQLite. */
async function finishContext(tx: Queryable, ctx: SaveContext, result: SaveResult, now: string): Promise<void> {
  const parts = contextRows(ctx, result, now);
  if (tx.dialect === 'postgres' && parts.length > 1) {
    const last = parts[parts.length - 1];
    const ctes = parts.slice(0, -1).map((x, i) => `c${i} AS (${x.sql})`);
    await tx.run(`WITH ${ctes.join(', ')} ${last.sql}`, parts.flatMap((x) => x.params));
    return;
  }
  for (const x of parts) await tx.run(x.sql, x.params);
}

const ENTITY_UPSERT = `ON CONFLICT (id) DO UPDATE SET mentions = entities.mentions + excluded.mentions, articles = entities.articles + 1,
  events = entities.events + excluded.events, last_seen = excluded.last_seen,
  name_en = COALESCE(entities.name_en, excluded.name_en), actor = COALESCE(entities.actor, excluded.actor),
  country = COALESCE(entities.country, excluded.country), lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon)`;

/** The canonical entities and their aliases: written last, since their rows are the most shared (their locks are held the shortest). */
async function writeEntities(tx: Queryable, p: PreparedArticle, now: string): Promise<void> {
  // Sorted by id (prepareArticle sorts), one statement: concurrent writers lock entity rows in one order.
  await insertMany(
    tx,
    'entities',
    ['id', 'name', 'norm', 'name_en', 'type', 'actor', 'country', 'wikidata', 'lat', 'lon', 'mentions', 'articles', 'events', 'first_seen', 'last_seen'],
    p.entities.map((e) => [e.id, e.name, e.norm, e.nameEn, e.type, e.actor, e.country, e.wikidata, e.lat, e.lon, e.mentions, 1, e.events, now, now]),
    ENTITY_UPSERT,
  );
  await insertMany(tx, 'entity_aliases', ['entity_id', 'alias'], p.entities.flatMap((e) => e.aliases.map((a) => [e.id, a])), 'ON CONFLICT (entity_id, alias) DO NOTHING');
}

const EVENT_COLUMNS = [
  'id', 'article_seq', 'article_id', 'event_id', 'date', 'cameo', 'base_code', 'root_code', 'plover', 'quad_class', 'goldstein', 'mode', 'confidence', 'is_root', 'num_mentions',
  ...['source', 'target'].flatMap((a) => ['entity', 'text', 'norm', 'name', 'actor', 'country', 'type', 'start', 'end'].map((c) => `${a}_${c}`)),
  'location_entity', 'location_text', 'location_name', 'location_country', 'lat', 'lon', 'location_start', 'location_end',
  'trigger_text', 'trigger_start', 'trigger_end', 'sentence', 'quote_text', 'cluster_id', 'source_key', 'url', 'added_at',
];

/** The rows that hang off the article: LSH buckets, mentions, events, entity links. */
function childRows(p: PreparedArticle, now: string): RowSet[] {
  const events: Cell[][] = p.events.map((e) => {
    const arg = (a: typeof e.source): SqlValue[] => [a.entity, a.text, a.norm, a.name, a.actor, a.country, a.type, a.start, a.end];
    const l = e.location;
    return [
      e.id, ARTICLE_SEQ, p.doc.id, e.eventId, e.date, e.cameo, e.baseCode, e.rootCode, e.plover, e.quadClass, e.goldstein, e.mode, e.confidence, e.isRoot ? 1 : 0, e.numMentions,
      ...arg(e.source), ...arg(e.target),
      l.entity, l.text, l.name, l.country, l.lat, l.lon, l.start, l.end,
      e.trigger.text, e.trigger.start, e.trigger.end, e.sentence, e.quote, e.cluster.id, p.source.key, p.doc.source.url ?? null, now,
    ];
  });
  const sets: RowSet[] = [
    { table: 'article_buckets', columns: ['bucket', 'article_seq'], rows: p.fingerprint.buckets.map((b) => [b, ARTICLE_SEQ]), suffix: 'ON CONFLICT (bucket, article_seq) DO NOTHING' },
    { table: 'mentions', columns: ['article_seq', 'idx', 'start_offset', 'end_offset', 'text', 'type', 'entity_id'], rows: p.mentions.map((m) => [ARTICLE_SEQ, m.idx, m.start, m.end, m.text, m.type, m.entity]) },
    { table: 'events', columns: EVENT_COLUMNS, rows: events, suffix: 'ON CONFLICT (id) DO NOTHING' },
    { table: 'article_entities', columns: ['article_seq', 'entity_id', 'local_id', 'mentions'], rows: p.entities.map((e) => [ARTICLE_SEQ, e.id, e.localId, e.mentions]) },
  ];
  return sets.filter((r) => r.rows.length);
}

/** The article row itself (with its source and, when it starts one, its story). */
function articleRows(tx: Queryable, p: PreparedArticle, story: string, match: StoryMatch | null, now: string): RowSet[] {
  const doc = p.doc;
  const columns = ['id', 'external_id', 'title', 'date', 'url', 'path', 'source_key', 'chars', 'sentences', 'mention_count', 'entity_count', 'event_count', 'norm_hash', 'signature', 'story_id', 'similarity', 'doc', 'added_at'];
  const row: Cell[] = [
    doc.id, doc.externalId ?? null, doc.title?.text ?? null, doc.date, doc.source.url ?? null, doc.source.path ?? null, p.source.key,
    doc.text.length, doc.sentences.length, p.mentions.length, p.entities.length, p.events.length,
    p.fingerprint.wordsHash, p.fingerprint.signature ? signatureToBytes(p.fingerprint.signature) : null, story, match?.similarity ?? null, p.json, now,
  ];
  // PostgreSQL keeps the search terms in the row (a generated tsvector indexes them); SQLite in FTS5.
  if (tx.dialect === 'postgres') {
    columns.push('terms');
    row.push(p.terms);
  }
  return [
    { table: 'sources', columns: ['key', 'kind', 'name', 'first_seen'], rows: [[p.source.key, p.source.kind, p.source.name, now]], suffix: 'ON CONFLICT (key) DO NOTHING' },
    ...(match ? [] : [{ table: 'stories', columns: ['id', 'title', 'created_at'], rows: [[story, doc.title?.text ?? null, now]], suffix: 'ON CONFLICT (id) DO NOTHING' }]),
    { table: 'articles', columns, rows: [row], suffix: 'RETURNING seq' },
  ];
}

/** `INSERT … VALUES …` of a row set; the article's seq is `seqSql` (a parameter, or a subquery of the CTE). */
function insertSql(set: RowSet, seqSql: string, params: SqlValue[]): string {
  const tuples = set.rows.map((r) => `(${r.map((c) => (c === ARTICLE_SEQ ? seqSql : (params.push(c), '?'))).join(', ')})`);
  return `INSERT INTO ${set.table} (${set.columns.join(', ')}) VALUES ${tuples.join(', ')} ${set.suffix ?? ''}`;
}

/**
 * Inserts the article and every row that hangs off it; returns its seq. On
 * PostgreSQL one statement does it all (data-modifying CTEs: one round trip
 * instead of six); on SQLite, or for a huge article, one statement per table.
 */
async function insertArticle(tx: Queryable, head: RowSet[], children: RowSet[]): Promise<number> {
  const cells = [...head, ...children].reduce((n, s) => n + s.rows.length * s.columns.length, 0);
  if (tx.dialect === 'postgres' && cells <= MAX_PARAMS_IN_ONE_STATEMENT) {
    const params: SqlValue[] = [];
    const ctes = head.slice(0, -1).map((set, i) => `h${i} AS (${insertSql(set, 'NULL', params)})`);
    ctes.push(`a AS (${insertSql(head[head.length - 1], 'NULL', params)})`);
    children.forEach((set, i) => ctes.push(`c${i} AS (${insertSql(set, '(SELECT seq FROM a)', params)})`));
    const row = await tx.get<{ seq: number }>(`WITH ${ctes.join(', ')} SELECT seq FROM a`, params);
    return Number(row!.seq);
  }
  let seq = 0;
  for (const set of head) {
    const params: SqlValue[] = [];
    const sql = insertSql(set, 'NULL', params);
    if (set.table === 'articles') seq = Number((await tx.get<{ seq: number }>(sql, params))!.seq);
    else await tx.run(sql, params);
  }
  for (const set of children) await insertMany(tx, set.table, set.columns, set.rows.map((r) => r.map((c) => (c === ARTICLE_SEQ ? seq : c))), set.suffix);
  return seq;
}

/** Creates the article's event clusters, locks them in id order, and recounts them from their events. */
async function updateClusters(tx: Queryable, p: PreparedArticle, now: string): Promise<void> {
  const clusters = new Map(p.events.map((e) => [e.cluster.id, e]));
  const ids = [...clusters.keys()].sort();
  if (!ids.length) return;
  // The no-op update on conflict takes the row lock (in id order), so the recount,
  // a later statement, sees every event committed by a concurrent writer.
  await insertMany(
    tx,
    'event_clusters',
    ['id', 'date', 'root_code', 'plover', 'cameo', 'source_key', 'target_key', 'source_name', 'target_name', 'created_at'],
    ids.map((id) => {
      const e = clusters.get(id)!;
      return [id, e.cluster.date, e.rootCode, e.plover, e.cameo, e.cluster.sourceKey, e.cluster.targetKey, e.cluster.sourceName, e.cluster.targetName, now];
    }),
    'ON CONFLICT (id) DO UPDATE SET num_events = event_clusters.num_events',
  );
  await tx.run(
    `UPDATE event_clusters SET
       num_articles = (SELECT COUNT(DISTINCT e.article_seq) FROM events e WHERE e.cluster_id = event_clusters.id),
       num_sources = (SELECT COUNT(DISTINCT e.source_key) FROM events e WHERE e.cluster_id = event_clusters.id),
       num_mentions = (SELECT COALESCE(SUM(e.num_mentions), 0) FROM events e WHERE e.cluster_id = event_clusters.id),
       num_events = (SELECT COUNT(*) FROM events e WHERE e.cluster_id = event_clusters.id)
     WHERE id IN (${placeholders(ids.length)})`,
    ids,
  );
}

/**
 * Records an article that is already stored as a duplicate (log line, job,
 * feed item) without analysing it again. Returns null when it is not stored.
 */
export async function writeIfStored(tx: Queryable, id: string, ctx: SaveContext = {}): Promise<SaveResult | null> {
  const existing = await tx.get<{ story_id: string }>('SELECT story_id FROM articles WHERE id = ?', [id]);
  if (!existing) return null;
  const result: SaveResult = { id, duplicate: true, events: 0, story: existing.story_id, nearDuplicate: false, similarity: null };
  await finishContext(tx, ctx, result, new Date().toISOString());
  return result;
}

/** Writes a prepared article inside `tx`. The caller owns the transaction. */
export async function writeArticle(tx: Queryable, p: PreparedArticle, ctx: SaveContext = {}): Promise<SaveResult> {
  const doc = p.doc;
  const now = new Date().toISOString();
  await lockForArticle(tx, doc.id, p.fingerprint.buckets);
  // After the locks: a new statement, so it sees what a concurrent writer committed while this one waited.
  const known = await tx.get<{ existing: string | null; same: string | null }>(
    'SELECT (SELECT story_id FROM articles WHERE id = ?) AS existing, (SELECT story_id FROM articles WHERE norm_hash = ? ORDER BY seq LIMIT 1) AS same',
    [doc.id, p.fingerprint.wordsHash],
  );
  if (known?.existing) {
    const result: SaveResult = { id: doc.id, duplicate: true, events: 0, story: known.existing, nearDuplicate: false, similarity: null };
    await finishContext(tx, ctx, result, now);
    return result;
  }
  const match = await findStory(tx, p, known?.same ?? null);
  const story = match?.story ?? doc.id;
  const seq = await insertArticle(tx, articleRows(tx, p, story, match, now), childRows(p, now));
  if (tx.dialect === 'sqlite') await tx.run('INSERT INTO article_fts (rowid, terms) VALUES (?, ?)', [seq, p.terms]);
  await updateClusters(tx, p, now);
  await writeEntities(tx, p, now);
  const result: SaveResult = { id: doc.id, duplicate: false, events: p.events.length, story, nearDuplicate: !!match, similarity: match?.similarity ?? null };
  await finishContext(tx, ctx, result, now);
  return result;
}

export { prepareArticle };
export type { MarsadDocument };
