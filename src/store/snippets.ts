/**
 * Highlighted snippets for search results. Offsets point into the stored `text`
 * (UTF-16 units, end exclusive), so a client can mark the words in the full
 * article as well as in the snippet.
 */
import type { Span } from '../model/document.js';

/** Length of a snippet window, in characters. */
export const SNIPPET_LENGTH = 240;
/** Characters of context kept before the first highlighted word. */
const LEAD_CONTEXT = 60;
/** How far a window edge may move to reach a space, so words are not cut. */
const WORD_EDGE_SLACK = 20;

export interface Snippet extends Span {
  /** `text.slice(start, end)`. */
  text: string;
  /** The matched words inside the snippet, as offsets into the stored text. */
  highlights: Span[];
}

function toWordEdge(text: string, i: number, direction: -1 | 1): number {
  for (let k = 0; k < WORD_EDGE_SLACK; k++) {
    const j = i + k * direction;
    if (j <= 0) return 0;
    if (j >= text.length) return text.length;
    if (/\s/.test(text[j])) return direction < 0 ? j + 1 : j;
  }
  return i;
}

/**
 * The window of `text` with the most matches (ties: the earliest), widened to
 * word edges. Without matches, the start of the text.
 */
export function snippet(text: string, matches: readonly Span[], length = SNIPPET_LENGTH): Snippet {
  let bestStart = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < matches.length; i++) {
    while (j < matches.length && matches[j].end <= matches[i].start + length) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = matches[i].start;
    }
  }
  let start = bestCount ? Math.max(0, bestStart - LEAD_CONTEXT) : 0;
  let end = Math.min(text.length, start + length);
  if (start > 0) start = toWordEdge(text, start, -1);
  if (end < text.length) end = toWordEdge(text, end, 1);
  const highlights = matches.filter((m) => m.start >= start && m.end <= end).map((m) => ({ start: m.start, end: m.end }));
  return { start, end, text: text.slice(start, end), highlights };
}
