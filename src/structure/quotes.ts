/**
 * Quotations: «…», “…” and "…" inside a block. The span covers the marks; the
 * quoted words are `start + 1 .. end - 1`. Unbalanced marks are left alone.
 */
import type { Block, TextSpan } from '../model/document.js';

const PAIRS: Record<string, string> = { '\u00AB': '\u00BB', '\u201C': '\u201D', '\u201D': '\u201C' };
/** A quotation longer than this is not believed (a stray mark pairs with a far one). */
const MAX_QUOTE_CHARS = 3000;

function quotesIn(text: string, start: number, end: number, out: TextSpan[]): void {
  let i = start;
  while (i < end) {
    const ch = text[i];
    const close = PAIRS[ch] ?? (ch === '"' ? '"' : undefined);
    if (!close) {
      i++;
      continue;
    }
    const limit = Math.min(end, i + MAX_QUOTE_CHARS);
    let depth = 1;
    let j = i + 1;
    for (; j < limit; j++) {
      if (text[j] === close && close !== ch) {
        if (--depth === 0) break;
      } else if (text[j] === ch && close !== ch) depth++;
      else if (text[j] === close) break;
    }
    if (j < limit && j > i + 1) {
      out.push({ text: text.slice(i, j + 1), start: i, end: j + 1 });
      i = j + 1;
    } else i++;
  }
}

/** Quotations of all blocks, sorted by start (outer quotations only). */
export function findQuotes(text: string, blocks: Block[]): TextSpan[] {
  const out: TextSpan[] = [];
  for (const b of blocks) {
    if (b.type === 'list') for (const it of b.items ?? []) quotesIn(text, it.start, it.end, out);
    else if (b.type !== 'table') quotesIn(text, b.start, b.end, out);
  }
  return out.sort((a, b) => a.start - b.start);
}
