/**
 * Search snippets to plain pieces of text. The server marks the matched words
 * either with offsets (`{text, highlights: [{start, end}]}`) or with tags
 * (`…<mark>حفتر</mark>…`). Only those marks are read; anything else that looks
 * like markup stays literal text, and the dashboard renders every piece as a
 * text node, so a snippet cannot inject markup.
 */
import type { SnippetPart } from './api-types.js';

const MARK_TAG = /<\/?(?:mark|b|em|strong)>/gi;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&amp;': '&' };
const ENTITY = /&(?:lt|gt|quot|amp|#39|#x27);/g;

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (e) => ENTITIES[e] ?? e);
}

/** A snippet string with `<mark>` (or `<b>`, `<em>`, `<strong>`) tags around the hits. */
export function partsOfMarkedString(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let at = 0;
  const push = (raw: string) => {
    if (raw) parts.push({ text: decodeEntities(raw), hit });
  };
  for (const tag of snippet.matchAll(MARK_TAG)) {
    push(snippet.slice(at, tag.index));
    hit = !tag[0].startsWith('</');
    at = tag.index + tag[0].length;
  }
  push(snippet.slice(at));
  return parts;
}

interface OffsetSnippet {
  text: string;
  /** Where the snippet starts in the article; the hits' offsets then count from the article's start. */
  start?: number;
  highlights?: { start: number; end: number }[];
}

/** A snippet given as text plus the offsets of its hits (relative to the snippet, or to the article when `start` is given). */
export function partsOfOffsets(snippet: OffsetSnippet): SnippetPart[] {
  const shift = typeof snippet.start === 'number' ? snippet.start : 0;
  const hits = (snippet.highlights ?? [])
    .map((h) => ({ start: h.start - shift, end: h.end - shift }))
    .filter((h) => h.end > h.start && h.start >= 0 && h.end <= snippet.text.length)
    .sort((a, b) => a.start - b.start);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const h of hits) {
    const start = Math.max(h.start, at);
    if (start >= h.end) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), hit: false });
    parts.push({ text: snippet.text.slice(start, h.end), hit: true });
    at = h.end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return parts;
}

/** Any snippet shape the API may send, to parts; unknown shapes give none. */
export function snippetParts(snippet: unknown): SnippetPart[] {
  if (typeof snippet === 'string') return partsOfMarkedString(snippet);
  if (snippet && typeof snippet === 'object' && typeof (snippet as OffsetSnippet).text === 'string') {
    const s = snippet as OffsetSnippet & { hits?: OffsetSnippet['highlights']; ranges?: OffsetSnippet['highlights'] };
    const highlights = s.highlights ?? s.hits ?? s.ranges;
    return Array.isArray(highlights) ? partsOfOffsets({ text: s.text, start: s.start, highlights }) : partsOfMarkedString(s.text);
  }
  return [];
}
