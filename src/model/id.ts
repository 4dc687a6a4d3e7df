/** Stable ids: a document's id is a hash of its text, so the same article is the same id everywhere. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 prefix of `s` (16 hex digits: 64 bits, ample for article collections). */
export function contentHash(s: string, length = 16): string {
  return createHash('sha256').update(s, 'utf8').digest('hex').slice(0, length);
}
