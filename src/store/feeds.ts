/**
 * What `watch` remembers of each feed between polls: the validators for a
 * conditional GET (ETag, Last-Modified), the error count behind its back-off,
 * and every item already taken (so an item is never stored twice, even when
 * its page changes).
 */
import type { Queryable } from './db.js';

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastPolled: string | null;
  lastStatus: number | null;
  lastError: string | null;
  /** Consecutive failed polls. */
  errors: number;
  /** When the feed is due next (ISO time), or null for now. */
  nextPoll: string | null;
  /** Items taken from the feed so far. */
  items: number;
}

/** The state of a feed never polled. */
export function newFeedState(url: string): FeedState {
  return { url, etag: null, lastModified: null, lastPolled: null, lastStatus: null, lastError: null, errors: 0, nextPoll: null, items: 0 };
}

/** The stored state of a feed (a new one when it was never polled). */
export async function getFeedState(q: Queryable, url: string): Promise<FeedState> {
  const r = await q.get<Record<string, unknown>>('SELECT * FROM feeds WHERE url = ?', [url]);
  if (!r) return newFeedState(url);
  const s = (v: unknown) => (v == null ? null : String(v));
  return {
    url,
    etag: s(r.etag),
    lastModified: s(r.last_modified),
    lastPolled: s(r.last_polled),
    lastStatus: r.last_status == null ? null : Number(r.last_status),
    lastError: s(r.last_error),
    errors: Number(r.errors),
    nextPoll: s(r.next_poll),
    items: Number(r.items),
  };
}

/** Stores the state of a feed after a poll. */
export async function saveFeedState(q: Queryable, f: FeedState): Promise<void> {
  await q.run(
    `INSERT INTO feeds (url, etag, last_modified, last_polled, last_status, last_error, errors, next_poll, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_polled = excluded.last_polled,
       last_status = excluded.last_status, last_error = excluded.last_error, errors = excluded.errors, next_poll = excluded.next_poll, items = excluded.items`,
    [f.url, f.etag, f.lastModified, f.lastPolled, f.lastStatus, f.lastError, f.errors, f.nextPoll, f.items],
  );
}

/** The article an item (by its key: GUID, else link) gave when it was taken from the feed before, or null. */
export async function feedItemArticle(q: Queryable, feed: string, key: string): Promise<string | null> {
  const r = await q.get<{ article_id: string | null }>('SELECT article_id FROM feed_items WHERE feed_url = ? AND item_key = ?', [feed, key]);
  return r?.article_id ?? null;
}
