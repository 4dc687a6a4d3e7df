/**
 * A small tokenizer producing the units the tagger was trained on (ANERcorp style):
 * words with their clitics attached, numbers, and punctuation split off. The
 * pipeline's own tokenizer may be used instead; this one serves the training
 * scripts (word clusters, benchmarks) and `NerModel.tagText`.
 */

export interface RawToken {
  text: string;
  start: number;
  end: number;
}

// Letters of any script, combining marks, tatweel, digits (ASCII and Arabic-Indic), ZWNJ/ZWJ.
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}\u0640\u200c\u200d]/u;

function isWordUnit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}

function isDigitUnit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

/** Splits `text` into word, number and punctuation tokens with offsets (UTF-16). */
export function tokenize(text: string): RawToken[] {
  const out: RawToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    if (/\s/.test(ch)) { i++; continue; }
    const start = i;
    if (isWordUnit(ch)) {
      i++;
      while (i < n) {
        const c = text[i];
        if (isWordUnit(c)) { i++; continue; }
        // 3.5, 1,000, 12:30 and the Arabic decimal/thousands separators inside numbers
        if ((c === '.' || c === ',' || c === ':' || c === '\u066b' || c === '\u066c') && isDigitUnit(text[i - 1]) && isDigitUnit(text[i + 1])) { i++; continue; }
        break;
      }
    } else {
      // A run of the same punctuation character stays one token ("..", "!!").
      const code = text.codePointAt(i)!;
      const len = code > 0xffff ? 2 : 1;
      i += len;
      while (i < n && text.codePointAt(i) === code) i += len;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

/** Sentence split over tokens: after . ! ? ؟ and runs of them. */
export function splitSentences(tokens: RawToken[]): RawToken[][] {
  const out: RawToken[][] = [];
  let cur: RawToken[] = [];
  for (const t of tokens) {
    cur.push(t);
    if (/^[.!?\u061f\u06d4\u2026]+$/.test(t.text)) { out.push(cur); cur = []; }
  }
  if (cur.length) out.push(cur);
  return out;
}
