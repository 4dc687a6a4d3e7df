/**
 * Assembles a document's `text` piece by piece and hands back the offsets of
 * what was appended, so readers that restructure their input (HTML, JSON with a
 * title) produce spans that slice exactly.
 */
import type { TextSpan } from '../model/document.js';

export class TextBuilder {
  private parts: string[] = [];
  private length = 0;

  get size(): number {
    return this.length;
  }

  /** Appends `s` and returns its span. */
  append(s: string): TextSpan {
    const start = this.length;
    this.parts.push(s);
    this.length += s.length;
    return { text: s, start, end: this.length };
  }

  /** Ends the current block: a blank line unless the text is empty or already ends with one. */
  blockBreak(): void {
    if (this.length === 0) return;
    const last = this.parts[this.parts.length - 1];
    if (last.endsWith('\n\n')) return;
    this.append(last.endsWith('\n') ? '\n' : '\n\n');
  }

  lineBreak(): void {
    if (this.length === 0) return;
    const last = this.parts[this.parts.length - 1];
    if (!last.endsWith('\n')) this.append('\n');
  }

  toString(): string {
    const s = this.parts.join('');
    this.parts = [s];
    return s;
  }
}
