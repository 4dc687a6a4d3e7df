/**
 * The Arabic text layer: tokens with normalised forms and clitic segments. The
 * tokens tile every non-space character of `text`; segments tile their token.
 */
import type { MarsadDocument, Segment, Token } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';
import { tokenize } from './tokenize.js';
import { segmentWord } from './segment.js';

export * from './charsets.js';
export { normalize, normalizeWithMap, originalSpan, stripMarks, type Aligned, type NormalizeOptions } from './normalize.js';
export { tokenize } from './tokenize.js';
export { segmentWord, stemOf, type SegmentPiece } from './segment.js';

/** Adds clitic segments to Arabic word tokens that have any. */
export function segmentTokens(text: string, tokens: Token[]): Token[] {
  return tokens.map((t) => {
    if (t.kind !== 'word') return t;
    const pieces = segmentWord(text.slice(t.start, t.end));
    if (pieces.length < 2) return t;
    const segments: Segment[] = pieces.map((p) => ({ start: t.start + p.start, end: t.start + p.end, role: p.role, norm: p.norm }));
    return { ...t, segments };
  });
}

export function arabicLayer(doc: MarsadDocument): MarsadDocument {
  return { ...doc, tokens: segmentTokens(doc.text, tokenize(doc.text)) };
}

export const arabicStage: Stage = {
  name: 'arabic',
  requires: ['text'],
  provides: ['tokens'],
  run: (doc) => arabicLayer(doc),
};
