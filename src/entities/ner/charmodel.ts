/**
 * A character n-gram naive Bayes classifier of word types (PER, ORG, LOC, MISC or
 * O), learnt from the training data's word types. Its verdict on a word (class
 * and confidence bucket) is a feature of the tagger: it generalises what names
 * look like (transliterated foreign names, nisba endings…) to words never seen in
 * training. Training tokens get the verdict of a model that did not see their
 * word type (jackknifed by word), so the tagger learns how far to trust it.
 */
import { hashString } from './hash.js';

export const CHAR_CLASSES = ['O', 'PER', 'ORG', 'LOC', 'MISC'] as const;
const C = CHAR_CLASSES.length;
const MAX_N = 4;
/** Naive Bayes is overconfident: log-likelihoods are tempered by this factor. */
const TEMP = 0.25;
const ALPHA = 0.1;
/** Log-probabilities are stored as int16 in units of 1/Q. */
const Q = 4096;
const quant = (x: number): number => Math.max(-32767, Math.min(32767, Math.round(x * Q))) / Q;

/** Hashes of the 1..4-grams of "<word>". */
export function charGrams(word: string): number[] {
  const s = '<' + word + '>';
  const out: number[] = [];
  for (let n = 1; n <= MAX_N; n++) for (let i = 0; i + n <= s.length; i++) {
    if (n === 1 && (i === 0 || i === s.length - 1)) continue;
    out.push((hashString(s, i, i + n) ^ n) >>> 0);
  }
  return out;
}

/** Counts from word types; `compile()` turns them into the log-probability table used for tagging. */
export class CharModel {
  /** n-gram hash → counts per class. */
  private readonly grams = new Map<number, Float64Array>();
  private readonly totals = new Float64Array(C);
  private readonly types = new Float64Array(C);

  /** Adds one word type with its class. */
  add(word: string, cls: number): void {
    this.types[cls]++;
    for (const g of charGrams(word)) {
      let a = this.grams.get(g);
      if (!a) { a = new Float64Array(C); this.grams.set(g, a); }
      a[cls]++;
      this.totals[cls]++;
    }
  }

  /** The compiled classifier: per n-gram log-probabilities (tempered), priors, and the unseen-n-gram default. */
  compile(): CompiledCharModel {
    const n = this.grams.size;
    const ids = new Uint32Array(n);
    const logp = new Float32Array(n * C);
    const V = n + 1;
    // Add-α smoothing per class. (Backing off to a background n-gram distribution
    // instead was tried: no better on the dev sets.)
    const unseen = new Float32Array(C);
    for (let c = 0; c < C; c++) unseen[c] = quant(TEMP * Math.log(ALPHA / (this.totals[c] + ALPHA * V)));
    let r = 0;
    for (const [g, a] of this.grams) {
      ids[r] = g;
      for (let c = 0; c < C; c++) logp[r * C + c] = quant(TEMP * Math.log((a[c] + ALPHA) / (this.totals[c] + ALPHA * V)));
      r++;
    }
    const nTypes = this.types.reduce((x, y) => x + y, 0) || 1;
    const prior = new Float32Array(C);
    for (let c = 0; c < C; c++) prior[c] = quant(TEMP * Math.log((this.types[c] + 1) / (nTypes + C)));
    return new CompiledCharModel(ids, logp, prior, unseen);
  }

  static fromTypes(types: Iterable<[string, number]>): CharModel {
    const m = new CharModel();
    for (const [w, c] of types) m.add(w, c);
    return m;
  }
}

export class CompiledCharModel {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(
    readonly ids: Uint32Array,
    /** Tempered log P(n-gram | class), C per n-gram. */
    readonly logp: Float32Array,
    readonly prior: Float32Array,
    readonly unseen: Float32Array,
  ) {
    let size = 16;
    while (size < ids.length * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < ids.length; r++) {
      let h = ids[r] & this.mask;
      while (this.rows[h] >= 0 && this.keys[h] !== ids[r]) h = (h + 1) & this.mask;
      this.keys[h] = ids[r];
      this.rows[h] = r;
    }
  }

  private row(id: number): number {
    let h = id & this.mask;
    for (;;) {
      const r = this.rows[h];
      if (r < 0) return -1;
      if (this.keys[h] === id) return r;
      h = (h + 1) & this.mask;
    }
  }

