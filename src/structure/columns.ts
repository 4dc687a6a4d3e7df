/**
 * Columns of a table flattened into lines without delimiters, as in
 *
 *   الجانب التفاصيل
 *   الأمن الإقليمي مناقشة مكافحة الإرهاب والحدود.
 *
 * The header gives the number of columns (one word a column name). Each row is
 * then cut into that many cells by the one set of cell widths (in words) that
 * reads best over all rows: a cell other than the last is a coherent noun phrase
 * (its words all definite or all indefinite, no punctuation inside), and a cell
 * boundary tends to fall where definiteness changes. Rows that cannot take the
 * shared widths are cut on their own.
 */
import type { Block, TextSpan } from '../model/document.js';
import type { Line } from './lines.js';

/** Widths tried for every column but the last, in words. */
const MAX_CELL_WORDS = 4;

interface Word {
  start: number;
  end: number;
  text: string;
}

function wordsOf(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  const s = text.slice(start, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  return out;
}

/** Definite: the article, maybe after a one-letter proclitic (والأمن، بالحدود، للدعم). */
function isDefinite(w: string): boolean {
  return /^[وفبكل]?(?:ال|لل)/.test(w) && w.length > 3;
}

function isNumber(w: string): boolean {
  return /^[\d\u0660-\u0669.,٫٬%]+$/.test(w);
}

/** How well a non-last cell reads, and how well the boundary after it falls. */
function cellScore(cell: Word[], next: Word | undefined): number {
  let score = 0;
  const definite = cell.map((w) => isDefinite(w.text));
  if (definite.every(Boolean) || definite.every((d) => !d)) score += 1;
  else score -= 1;
  if (cell.length === 1 && isNumber(cell[0].text)) score += 1;
  if (cell.slice(0, -1).some((w) => /[.،,:؛;]$/.test(w.text))) score -= 3;
  if (/[.،,:؛;]$/.test(cell[cell.length - 1].text)) score -= 1;
  if (next) {
    if (definite[definite.length - 1] !== isDefinite(next.text)) score += 1;
    if (isNumber(next.text) !== isNumber(cell[cell.length - 1].text)) score += 1;
  }
  return score;
}

function cut(row: Word[], widths: number[]): Word[][] | null {
  const cells: Word[][] = [];
  let at = 0;
  for (const w of widths) {
    if (at + w >= row.length) return null; // the last cell needs a word
    cells.push(row.slice(at, at + w));
    at += w;
  }
  cells.push(row.slice(at));
  return cells;
}

function rowScore(cells: Word[][]): number {
  let score = 0;
  for (let k = 0; k < cells.length - 1; k++) score += cellScore(cells[k], cells[k + 1][0]);
  return score;
}

/** Every width vector of `n` entries in 1..MAX_CELL_WORDS. */
function* widthVectors(n: number): Generator<number[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const rest of widthVectors(n - 1)) for (let w = 1; w <= MAX_CELL_WORDS; w++) yield [w, ...rest];
}

function toSpan(text: string, cell: Word[]): TextSpan {
  const start = cell[0].start;
  const end = cell[cell.length - 1].end;
  return { text: text.slice(start, end), start, end };
}

/** A table block from a header line and row lines, or null when they do not make one. */
export function inferColumns(text: string, header: Line, rows: Line[]): Block | null {
  const head = wordsOf(text, header.start, header.end);
  const columns = head.length;
  if (columns < 2 || !rows.length) return null;
  const rowWords = rows.map((r) => wordsOf(text, r.start, r.end));
  if (rowWords.some((w) => w.length < columns)) return null;

  let best: { widths: number[]; score: number } | null = null;
  for (const widths of widthVectors(columns - 1)) {
    let score = 0;
    let fits = true;
    for (const row of rowWords) {
      const cells = cut(row, widths);
      if (!cells) { fits = false; break; }
      score += rowScore(cells);
    }
    if (fits && (!best || score > best.score)) best = { widths, score };
  }
  const cellsByRow = rowWords.map((row) => {
    if (best) return cut(row, best.widths) as Word[][];
    // No shared widths fit every row: cut this row alone, by its own best reading.
    let own: { cells: Word[][]; score: number } | null = null;
    for (const widths of widthVectors(columns - 1)) {
      const cells = cut(row, widths);
      if (cells && (!own || rowScore(cells) > own.score)) own = { cells, score: rowScore(cells) };
    }
    return own ? own.cells : [row];
  });
  return {
    type: 'table',
    start: header.start,
    end: rows[rows.length - 1].end,
    header: head.map((w) => toSpan(text, [w])),
    rows: cellsByRow.map((cells) => cells.map((c) => toSpan(text, c))),
  };
}
