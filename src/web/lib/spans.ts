/**
 * Cutting a range of the article text into pieces for display: plain text and
 * entity mentions, each further cut where an event highlight (trigger, source,
 * target, place, sentence) starts or ends. Pure, so the reader renders text
 * nodes only and the cutting is tested without a browser.
 */
import type { Mention, Span } from '../../model/document.js';

/** What part of the selected event a highlighted stretch of text plays. */
export type HighlightRole = 'sentence' | 'trigger' | 'source' | 'target' | 'location' | 'quote';

export interface Highlight extends Span {
  role: HighlightRole;
}

/** A stretch of text with the highlight roles that cover all of it. */
export interface Run extends Span {
  roles: HighlightRole[];
}

/** Plain text (`mention` null) or one mention (its index in the mentions list), cut into runs. */
export interface Piece extends Span {
  mention: number | null;
  runs: Run[];
}

/**
 * Indexes of the mentions to draw: inside `range`, sorted by start, and not
 * nested in or overlapping an earlier one (the outer mention wins, as in the
 * HTML report).
 */
export function drawableMentions(range: Span, mentions: readonly Mention[]): number[] {
  const chosen: number[] = [];
  let reached = range.start;
  mentions.forEach((m, index) => {
    if (m.start < range.start || m.end > range.end || m.end <= m.start) return;
    if (m.start < reached) return;
    chosen.push(index);
    reached = m.end;
  });
  return chosen.sort((a, b) => mentions[a].start - mentions[b].start);
}

/** `span` cut at every highlight boundary inside it, each run listing the roles covering it. */
export function runsOf(span: Span, highlights: readonly Highlight[]): Run[] {
  const touching = highlights.filter((h) => h.start < span.end && h.end > span.start);
  const cuts = new Set<number>([span.start, span.end]);
  for (const h of touching) {
    if (h.start > span.start) cuts.add(h.start);
    if (h.end < span.end) cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const roles = touching.filter((h) => h.start <= start && h.end >= end).map((h) => h.role);
    runs.push({ start, end, roles: [...new Set(roles)] });
  }
  return runs;
}

/** `range` as alternating plain and mention pieces, each cut into highlight runs. */
export function piecesOf(range: Span, mentions: readonly Mention[], highlights: readonly Highlight[] = []): Piece[] {
  const pieces: Piece[] = [];
  const plain = (start: number, end: number) => {
    if (end > start) pieces.push({ start, end, mention: null, runs: runsOf({ start, end }, highlights) });
  };
  let at = range.start;
  for (const index of drawableMentions(range, mentions)) {
    const m = mentions[index];
    plain(at, m.start);
    pieces.push({ start: m.start, end: m.end, mention: index, runs: runsOf(m, highlights) });
    at = m.end;
  }
  plain(at, range.end);
  return pieces;
}
