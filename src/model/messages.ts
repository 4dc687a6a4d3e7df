/**
 * The message registry: every code a stage can put in `doc.messages`, and the
 * errors that stop an analysis. Codes are stable; reasons are templates.
 */
import type { Message, Severity } from './document.js';

export interface MessageSpec {
  severity: Severity;
  /** A short explanation of what the code means, for docs/errors.md. */
  summary: string;
}

export const MESSAGES = {
  'input.empty': { severity: 'error', summary: 'the input holds no text' },
  'input.binary': { severity: 'error', summary: 'the input is a binary file, not text' },
  'input.too-large': { severity: 'error', summary: 'the input is larger than the limit for one article' },
  'input.unreadable': { severity: 'error', summary: 'the input could not be read (missing file, directory, permission)' },
  'input.invalid-json': { severity: 'error', summary: 'a JSON article could not be parsed or lacks `text`' },
  'input.invalid-argument': { severity: 'error', summary: 'an argument has an unusable value' },
  'input.invalid-kb': { severity: 'error', summary: 'a user knowledge-base file (--kb) is missing or malformed; the message names the file and line' },
  'encoding.legacy': { severity: 'warning', summary: 'the bytes were decoded with a legacy Arabic code page (Windows-1256, ISO-8859-6)' },
  'encoding.declared': { severity: 'info', summary: 'the encoding was taken from a BOM or a declaration' },
  'encoding.invalid-bytes': { severity: 'warning', summary: 'bytes that are not valid in the detected encoding were replaced with U+FFFD' },
  'encoding.control-chars': { severity: 'warning', summary: 'control characters were removed from the text' },
  'html.boilerplate-removed': { severity: 'info', summary: 'scripts, styles, navigation, ads or comments were dropped from an HTML page' },
  'html.no-content': { severity: 'warning', summary: 'an HTML page had no article text' },
  'html.deep-nesting': { severity: 'warning', summary: 'an HTML page nested elements deeper than the limit; deeper content was flattened' },
  'structure.table-columns-inferred': { severity: 'warning', summary: 'a table written without delimiters was split into columns by inference' },
  'structure.title-guessed': { severity: 'info', summary: 'the first line was taken as the title' },
  'date.relative': { severity: 'info', summary: 'a relative date (yesterday, recently) could not be resolved to a day' },
  'date.invalid': { severity: 'warning', summary: 'a date given with the article could not be read' },
  'entities.unlinked': { severity: 'info', summary: 'a name was found that the knowledge base does not know' },
  'events.not-factual': { severity: 'info', summary: 'a negated, future or conditional event was flagged rather than asserted' },
  'store.busy': { severity: 'error', summary: 'the database stayed locked by another writer for longer than the busy timeout' },
  'store.unavailable': { severity: 'error', summary: 'the database could not be opened or reached' },
  'store.schema': { severity: 'error', summary: 'the database schema is newer than this program, or a migration failed' },
  'store.read-only': { severity: 'error', summary: 'a write was refused because the database or server is read-only' },
  'fetch.refused': { severity: 'error', summary: 'a URL resolved to a loopback, private, link-local or metadata address and was not fetched' },
  'fetch.failed': { severity: 'error', summary: 'a URL could not be fetched (network error, timeout, HTTP error, too many redirects)' },
  'fetch.too-large': { severity: 'error', summary: 'a response was larger than the size limit (after decompression)' },
  'feed.unsafe': { severity: 'error', summary: 'a feed declares a DOCTYPE or entities (XML bombs, external entities) and was refused' },
  'feed.invalid': { severity: 'error', summary: 'a feed is not well-formed RSS or Atom' },
  'api.invalid-request': { severity: 'error', summary: 'an HTTP request had a malformed body or parameters' },
  'api.unauthorized': { severity: 'error', summary: 'a write request lacked the bearer token, or gave a wrong one' },
  'api.not-found': { severity: 'error', summary: 'no such route or stored object' },
  'api.too-large': { severity: 'error', summary: 'an HTTP request body was over the size limit' },
  'api.unsupported-media-type': { severity: 'error', summary: 'an HTTP request body had a content type the endpoint does not take' },
  'api.internal': { severity: 'error', summary: 'the server failed; details are in its log, not in the response' },
} as const satisfies Record<string, MessageSpec>;

export type MessageCode = keyof typeof MESSAGES;

/** Builds a located message with the registry's severity. */
export function message(code: MessageCode, reason: string, where?: { start: number; end: number }, stage?: string): Message {
  const m: Message = { severity: MESSAGES[code].severity, code, reason };
  if (stage) m.stage = stage;
  if (where) {
    m.start = where.start;
    m.end = where.end;
  }
  return m;
}

/**
 * An error a user can act on (bad input, bad argument). The CLI prints its
 * message on one line and exits 2; the API answers 4xx. Never a stack trace.
 */
export class MarsadError extends Error {
  readonly code: MessageCode;
  /** Where: a file path, optionally with line or byte. */
  readonly where?: string;

  constructor(code: MessageCode, reason: string, where?: string) {
    super(where ? `${where}: ${reason}` : reason);
    this.name = 'MarsadError';
    this.code = code;
    this.where = where;
  }
}

export function isMarsadError(e: unknown): e is MarsadError {
  return e instanceof MarsadError;
}