  /** Posterior over classes (length C). */
  posterior(word: string): Float64Array {
    const lp = new Float64Array(C);
    for (let c = 0; c < C; c++) lp[c] = this.prior[c];
    for (const g of charGrams(word)) {
      const r = this.row(g);
      if (r < 0) for (let c = 0; c < C; c++) lp[c] += this.unseen[c];
      else for (let c = 0; c < C; c++) lp[c] += this.logp[r * C + c];
    }
    let m = -Infinity;
    for (let c = 0; c < C; c++) if (lp[c] > m) m = lp[c];
    let z = 0;
    for (let c = 0; c < C; c++) { lp[c] = Math.exp(lp[c] - m); z += lp[c]; }
    for (let c = 0; c < C; c++) lp[c] /= z;
    return lp;
  }

  /** A feature value: the most likely class with a confidence bucket, e.g. 'PER:2:E3'; null for short words. */
  verdict(word: string): string | null {
    if (word.length < 2) return null;
    const p = this.posterior(word);
    let best = 0;
    for (let c = 1; c < C; c++) if (p[c] > p[best]) best = c;
    const pb = p[best];
    const bucket = pb > 0.9 ? 3 : pb > 0.7 ? 2 : pb > 0.5 ? 1 : 0;
    const pe = 1 - p[0];
    const e = pe > 0.8 ? 'E3' : pe > 0.5 ? 'E2' : pe > 0.2 ? 'E1' : 'E0';
    return `${CHAR_CLASSES[best]}:${bucket}:${e}`;
  }

  /** Binary form: "MECH", n, ids (uint32 × n), then log-probabilities, priors and defaults as int16 in units of 1/4096. */
  toBuffer(): Buffer {
    const n = this.ids.length;
    const head = Buffer.alloc(8);
    head.writeUInt32LE(0x4843454d, 0); // "MECH"
    head.writeUInt32LE(n, 4);
    const n2 = this.logp.length;
    const q = new Int16Array(n2 + 2 * C);
    for (let i = 0; i < n2; i++) q[i] = Math.round(this.logp[i] * Q);
    for (let c = 0; c < C; c++) { q[n2 + c] = Math.round(this.prior[c] * Q); q[n2 + C + c] = Math.round(this.unseen[c] * Q); }
    return Buffer.concat([head, Buffer.from(this.ids.buffer, this.ids.byteOffset, this.ids.byteLength), Buffer.from(q.buffer)]);
  }

  static fromBuffer(buf: Buffer): CompiledCharModel {
    if (buf.readUInt32LE(0) !== 0x4843454d) throw new Error('not a character model');
    const n = buf.readUInt32LE(4);
    const ids = new Uint32Array(n);
    Buffer.from(ids.buffer).set(buf.subarray(8, 8 + n * 4));
    const q = new Int16Array(n * C + 2 * C);
    Buffer.from(q.buffer).set(buf.subarray(8 + n * 4, 8 + n * 4 + q.length * 2));
    const f = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) f[i] = q[i] / Q;
    return new CompiledCharModel(ids, f.subarray(0, n * C), f.subarray(n * C, n * C + C), f.subarray(n * C + C));
  }
}

/**
 * Word types of a labelled corpus with their majority class (entity types win
 * ties over O). Keys are the words' stems.
 */
export function wordTypeClasses(sentences: ReadonlyArray<{ stems: readonly string[]; tags: readonly string[] }>): Map<string, number> {
  const counts = new Map<string, Float64Array>();
  for (const s of sentences) {
    s.stems.forEach((w, i) => {
      const t = s.tags[i];
      const cls = t === 'O' ? 0 : Math.max(0, CHAR_CLASSES.indexOf(t.slice(2) as (typeof CHAR_CLASSES)[number]));
      let a = counts.get(w);
      if (!a) { a = new Float64Array(C); counts.set(w, a); }
      a[cls]++;
    });
  }
  const out = new Map<string, number>();
  for (const [w, a] of counts) {
    let best = 0;
    for (let c = 1; c < C; c++) if (a[c] > a[best] || (a[c] === a[best] && a[c] > 0 && best === 0)) best = c;
    out.set(w, best);
  }
  return out;
}
