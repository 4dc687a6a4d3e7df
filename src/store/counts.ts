/**
 * Totals of filtered lists, counted once and reused: a page of events says how
 * many match, and counting them on every page would cost as much as reading
 * them all. A count is kept while the table's newest row number is the same
 * (rows are only ever added) and for at most COUNT_TTL_MS, which bounds how
 * stale it can be when concurrent writers commit out of order (PostgreSQL).
 */
import type { Queryable, SqlValue } from './db.js';

/** Longest a count is reused. */
export const COUNT_TTL_MS = 30_000;
/** Counts kept per database (distinct filters). */
const MAX_ENTRIES = 500;

interface Entry {
  version: number;
  at: number;
  n: number;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/** Tables whose newest row number marks a change: their `seq` only grows. */
type Versioned = 'events' | 'articles';

/** `SELECT COUNT(*) AS n …` with its parameters, from the cache while `table` has had no new row. */
export async function cachedCount(q: Queryable, table: Versioned, sql: string, params: readonly SqlValue[]): Promise<number> {
  const version = Number((await q.get<{ v: number | null }>(`SELECT MAX(seq) AS v FROM ${table}`))?.v ?? 0);
  let cache = caches.get(q);
  if (!cache) caches.set(q, (cache = new Map()));
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.version === version && now - hit.at < COUNT_TTL_MS) return hit.n;
  const n = Number((await q.get<{ n: number }>(sql, params))?.n ?? 0);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, { version, at: now, n });
  return n;
}
