/**
 * `KbError`: a bad KB file or entry, with a message that starts with `file:line:`
 * so a user can jump to it (`my-kb.yaml:12: actor "x" has unknown type …`).
 */
export class KbError extends Error {
  readonly file: string;
  /** 1-based line, or null when the problem concerns the whole file. */
  readonly line: number | null;

  constructor(file: string, line: number | null, problem: string) {
    super(`${line === null ? file : `${file}:${line}`}: ${problem}`);
    this.name = 'KbError';
    this.file = file;
    this.line = line;
  }
}

/** 1-based line of a UTF-16 offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A function from offset to 1-based line, for many look-ups in one text (binary search over line starts). */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
