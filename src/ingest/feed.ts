/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds to items. The XML parser (saxes) is
 * non-validating and never fetches anything; on top of that a feed that
 * declares a DOCTYPE is refused outright, since entity declarations are how XML
 * bombs ("billion laughs") and external entities (XXE) work, and no real feed
 * needs one. HTML named entities that sloppy feeds use (&nbsp; &hellip;) are
 * understood. A malformed feed keeps the items read before the fault and says
 * where it broke.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MarsadError } from '../model/messages.js';
import { isoDate } from './dates.js';

/** One item of a feed. */
export interface FeedItem {
  /** GUID (RSS) or id (Atom), else the link: what identifies the item across polls. */
  key: string;
  title: string | null;
  link: string | null;
  /** YYYY-MM-DD, when the item says. */
  date: string | null;
  /** The item's HTML (or text): full content when the feed carries it, else the summary. */
  html: string;
  /** Whether `html` is the full content (content:encoded, Atom content) rather than a summary. */
  full: boolean;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
  /** Set when the XML broke partway: where and why. Items read before it are kept. */
  error: string | null;
}

/** Most items read from one feed. */
export const MAX_FEED_ITEMS = 10_000;
/** Element nesting deeper than this is refused (no real feed comes close). */
const MAX_DEPTH = 64;
/** Elements whose text is collected; markup inside them (Atom xhtml content) adds its text. */
const FIELDS = new Set(['title', 'guid', 'id', 'link', 'pubdate', 'published', 'updated', 'date', 'encoded', 'content', 'description', 'summary']);

/** HTML named entities common in feeds that are not XML's five. */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', laquo: '\u00ab', raquo: '\u00bb',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', bull: '\u2022', middot: '\u00b7',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0',
  ccedil: '\u00e7', zwnj: '\u200c', zwj: '\u200d', rlm: '\u200f', lrm: '\u200e',
};

/** Whether bytes or text look like an RSS/Atom/RDF feed (for content sniffing). */
export function looksLikeFeed(head: string): boolean {
  const h = head.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (!h.startsWith('<')) return false;
  return /<(?:rss|feed|rdf:RDF)[\s>]/i.test(h) && !/<html[\s>]/i.test(h.slice(0, 512));
}

interface ItemDraft {
  guid?: string;
  id?: string;
  title?: string;
  link?: string;
  date?: string;
  content?: string;
  summary?: string;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

function dateOf(s: string | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  const iso = isoDate(t);
  if (iso) return iso;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}

function finish(d: ItemDraft): FeedItem | null {
  const link = d.link?.trim() || null;
  const key = (d.guid ?? d.id)?.trim() || link || d.title?.trim();
  const full = !!d.content?.trim();
  const html = (full ? d.content : d.summary) ?? '';
  if (!key) return null;
  return { key, title: d.title?.trim() || null, link, date: dateOf(d.date), html, full };
}

/**
 * Parses a feed. Throws `feed.unsafe` for a DOCTYPE, `feed.invalid` for
 * something that is no feed at all or breaks before its first item.
 */
export function parseFeed(xml: string, where?: string): Feed {
  const parser = new SaxesParser({ xmlns: false, position: true });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  let format: Feed['format'] | null = null;
  let feedTitle: string | null = null;
  const items: FeedItem[] = [];
  const stack: string[] = [];
  let item: ItemDraft | null = null;
  let text = '';
  let error: string | null = null;
  let unsafe: string | null = null;

  parser.on('doctype', () => {
    unsafe = 'the feed declares a DOCTYPE (entity declarations are refused: XML bombs, external entities)';
    throw new Error(unsafe);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name).toLowerCase();
    stack.push(name);
    if (stack.length > MAX_DEPTH) throw new Error(`elements nested deeper than ${MAX_DEPTH}`);
    if (stack.length === 1) {
      if (name === 'rss') format = 'rss';
      else if (name === 'feed') format = 'atom';
      else if (name === 'rdf') format = 'rdf';
      else throw new Error(`the document is <${tag.name}>, not an RSS or Atom feed`);
    }
    if (name === 'item' || name === 'entry') {
      item = {};
      return;
    }
    if (item && name === 'link' && format === 'atom') {
      const rel = String(tag.attributes.rel ?? 'alternate');
      const href = tag.attributes.href;
      if (typeof href === 'string' && rel === 'alternate' && !item.link) item.link = href;
    }
    if (FIELDS.has(name) && !FIELDS.has(stack[stack.length - 2] ?? '')) text = '';
  });
  parser.on('text', (t: string) => {
    text += t;
  });
  parser.on('cdata', (t: string) => {
    text += t;
  });
  parser.on('closetag', () => {
    const name = stack.pop() ?? '';
    const parent = stack[stack.length - 1];
    if ((name === 'item' || name === 'entry') && item) {
      const done = finish(item);
      if (done && items.length < MAX_FEED_ITEMS) items.push(done);
      item = null;
      return;
    }
    if (!item) {
      if (name === 'title' && (parent === 'channel' || parent === 'feed') && feedTitle === null) feedTitle = text.trim() || null;
      return;
    }
    // Markup inside a field (xhtml content) only adds its text to the field.
    if (!FIELDS.has(name) || FIELDS.has(parent ?? '')) return;
    const value = text;
    text = '';
    switch (name) {
      case 'guid':
      case 'id':
        item.guid ??= value;
        break;
      case 'title':
        item.title ??= value;
        break;
      case 'link':
        if (value.trim() && !item.link) item.link = value.trim();
        break;
      case 'pubdate':
      case 'published':
      case 'updated':
      case 'date':
        item.date ??= value;
        break;
      case 'encoded':
      case 'content':
        if (value.trim()) item.content ??= value;
        break;
      case 'description':
      case 'summary':
        item.summary ??= value;
        break;
    }
  });

  try {
    parser.write(xml.replace(/^\uFEFF/, '')).close();
  } catch (e) {
    if (unsafe) throw new MarsadError('feed.unsafe', unsafe, where);
    error = `line ${parser.line}: ${(e as Error).message.replace(/^[^:]*:\d+:\d+: /, '')}`;
  }
  if (!format) throw new MarsadError('feed.invalid', `not an RSS or Atom feed${error ? ` (${error})` : ''}`, where);
  if (error && !items.length) throw new MarsadError('feed.invalid', `malformed ${format === 'atom' ? 'Atom' : 'RSS'} feed: ${error}`, where);
  return { format, title: feedTitle, items, error };
}
