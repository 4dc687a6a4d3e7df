/**
 * Ingest: items in (files, folders, JSONL lines, feed items, pages), articles
 * analysed and stored, a summary out. One article is one transaction, so a run
 * killed at any point keeps every article it finished and none half-written;
 * running it again stores the rest and reports the finished ones as duplicates.
 *
 * An article already stored is recognised before analysis (its id is the hash
 * of its text), so a re-run costs little.
 */
import type { MarsadDocument } from '../model/document.js';
import { MarsadError, isMarsadError } from '../model/messages.js';
import { read, defaultStages, type AnalyzeOptions } from '../pipeline/analyze.js';
import { type Pipeline, pipeline } from '../pipeline/stage.js';
import { type IngestItem, type SourceOptions, ingestItems, resolveItem } from '../ingest/sources.js';
import type { Store } from './index.js';
import type { SaveContext, SaveResult } from './articles.js';
import type { ArticleInput } from '../ingest/index.js';
import { type JobResult, finishJob } from './jobs.js';
import { feedItemArticle } from './feeds.js';
import { type RunKind, type RunSummary, finishRun, logFailure, startRun } from './runs.js';

/** How an item is analysed: the pipeline options that travel with it (to workers too). */
export interface AnalysisSettings {
  disable?: string[];
  kb?: string[];
  maxBytes?: number;
}

/** A queue job's payload: the item, and how to read and analyse it. */
export interface IngestJob {
  item: IngestItem;
  analysis?: AnalysisSettings;
  sources?: SourceOptions;
}

export interface ItemContext {
  runId?: number | null;
  jobId?: number | null;
  analysis?: AnalysisSettings;
  sources?: SourceOptions;
}

const pipelines = new Map<string, Pipeline>();

function pipelineFor(disable: readonly string[] = []): Pipeline {
  const key = disable.join(',');
  let p = pipelines.get(key);
  if (!p) pipelines.set(key, (p = pipeline(defaultStages(), disable)));
  return p;
}

/** Errors of the store itself end the run: they are not about the article. */
function isStoreError(e: unknown): boolean {
  return isMarsadError(e) && e.code.startsWith('store.');
}

function reasonOf(e: unknown): string {
  if (isMarsadError(e)) return e.where && e.message.startsWith(e.where + ': ') ? e.message.slice(e.where.length + 2) : e.message;
  return `internal error: ${(e as Error)?.message ?? String(e)}`;
}

/**
 * Reads, then stores one input: an already stored article is recognised before
 * analysis and recorded as a duplicate. Throws for unreadable input.
 */
export async function storeInput(store: Store, input: Uint8Array | ArticleInput, options: AnalyzeOptions, save: SaveContext = {}): Promise<SaveResult> {
  const first = read(input, options);
  const stored = await store.recordIfStored(first.id, save);
  if (stored) return stored;
  const doc: MarsadDocument = pipelineFor(options.disable).run(first, { options: { ...options } });
  return store.save(doc, save);
}

/**
 * Processes one item: reads, skips it when stored already, else analyses and
 * stores it. Returns how it ended; a job (ctx.jobId) is finished in the same
 * transaction as its article. Throws only for store errors (busy, unreachable).
 */
export async function processItem(store: Store, item: IngestItem, ctx: ItemContext = {}): Promise<JobResult> {
  const origin = item.origin;
  const fail = async (reason: string, code?: string): Promise<JobResult> => {
    const result: JobResult = { status: 'failed', reason, source: origin, ...(code ? { code } : {}) };
    await logFailure(store.db, ctx.runId ?? null, origin, reason);
    if (ctx.jobId != null) await finishJob(store.db, ctx.jobId, result);
    return result;
  };
  if (item.kind === 'failed') return fail(item.reason);
  const feedItem = item.kind === 'feed-item' ? { feed: item.feed, key: item.item.key } : null;
  const save: SaveContext = { runId: ctx.runId ?? null, jobId: ctx.jobId ?? null, origin, feedItem, feed: item.options.feed ?? null };
  try {
    const seen = feedItem ? await feedItemArticle(store.db, feedItem.feed, feedItem.key) : null;
    if (seen) {
      // Taken from this feed before: not fetched again, not stored twice.
      const r = await store.recordIfStored(seen, save);
      if (r) return { status: 'duplicate', id: r.id, story: r.story, source: origin };
    }
    const resolved = await resolveItem(item, ctx.sources);
    const options: AnalyzeOptions = { ...resolved.options, kb: ctx.analysis?.kb, disable: ctx.analysis?.disable, maxBytes: ctx.analysis?.maxBytes ?? resolved.options.maxBytes };
    const r = await storeInput(store, resolved.input, options, save);
    return { status: r.duplicate ? 'duplicate' : 'new', id: r.id, events: r.events, nearDuplicate: r.nearDuplicate, story: r.story, source: origin };
  } catch (e) {
    if (isStoreError(e)) throw e;
    return fail(reasonOf(e), isMarsadError(e) ? e.code : 'api.internal');
  }
}

