/**
 * What `ingest` reads: paths and URLs turned into a stream of items, one per
 * article (or per failure, with its reason). Folders are walked recursively;
 * files are told apart by extension, then by content (a feed, a JSONL dump, an
 * article); a URL is fetched safely and read as a feed or as a page.
 *
 * Items are plain JSON (bytes as base64), so a queue can carry them to workers
 * on other machines; `resolveItem` turns one into what `analyze` reads.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { extname, join } from 'node:path';
import type { ArticleInput, InputFormat, ReadOptions } from './index.js';
import { MarsadError, isMarsadError } from '../model/messages.js';
import { type FeedItem, looksLikeFeed, parseFeed } from './feed.js';
import { type FetchOptions, safeFetch } from './fetch.js';

/** Largest file read as one article (or one feed). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Largest JSONL line (one article). */
const MAX_JSONL_LINE_CHARS = 16 * 1024 * 1024;
/** Characters of a JSONL line quoted in an error. */
const QUOTE_CHARS = 60;
/** Bytes looked at to tell a feed from an article. */
const SNIFF_BYTES = 4096;

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const FEED_EXTENSIONS = new Set(['.rss', '.atom']);
/** Files that are certainly not articles: skipped in folders with a reason, without reading them. */
const BINARY_EXTENSIONS = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.ico', '.tif', '.tiff', '.pdf', '.zip', '.gz', '.tgz', '.bz2', '.xz', '.7z', '.rar',
  '.mp3', '.mp4', '.m4a', '.wav', '.ogg', '.avi', '.mov', '.mkv', '.exe', '.dll', '.so', '.bin', '.woff', '.woff2', '.ttf', '.otf',
  '.sqlite', '.db', '.db-wal', '.db-shm', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.class', '.jar', '.pyc', '.o', '.a',
]);

/** One thing to analyse and store, or a failure to report. */
export type IngestItem =
  | { kind: 'bytes'; origin: string; base64: string; options: ItemOptions }
  | { kind: 'article'; origin: string; article: ArticleInput; options: ItemOptions }
  | { kind: 'feed-item'; origin: string; feed: string; item: FeedItem; options: ItemOptions }
  | { kind: 'failed'; origin: string; reason: string };

/** Reading options carried with an item (JSON). */
export interface ItemOptions {
  path?: string | null;
  url?: string | null;
  charset?: string;
  /** How to read bytes (default: detected). */
  format?: InputFormat;
  /** The publication date, when the item itself does not say. */
  date?: string | null;
  /** The feed the item came from (source of the article, and its "seen" record). */
  feed?: string | null;
}

export interface SourceOptions {
  /** Fetching rules (private addresses, timeouts, size caps). */
  fetch?: FetchOptions;
  maxFileBytes?: number;
}

/** The source of an item as reported in `failed` entries. */
export function originOf(item: IngestItem): string {
  return item.origin;
}

/** Whether an input is an http(s) URL rather than a path. */
export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function failed(origin: string, e: unknown): IngestItem {
  const reason = isMarsadError(e) ? (e.where && e.message.startsWith(e.where + ': ') ? e.message.slice(e.where.length + 2) : e.message) : `internal error: ${(e as Error)?.message ?? e}`;
  return { kind: 'failed', origin, reason };
}

function fsReason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many symbolic links';
    default: return `cannot read (${(e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message})`;
  }
}

/** Items of a feed document (its XML already read). */
function feedItems(xml: string, feedUrl: string, origin: string, base: ItemOptions): IngestItem[] {
  const out: IngestItem[] = [];
  try {
    const feed = parseFeed(xml, origin);
    for (const item of feed.items) out.push({ kind: 'feed-item', origin: item.link ?? `${origin}#${item.key}`, feed: feedUrl, item, options: { ...base, feed: feedUrl } });
    if (feed.error) out.push({ kind: 'failed', origin, reason: `malformed feed, read ${feed.items.length} items before the fault: ${feed.error}` });
  } catch (e) {
    out.push(failed(origin, e));
  }
  return out;
}

/** The lines of a JSONL file as article items; a broken line is a failure with its line number. */
async function* jsonlItems(path: string): AsyncGenerator<IngestItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.replace(/^\uFEFF/, '');
    if (!line.trim()) continue;
    const origin = `${path}:${n}`;
    if (line.length > MAX_JSONL_LINE_CHARS) {
      yield { kind: 'failed', origin, reason: `line is over ${MAX_JSONL_LINE_CHARS / 1024 / 1024} M characters` };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield { kind: 'failed', origin, reason: `not valid JSON (${(e as Error).message}): ${line.slice(0, QUOTE_CHARS)}` };
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value) || typeof (value as ArticleInput).text !== 'string') {
      yield { kind: 'failed', origin, reason: 'an article must be an object with a "text" string' };
      continue;
    }
    const v = value as Record<string, unknown>;
    // Only the known fields travel on: no prototype tricks, no unbounded extras.
    const article: ArticleInput = { text: v.text as string };
    if (typeof v.title === 'string') article.title = v.title;
    if (typeof v.date === 'string') article.date = v.date;
    if (typeof v.url === 'string') article.url = v.url;
    if (typeof v.id === 'string' || typeof v.id === 'number') article.id = v.id;
    yield { kind: 'article', origin, article, options: { path } };
  }
}

