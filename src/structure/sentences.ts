/**
 * Sentence boundaries inside blocks. A sentence ends at . ! ? ؟ … (or a run of
 * them, with closing quotes and brackets), but not at:
 *  - a decimal point or a dot inside a URL, abbreviation or initials (3.5، د.، U.S.);
 *  - the headline pause «..» (exactly two dots, as in «لقاء عسكري.. المشير»);
 *  - anything inside a quotation «…» shorter than a paragraph;
 *  - the Arabic semicolon ؛, which joins clauses.
 * A sentence never crosses a block; list items and table rows are sentences of
 * their own.
 */
import type { Block, Sentence, Span } from '../model/document.js';
import { SENTENCE_TERMINALS } from '../arabic/charsets.js';

const CLOSERS = new Set(['"', "'", '\u00BB', '\u201D', '\u2019', ')', ']', '}', '\u203A']);
const OPEN_QUOTE = '\u00AB';
const CLOSE_QUOTE = '\u00BB';
/** A quotation longer than this is split into sentences like any text. */
const MAX_UNSPLIT_QUOTE = 600;
/** Abbreviations that end with a dot without ending the sentence. */
const ABBREVIATIONS = new Set([
  'د', 'أ', 'م', 'ق', 'ص', 'ج', 'ت', 'هـ', 'ه', 'ش', 'ب', 'ع', 'ف', 'ك', 'ن', 'س', 'ط', 'ر', 'ح', 'خ', 'ل', 'ي', 'و', 'ز', 'إ', 'ا', 'ث', 'ض', 'ظ', 'غ', 'ذ',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'vs', 'gen', 'col', 'lt', 'sgt', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n',
]);
const SPACE = /\s/;
const ARABIC_LETTER = /[\u0621-\u064A]/;
const DIGIT = /[0-9\u0660-\u0669]/;

/** The word just before position `i` (letters and inner dots). */
function wordBefore(text: string, i: number, from: number): string {
  let j = i;
  while (j > from && !SPACE.test(text[j - 1]) && !'«"(['.includes(text[j - 1])) j--;
  return text.slice(j, i).toLowerCase();
}

function trim(text: string, start: number, end: number): Span | null {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Where a «…» that opens at `i` closes, within `end`; -1 if it does not. */
function quoteEnd(text: string, i: number, end: number): number {
  let depth = 0;
  for (let j = i; j < end; j++) {
    if (text[j] === OPEN_QUOTE) depth++;
    else if (text[j] === CLOSE_QUOTE && --depth === 0) return j;
  }
  return -1;
}

/** Splits `[start, end)` of `text` into sentences. */
export function splitRange(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let sentenceStart = start;
  let quoteClose = -1;
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === OPEN_QUOTE && i > quoteClose) {
      const close = quoteEnd(text, i, Math.min(end, i + MAX_UNSPLIT_QUOTE + 1));
      if (close > 0 && close - i <= MAX_UNSPLIT_QUOTE) quoteClose = close;
    }
    if (!SENTENCE_TERMINALS.has(ch) || i < quoteClose) {
      i++;
      continue;
    }
    // The run of terminal marks: "..." "؟!" "!!".
    let j = i;
    while (j < end && SENTENCE_TERMINALS.has(text[j])) j++;
    const run = text.slice(i, j);
    if (ch === '.' && run === '.') {
      const prev = text[i - 1] ?? '';
      const next = text[j] ?? '';
      // 3.5, www.x.ly, U.S.A: a dot with no space after it, unless two Arabic words were run together.
      if (next && !SPACE.test(next) && !CLOSERS.has(next) && !(ARABIC_LETTER.test(prev) && ARABIC_LETTER.test(next))) {
        i = j;
        continue;
      }
      if (DIGIT.test(prev) && DIGIT.test(next)) {
        i = j;
        continue;
      }
      const word = wordBefore(text, i, sentenceStart);
      if (ABBREVIATIONS.has(word) || /^[a-z](?:\.[a-z])*$/.test(word)) {
        i = j;
        continue;
      }
    }
    // «..» is a headline pause, not a full stop.
    if (run === '..') {
      i = j;
      continue;
    }
    while (j < end && CLOSERS.has(text[j])) j++;
    const s = trim(text, sentenceStart, j);
    if (s) out.push(s);
    sentenceStart = j;
    i = j;
  }
  const last = trim(text, sentenceStart, end);
  if (last) out.push(last);
  return out;
}

/** Sentences of every block, in order: list items and table rows are sentences of their own. */
export function splitSentences(text: string, blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, index) => {
    const ranges: Span[] =
      b.type === 'list'
        ? b.items ?? []
        : b.type === 'table'
          ? [...(b.header ? [b.header] : []), ...(b.rows ?? [])].filter((r) => r.length).map((r) => ({ start: r[0].start, end: r[r.length - 1].end }))
          : [b];
    for (const r of ranges) for (const s of splitRange(text, r.start, r.end)) out.push({ ...s, block: index });
  });
  return out;
}
