/**
 * Builds `Token[]` from plain text for tests and scripts of the event lexicon,
 * without depending on the project's tokeniser: words are runs of letters and
 * marks, every other non-space character is a punctuation token.
 */
import { normalize } from '../../arabic/normalize.js';
import type { Token } from '../../model/document.js';

const PIECE = /[\p{L}\p{M}\u0640]+|\d+|\S/gu;

/** Tokens of `text` with normalised forms and exact offsets. */
export function simpleTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(PIECE)) {
    const s = m[0];
    const kind = /^\d+$/.test(s) ? 'number' : /[\p{L}]/u.test(s) ? (/[a-z]/i.test(s) ? 'latin' : 'word') : 'punct';
    out.push({ start: m.index!, end: m.index! + s.length, kind, norm: normalize(s) });
  }
  return out;
}
