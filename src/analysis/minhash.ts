/**
 * Near-duplicate detection: MinHash signatures over normalised word shingles,
 * and locality-sensitive hashing (LSH) bands to find candidates without comparing
 * every pair. Two syndicated copies of a story (a different headline, a sentence
 * added, a credit line removed) share most of their 3-word shingles, so most of
 * their signature positions agree.
 *
 * The hash family and its seeds are stored in databases through the signatures:
 * changing any constant here needs a schema migration that recomputes them.
 */
import type { MarsadDocument, Token } from '../model/document.js';
import { tokenize } from '../arabic/index.js';
import { contentHash } from '../model/id.js';

/** Words per shingle. */
export const SHINGLE_SIZE = 3;
/** Hash functions in a signature. */
export const SIGNATURE_LENGTH = 100;
/** LSH bands, and signature positions per band (BANDS × ROWS = SIGNATURE_LENGTH). */
export const BANDS = 20;
export const ROWS_PER_BAND = 5;
/**
 * Estimated Jaccard similarity of shingle sets from which two articles are the
 * same story. The bands make a pair a candidate with probability 1-(1-s^5)^20:
 * 0.47 at s = 0.5, 0.80 at 0.6, 0.98 at 0.7.
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const UINT32_RANGE = 2 ** 32;
/** Seed of the generator of per-function seeds: fixed forever (see the file comment). */
const SEED_OF_SEEDS = 0x5eed1e55;
const WORD_KINDS = new Set<Token['kind']>(['word', 'latin', 'number']);

/** FNV-1a over the UTF-16 code units of `s`. */
function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** A 32-bit avalanche mix of `x` keyed by `seed` (murmur3's finaliser). */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS: Uint32Array = (() => {
  // xorshift32: a fixed, reproducible sequence of seeds.
  const out = new Uint32Array(SIGNATURE_LENGTH);
  let s = SEED_OF_SEEDS;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s >>> 0;
  }
  return out;
})();

/** The normalised words of a document (Arabic, Latin and numbers; no punctuation). */
export function documentWords(doc: Pick<MarsadDocument, 'text' | 'tokens'>): string[] {
  const tokens = doc.tokens?.length ? doc.tokens : tokenize(doc.text);
  const words: string[] = [];
  for (const t of tokens) if (WORD_KINDS.has(t.kind) && t.norm) words.push(t.norm);
  return words;
}

/** Hash of the normalised word sequence: equal for copies that differ only in spacing, diacritics or punctuation. */
export function wordsHash(words: readonly string[]): string {
  return contentHash(words.join(' '));
}

/** The distinct shingle hashes of a word sequence (one shingle of everything when it is short). */
export function shingles(words: readonly string[], size = SHINGLE_SIZE): Set<number> {
  const out = new Set<number>();
  if (!words.length) return out;
  if (words.length <= size) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < size; k++) h = fnv1a(k ? ' ' + words[i + k] : words[i + k], h);
    out.add(h);
  }
  return out;
}

/** The MinHash signature of a shingle set, or null for an empty set. */
export function signature(shingleSet: ReadonlySet<number>): Uint32Array | null {
  if (!shingleSet.size) return null;
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const s of shingleSet) {
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const v = mix(s, SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_LENGTH;
}

/**
 * The LSH bucket of each band: band number × 2^32 + a hash of the band's rows,
 * an integer below 2^37 (safe in JavaScript and in a 64-bit column).
 */
export function buckets(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = FNV_OFFSET;
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      const v = sig[b * ROWS_PER_BAND + r];
      // Four bytes of the value, lowest first.
      for (let k = 0; k < 4; k++) {
        h ^= (v >>> (8 * k)) & 0xff;
        h = Math.imul(h, FNV_PRIME);
      }
    }
    out.push(b * UINT32_RANGE + (h >>> 0));
  }
  return out;
}

/** Signature bytes for storage (little-endian uint32s). */
export function signatureToBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i], i * 4);
  return buf;
}

/** A stored signature back, or null when the bytes are not one. */
export function signatureFromBytes(bytes: Uint8Array | null | undefined): Uint32Array | null {
  if (!bytes || bytes.length !== SIGNATURE_LENGTH * 4) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) sig[i] = buf.readUInt32LE(i * 4);
  return sig;
}

/** Everything near-duplicate detection needs of one document. */
export interface Fingerprint {
  wordsHash: string;
  signature: Uint32Array | null;
  buckets: number[];
}

/** The words hash, signature and LSH buckets of a document. */
export function fingerprint(doc: Pick<MarsadDocument, 'text' | 'tokens'>): Fingerprint {
  const words = documentWords(doc);
  const sig = signature(shingles(words));
  return { wordsHash: wordsHash(words), signature: sig, buckets: sig ? buckets(sig) : [] };
}
