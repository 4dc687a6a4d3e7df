/**
 * Tokeniser: splits a range of `text` into word, number, punctuation, URL, e-mail
 * and symbol tokens with exact offsets. Every character that is not white space
 * (or an invisible format mark standing alone) ends up inside exactly one token.
 */
import type { Span, Token, TokenKind } from '../model/document.js';
import { INVISIBLE_FORMAT, isArabicWordChar, isDigit } from './charsets.js';
import { normalize } from './normalize.js';

const WHITESPACE = /\s/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;
const COMBINING_MARK = /[\u0300-\u036F\u1AB0-\u1AFF\u20D0-\u20FF]/;
const PUNCTUATION = /[\p{P}]/u;
/** Separators allowed between two digits of one number: 3.5, 1,000, ٣٫٥, 14:30, 19/04/2017, 15-03-2017. */
const NUMBER_INNER = new Set(['.', ',', '\u066B', '\u066C', ':', '/', '-']);
const URL_START = /^(?:https?:\/\/|www\.)/i;
const URL_BODY = /[^\s<>"«»\u060C]/;
/** Characters a URL or e-mail does not end with even when they touch it: "see x.com." */
const URL_TRAILING = /[.,;:!?)\]}'\u061F\u061B\u060C]/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** Code points that extend a symbol (emoji modifiers, variation selectors, joiners, keycaps). */
const SYMBOL_EXTENDER = /[\uFE00-\uFE0F\u200D\u20E3]|\uD83C[\uDFFB-\uDFFF]|\uDB40[\uDC20-\uDC7F]/;

function isSpace(ch: string): boolean {
  return WHITESPACE.test(ch) || INVISIBLE_FORMAT.test(ch);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Length in code units of the code point at `i` (2 for a valid surrogate pair). */
function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isHighSurrogate(c) && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** End of an Arabic word starting at `i`: letters, marks, tatweel and joiners inside it. */
function scanArabicWord(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const ch = text[j];
    if (isArabicWordChar(ch)) j++;
    // A joiner or direction mark inside a word belongs to it; at its edge it does not.
    else if (INVISIBLE_FORMAT.test(ch) && j + 1 < end && isArabicWordChar(text[j + 1]) && j > i) j++;
    else break;
  }
  return j;
}

function scanLatinWord(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const ch = text[j];
    if (LATIN_LETTER.test(ch) || COMBINING_MARK.test(ch) || (j > i && ch >= '0' && ch <= '9')) j++;
    // l'Aube, O'Brien: an apostrophe between two letters stays inside the word.
    else if ((ch === "'" || ch === '\u2019') && j > i && j + 1 < end && LATIN_LETTER.test(text[j + 1])) j++;
    else break;
  }
  return j;
}

function scanNumber(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    if (isDigit(text[j])) j++;
    else if (NUMBER_INNER.has(text[j]) && j + 1 < end && isDigit(text[j + 1]) && j > i) j++;
    else break;
  }
  return j;
}

function scanUrl(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && URL_BODY.test(text[j])) j++;
  while (j > i && URL_TRAILING.test(text[j - 1])) j--;
  return j;
}

/** A run of the same punctuation mark is one token: "..", "...", "!!", "؟؟". */
function scanPunct(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end && text[j] === text[i]) j++;
  return j;
}

function scanSymbol(text: string, i: number, end: number): number {
  let j = i + codePointLength(text, i);
  for (;;) {
    if (j >= end) break;
    const n = codePointLength(text, j);
    const cp = text.slice(j, j + n);
    if (SYMBOL_EXTENDER.test(cp) || COMBINING_MARK.test(cp)) {
      j += n;
      // A zero-width joiner glues the next pictograph to this one (👨‍👩‍👧).
      if (cp === '\u200D' && j < end && !isSpace(text[j])) j += codePointLength(text, j);
    } else break;
  }
  return Math.min(j, end);
}

/** Length of an e-mail address starting at `i` (the next @ is at `at`), or 0. */
function emailAt(text: string, i: number, end: number, at: number): number {
  if (at < 0 || at - i > 64 || at >= end) return 0;
  const m = EMAIL.exec(text.slice(i, Math.min(end, at + 256)));
  return m ? m[0].length : 0;
}

function makeToken(text: string, start: number, end: number, kind: TokenKind): Token {
  const surface = text.slice(start, end);
  return { start, end, kind, norm: kind === 'punct' || kind === 'symbol' ? surface : normalize(surface) };
}

/**
 * Tokenises `text[range.start, range.end)`. Offsets are into the whole `text`.
 *
 *   «استقبل حفتر، في 3.5 ساعات، www.x.ly»
 *    ^ punct ^ word ^ punct ^ number ^ url
 */
export function tokenize(text: string, range: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const end = Math.min(range.end, text.length);
  let i = Math.max(0, range.start);
  // Where the next @ is: e-mail addresses are looked for only just before one.
  let nextAt = text.indexOf('@', i);
  while (i < end) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    let j: number;
    let kind: TokenKind;
    const c = ch.charCodeAt(0);
    const latin = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || LATIN_LETTER.test(ch);
    const url = (ch === 'h' || ch === 'H' || ch === 'w' || ch === 'W') && URL_START.test(text.slice(i, i + 8));
    if (nextAt >= 0 && nextAt < i) nextAt = text.indexOf('@', i);
    const email = latin && !url && emailAt(text, i, end, nextAt);
    if (url) {
      j = scanUrl(text, i, end);
      kind = 'url';
    } else if (email) {
      j = i + email;
      kind = 'email';
    } else if (isArabicWordChar(ch)) {
      j = scanArabicWord(text, i, end);
      kind = 'word';
    } else if (isDigit(ch)) {
      j = scanNumber(text, i, end);
      kind = 'number';
    } else if (latin) {
      j = scanLatinWord(text, i, end);
      kind = 'latin';
    } else if (PUNCTUATION.test(ch)) {
      j = scanPunct(text, i, end);
      kind = 'punct';
    } else {
      j = scanSymbol(text, i, end);
      kind = 'symbol';
    }
    if (j <= i) j = i + 1; // never stall, whatever the input
    tokens.push(makeToken(text, i, j, kind));
    i = j;
  }
  return tokens;
}
