/**
 * Structure of a plain-text article as a reader sees it: the title (a first line
 * that stands alone), headings (short lines without closing punctuation that
 * open a section), paragraphs, bullet and numbered lists, tables (tab or pipe
 * separated, or flattened into lines after a cue such as «الجدول التالي»).
 */
import type { Block, Message, TextSpan } from '../model/document.js';
import { message } from '../model/messages.js';
import { type Line, readLines } from './lines.js';
import { inferColumns } from './columns.js';

export interface PlainStructure {
  title: TextSpan | null;
  blocks: Block[];
  messages: Message[];
}

/** A title or heading is at most this long (characters)… */
const MAX_TITLE_CHARS = 250;
const MAX_HEADING_CHARS = 140;
/** …and a heading has at most this many words, and at least this many inside a block of lines. */
const MAX_HEADING_WORDS = 16;
const MIN_INLINE_HEADING_WORDS = 3;
/** A hard-wrapped paragraph has lines at least this long that do not end a sentence. */
const MIN_WRAPPED_LINE_CHARS = 40;
/** A wrapped line is about as long as the line after it (the last line of a paragraph may be short). */
const WRAPPED_LENGTH_RATIO = 0.7;
/** Lines of a flattened table: at most this many header columns. */
const MAX_INFERRED_COLUMNS = 6;

