/**
 * HTML reader: keeps the article, drops scripts, styles, navigation, ads and
 * comments, and turns headings, paragraphs, lists and tables into blocks over a
 * plain `text` it assembles (blocks separated by blank lines, list items and
 * table rows on their own lines, cells separated by tabs).
 *
 * The walk is iterative: a page nested 100,000 levels deep must not overflow the
 * stack.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Block, Message, TextSpan } from '../model/document.js';
import { message } from '../model/messages.js';
import { TextBuilder } from './builder.js';
import { isoDate } from './dates.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export interface HtmlReading {
  text: string;
  title: TextSpan | null;
  blocks: Block[];
  date: string | null;
  url: string | null;
  messages: Message[];
}

/** Elements whose content is never article text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio',
  'form', 'button', 'select', 'input', 'textarea', 'nav', 'aside', 'footer', 'head', 'link', 'meta', 'dialog', 'map',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alert']);
/** Class or id words that mark boilerplate (matched as whole words of the attribute). */
const BOILERPLATE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'footer', 'sidebar', 'comment', 'comments', 'share', 'sharing', 'social', 'ad', 'ads',
  'advert', 'advertisement', 'adsbygoogle', 'promo', 'related', 'breadcrumb', 'breadcrumbs', 'cookie', 'cookies', 'popup',
  'subscribe', 'newsletter', 'widget', 'sponsored', 'banner', 'tags', 'pagination', 'outbrain', 'taboola',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that end the current paragraph. */
const BLOCK_LEVEL = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'pre', 'figure', 'figcaption', 'address', 'dl', 'dt', 'dd',
  'hr', 'center', 'details', 'summary', 'body', 'html', 'tr', 'td', 'th', 'caption',
]);
/** Deeper than this, elements are read as plain text containers (no structure). */
const MAX_DEPTH = 2000;
/** A table with a cell longer than this is a layout table: read as a container. */
const LAYOUT_CELL_CHARS = 400;

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function children(n: Node): Node[] {
  if (isElement(n) && n.tagName === 'template') return [];
  return 'childNodes' in n ? (n as ParentNode).childNodes : [];
}

function isBoilerplate(el: Element): boolean {
  if (DROPPED.has(el.tagName)) return true;
  const role = attr(el, 'role');
  if (role && DROPPED_ROLES.has(role.toLowerCase())) return true;
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const words = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase().split(/[\s_-]+/);
  return words.some((w) => BOILERPLATE_WORDS.has(w));
}

/** Plain text of a subtree, white space collapsed, boilerplate skipped (iterative). */
function textOf(root: Node): string {
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (n.nodeName === '#text') out.push((n as DefaultTreeAdapterMap['textNode']).value);
    else if (isElement(n)) {
      if (n !== root && isBoilerplate(n)) continue;
      if (n.tagName === 'br') out.push(' ');
      const kids = children(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      if (BLOCK_LEVEL.has(n.tagName) || n.tagName === 'li') out.push(' ');
    }
  }
  return collapse(out.join(''));
}

