/** Span utilities: moving spans, and the invariants every document must keep. */
import type { Block, MarsadDocument, Span } from './document.js';

/** The same span moved by `shift` code units. */
export function shiftSpan<T extends Span>(s: T, shift: number): T {
  return { ...s, start: s.start + shift, end: s.end + shift };
}

/** A block and its items, header and cells moved by `shift`. */
export function shiftBlock(b: Block, shift: number): Block {
  const out: Block = shiftSpan(b, shift);
  if (b.items) out.items = b.items.map((s) => shiftSpan(s, shift));
  if (b.header) out.header = b.header.map((s) => shiftSpan(s, shift));
  if (b.rows) out.rows = b.rows.map((r) => r.map((s) => shiftSpan(s, shift)));
  return out;
}

/** Index of the span containing `offset` in a sorted, non-overlapping list, or -1. */
export function findContaining(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Every broken invariant of a document: spans in range, `text` fields equal to
 * their slice, layers sorted, children inside parents, segments tiling tokens.
 * An empty list means the document is sound.
 */
export function checkDocument(doc: MarsadDocument): string[] {
  const problems: string[] = [];
  const t = doc.text;
  const check = (name: string, s: Span & { text?: string }) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > t.length) {
      problems.push(`${name}: bad span ${s.start}..${s.end}`);
      return;
    }
    if (typeof s.text === 'string' && t.slice(s.start, s.end) !== s.text) problems.push(`${name}: text ${JSON.stringify(s.text)} != slice ${JSON.stringify(t.slice(s.start, s.end))}`);
  };
  const sorted = (name: string, spans: readonly Span[]) => {
    for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) problems.push(`${name}: not sorted at ${i}`);
  };
  const inside = (name: string, child: Span, parent: Span) => {
    if (child.start < parent.start || child.end > parent.end) problems.push(`${name}: ${child.start}..${child.end} outside ${parent.start}..${parent.end}`);
  };
  if (doc.title) check('title', doc.title);
  doc.blocks.forEach((b, i) => {
    check(`block ${i}`, b);
    b.items?.forEach((x, j) => { check(`block ${i} item ${j}`, x); inside(`block ${i} item ${j}`, x, b); });
    b.header?.forEach((x, j) => { check(`block ${i} header ${j}`, x); inside(`block ${i} header ${j}`, x, b); });
    b.rows?.forEach((r, k) => r.forEach((x, j) => { check(`block ${i} row ${k} cell ${j}`, x); inside(`block ${i} row ${k} cell ${j}`, x, b); }));
  });
  sorted('blocks', doc.blocks);
  doc.sentences.forEach((s, i) => {
    check(`sentence ${i}`, s);
    if (s.block !== undefined && doc.blocks[s.block]) inside(`sentence ${i}`, s, doc.blocks[s.block]);
  });
  sorted('sentences', doc.sentences);
  doc.quotes.forEach((q, i) => check(`quote ${i}`, q));
  sorted('quotes', doc.quotes);
  doc.tokens.forEach((tok, i) => {
    check(`token ${i}`, tok);
    if (i && tok.start < doc.tokens[i - 1].end) problems.push(`token ${i}: overlaps the previous token`);
    if (tok.segments) {
      let at = tok.start;
      tok.segments.forEach((g, j) => {
        check(`token ${i} segment ${j}`, g);
        if (g.start !== at) problems.push(`token ${i} segment ${j}: does not tile the token`);
        at = g.end;
      });
      if (at !== tok.end) problems.push(`token ${i}: segments end at ${at}, token at ${tok.end}`);
    }
  });
  const ids = new Set(doc.entities.map((e) => e.id));
  doc.mentions.forEach((m, i) => {
    check(`mention ${i}`, m);
    if (m.entity !== null && !ids.has(m.entity)) problems.push(`mention ${i}: unknown entity ${m.entity}`);
  });
  sorted('mentions', doc.mentions);
  doc.events.forEach((e, i) => {
    for (const k of ['source', 'target', 'location', 'trigger', 'quote'] as const) {
      const s = e[k];
      if (s) check(`event ${i} ${k}`, s);
    }
    if (e.sentence < 0 || e.sentence >= doc.sentences.length) problems.push(`event ${i}: sentence ${e.sentence} out of range`);
  });
  doc.messages.forEach((m, i) => {
    if (m.start !== undefined && m.end !== undefined) check(`message ${i}`, { start: m.start, end: m.end });
  });
  return problems;
}
