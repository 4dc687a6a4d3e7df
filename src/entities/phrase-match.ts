/**
 * Longest-match lookup of multi-word phrases (knowledge-base aliases, role and
 * title phrases) over the tokens of a sentence. A phrase may start on a token
 * that carries proclitics (وبنغازي، للولايات المتحدة); the tokens after the first
 * are matched on their whole normalised form. Punctuation ends a phrase.
 */
import type { Token } from '../model/document.js';
import { isNameToken, leadForms } from './tokens.js';

export interface PhraseIndex<T> {
  get(key: string): T | undefined;
  /** Every proper prefix (in whole tokens) of every key: lets the search stop early. */
  hasPrefix(key: string): boolean;
  /** Longest key, in tokens. */
  maxTokens: number;
}

/** Builds the prefix set of a key list (keys are space-separated tokens). */
export function prefixSet(keys: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const k of keys) {
    let at = k.indexOf(' ');
    while (at > 0) {
      prefixes.add(k.slice(0, at));
      at = k.indexOf(' ', at + 1);
    }
  }
  return prefixes;
}

export interface PhraseMatch<T> {
  /** Token range [from, to). */
  from: number;
  to: number;
  /** Character span: from the first token's kept form to the last token's end. */
  start: number;
  end: number;
  key: string;
  value: T;
}

/**
 * All longest, non-overlapping matches in tokens [from, to), left to right.
 * `accept` can refuse a value (then shorter matches at the same place are tried).
 */
export function matchPhrases<T>(text: string, tokens: readonly Token[], from: number, to: number, index: PhraseIndex<T>, accept: (value: T, key: string) => boolean = () => true): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  let i = from;
  while (i < to) {
    const best = longestAt(text, tokens, i, to, index, accept);
    if (best) {
      out.push(best);
      i = best.to;
    } else i++;
  }
  return out;
}

/** The longest match starting at token `i`, or undefined. */
export function longestAt<T>(text: string, tokens: readonly Token[], i: number, to: number, index: PhraseIndex<T>, accept: (value: T, key: string) => boolean = () => true): PhraseMatch<T> | undefined {
  const first = tokens[i];
  if (!isNameToken(first)) return undefined;
  let best: PhraseMatch<T> | undefined;
  for (const lead of leadForms(first, text)) {
    let key = lead.key;
    let j = i + 1;
    for (;;) {
      const v = index.get(key);
      if (v !== undefined && accept(v, key) && (!best || j > best.to)) best = { from: i, to: j, start: lead.start, end: tokens[j - 1].end, key, value: v };
      if (j >= to || j - i >= index.maxTokens || !isNameToken(tokens[j]) || !index.hasPrefix(key)) break;
      key = `${key} ${tokens[j].norm}`;
      j++;
    }
  }
  return best;
}