/** Punctuation that ends a sentence or announces what follows (so the line is not a heading). */
const CLOSING = /[.!?\u061F\u06D4\u2026:\u061B\u060C,;]$/;
const SENTENCE_END = /[.!?\u061F\u06D4\u2026]["'»”)\]]*$/;
/** Words that announce a table written as lines: الجدول التالي، الجدول الآتي، جدول. */
const TABLE_CUE = /(?:^|[\s\u0600-\u06FF])(?:ال)?جدول|table/i;

function words(text: string, start: number, end: number): number {
  return text.slice(start, end).split(/\s+/).filter(Boolean).length;
}

function span(text: string, start: number, end: number): TextSpan {
  return { text: text.slice(start, end), start, end };
}

/** Groups of consecutive non-blank lines. */
function chunksOf(lines: Line[]): Line[][] {
  const chunks: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (l.kind === 'blank') {
      if (cur.length) chunks.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

function isItem(l: Line): boolean {
  return l.kind === 'bullet' || l.kind === 'numbered';
}

/**
 * Does `next` continue the list that `prev` ends? The same kind of marker, and
 * numbering that does not start again at 1; across a blank line the numbering
 * must go on exactly.
 */
function continues(prev: Line, next: Line, acrossBlank = false): boolean {
  if (!isItem(next) || next.marker !== prev.marker) return false;
  if (prev.kind !== 'numbered') return true;
  return acrossBlank ? next.ordinal === (prev.ordinal ?? 0) + 1 : next.ordinal !== 1;
}

function looksLikeHeading(text: string, l: Line): boolean {
  if (l.kind !== 'text') return false;
  const len = l.end - l.start;
  if (len > MAX_HEADING_CHARS || words(text, l.start, l.end) > MAX_HEADING_WORDS) return false;
  return !CLOSING.test(text.slice(l.start, l.end));
}

/**
 * The title: a first line that stands alone (a chunk of its own, or a short
 * unpunctuated line over a longer one) when something follows it. Removes it
 * from `chunks`.
 */
function takeTitle(text: string, chunks: Line[][]): TextSpan | null {
  const first = chunks[0][0];
  const firstText = text.slice(first.start, first.end);
  const standsAlone = chunks[0].length === 1 && chunks.length > 1;
  const overLonger = chunks[0].length > 1 && !SENTENCE_END.test(firstText) && chunks[0][1].end - chunks[0][1].start > (first.end - first.start) * 1.5;
  if (first.kind !== 'text' || first.end - first.start > MAX_TITLE_CHARS || !(standsAlone || overLonger)) return null;
  chunks[0].shift();
  if (!chunks[0].length) chunks.shift();
  return span(text, first.start, first.end);
}

/**
 * Builds the blocks of plain `text`. A `knownTitle` (given with a JSON article)
 * is taken as the title and the rest is read after it.
 */
export function plainStructure(text: string, knownTitle: TextSpan | null = null): PlainStructure {
  const messages: Message[] = [];
  const blocks: Block[] = [];
  let title: TextSpan | null = null;
  const lines = readLines(text);
  if (knownTitle) {
    title = knownTitle;
    blocks.push({ type: 'title', start: knownTitle.start, end: knownTitle.end });
  }
  const chunks = chunksOf(knownTitle ? lines.filter((l) => l.start >= knownTitle.end) : lines);
  if (!chunks.length) return { title, blocks, messages };
  if (!knownTitle) {
    title = takeTitle(text, chunks);
    if (title) blocks.push({ type: 'title', start: title.start, end: title.end });
  }

  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c];
    const nextChunk = chunks[c + 1];
    let i = 0;
    while (i < chunk.length) {
      const l = chunk[i];
      // A list: consecutive items with the same kind of marker; a blank line between
      // items of one list does not end it.
      if (isItem(l)) {
        const itemLines: Line[] = [];
        let j = i;
        itemLines.push(chunk[j++]);
        while (j < chunk.length && continues(chunk[j - 1], chunk[j])) itemLines.push(chunk[j++]);
        let absorbed = false;
        // A blank line between items does not end the list when the next block goes on with it.
        while (j === chunk.length && c + 1 < chunks.length && chunks[c + 1].every((x, k, all) => continues(k ? all[k - 1] : itemLines[itemLines.length - 1], x, k === 0))) {
          itemLines.push(...chunks[++c]);
          absorbed = true;
        }
        const last = itemLines[itemLines.length - 1];
        blocks.push({ type: 'list', ordered: l.kind === 'numbered', start: l.start, end: last.end, items: itemLines.map((x) => span(text, x.contentStart, x.end)) });
        if (absorbed) break; // the chunks this list took are done
        i = j;
        continue;
      }
      // A table of tab- or pipe-separated rows (a |---| rule marks the header).
      if (l.kind === 'table' || l.kind === 'table-rule') {
        let j = i;
        const rows: Line[] = [];
        let ruleAfter = -1;
        while (j < chunk.length && (chunk[j].kind === 'table' || chunk[j].kind === 'table-rule')) {
          if (chunk[j].kind === 'table-rule') { if (ruleAfter < 0) ruleAfter = rows.length; }
          else rows.push(chunk[j]);
          j++;
        }
        if (rows.length) {
          const cells = rows.map((r) => (r.cells ?? []).map((x) => span(text, x.start, x.end)));
          const hasHeader = ruleAfter === 1 || (rows.length > 1 && ruleAfter < 0);
          blocks.push({ type: 'table', start: rows[0].start, end: rows[rows.length - 1].end, header: hasHeader ? cells[0] : null, rows: hasHeader ? cells.slice(1) : cells });
        }
        i = j;
        continue;
      }
      if (l.kind === 'markdown-heading') {
        blocks.push({ type: 'heading', level: l.level, start: l.contentStart, end: l.end });
        i++;
        continue;
      }
      // A flattened table: after a line or paragraph that announces a table, a short
      // header line of column names and rows without delimiters.
      const prev = blocks[blocks.length - 1];
      const cueBefore = i === 0 && prev?.type === 'paragraph' && TABLE_CUE.test(text.slice(prev.start, prev.end)) && /:\s*$/.test(text.slice(prev.start, prev.end));
      const cueInChunk = i > 0 && TABLE_CUE.test(text.slice(chunk[i - 1].start, chunk[i - 1].end)) && /:\s*$/.test(text.slice(chunk[i - 1].start, chunk[i - 1].end));
      const restOfChunk = chunk.slice(i);
      if ((cueBefore || cueInChunk) && restOfChunk.length >= 2 && restOfChunk.every((x) => x.kind === 'text')) {
        const headerWords = words(text, l.start, l.end);
        if (headerWords >= 2 && headerWords <= MAX_INFERRED_COLUMNS && !CLOSING.test(text.slice(l.start, l.end))) {
          const table = inferColumns(text, restOfChunk[0], restOfChunk.slice(1));
          if (table) {
            blocks.push(table);
            messages.push(message('structure.table-columns-inferred', `a table of ${table.header?.length ?? 0} columns written without delimiters; columns were inferred`, { start: table.start, end: table.end }, 'structure'));
            i = chunk.length;
            continue;
          }
        }
      }
      // A heading: a short unpunctuated line that opens what follows.
      const isLastLine = i === chunk.length - 1;
      const followed = isLastLine ? nextChunk !== undefined : true;
      if (looksLikeHeading(text, l) && followed) {
        const alone = chunk.length === 1;
        const next = isLastLine ? nextChunk[0] : chunk[i + 1];
        const nextIsBody = next.kind !== 'text' || !looksLikeHeading(text, next) || (next.end - next.start) > 2 * (l.end - l.start);
        const inlineOk = alone || (words(text, l.start, l.end) >= MIN_INLINE_HEADING_WORDS && (next.end - next.start) > 2 * (l.end - l.start));
        if (nextIsBody && inlineOk) {
          blocks.push({ type: 'heading', level: 2, start: l.start, end: l.end });
          i++;
          continue;
        }
      }
      // A paragraph: one line, or several hard-wrapped lines that belong together.
      let j = i + 1;
      while (
        j < chunk.length &&
        chunk[j].kind === 'text' &&
        !SENTENCE_END.test(text.slice(chunk[j - 1].start, chunk[j - 1].end)) &&
        chunk[j - 1].end - chunk[j - 1].start >= MIN_WRAPPED_LINE_CHARS &&
        chunk[j - 1].end - chunk[j - 1].start >= WRAPPED_LENGTH_RATIO * (chunk[j].end - chunk[j].start)
      )
        j++;
      blocks.push({ type: 'paragraph', start: l.start, end: chunk[j - 1].end });
      i = j;
    }
  }
  return { title, blocks, messages };
}
