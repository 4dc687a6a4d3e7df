/**
 * Readers: bytes or strings in, a document with `text` (and, for HTML, its
 * blocks, title, date and URL) out. Which reader runs is decided by the caller's
 * `format`, the file name, or the content.
 */
import type { Block, MarsadDocument, Message, SourceInfo, TextSpan } from '../model/document.js';
import { SCHEMA } from '../model/document.js';
import { MarsadError, message } from '../model/messages.js';
import { contentHash } from '../model/id.js';
import { shiftBlock, shiftSpan } from '../model/spans.js';
import { cleanString, decode } from './decode.js';
import { looksLikeHtml, readHtml } from './html.js';
import { isoDate } from './dates.js';
import { TextBuilder } from './builder.js';

export { decode, cleanString, canonicalEncoding, declaredCharset } from './decode.js';
export { readHtml, looksLikeHtml } from './html.js';
export { isoDate, ymd } from './dates.js';

export type InputFormat = 'auto' | 'text' | 'html' | 'json';

/** An article given as an object (JSON, JSONL, API). */
export interface ArticleInput {
  text: string;
  title?: string | null;
  date?: string | null;
  url?: string | null;
  id?: string | number | null;
}

export interface ReadOptions {
  format?: InputFormat;
  /** The file the input came from (for messages and `source.path`). */
  path?: string | null;
  url?: string | null;
  /** Publication date, `YYYY-MM-DD`; overrides what the input says. */
  date?: string | null;
  /** Encoding declared by the transport (HTTP Content-Type charset). */
  charset?: string;
  /** Largest input accepted for one article, in bytes (default 32 MiB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

function emptyDocument(text: string, source: SourceInfo, messages: Message[]): MarsadDocument {
  return {
    schema: SCHEMA,
    id: contentHash(text),
    text,
    source,
    date: null,
    title: null,
    blocks: [],
    sentences: [],
    quotes: [],
    tokens: [],
    mentions: [],
    entities: [],
    events: [],
    messages,
  };
}

function checkSize(size: number, options: ReadOptions, where?: string): void {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > max) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new MarsadError('input.too-large', `input is ${mb(size)}, over the ${mb(max)} limit for one article (raise it with --max-size)`, where);
  }
}

function setDate(doc: MarsadDocument, given: string | null | undefined, fallback: string | null): void {
  if (given) {
    const d = isoDate(given);
    if (d) {
      doc.date = d;
      return;
    }
    doc.messages.push(message('date.invalid', `date "${String(given).slice(0, 40)}" is not a calendar date (want YYYY-MM-DD)`, undefined, 'ingest'));
  }
  doc.date = fallback;
}

/** A document from an HTML page. */
function fromHtml(html: string, source: SourceInfo, messages: Message[], options: ReadOptions): MarsadDocument {
  const r = readHtml(html);
  if (!r.text.trim()) throw new MarsadError('input.empty', 'the HTML page has no article text', options.path ?? undefined);
  const doc = emptyDocument(r.text, { ...source, format: 'html', url: source.url ?? r.url ?? null }, [...messages, ...r.messages]);
  doc.title = r.title;
  doc.blocks = r.blocks;
  setDate(doc, options.date, r.date);
  return doc;
}

/**
 * A document from an article object: when `title` is given, `text` is the title,
 * a blank line, then the body. An HTML body is read as HTML.
 */
export function fromArticle(article: ArticleInput, options: ReadOptions = {}): MarsadDocument {
  if (!article || typeof article !== 'object' || typeof article.text !== 'string')
    throw new MarsadError('input.invalid-json', 'an article needs a "text" string', options.path ?? undefined);
  const body = cleanString(article.text);
  const title = typeof article.title === 'string' ? cleanString(article.title).text.replace(/\s+/g, ' ').trim() : '';
  const source: SourceInfo = { path: options.path ?? null, url: options.url ?? (typeof article.url === 'string' ? article.url : null), encoding: 'utf-8', format: 'json' };
  let doc: MarsadDocument;
  if (looksLikeHtml(body.text)) {
    const r = readHtml(body.text);
    const out = new TextBuilder();
    let titleSpan: TextSpan | null = null;
    const blocks: Block[] = [];
    if (title) {
      titleSpan = out.append(title);
      blocks.push({ type: 'title', start: titleSpan.start, end: titleSpan.end });
      out.blockBreak();
    }
    const shift = out.size;
    out.append(r.text);
    for (const b of r.blocks) if (!(title && b.type === 'title')) blocks.push(shiftBlock(b, shift));
    doc = emptyDocument(out.toString(), source, [...body.messages, ...r.messages]);
    doc.blocks = blocks;
    doc.title = titleSpan ?? (r.title ? shiftSpan(r.title, shift) : null);
  } else {
    const text = title ? `${title}\n\n${body.text}` : body.text;
    doc = emptyDocument(text, source, body.messages);
    if (title) doc.title = { text: title, start: 0, end: title.length };
  }
  if (!doc.text.trim()) throw new MarsadError('input.empty', 'the article has no text', options.path ?? undefined);
  if (article.id !== undefined && article.id !== null) doc.externalId = String(article.id);
  setDate(doc, options.date ?? (typeof article.date === 'string' ? article.date : null), null);
  return doc;
}

function parseJsonArticle(text: string, where?: string): ArticleInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new MarsadError('input.invalid-json', `not valid JSON (${(e as Error).message})`, where);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof (value as ArticleInput).text !== 'string')
    throw new MarsadError('input.invalid-json', 'a JSON article must be an object with a "text" string', where);
  return value as ArticleInput;
}