function collapse(s: string): string {
  return s.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** All elements in document order (iterative), with a filter to prune subtrees. */
function* elements(root: Node, prune: (el: Element) => boolean = () => false): Generator<Element> {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (isElement(n)) {
      if (n !== root && prune(n)) continue;
      yield n;
    }
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

interface Metadata {
  title: string | null;
  ogTitle: string | null;
  date: string | null;
  url: string | null;
}

function readMetadata(doc: Node): Metadata {
  const meta: Metadata = { title: null, ogTitle: null, date: null, url: null };
  for (const el of elements(doc, (e) => e.tagName === 'body' && false)) {
    if (el.tagName === 'title' && meta.title === null) meta.title = textOf(el) || null;
    else if (el.tagName === 'meta') {
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').toLowerCase();
      const content = attr(el, 'content');
      if (!content) continue;
      if (key === 'og:title' || key === 'twitter:title') meta.ogTitle ??= collapse(content);
      else if (['article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date'].includes(key))
        meta.date ??= isoDate(content);
      else if (key === 'og:url') meta.url ??= content.trim();
    } else if (el.tagName === 'link' && (attr(el, 'rel') ?? '').toLowerCase() === 'canonical') meta.url ??= attr(el, 'href')?.trim() ?? null;
    else if (el.tagName === 'time' && !meta.date) {
      const dt = attr(el, 'datetime');
      if (dt) meta.date = isoDate(dt);
    }
  }
  return meta;
}

/** The element holding the article: the largest <article>, else main/articleBody, else <body>. */
function contentRoot(doc: Node): Node {
  let best: Element | undefined;
  let bestLength = 0;
  let body: Element | undefined;
  for (const el of elements(doc, (e) => DROPPED.has(e.tagName))) {
    if (el.tagName === 'body') body = el;
    const isContent = el.tagName === 'article' || el.tagName === 'main' || attr(el, 'role') === 'main' || attr(el, 'itemprop') === 'articleBody';
    if (!isContent) continue;
    const length = textOf(el).length;
    // An articleBody inside an <article> is preferred only if it holds most of its text.
    if (length > bestLength * 1.0001 || (best && best.tagName !== 'article' && el.tagName === 'article' && length >= bestLength * 0.7)) {
      best = el;
      bestLength = length;
    }
  }
  return best && bestLength > 0 ? best : body ?? doc;
}

interface Collected {
  kind: 'heading' | 'paragraph' | 'list' | 'table';
  level?: number;
  ordered?: boolean;
  text?: string;
  items?: string[];
  rows?: string[][];
  headerRows?: number;
}

/** Rows of a data table, or null for a layout table (block content or very long cells). */
function tableRows(table: Element): { rows: string[][]; headerRows: number } | null {
  const rows: string[][] = [];
  let headerRows = 0;
  for (const el of elements(table, (e) => e !== table && e.tagName === 'table')) {
    if (el !== table && (el.tagName === 'p' || el.tagName === 'div' || HEADINGS.has(el.tagName) || el.tagName === 'ul')) return null;
    if (el.tagName !== 'tr') continue;
    const cells: string[] = [];
    let allHeader = true;
    for (const c of children(el)) {
      if (!isElement(c) || (c.tagName !== 'td' && c.tagName !== 'th')) continue;
      const t = textOf(c);
      if (t.length > LAYOUT_CELL_CHARS) return null;
      cells.push(t);
      if (c.tagName !== 'th') allHeader = false;
    }
    if (!cells.length) continue;
    const inHead = el.parentNode && isElement(el.parentNode as Node) && (el.parentNode as Element).tagName === 'thead';
    if (rows.length === headerRows && (inHead || allHeader)) headerRows++;
    rows.push(cells);
  }
  return rows.length ? { rows, headerRows: Math.min(headerRows, 1) } : null;
}

/** Walks the content root and collects blocks in reading order (iterative). */
function collect(root: Node, messages: Message[]): { blocks: Collected[] } {
  const blocks: Collected[] = [];
  let inline: string[] = [];
  let lastWasBreak = false;
  let tooDeep = false;
  const flush = () => {
    const t = collapse(inline.join(''));
    if (t) blocks.push({ kind: 'paragraph', text: t });
    inline = [];
  };
  type Frame = { node: Node; depth: number } | { close: string };
  const stack: Frame[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const f = stack.pop() as Frame;
    if ('close' in f) {
      if (BLOCK_LEVEL.has(f.close)) flush();
      continue;
    }
    const n = f.node;
    if (n.nodeName === '#text') {
      const value = (n as DefaultTreeAdapterMap['textNode']).value;
      inline.push(value);
      if (value.trim()) lastWasBreak = false;
      continue;
    }
    if (!isElement(n)) continue; // comments, doctype
    if (n !== root && isBoilerplate(n)) continue;
    const tag = n.tagName;
    if (f.depth > MAX_DEPTH) {
      tooDeep = true;
      inline.push(' ', textOf(n), ' ');
      continue;
    }
    if (HEADINGS.has(tag)) {
      flush();
      const t = textOf(n);
      if (t) blocks.push({ kind: 'heading', level: Number(tag[1]), text: t });
      continue;
    }
    if (tag === 'ul' || tag === 'ol') {
      flush();
      const items: string[] = [];
      for (const el of elements(n, (e) => e !== n && isBoilerplate(e))) {
        if (el.tagName !== 'li') continue;
        // Text of the item without its nested lists (they become items of their own).
        const own = el.childNodes.filter((c) => !(isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol')));
        const t = collapse(own.map((c) => textOf(c)).join(' '));
        if (t) items.push(t);
      }
      if (items.length) blocks.push({ kind: 'list', ordered: tag === 'ol', items });
      continue;
    }
    if (tag === 'table') {
      const t = tableRows(n);
      if (t) {
        flush();
        blocks.push({ kind: 'table', rows: t.rows, headerRows: t.headerRows });
        continue;
      }
    }
    if (tag === 'br') {
      // Two line breaks in a row end a paragraph, as they do for a reader.
      if (lastWasBreak) flush();
      else inline.push(' ');
      lastWasBreak = !lastWasBreak;
      continue;
    }
    if (BLOCK_LEVEL.has(tag)) {
      flush();
      stack.push({ close: tag });
    }
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], depth: f.depth + 1 });
  }
  flush();
  if (tooDeep) messages.push(message('html.deep-nesting', `elements nested deeper than ${MAX_DEPTH} levels were read as plain text`, undefined, 'ingest'));
  return { blocks };
}

/** Outermost boilerplate elements of the whole page (the <head> aside). */
function countBoilerplate(doc: Node): number {
  let n = 0;
  for (const el of elements(doc, (e) => e.tagName === 'head' || isBoilerplate(e))) {
    for (const c of children(el)) if (isElement(c) && c.tagName !== 'head' && isBoilerplate(c)) n++;
  }
  return n;
}

function sameTitle(a: string, b: string): boolean {
  const k = (s: string) => s.replace(/[\s\p{P}]+/gu, '');
  return k(a) === k(b) || k(b).startsWith(k(a)) || k(a).startsWith(k(b));
}

/** Reads an HTML page into text, blocks, title, date and canonical URL. */
export function readHtml(html: string): HtmlReading {
  const messages: Message[] = [];
  const doc = parse(html);
  const meta = readMetadata(doc);
  const root = contentRoot(doc);
  const { blocks: collected } = collect(root, messages);
  const dropped = countBoilerplate(doc);
  if (dropped) messages.push(message('html.boilerplate-removed', `dropped ${dropped} element(s) of scripts, styles, navigation, ads or comments`, undefined, 'ingest'));

  // The title: the first <h1> when it is the page's title, else og:title or <title>.
  const firstH1 = collected.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const pageTitle = meta.ogTitle ?? meta.title;
  let titleIndex = -1;
  if (firstH1 >= 0 && (!pageTitle || sameTitle(collected[firstH1].text as string, pageTitle) || firstH1 <= 1)) titleIndex = firstH1;

  const out = new TextBuilder();
  const blocks: Block[] = [];
  let title: TextSpan | null = null;
  if (titleIndex < 0 && pageTitle) {
    title = out.append(pageTitle);
    blocks.push({ type: 'title', start: title.start, end: title.end });
  }
  collected.forEach((b, i) => {
    out.blockBreak();
    if (b.kind === 'heading' || b.kind === 'paragraph') {
      const span = out.append(b.text as string);
      if (i === titleIndex) {
        title = span;
        blocks.push({ type: 'title', start: span.start, end: span.end });
      } else if (b.kind === 'heading') blocks.push({ type: 'heading', level: b.level, start: span.start, end: span.end });
      else blocks.push({ type: 'paragraph', start: span.start, end: span.end });
    } else if (b.kind === 'list') {
      const items = (b.items as string[]).map((t, k) => {
        if (k) out.lineBreak();
        return out.append(t);
      });
      blocks.push({ type: 'list', ordered: b.ordered, start: items[0].start, end: items[items.length - 1].end, items });
    } else {
      const rows = (b.rows as string[][]).map((cells, k) => {
        if (k) out.lineBreak();
        return cells.map((c, j) => {
          if (j) out.append('\t');
          return out.append(c);
        });
      });
      const header = b.headerRows ? rows[0] : null;
      const body = b.headerRows ? rows.slice(1) : rows;
      const all = rows.flat();
      blocks.push({ type: 'table', start: all[0].start, end: all[all.length - 1].end, header, rows: body });
    }
  });
  const text = out.toString();
  if (!text.trim()) messages.push(message('html.no-content', 'the page has no article text', undefined, 'ingest'));
  return { text, title, blocks, date: meta.date, url: meta.url, messages };
}

/** A cheap test for HTML: a tag that only HTML documents start with, near the top. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return /^(?:<!doctype html|<html|<head|<body|<meta|<title|<article|<div|<p[\s>]|<h[1-6][\s>]|<!--)/.test(head) || /<(?:html|body|article)[\s>]/.test(head);
}
