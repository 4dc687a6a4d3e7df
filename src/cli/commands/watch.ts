/**
 * `marsad watch`: polls feeds on a schedule and stores their new items. Each
 * poll is a conditional GET (ETag, Last-Modified); a feed that fails is polled
 * less and less often (exponential back-off, capped); an item already taken is
 * never fetched or stored again, across restarts (the store remembers).
 */
import type { CommandSpec, Parsed } from '../args.js';
import { MarsadError, isMarsadError } from '../../model/messages.js';
import { Store, dbLocation } from '../../store/index.js';
import { type FeedState, getFeedState, saveFeedState } from '../../store/feeds.js';
import { ingestItemList } from '../../store/ingest.js';
import { safeFetch } from '../../ingest/fetch.js';
import { isUrl, itemsOfFeed } from '../../ingest/sources.js';
import { ALLOW_PRIVATE_OPTION, DB_OPTION, analysisSettings, parseDuration, sourceOptions } from './ingest.js';

const DEFAULT_EVERY = '15m';
const DEFAULT_MAX_BACKOFF = '6h';
/** Shortest poll interval accepted: politeness to the feeds' servers. */
const MIN_EVERY_MS = 1000;
const HTTP_NOT_MODIFIED = 304;

export const watchSpec: CommandSpec = {
  name: 'watch',
  summary: 'Poll RSS/Atom feeds and store their new items; respects ETag/Last-Modified, backs off on errors, never stores an item twice.',
  usage: 'marsad watch FEED_URL... [--every 15m] [--db FILE|URL] [--once]',
  positionals: { min: 1, max: Infinity, name: 'FEED_URL' },
  options: [
    DB_OPTION,
    { name: 'every', type: 'string', valueName: 'DURATION', help: `time between polls of a feed (default ${DEFAULT_EVERY})` },
    { name: 'max-backoff', type: 'string', valueName: 'DURATION', help: `longest wait after repeated errors (default ${DEFAULT_MAX_BACKOFF})` },
    { name: 'once', type: 'boolean', help: 'poll every feed once, then stop' },
    { name: 'format', type: 'string', choices: ['text', 'json'], help: 'one line per poll: readable (default) or JSON' },
    ALLOW_PRIVATE_OPTION,
    { name: 'max-size', type: 'string', valueName: 'SIZE', help: 'largest feed or page read (default 16M)' },
  ],
};

export interface PollOutcome {
  feed: string;
  status: 'new-items' | 'not-modified' | 'error';
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  error?: string;
  nextPoll: string;
}

/** The wait after `errors` consecutive failures: every × 2^errors, at most maxBackoff. */
export function backoff(everyMs: number, errors: number, maxBackoffMs: number): number {
  return Math.min(maxBackoffMs, everyMs * 2 ** Math.min(errors, 30));
}

/** One conditional poll of one feed; updates its state in the store. */
export async function pollFeed(store: Store, url: string, p: Parsed, everyMs: number, maxBackoffMs: number): Promise<PollOutcome> {
  const state: FeedState = await getFeedState(store.db, url);
  const sources = sourceOptions(p);
  const headers: Record<string, string> = { Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' };
  if (state.etag) headers['If-None-Match'] = state.etag;
  if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  const now = new Date();
  state.lastPolled = now.toISOString();
  try {
    const res = await safeFetch(url, { ...sources.fetch, headers });
    state.lastStatus = res.status;
    state.lastError = null;
    state.errors = 0;
    state.nextPoll = new Date(now.getTime() + everyMs).toISOString();
    if (res.status === HTTP_NOT_MODIFIED) {
      await saveFeedState(store.db, state);
      return { feed: url, status: 'not-modified', read: 0, new: 0, duplicate: 0, failed: 0, nextPoll: state.nextPoll };
    }
    const items = itemsOfFeed(res.body.toString('utf8'), url);
    const onlyFailures = items.length > 0 && items.every((i) => i.kind === 'failed');
    if (onlyFailures) throw new MarsadError('feed.invalid', items.map((i) => (i.kind === 'failed' ? i.reason : '')).join('; '));
    const summary = await ingestItemList(store, items, { kind: 'watch', inputs: [url], sources, analysis: analysisSettings(p) });
    state.etag = typeof res.headers.etag === 'string' ? res.headers.etag : null;
    state.lastModified = typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'] : null;
    state.items += summary.new;
    await saveFeedState(store.db, state);
    return { feed: url, status: 'new-items', read: summary.read, new: summary.new, duplicate: summary.duplicate, failed: summary.failed.length, nextPoll: state.nextPoll };
  } catch (e) {
    if (isMarsadError(e) && e.code.startsWith('store.')) throw e;
    state.errors++;
    state.lastError = isMarsadError(e) ? e.message : String((e as Error)?.message ?? e);
    state.nextPoll = new Date(now.getTime() + backoff(everyMs, state.errors, maxBackoffMs)).toISOString();
    await saveFeedState(store.db, state);
    return { feed: url, status: 'error', read: 0, new: 0, duplicate: 0, failed: 0, error: state.lastError, nextPoll: state.nextPoll };
  }
}

function outcomeText(o: PollOutcome): string {
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  if (o.status === 'error') return `${when} ${o.feed}: error: ${o.error} (next poll ${o.nextPoll})`;
  if (o.status === 'not-modified') return `${when} ${o.feed}: not modified`;
  return `${when} ${o.feed}: ${o.new} new, ${o.duplicate} already stored, ${o.failed} failed`;
}

/** Runs `marsad watch`: polls each feed when it is due, until stopped (or once). */
export async function runWatch(p: Parsed): Promise<number> {
  const feeds = p.positionals;
  for (const f of feeds) if (!isUrl(f)) throw new MarsadError('input.invalid-argument', `"${f}" is not an http(s) URL (watch polls feeds by URL; use ingest for files)`);
  const everyMs = parseDuration((p.options.every as string | undefined) ?? DEFAULT_EVERY, 'every');
  if (everyMs < MIN_EVERY_MS) throw new MarsadError('input.invalid-argument', `--every must be at least ${MIN_EVERY_MS / 1000} s`);
  const maxBackoffMs = parseDuration((p.options['max-backoff'] as string | undefined) ?? DEFAULT_MAX_BACKOFF, 'max-backoff');
  const store = await Store.open(dbLocation(p.options.db as string | undefined));
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let errorsOnly = true;
  try {
    while (!abort.signal.aborted) {
      let next = Date.now() + everyMs;
      for (const url of feeds) {
        if (abort.signal.aborted) break;
        const state = await getFeedState(store.db, url);
        const due = state.nextPoll ? Date.parse(state.nextPoll) : 0;
        if (!p.options.once && due > Date.now()) {
          next = Math.min(next, due);
          continue;
        }
        const o = await pollFeed(store, url, p, everyMs, maxBackoffMs);
        if (o.status !== 'error') errorsOnly = false;
        const line = p.options.format === 'json' ? JSON.stringify(o) : outcomeText(o);
        (o.status === 'error' ? process.stderr : process.stdout).write(line + '\n');
        next = Math.min(next, Date.parse(o.nextPoll));
      }
      if (p.options.once) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, next - Date.now()));
        abort.signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        }, { once: true });
      });
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
  return p.options.once && errorsOnly ? 2 : 0;
}
