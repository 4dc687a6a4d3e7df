/**
 * Token views the entity matchers share: the keys a token can be looked up
 * under when it starts a name (with and without its proclitics), and where the
 * name then starts in the text.
 */
import type { Span, Token } from '../model/document.js';

/** A way of reading the first token of a name: the key and the offset the mention starts at. */
export interface LeadForm {
  key: string;
  start: number;
}

const PROCLITIC_ROLES = new Set(['conj', 'prep', 'future']);
/** One-letter proclitics tried on words the segmenter left whole. */
const UNSPLIT_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
/** Shortest word (normalised letters) a proclitic is tried on: و + a three-letter name. */
const MIN_UNSPLIT_NAME = 4;

/** Offset of the token's second letter (after the first letter and its marks). */
function secondLetter(text: string, t: Token): number {
  let i = t.start + 1;
  while (i < t.end && /[\u064B-\u065F\u0670\u0640]/.test(text[i])) i++;
  return i < t.end ? i : -1;
}

/**
 * Keys for a token that starts a name: its whole normalised form, and the form
 * without و/ف/ب/ل/ك/س (وبنغازي → بنغازي; للولايات → الولايات, starting at the
 * article's ل, as the gold annotation does).
 */
export function leadForms(t: Token, text?: string): LeadForm[] {
  const forms: LeadForm[] = [{ key: t.norm, start: t.start }];
  if (!t.segments) {
    // The segmenter splits only known stems; a name it does not know (وأندرسون) may
    // still carry one proclitic: offer the form without it, for an exact lookup.
    if (text && t.kind === 'word' && t.norm.length >= MIN_UNSPLIT_NAME && UNSPLIT_PROCLITICS.has(t.norm[0])) {
      const second = secondLetter(text, t);
      if (second > t.start) forms.push({ key: t.norm.slice(1), start: second });
    }
    return forms;
  }
  let k = 0;
  while (k < t.segments.length && PROCLITIC_ROLES.has(t.segments[k].role)) k++;
  if (k === 0 || k >= t.segments.length) return forms;
  const rest = t.segments.slice(k);
  const key = rest.map((s) => s.norm).join('');
  if (key && key !== t.norm) forms.push({ key, start: rest[0].start });
  return forms;
}

/** Token kinds that can be part of a name. */
export function isNameToken(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'latin' || t.kind === 'number';
}

/** Token index ranges of the document's sentences. */
export function sentenceTokenRanges(tokens: readonly Token[], sentences: readonly Span[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let i = 0;
  for (const s of sentences) {
    while (i < tokens.length && tokens[i].end <= s.start) i++;
    const from = i;
    while (i < tokens.length && tokens[i].start < s.end) i++;
    out.push({ from, to: i });
  }
  return out;
}

/** The normalised stem of a token (clitics and article removed). */
export function stemNorm(t: Token): string {
  const stem = t.segments?.find((s) => s.role === 'stem');
  return stem ? stem.norm : t.norm;
}

/** The token's form without leading و/ف/ب/ل/ك/س, keeping the article (والمشير → المشير). */
export function withoutProclitics(t: Token): string {
  // Only what the segmenter split off: guessing a proclitic on an unknown word (فلسطينيين) would cut it.
  const forms = leadForms(t);
  return forms[forms.length - 1].key;
}
