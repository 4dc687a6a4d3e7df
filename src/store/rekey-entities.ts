/**
 * Migration 2's data step: stores written by schema 1 named canonical entities
 * with ids of the store's own (the Wikidata id, else `kb:` and the knowledge-base
 * id, else a hash of type and name), unlike the documents, which name them
 * `actor:khalifa-haftar`, `country:LBY`, `per:…`. This recomputes every row that
 * names an entity from the stored documents, with the documents' ids:
 * mentions, article–entity links, the entity columns of events (their
 * GlobalEventIDs are kept), event clusters (their keys name entities) and the
 * canonical entities with their counts and aliases.
 *
 * It runs inside the migration's transaction: a process killed half-way leaves
 * schema 1 untouched, and the next start does it again from the top.
 */
import type { MarsadDocument } from '../model/document.js';
import type { Queryable, SqlValue } from './db.js';
import { insertMany, placeholders } from './db.js';
import { type EntityRecord, type EventRecordRow, entityRows } from './records.js';

/** Articles read (and rewritten) per round. */
const ARTICLE_BATCH = 200;
/** Events updated per statement. */
const EVENT_UPDATE_BATCH = 1000;

interface EntityTotals {
  record: EntityRecord;
  aliases: Set<string>;
  mentions: number;
  articles: number;
  events: number;
  firstSeen: string;
  lastSeen: string;
}

interface ClusterRow {
  event: EventRecordRow;
  createdAt: string;
}

/** Keeps the first non-null value of each descriptive field, as the ingest's upsert does. */
function addEntity(totals: Map<string, EntityTotals>, e: EntityRecord, addedAt: string): void {
  const t = totals.get(e.id);
  if (!t) {
    totals.set(e.id, { record: { ...e }, aliases: new Set(e.aliases), mentions: e.mentions, articles: 1, events: e.events, firstSeen: addedAt, lastSeen: addedAt });
    return;
  }
  const r = t.record;
  r.nameEn ??= e.nameEn;
  r.actor ??= e.actor;
  r.country ??= e.country;
  r.lat ??= e.lat;
  r.lon ??= e.lon;
  for (const a of e.aliases) t.aliases.add(a);
  t.mentions += e.mentions;
  t.articles += 1;
  t.events += e.events;
  if (addedAt < t.firstSeen) t.firstSeen = addedAt;
  if (addedAt > t.lastSeen) t.lastSeen = addedAt;
}

/** `UPDATE events … FROM (VALUES …)`: the entity columns and cluster of many events in one statement. */
async function updateEvents(tx: Queryable, events: readonly EventRecordRow[]): Promise<void> {
  for (let i = 0; i < events.length; i += EVENT_UPDATE_BATCH) {
    const chunk = events.slice(i, i + EVENT_UPDATE_BATCH);
    const params: SqlValue[] = [];
    for (const e of chunk) params.push(e.id, e.source.entity, e.target.entity, e.location.entity, e.cluster.id);
    await tx.run(
      `UPDATE events SET source_entity = v.column2, target_entity = v.column3, location_entity = v.column4, cluster_id = v.column5
       FROM (VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}) AS v WHERE events.id = v.column1`,
      params,
    );
  }
}

/** Re-keys every stored entity to the id its documents give it (see the file comment). */
export async function rekeyEntities(tx: Queryable): Promise<void> {
  const entities = new Map<string, EntityTotals>();
  const clusters = new Map<string, ClusterRow>();
  let after = 0;
  for (;;) {
    const articles = await tx.all<{ seq: number; doc: string; added_at: string }>('SELECT seq, doc, added_at FROM articles WHERE seq > ? ORDER BY seq LIMIT ?', [after, ARTICLE_BATCH]);
    if (!articles.length) break;
    after = Number(articles[articles.length - 1].seq);
    const seqs = articles.map((a) => Number(a.seq));
    await tx.run(`DELETE FROM mentions WHERE article_seq IN (${placeholders(seqs.length)})`, seqs);
    await tx.run(`DELETE FROM article_entities WHERE article_seq IN (${placeholders(seqs.length)})`, seqs);
    const mentionRows: SqlValue[][] = [];
    const linkRows: SqlValue[][] = [];
    const events: EventRecordRow[] = [];
    const counts: SqlValue[] = [];
    for (const a of articles) {
      const seq = Number(a.seq);
      const rows = entityRows(JSON.parse(a.doc) as MarsadDocument);
      counts.push(seq, rows.entities.length);
      for (const m of rows.mentions) mentionRows.push([seq, m.idx, m.start, m.end, m.text, m.type, m.entity]);
      for (const e of rows.entities) {
        linkRows.push([seq, e.id, e.localId, e.mentions]);
        addEntity(entities, e, a.added_at);
      }
      for (const e of rows.events) {
        events.push(e);
        if (!clusters.has(e.cluster.id)) clusters.set(e.cluster.id, { event: e, createdAt: a.added_at });
      }
    }
    await insertMany(tx, 'mentions', ['article_seq', 'idx', 'start_offset', 'end_offset', 'text', 'type', 'entity_id'], mentionRows);
    await insertMany(tx, 'article_entities', ['article_seq', 'entity_id', 'local_id', 'mentions'], linkRows);
    await updateEvents(tx, events);
    // Schema 1 merged a document's entities that shared a Wikidata id: the count of entity rows may change.
    await tx.run(
      `UPDATE articles SET entity_count = CAST(v.column2 AS INTEGER) FROM (VALUES ${articles.map(() => '(?, ?)').join(', ')}) AS v WHERE articles.seq = CAST(v.column1 AS INTEGER)`,
      counts,
    );
  }

  await tx.run('DELETE FROM entity_aliases');
  await tx.run('DELETE FROM entities');
  const sorted = [...entities.values()].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
  await insertMany(
    tx,
    'entities',
    ['id', 'name', 'norm', 'name_en', 'type', 'actor', 'country', 'wikidata', 'lat', 'lon', 'mentions', 'articles', 'events', 'first_seen', 'last_seen'],
    sorted.map(({ record: r, ...t }) => [r.id, r.name, r.norm, r.nameEn, r.type, r.actor, r.country, r.wikidata, r.lat, r.lon, t.mentions, t.articles, t.events, t.firstSeen, t.lastSeen]),
  );
  await insertMany(tx, 'entity_aliases', ['entity_id', 'alias'], sorted.flatMap((t) => [...t.aliases].map((alias) => [t.record.id, alias])));

  await tx.run('DELETE FROM event_clusters');
  await insertMany(
    tx,
    'event_clusters',
    ['id', 'date', 'root_code', 'plover', 'cameo', 'source_key', 'target_key', 'source_name', 'target_name', 'created_at'],
    [...clusters.entries()].map(([id, { event: e, createdAt }]) => [id, e.cluster.date, e.rootCode, e.plover, e.cameo, e.cluster.sourceKey, e.cluster.targetKey, e.cluster.sourceName, e.cluster.targetName, createdAt]),
  );
  await tx.run(
    `UPDATE event_clusters SET
       num_articles = (SELECT COUNT(DISTINCT e.article_seq) FROM events e WHERE e.cluster_id = event_clusters.id),
       num_sources = (SELECT COUNT(DISTINCT e.source_key) FROM events e WHERE e.cluster_id = event_clusters.id),
       num_mentions = (SELECT COALESCE(SUM(e.num_mentions), 0) FROM events e WHERE e.cluster_id = event_clusters.id),
       num_events = (SELECT COUNT(*) FROM events e WHERE e.cluster_id = event_clusters.id)`,
  );
}
