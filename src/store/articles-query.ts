/**
 * Reading stored articles: one document by id, pages of summaries (newest
 * first), and full-text search with ranked, highlighted results.
 */
import type { MarsadDocument } from '../model/document.js';
import { normalize, arabicLayer } from '../arabic/index.js';
import type { Queryable, SqlValue } from './db.js';
import { type QueryWord, fts5Query, matchSpans, queryWords, tokensOf, tsQuery } from './terms.js';
import { type Snippet, snippet } from './snippets.js';
import { type Page, type PageRequest, Where, containsPattern, given, pageOf, prefixPattern } from './where.js';

export interface ArticleFilter extends PageRequest {
  /** Full-text query (same matching as search). */
  q?: string;
  from?: string;
  to?: string;
  /** An entity: its id, or a name or alias (normalised, anywhere in it). */
  entity?: string;
  /** An event type: a CAMEO code prefix (digits) or a PLOVER type. */
  type?: string;
  /** ISO 3166-1 alpha-3 of an entity or event location in the article. */
  country?: string;
  story?: string;
  source?: string;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  date: string | null;
  url: string | null;
  source: string;
  story: string;
  /** True when the article joined a story another article started. */
  nearDuplicate: boolean;
  counts: { chars: number; sentences: number; mentions: number; entities: number; events: number };
  addedAt: string;
}

export interface SearchHit extends ArticleSummary {
  /** Relevance: higher is better (comparable within one result list only). */
  score: number;
  snippet: Snippet;
}

export interface SearchResult extends Page<SearchHit> {
  query: string;
  /** The query's words and the forms each matches. */
  words: QueryWord[];
}

function summaryFromRow(r: Record<string, unknown>): ArticleSummary {
  return {
    id: String(r.id),
    title: r.title == null ? null : String(r.title),
    date: r.date == null ? null : String(r.date),
    url: r.url == null ? null : String(r.url),
    source: String(r.source_key),
    story: String(r.story_id),
    nearDuplicate: r.story_id !== r.id,
    counts: { chars: Number(r.chars), sentences: Number(r.sentences), mentions: Number(r.mention_count), entities: Number(r.entity_count), events: Number(r.event_count) },
    addedAt: String(r.added_at),
  };
}

const SUMMARY_COLUMNS = 'a.seq, a.id, a.title, a.date, a.url, a.source_key, a.story_id, a.chars, a.sentences, a.mention_count, a.entity_count, a.event_count, a.added_at';

/** The stored document, or null. `tokens` are recomputed from `text` when asked for. */
export async function getArticle(q: Queryable, id: string, options: { tokens?: boolean } = {}): Promise<MarsadDocument | null> {
  const row = await q.get<{ doc: string }>('SELECT doc FROM articles WHERE id = ?', [id]);
  if (!row) return null;
  const doc = JSON.parse(row.doc) as MarsadDocument;
  return options.tokens ? arabicLayer(doc) : doc;
}

/** Filters other than the full-text query, over `articles a`. */
function articleWhere(f: ArticleFilter): Where {
  const w = new Where();
  const from = given(f.from);
  if (from) w.add('a.date >= ?', from);
  const to = given(f.to);
  if (to) w.add('a.date <= ?', to);
  const entity = given(f.entity);
  if (entity)
    w.add(
      `EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_seq = a.seq AND (ae.entity_id = ? OR ae.entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\')))`,
      entity, containsPattern(normalize(entity)),
    );
  const type = given(f.type);
  if (type) {
    if (/^\d+$/.test(type)) w.add(`EXISTS (SELECT 1 FROM events e WHERE e.article_seq = a.seq AND e.cameo LIKE ? ESCAPE '\\')`, prefixPattern(type));
    else w.add('EXISTS (SELECT 1 FROM events e WHERE e.article_seq = a.seq AND e.plover = ?)', type.toUpperCase());
  }
  const country = given(f.country);
  if (country) {
    const c = country.toUpperCase();
    w.add(
      `EXISTS (SELECT 1 FROM article_entities ae JOIN entities en ON en.id = ae.entity_id WHERE ae.article_seq = a.seq AND en.country = ?)
       OR EXISTS (SELECT 1 FROM events e WHERE e.article_seq = a.seq AND (e.location_country = ? OR e.source_country = ? OR e.target_country = ?))`,
      c, c, c, c,
    );
  }
  const story = given(f.story);
  if (story) w.add('a.story_id = ?', story);
  const source = given(f.source);
  if (source) w.add('a.source_key = ?', source);
  return w;
}

