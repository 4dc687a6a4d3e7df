/**
 * Write protection: with a token configured (MARSAD_API_TOKEN), write endpoints
 * need `Authorization: Bearer <token>`. The comparison takes the same time
 * whatever the guess (digests of equal length, `timingSafeEqual`), so the token
 * cannot be found one character at a time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.js';

const BEARER = /^Bearer\s+(.+)$/i;

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Whether `header` carries exactly `token` (constant time). */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = BEARER.exec(header ?? '');
  const given = m ? m[1].trim() : '';
  // Always compare, even without a header, so a missing token costs the same.
  const same = timingSafeEqual(digest(given), digest(token));
  return same && !!m;
}

/** Throws 401 unless the request carries the token (when one is set). */
export function requireToken(header: string | undefined, token: string | null | undefined): void {
  if (!token) return;
  if (!tokenMatches(header, token)) throw new ApiError(401, 'api.unauthorized', header ? 'the bearer token is wrong' : 'this endpoint needs Authorization: Bearer <token>');
}
