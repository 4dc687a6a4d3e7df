/**
 * Bytes to text. Detects the encoding from a BOM, a declaration (`<meta charset>`,
 * `<?xml encoding?>`), or the bytes themselves (strict UTF-8, else the legacy
 * Arabic code page that reads best), refuses binary data, and normalises line
 * ends to \n. Every lossy step leaves a located message.
 */
import iconv from 'iconv-lite';
import type { Message } from '../model/document.js';
import { MarsadError, message } from '../model/messages.js';

export interface Decoded {
  text: string;
  encoding: string;
  messages: Message[];
}

export interface DecodeOptions {
  /** Name used in error messages (a path or URL). */
  where?: string;
  /** An encoding the caller knows (HTTP Content-Type); trusted unless a BOM says otherwise. */
  declared?: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
/** How far into a document a charset declaration is looked for. */
const DECLARATION_WINDOW = 4096;
/** Bytes sampled to decide whether a file is binary. */
const BINARY_SAMPLE = 8192;
/** Share of control bytes beyond which a sample is binary. */
const BINARY_CONTROL_SHARE = 0.1;
/**
 * Valid UTF-8 sequences needed per invalid byte to keep reading a file as damaged
 * UTF-8 rather than as a legacy code page: Windows-1256 Arabic almost never forms
 * valid multi-byte sequences by accident.
 */
const UTF8_SEQUENCES_PER_ERROR = 3;

const ENCODING_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'windows-1256': 'windows-1256',
  cp1256: 'windows-1256',
  'x-cp1256': 'windows-1256',
  'iso-8859-6': 'iso-8859-6',
  'iso8859-6': 'iso-8859-6',
  'iso_8859-6': 'iso-8859-6',
  'arabic': 'iso-8859-6',
  'asmo-708': 'iso-8859-6',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The canonical name of an encoding iconv-lite can decode, or undefined. */
export function canonicalEncoding(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const key = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const known = ENCODING_ALIASES[key];
  if (known) return known;
  return iconv.encodingExists(key) ? key : undefined;
}

/** A charset declared in the first bytes of an HTML or XML document. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, DECLARATION_WINDOW)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)["']/i.exec(head);
  return m ? m[1] : undefined;
}

/** Share of bytes in one parity that must look like UTF-16 high bytes (0x00 Latin, 0x06 Arabic). */
const UTF16_HIGH_BYTE_SHARE = 0.9;

/** UTF-16 without a BOM: every other byte is the high byte of Latin (00) or Arabic (06) text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, BINARY_SAMPLE) & ~1;
  if (n < 4) return undefined;
  let odd = 0;
  let even = 0;
  let zeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0x00 || bytes[i] === 0x06) even++;
    if (bytes[i + 1] === 0x00 || bytes[i + 1] === 0x06) odd++;
    if (bytes[i] === 0 || bytes[i + 1] === 0) zeros++;
  }
  const pairs = n / 2;
  if (zeros === 0) return undefined;
  if (odd / pairs >= UTF16_HIGH_BYTE_SHARE && even / pairs < 1 - UTF16_HIGH_BYTE_SHARE) return 'utf-16le';
  if (even / pairs >= UTF16_HIGH_BYTE_SHARE && odd / pairs < 1 - UTF16_HIGH_BYTE_SHARE) return 'utf-16be';
  return undefined;
}

/** True when the bytes look like a binary file (NULs or many control bytes outside UTF-16). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n > BINARY_CONTROL_SHARE;
}

/** Counts valid multi-byte sequences and invalid bytes of UTF-8; keeps the offsets of the first errors. */
function utf8Check(bytes: Uint8Array): { errors: number; sequences: number; firstAt: number[] } {
  let errors = 0;
  let sequences = 0;
  const firstAt: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0 && i + need < bytes.length + 1;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      sequences++;
      i += need + 1;
    } else {
      errors++;
      if (firstAt.length < 3) firstAt.push(i);
      i++;
    }
  }
  return { errors, sequences, firstAt };
}

/** How Arabic a decoding reads: Arabic letters count for, unassigned and stray Latin-1 letters against. */
function arabicScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x064a) score += 1;
    else if (c === 0xfffd || (c >= 0x80 && c < 0xa0)) score -= 3;
    else if (c >= 0xc0 && c <= 0xff) score -= 1;
  }
  return score;
}