/** The FROM clause and condition of a full-text match, and the score column (higher is better). */
function fullText(q: Queryable, words: readonly QueryWord[]): { from: string; match: string; param: string; score: string } {
  if (q.dialect === 'postgres')
    return { from: `articles a, to_tsquery('simple', ?) query`, match: 'a.search @@ query', param: tsQuery(words), score: 'ts_rank_cd(a.search, query)' };
  return { from: 'article_fts JOIN articles a ON a.seq = article_fts.rowid', match: 'article_fts MATCH ?', param: fts5Query(words), score: '-bm25(article_fts)' };
}

/** Newest first; undated last on both engines. */
const ARTICLE_ORDER = '(a.date IS NULL), a.date DESC, a.seq DESC';

/** A page of article summaries, newest first (undated last), filtered; `q` is matched as by search. */
export async function listArticles(q: Queryable, f: ArticleFilter): Promise<Page<ArticleSummary>> {
  const { limit, offset } = pageOf(f);
  const text = given(f.q);
  const w = articleWhere(f);
  if (text) {
    const words = queryWords(text);
    if (!words.length) return { total: 0, limit, offset, items: [] };
    const ft = fullText(q, words);
    // The full-text parameter comes first in the SQL text (in FROM on PostgreSQL, in WHERE on SQLite).
    const where = w.sql ? `${w.sql} AND ${ft.match}` : `WHERE ${ft.match}`;
    const params: SqlValue[] = q.dialect === 'postgres' ? [ft.param, ...w.params] : [...w.params, ft.param];
    const total = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${ft.from} ${where}`, params);
    const rows = await q.all(`SELECT ${SUMMARY_COLUMNS} FROM ${ft.from} ${where} ORDER BY ${ARTICLE_ORDER} LIMIT ? OFFSET ?`, [...params, limit, offset]);
    return { total: Number(total?.n ?? 0), limit, offset, items: rows.map(summaryFromRow) };
  }
  const total = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM articles a ${w.sql}`, w.params);
  const rows = await q.all(`SELECT ${SUMMARY_COLUMNS} FROM articles a ${w.sql} ORDER BY ${ARTICLE_ORDER} LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
  return { total: Number(total?.n ?? 0), limit, offset, items: rows.map(summaryFromRow) };
}

export interface SearchRequest extends Omit<ArticleFilter, 'q'> {
  query: string;
}

/**
 * Full-text search: articles with every word of the query (each in any of its
 * spelling and clitic variants), best first, each with a snippet around its
 * densest cluster of matches.
 */
export async function search(q: Queryable, r: SearchRequest): Promise<SearchResult> {
  const { limit, offset } = pageOf(r);
  const words = queryWords(r.query);
  if (!words.length) return { query: r.query, words, total: 0, limit, offset, items: [] };
  const ft = fullText(q, words);
  const w = articleWhere(r);
  const where = w.sql ? `${w.sql} AND ${ft.match}` : `WHERE ${ft.match}`;
  const params: SqlValue[] = q.dialect === 'postgres' ? [ft.param, ...w.params] : [...w.params, ft.param];
  const total = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${ft.from} ${where}`, params);
  const rows = await q.all(
    `SELECT ${SUMMARY_COLUMNS}, a.doc, ${ft.score} AS score FROM ${ft.from} ${where} ORDER BY score DESC, ${ARTICLE_ORDER} LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  const items = rows.map((row): SearchHit => {
    const doc = JSON.parse(String(row.doc)) as MarsadDocument;
    const spans = matchSpans(doc.text, tokensOf(doc), words);
    return { ...summaryFromRow(row), score: Number(row.score), snippet: snippet(doc.text, spans) };
  });
  return { query: r.query, words, total: Number(total?.n ?? 0), limit, offset, items };
}
