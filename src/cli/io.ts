/** Reading the CLI's inputs (files or standard input) with errors a user can act on. */
import { closeSync, openSync, readSync, statSync, readFileSync } from 'node:fs';
import { MarsadError } from '../model/messages.js';
import { DEFAULT_MAX_BYTES } from '../ingest/index.js';

/** Reads a whole file (or `-` for standard input) as bytes, refusing directories and oversize files early. */
export async function readInputBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  if (path === '-') return readStdin(maxBytes);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new MarsadError('input.unreadable', 'is a directory (analyze reads one file; `marsad ingest` takes folders)', path);
    size = st.size;
  } catch (e) {
    if (e instanceof MarsadError) throw e;
    throw new MarsadError('input.unreadable', describeFsError(e), path);
  }
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new MarsadError('input.too-large', `input is ${mb(size)}, over the ${mb(maxBytes)} limit for one article (raise it with --max-size)`, path);
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw new MarsadError('input.unreadable', describeFsError(e), path);
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'EMFILE': return 'too many open files';
    default: return `cannot read (${code ?? (e as Error)?.message ?? 'unknown error'})`;
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > maxBytes) throw new MarsadError('input.too-large', `standard input is over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit for one article`, 'stdin');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Reads the first bytes of a file (content sniffing). */
export function readHead(path: string, bytes = 4096): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Writes to standard output, waiting when the pipe is full (large batches). */
export function writeOut(s: string): Promise<void> | void {
  if (!process.stdout.write(s)) return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

/** Parses a size such as 16M, 200MB, 512k or a plain number of bytes. */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(s.trim());
  if (!m) throw new MarsadError('input.invalid-argument', `"${s}" is not a size (e.g. 16M, 512k)`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}