/** Normalises CR LF and CR to LF, and drops control characters other than tab and LF. */
function cleanText(raw: string, messages: Message[]): string {
  let text = raw.replace(/\r\n?/g, '\n');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
  if (controls.test(text)) {
    const count = (text.match(controls) ?? []).length;
    text = text.replace(controls, '').replace(/\f/g, '\n');
    messages.push(message('encoding.control-chars', `removed ${count} control character(s)`, undefined, 'ingest'));
  } else if (text.includes('\f')) text = text.replace(/\f/g, '\n');
  return text;
}

/** Decodes `bytes` as text, or throws a MarsadError for empty or binary input. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const where = options.where;
  const messages: Message[] = [];
  if (bytes.length === 0) throw new MarsadError('input.empty', 'empty input (0 bytes)', where);

  // 1. A byte-order mark decides.
  if (startsWith(bytes, UTF8_BOM)) {
    messages.push(message('encoding.declared', 'UTF-8 byte-order mark', undefined, 'ingest'));
    return finish(bytes.subarray(3), 'utf-8', messages);
  }
  if (startsWith(bytes, UTF16LE_BOM)) return finishWith(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le', messages);
  if (startsWith(bytes, UTF16BE_BOM)) return finishWith(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be', messages);

  const utf16 = sniffUtf16(bytes);
  if (utf16) return finishWith(iconv.decode(Buffer.from(bytes), utf16), utf16, messages);
  if (looksBinary(bytes)) throw new MarsadError('input.binary', `binary data, not text (${bytes.length} bytes)`, where);

  // 2. Valid UTF-8 is UTF-8, whatever a page declares.
  const check = utf8Check(bytes);
  if (check.errors === 0) return finish(bytes, 'utf-8', messages);

  // 3. A declaration (HTTP header or <meta charset>) of a legacy encoding.
  const declared = canonicalEncoding(options.declared) ?? canonicalEncoding(declaredCharset(bytes));
  if (declared && declared !== 'utf-8') {
    messages.push(message('encoding.declared', `decoded as ${declared}, as declared`, undefined, 'ingest'));
    return finishWith(iconv.decode(Buffer.from(bytes), declared), declared, messages);
  }

  // 4. Mostly UTF-8 with a few broken bytes: keep UTF-8 and say where the damage is.
  if (check.sequences >= UTF8_SEQUENCES_PER_ERROR * check.errors) {
    messages.push(message('encoding.invalid-bytes', `${check.errors} invalid UTF-8 byte sequence(s) replaced with U+FFFD (first at byte ${check.firstAt[0]})`, undefined, 'ingest'));
    return finish(bytes, 'utf-8', messages);
  }

  // 5. A legacy Arabic code page: the one that reads most like Arabic.
  const candidates = ['windows-1256', 'iso-8859-6'].map((enc) => {
    const text = iconv.decode(Buffer.from(bytes), enc);
    return { enc, text, score: arabicScore(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (best.score <= 0) {
    messages.push(message('encoding.invalid-bytes', `${check.errors} invalid UTF-8 byte sequence(s) replaced with U+FFFD (first at byte ${check.firstAt[0]}); no legacy Arabic encoding fits better`, undefined, 'ingest'));
    return finish(bytes, 'utf-8', messages);
  }
  messages.push(message('encoding.legacy', `not UTF-8 (first invalid byte at ${check.firstAt[0]}): decoded as ${best.enc}`, undefined, 'ingest'));
  return finishWith(best.text, best.enc, messages);
}

function finish(bytes: Uint8Array, encoding: string, messages: Message[]): Decoded {
  return finishWith(new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes), encoding, messages);
}

function finishWith(raw: string, encoding: string, messages: Message[]): Decoded {
  return { text: cleanText(raw, messages), encoding, messages };
}

/** Text given as a string (API, JSON): line ends and control characters cleaned the same way. */
export function cleanString(raw: string): Decoded {
  const messages: Message[] = [];
  return { text: cleanText(raw, messages), encoding: 'utf-8', messages };
}
