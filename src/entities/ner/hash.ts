/**
 * 32-bit hashing for feature ids. Features are never built as strings at tagging
 * time: each token's values (word, stem, affixes, cluster prefixes…) are hashed
 * once, and a feature id is the mix of a template number with one or two value
 * hashes. Collisions between a rare unseen feature and a kept one are possible
 * (about n/2^32 per lookup) and harmless.
 */

/** FNV-1a over UTF-16 code units of `s[from, to)`. Never returns 0 (0 means "absent"). */
export function hashString(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = fmix(h);
  return h === 0 ? 1 : h;
}

/** Murmur3's finaliser: spreads the bits of a 32-bit value. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Murmur3 round: folds the 32-bit value `v` into the running hash `h`. */
export function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** A feature id from a template number and one value hash (never 0). */
export function feat1(template: number, a: number): number {
  const h = fmix(mix(mix(0x9747b28c, template), a));
  return h === 0 ? 1 : h;
}

/** A feature id from a template number and two value hashes (never 0). */
export function feat2(template: number, a: number, b: number): number {
  const h = fmix(mix(mix(mix(0x9747b28c, template), a), b));
  return h === 0 ? 1 : h;
}

/** A feature id from a template number and three value hashes (never 0). */
export function feat3(template: number, a: number, b: number, c: number): number {
  const h = fmix(mix(mix(mix(mix(0x9747b28c, template), a), b), c));
  return h === 0 ? 1 : h;
}