/** Reads one article from bytes (a file, an upload, an HTTP body). */
export function readBytes(bytes: Uint8Array, options: ReadOptions = {}): MarsadDocument {
  const where = options.path ?? options.url ?? undefined;
  checkSize(bytes.length, options, where);
  const decoded = decode(bytes, { where, declared: options.charset });
  return readDecoded(decoded.text, decoded.encoding, decoded.messages, options);
}

/** Reads one article given as a string (already decoded). */
export function readString(text: string, options: ReadOptions = {}): MarsadDocument {
  const where = options.path ?? options.url ?? undefined;
  checkSize(text.length * 2, options, where);
  if (!text.trim()) throw new MarsadError('input.empty', 'empty input', where);
  const cleaned = cleanString(text);
  return readDecoded(cleaned.text, 'utf-8', cleaned.messages, options);
}

function readDecoded(text: string, encoding: string, messages: Message[], options: ReadOptions): MarsadDocument {
  const where = options.path ?? options.url ?? undefined;
  if (!text.trim()) throw new MarsadError('input.empty', 'no text (only white space)', where);
  const format = detectFormat(text, options);
  const source: SourceInfo = { path: options.path ?? null, url: options.url ?? null, encoding, format };
  if (format === 'json') {
    const doc = fromArticle(parseJsonArticle(text, where), options);
    doc.source = { ...doc.source, encoding };
    doc.messages.unshift(...messages);
    return doc;
  }
  if (format === 'html') return fromHtml(text, source, messages, options);
  const doc = emptyDocument(text, source, messages);
  setDate(doc, options.date, null);
  return doc;
}

function detectFormat(text: string, options: ReadOptions): Exclude<InputFormat, 'auto'> {
  if (options.format && options.format !== 'auto') return options.format;
  const path = (options.path ?? '').toLowerCase();
  if (/\.(?:html?|xhtml)$/.test(path)) return 'html';
  if (/\.json$/.test(path)) return 'json';
  const head = text.trimStart();
  if (head.startsWith('{') && /"text"\s*:/.test(head.slice(0, 1 << 16))) {
    try {
      const v = JSON.parse(text);
      if (v && typeof v === 'object' && typeof v.text === 'string') return 'json';
    } catch {
      // not JSON after all: read as text
    }
  }
  return looksLikeHtml(text) ? 'html' : 'text';
}