async function* fileItems(path: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  const ext = extname(path).toLowerCase();
  if (BINARY_EXTENSIONS.has(ext)) {
    yield { kind: 'failed', origin: path, reason: `binary file (${ext}), skipped` };
    return;
  }
  if (JSONL_EXTENSIONS.has(ext)) {
    yield* jsonlItems(path);
    return;
  }
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    const st = await fs.stat(path);
    if (st.size > max) {
      yield { kind: 'failed', origin: path, reason: `file is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${(max / 1024 / 1024).toFixed(1)} MB limit` };
      return;
    }
    bytes = await fs.readFile(path);
  } catch (e) {
    yield { kind: 'failed', origin: path, reason: fsReason(e) };
    return;
  }
  const head = bytes.subarray(0, SNIFF_BYTES).toString('utf8');
  if (FEED_EXTENSIONS.has(ext) || looksLikeFeed(head)) {
    yield* feedItems(bytes.toString('utf8'), path, path, { path });
    return;
  }
  // A file of JSON lines without the .jsonl extension: several objects, one a line.
  if (head.trimStart().startsWith('{') && /\}\s*\r?\n\s*\{/.test(head)) {
    yield* jsonlItems(path);
    return;
  }
  yield { kind: 'bytes', origin: path, base64: bytes.toString('base64'), options: { path } };
}

async function* folderItems(dir: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'failed', origin: dir, reason: fsReason(e) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // Hidden files and folders (.git, .DS_Store) are not articles.
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    // Symbolic links are not followed: no loops, no wandering out of the folder.
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) yield* folderItems(p, options);
    else if (e.isFile()) yield* fileItems(p, options);
  }
}

async function* urlItems(url: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  let res;
  try {
    res = await safeFetch(url, { ...options.fetch, headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5' } });
  } catch (e) {
    yield failed(url, e);
    return;
  }
  const head = res.body.subarray(0, SNIFF_BYTES).toString('utf8');
  if (/(?:rss|atom|xml)/i.test(res.contentType ?? '') || looksLikeFeed(head)) {
    if (looksLikeFeed(head) || !/html/i.test(res.contentType ?? '')) {
      yield* feedItems(res.body.toString('utf8'), url, url, { url: res.url });
      return;
    }
  }
  yield { kind: 'bytes', origin: url, base64: res.body.toString('base64'), options: { url: res.url, charset: res.charset ?? undefined } };
}

/** Every item of the inputs (paths, folders, URLs), in order. Never throws: failures are items. */
export async function* ingestItems(inputs: readonly string[], options: SourceOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* urlItems(input, options);
      continue;
    }
    let st;
    try {
      st = await fs.stat(input);
    } catch (e) {
      yield { kind: 'failed', origin: input, reason: fsReason(e) };
      continue;
    }
    if (st.isDirectory()) yield* folderItems(input, options);
    else yield* fileItems(input, options);
  }
}

/** Items of a feed given as XML text (the API's POST /api/feeds, watch). */
export function itemsOfFeed(xml: string, feedUrl: string): IngestItem[] {
  return feedItems(xml, feedUrl, feedUrl, { url: feedUrl });
}

/** What `analyze` reads for an item: bytes or an article object, and reading options. */
export interface ResolvedItem {
  input: Uint8Array | ArticleInput;
  options: ReadOptions;
}

/**
 * Turns an item into analysis input. A feed item that carries only a summary
 * has its link fetched (safely) and read as HTML; if that fails, the summary is
 * used when there is one.
 */
export async function resolveItem(item: Exclude<IngestItem, { kind: 'failed' }>, options: SourceOptions = {}): Promise<ResolvedItem> {
  switch (item.kind) {
    case 'bytes':
      return { input: Buffer.from(item.base64, 'base64'), options: { path: item.options.path ?? null, url: item.options.url ?? null, charset: item.options.charset, format: item.options.format, date: item.options.date ?? null } };
    case 'article':
      return { input: item.article, options: { path: item.options.path ?? null, date: item.options.date ?? null } };
    case 'feed-item': {
      const it = item.item;
      const summary = (): ResolvedItem => {
        if (!it.html.trim() && !it.title) throw new MarsadError('input.empty', 'the feed item has no text and its page could not be read');
        return { input: { text: it.html || it.title || '', title: it.html ? it.title : null, date: it.date, url: it.link }, options: { url: it.link } };
      };
      if (it.full || !it.link) return summary();
      try {
        const res = await safeFetch(it.link, { ...options.fetch, headers: { Accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' } });
        return { input: res.body, options: { url: res.url, charset: res.charset ?? undefined, format: 'html', date: it.date } };
      } catch (e) {
        if (it.html.trim()) return summary();
        throw e;
      }
    }
  }
}
