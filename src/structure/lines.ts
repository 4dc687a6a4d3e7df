/**
 * Line classification for plain-text structure: each line of the text, trimmed,
 * with what it looks like (blank, list item, table row, heading mark, text).
 */
import { BULLETS } from '../arabic/charsets.js';

export type LineKind = 'blank' | 'bullet' | 'numbered' | 'table' | 'table-rule' | 'markdown-heading' | 'text';

export interface Line {
  /** Trimmed span of the line. */
  start: number;
  end: number;
  kind: LineKind;
  /** List items: where the item text starts (after the marker). Markdown headings: after the #s. */
  contentStart: number;
  /** List items: the marker itself (•, -, 1., أ)), to tell lists apart. */
  marker?: string;
  /** Table rows: cell spans. */
  cells?: { start: number; end: number }[];
  /** Numbered items: the item's number (1 for أ), to tell a new list from a continued one. */
  ordinal?: number;
  /** Markdown heading level. */
  level?: number;
}

const SPACE = /[ \t\u00A0\u200F\u200E]/;
/** 1. 2) ٣- (4) : a number up to three digits, then a closing mark and a space. */
const NUMBERED = /^(?:\(?(?:\d{1,3}|[\u0660-\u0669]{1,3})[.)\-\u2013:]|\((?:\d{1,3}|[\u0660-\u0669]{1,3})\))[ \t]+\S/;
/** أ) ب- ج. : letters in abjad order used to number items. */
const ABJAD_NUMBERED = /^(?:[أبجدوزحطيكلمنسعفصقرشتثخذضظغ]|هـ)[)\-.][ \t]+\S/;
/** Abjad order of letters used as item numbers. */
const ABJAD = ['أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ'];
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+\S/;
const TABLE_RULE = /^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?$/;

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return { start, end };
}

/** Cells of a row split by tabs or pipes, trimmed; empty edge cells of |a|b| dropped. */
function splitCells(text: string, start: number, end: number, sep: RegExp): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || sep.test(text[i])) {
      cells.push(trimSpan(text, cellStart, i));
      // Runs of tabs separate one pair of cells.
      if (text[i] === '\t') while (i + 1 < end && text[i + 1] === '\t') i++;
      cellStart = i + 1;
    }
  }
  if (sep.source.includes('|')) {
    if (cells.length && cells[0].start === cells[0].end && text[start] === '|') cells.shift();
    if (cells.length && cells[cells.length - 1].start === cells[cells.length - 1].end && text[end - 1] === '|') cells.pop();
  }
  return cells;
}

function classify(text: string, start: number, end: number): Line {
  const line: Line = { start, end, kind: 'text', contentStart: start };
  if (start === end) return { ...line, kind: 'blank' };
  const s = text.slice(start, end);
  const first = s[0];
  if (BULLETS.has(first) && s.length > 1 && SPACE.test(s[1])) {
    // "- " and "* " are bullets; "--" or "**" are not.
    const content = trimSpan(text, start + 1, end);
    return { ...line, kind: 'bullet', marker: first, contentStart: content.start };
  }
  const numbered = NUMBERED.exec(s) ?? ABJAD_NUMBERED.exec(s);
  if (numbered) {
    const markerEnd = numbered[0].length - 1; // the match ends on the first content character
    const content = trimSpan(text, start + markerEnd, end);
    const marker = s.slice(0, markerEnd).trim();
    const digits = marker.replace(/[^\d\u0660-\u0669]/g, '').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
    const ordinal = digits ? Number(digits) : ABJAD.indexOf(marker.replace(/[)\-.]/g, '').replace('هـ', 'ه')) + 1;
    return { ...line, kind: 'numbered', marker: digits ? 'number' : 'abjad', ordinal, contentStart: content.start };
  }
  const md = MARKDOWN_HEADING.exec(s);
  if (md) return { ...line, kind: 'markdown-heading', level: md[1].length, contentStart: trimSpan(text, start + md[1].length, end).start };
  if (TABLE_RULE.test(s) && s.includes('-')) return { ...line, kind: 'table-rule' };
  if (s.includes('\t')) {
    const cells = splitCells(text, start, end, /\t/);
    if (cells.length >= 2 && cells.every((c) => c.end > c.start)) return { ...line, kind: 'table', cells };
  }
  if ((s.match(/\|/g) ?? []).length >= 2 || (s.includes('|') && (first === '|' || s.endsWith('|')))) {
    const cells = splitCells(text, start, end, /\|/);
    if (cells.length >= 2) return { ...line, kind: 'table', cells };
  }
  return line;
}

/** Splits `text` into classified lines (trimmed spans; blank lines kept). */
export function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const t = trimSpan(text, start, end);
    // Tab-separated rows keep their tabs: trim only spaces around the row.
    lines.push(classify(text, t.start, t.end));
    if (end >= text.length) break;
    start = end + 1;
  }
  return lines;
}
