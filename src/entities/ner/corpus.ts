/** Readers for the training and measurement data (never shipped, only read). */
import { readFileSync } from 'node:fs';
import { canonicalTag } from './labels.js';

export interface LabelledSentence {
  words: string[];
  /** Canonical BIO tags (see `LABELS`). */
  tags: string[];
}

/** Reads a CoNLL file (`token TAG` lines, blank line between sentences). */
export function readConll(path: string): LabelledSentence[] {
  return parseConll(readFileSync(path, 'utf8'));
}

export function parseConll(text: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  let words: string[] = [], tags: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      if (words.length) out.push({ words, tags });
      words = []; tags = [];
      continue;
    }
    const parts = line.split(/\s+/);
    if (parts.length < 2) { words.push(parts[0]); tags.push('O'); continue; }
    words.push(parts.slice(0, -1).join(' '));
    tags.push(canonicalTag(parts[parts.length - 1]));
  }
  if (words.length) out.push({ words, tags });
  return out;
}

/** Titles and texts of a JSON-lines news file (`title`, `text` fields). */
export function readNewsJsonl(path: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { title?: string; text?: string };
    if (o.title) out.push(o.title);
    if (o.text) out.push(o.text);
  }
  return out;
}
