/**
 * Search terms: the same Arabic pipeline on the index side and the query side
 * (`tokenize` → `segmentWord` → `normalize`), so spelling variants meet.
 *
 * Index side, each word gives its normalised form, its clitic-free stem, and the
 * forms left by stripping the proclitics it may carry (و ف، ب ك ل، ال لل): the
 * segmenter is conservative, and لأفريكوم must still be found by أفريكوم.
 * Query side, each word gives its stem and its whole normalised form, as
 * alternatives (خليفه typed with ه looks like خليف + the pronoun ه).
 *
 *   index: «وللولايات» → وللولايات ولايات للولايات لولايات
 *   query: «الولايات»  → ولايات | الولايات
 */
import type { MarsadDocument, Span, Token } from '../model/document.js';
import { segmentWord, tokenize } from '../arabic/index.js';

const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ك', 'ل'];
const ARTICLES = ['ال', 'لل'];
/** A stripped form shorter than this is not indexed (لد from ولد is noise). */
const MIN_STRIPPED_LENGTH = 3;
const SEARCHABLE = new Set<Token['kind']>(['word', 'latin', 'number']);
/** What a term may contain: letters and digits; anything else splits it (and can never reach FTS syntax). */
const TERM_CHARS = /[\p{L}\p{N}]+/gu;

/** Splits a normalised form into safe term pieces. */
function pieces(norm: string): string[] {
  return norm.match(TERM_CHARS) ?? [];
}

function stemOfToken(text: string, t: Token): string {
  if (t.kind !== 'word') return t.norm;
  const stem = t.segments?.find((s) => s.role === 'stem');
  if (stem) return stem.norm;
  if (t.segments) return t.norm;
  const piece = segmentWord(text.slice(t.start, t.end)).find((p) => p.role === 'stem');
  return piece?.norm ?? t.norm;
}

/** Forms of a normalised Arabic word with leading clitics stripped (conjunction, preposition, article). */
export function strippedForms(norm: string): string[] {
  const out = new Set<string>();
  const withConj = [norm];
  if (CONJUNCTIONS.includes(norm[0]) && norm.length - 1 >= MIN_STRIPPED_LENGTH) withConj.push(norm.slice(1));
  const withPrep = [...withConj];
  for (const w of withConj) if (PREPOSITIONS.includes(w[0]) && w.length - 1 >= MIN_STRIPPED_LENGTH) withPrep.push(w.slice(1));
  for (const w of withPrep) {
    out.add(w);
    for (const a of ARTICLES) if (w.startsWith(a) && w.length - a.length >= MIN_STRIPPED_LENGTH) out.add(w.slice(a.length));
  }
  return [...out];
}

/** The index terms of one token (empty for punctuation and symbols). */
export function tokenTerms(text: string, t: Token): string[] {
  if (!SEARCHABLE.has(t.kind) || !t.norm) return [];
  const forms = new Set<string>([t.norm, stemOfToken(text, t)]);
  if (t.kind === 'word') for (const f of strippedForms(t.norm)) forms.add(f);
  const out = new Set<string>();
  for (const f of forms) for (const p of pieces(f)) out.add(p);
  return [...out];
}

/** The document's tokens: stored ones if any, else recomputed from the text. */
export function tokensOf(doc: Pick<MarsadDocument, 'text' | 'tokens'>): Token[] {
  return doc.tokens?.length ? doc.tokens : tokenize(doc.text);
}

/** The whole index text of a document: its terms, space-separated, in text order. */
export function indexTerms(doc: Pick<MarsadDocument, 'text' | 'tokens'>): string {
  const out: string[] = [];
  for (const t of tokensOf(doc)) for (const term of tokenTerms(doc.text, t)) out.push(term);
  return out.join(' ');
}

/** One word of a query: it matches a document that has any of its alternatives. */
export interface QueryWord {
  surface: string;
  alternatives: string[];
}

/** The words of a query, each with its alternatives. Words with no letters or digits are dropped. */
export function queryWords(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const t of tokenize(query)) {
    if (!SEARCHABLE.has(t.kind)) continue;
    const surface = query.slice(t.start, t.end);
    const forms = new Set<string>([t.norm]);
    if (t.kind === 'word') for (const p of segmentWord(surface)) if (p.role === 'stem') forms.add(p.norm);
    const alternatives = [...new Set([...forms].flatMap(pieces))];
    if (alternatives.length) out.push({ surface, alternatives });
  }
  return out;
}

/** An FTS5 MATCH expression: every word must match one of its alternatives. Terms are quoted. */
export function fts5Query(words: readonly QueryWord[]): string {
  return words.map((w) => `(${w.alternatives.map((a) => `"${a.replace(/"/g, '""')}"`).join(' OR ')})`).join(' AND ');
}

/** A PostgreSQL tsquery text with the same meaning (for `to_tsquery('simple', ?)`). */
export function tsQuery(words: readonly QueryWord[]): string {
  return words.map((w) => `(${w.alternatives.map((a) => `'${a.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' | ')})`).join(' & ');
}

/** Spans of the tokens of `text` that match a query word, in text order. */
export function matchSpans(text: string, tokens: readonly Token[], words: readonly QueryWord[]): Span[] {
  const wanted = new Set(words.flatMap((w) => w.alternatives));
  const out: Span[] = [];
  for (const t of tokens) if (tokenTerms(text, t).some((term) => wanted.has(term))) out.push({ start: t.start, end: t.end });
  return out;
}
