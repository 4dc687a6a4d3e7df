/**
 * Reading canonical entities: lists with mention, article and event counts
 * across the store, and one entity with its aliases, its most frequent
 * companions and its latest events.
 */
import { normalize } from '../arabic/index.js';
import type { Queryable } from './db.js';
import { type StoredEvent, listEvents } from './events-query.js';
import { type Page, type PageRequest, Where, containsPattern, given, pageOf } from './where.js';

/** Companions and latest events shown with one entity. */
const DETAIL_LIST_LENGTH = 20;

export interface EntityFilter extends PageRequest {
  /** A name, alias or English name (normalised, anywhere in it). */
  q?: string;
  type?: string;
  country?: string;
}

export interface StoredEntity {
  id: string;
  name: string;
  nameEn: string | null;
  type: string;
  actor: string | null;
  country: string | null;
  wikidata: string | null;
  lat: number | null;
  lon: number | null;
  /** Mentions in all stored articles. */
  mentions: number;
  articles: number;
  /** Events it is the source or target of. */
  events: number;
  firstSeen: string;
  lastSeen: string;
}

export interface EntityDetail extends StoredEntity {
  aliases: string[];
  /** Entities named in the same articles, most shared articles first. */
  related: { id: string; name: string; type: string; articles: number }[];
  latestEvents: StoredEvent[];
}

function entityFromRow(r: Record<string, unknown>): StoredEntity {
  const n = (v: unknown) => (v == null ? null : Number(v));
  const s = (v: unknown) => (v == null ? null : String(v));
  return {
    id: String(r.id),
    name: String(r.name),
    nameEn: s(r.name_en),
    type: String(r.type),
    actor: s(r.actor),
    country: s(r.country),
    wikidata: s(r.wikidata),
    lat: n(r.lat),
    lon: n(r.lon),
    mentions: Number(r.mentions),
    articles: Number(r.articles),
    events: Number(r.events),
    firstSeen: String(r.first_seen),
    lastSeen: String(r.last_seen),
  };
}

/** A page of canonical entities, most mentioned first. */
export async function listEntities(q: Queryable, f: EntityFilter): Promise<Page<StoredEntity>> {
  const w = new Where();
  const text = given(f.q);
  if (text) {
    const p = containsPattern(normalize(text));
    w.add(`en.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\') OR en.norm LIKE ? ESCAPE '\\' OR LOWER(en.name_en) LIKE ? ESCAPE '\\' OR en.id = ?`, p, p, p, text);
  }
  const type = given(f.type);
  if (type) w.add('en.type = ?', type.toUpperCase());
  const country = given(f.country);
  if (country) w.add('en.country = ?', country.toUpperCase());
  const { limit, offset } = pageOf(f);
  const total = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM entities en ${w.sql}`, w.params);
  const rows = await q.all(`SELECT en.* FROM entities en ${w.sql} ORDER BY en.mentions DESC, en.id LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
  return { total: Number(total?.n ?? 0), limit, offset, items: rows.map(entityFromRow) };
}

/** One entity with its aliases, its companions and its latest events, or null. */
export async function getEntity(q: Queryable, id: string): Promise<EntityDetail | null> {
  const row = await q.get('SELECT * FROM entities WHERE id = ?', [id]);
  if (!row) return null;
  const aliases = (await q.all<{ alias: string }>('SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias', [id])).map((r) => r.alias);
  const related = await q.all<{ id: string; name: string; type: string; n: number }>(
    `SELECT en.id, en.name, en.type, COUNT(*) AS n FROM article_entities mine
       JOIN article_entities other ON other.article_seq = mine.article_seq AND other.entity_id <> mine.entity_id
       JOIN entities en ON en.id = other.entity_id
     WHERE mine.entity_id = ? GROUP BY en.id, en.name, en.type ORDER BY n DESC, en.id LIMIT ?`,
    [id, DETAIL_LIST_LENGTH],
  );
  const latestEvents = (await listEvents(q, { entity: id, limit: DETAIL_LIST_LENGTH })).items;
  return { ...entityFromRow(row), aliases, related: related.map((r) => ({ id: r.id, name: r.name, type: r.type, articles: Number(r.n) })), latestEvents };
}