/**
 * Waits before each new try when the PostgreSQL server went away (restarted,
 * connections dropped): about half a minute in all, then the run stops.
 */
export const STORE_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` again while a PostgreSQL store is unreachable, up to
 * STORE_RETRY_DELAYS_MS. Safe for `processItem`: an item whose transaction
 * did not commit left nothing, and one that did is found stored (a duplicate)
 * on the next try. SQLite errors (a full disk, a lock held too long) are not
 * retried: waiting does not fix them.
 */
export async function withStoreRetry<T>(store: Store, fn: () => Promise<T>, onRetry?: (e: MarsadError, attempt: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const transient = store.dialect === 'postgres' && isMarsadError(e) && e.code === 'store.unavailable';
      if (!transient || attempt >= STORE_RETRY_DELAYS_MS.length) throw e;
      onRetry?.(e, attempt + 1);
      await pause(STORE_RETRY_DELAYS_MS[attempt]);
    }
  }
}

/** A store error that ended a run, with what the run had done: the user knows what is kept and what to do. */
function stoppedRun(e: unknown, tally: Tally): unknown {
  if (!isMarsadError(e) || !e.code.startsWith('store.')) return e;
  const s = tally.summary;
  const done = `${s.new} new and ${s.duplicate} duplicate articles were stored before it stopped (each whole); run the same command again to finish`;
  const reason = e.where && e.message.startsWith(`${e.where}: `) ? e.message.slice(e.where.length + 2) : e.message;
  return new MarsadError(e.code, `${reason}; ${done}`, e.where);
}

/** Running totals of a run. */
export class Tally {
  readonly summary: RunSummary = { read: 0, new: 0, duplicate: 0, nearDuplicate: 0, failed: [] };

  add(r: JobResult): void {
    this.summary.read++;
    if (r.status === 'new') {
      this.summary.new++;
      if (r.nearDuplicate) this.summary.nearDuplicate++;
    } else if (r.status === 'duplicate') this.summary.duplicate++;
    else this.summary.failed.push({ source: r.source ?? '', reason: r.reason ?? 'failed' });
  }
}

export interface IngestOptions {
  kind?: RunKind;
  sources?: SourceOptions;
  analysis?: AnalysisSettings;
  /** Called after each item (progress display). */
  onItem?: (item: IngestItem, result: JobResult, tally: Tally) => void;
  /** Stops after the current item when aborted; the summary covers what was done. */
  signal?: AbortSignal;
  /** Called when the database went away and an item is tried again. */
  onRetry?: (e: MarsadError, attempt: number) => void;
}

/** Ingests the inputs in this process, item by item. */
export async function ingest(store: Store, inputs: readonly string[], options: IngestOptions = {}): Promise<RunSummary> {
  const retry = <T>(fn: () => Promise<T>) => withStoreRetry(store, fn, options.onRetry);
  const runId = await retry(() => startRun(store.db, options.kind ?? 'ingest', inputs));
  const tally = new Tally();
  let interrupted = false;
  try {
    for await (const item of ingestItems(inputs, options.sources)) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const result = await retry(() => processItem(store, item, { runId, analysis: options.analysis, sources: options.sources }));
      tally.add(result);
      options.onItem?.(item, result, tally);
    }
    await retry(() => finishRun(store.db, runId, tally.summary, interrupted ? 'interrupted' : 'done'));
  } catch (e) {
    throw stoppedRun(e, tally);
  }
  return tally.summary;
}

/** Items given directly (a feed already fetched, an API upload), ingested in this process. */
export async function ingestItemList(store: Store, items: Iterable<IngestItem>, options: IngestOptions & { inputs?: string[] } = {}): Promise<RunSummary> {
  const retry = <T>(fn: () => Promise<T>) => withStoreRetry(store, fn, options.onRetry);
  const runId = await retry(() => startRun(store.db, options.kind ?? 'ingest', options.inputs ?? []));
  const tally = new Tally();
  try {
    for (const item of items) {
      const result = await retry(() => processItem(store, item, { runId, analysis: options.analysis, sources: options.sources }));
      tally.add(result);
      options.onItem?.(item, result, tally);
    }
    await retry(() => finishRun(store.db, runId, tally.summary));
  } catch (e) {
    throw stoppedRun(e, tally);
  }
  return tally.summary;
}
