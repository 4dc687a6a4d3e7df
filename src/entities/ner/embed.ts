/**
 * Word embeddings and their clusters, a second unsupervised word representation
 * beside the Brown clusters (Turian et al. 2010; Guo et al. 2014: clusters of
 * embeddings add to Brown clusters as NER features). Skip-gram with negative
 * sampling (Mikolov et al. 2013) over the same light stems as the Brown
 * clustering, then spherical k-means into `fine` clusters, and the fine centroids
 * clustered again into coarser ones: each word gets one id per granularity.
 * Training only (scripts/brown-clusters.ts); the ids ship in words.bin.
 */

/** Mulberry32: a small seeded PRNG in [0, 1). */
function rngFloat(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Word2VecOptions {
  dim: number;
  window: number;
  negative: number;
  epochs: number;
  /** Initial learning rate (decays linearly to 1e-4 of it). */
  alpha: number;
  /** Subsampling threshold of frequent words. */
  sample: number;
  seed: number;
}

export const DEFAULT_WORD2VEC: Word2VecOptions = { dim: 100, window: 5, negative: 5, epochs: 5, alpha: 0.025, sample: 1e-4, seed: 1 };

/**
 * Skip-gram vectors (V × dim, row-major) for a corpus given as word ids
 * (-1: a break between lines or an out-of-vocabulary word, which is skipped).
 */
export function word2vec(seq: Int32Array, V: number, opts: Partial<Word2VecOptions> = {}, log?: (m: string) => void): Float32Array {
  const o = { ...DEFAULT_WORD2VEC, ...opts };
  const D = o.dim;
  const rand = rngFloat(o.seed);
  const counts = new Float64Array(V);
  let total = 0;
  for (const w of seq) if (w >= 0) { counts[w]++; total++; }
  // Unigram^0.75 table for negative samples.
  const TABLE = 1 << 22;
  const table = new Int32Array(TABLE);
  let z = 0;
  for (let w = 0; w < V; w++) z += Math.pow(counts[w], 0.75);
  let acc = 0, w = 0;
  for (let i = 0; i < TABLE; i++) {
    if (i / TABLE > acc / z && w < V) { acc += Math.pow(counts[w], 0.75); w++; }
    table[i] = Math.max(0, w - 1);
  }
  const keep = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const f = counts[v] / total;
    keep[v] = f > 0 ? Math.min(1, (Math.sqrt(f / o.sample) + 1) * (o.sample / f)) : 1;
  }
  const inV = new Float32Array(V * D), outV = new Float32Array(V * D);
  for (let i = 0; i < inV.length; i++) inV[i] = (rand() - 0.5) / D;
  const grad = new Float32Array(D);
  const sent: number[] = [];
  const steps = o.epochs * total;
  let done = 0;
  const t0 = Date.now();
  for (let ep = 0; ep < o.epochs; ep++) {
    let i = 0;
    while (i < seq.length) {
      // One line (up to a break), subsampled.
      sent.length = 0;
      while (i < seq.length && seq[i] >= 0) { const x = seq[i++]; done++; if (rand() < keep[x]) sent.push(x); }
      while (i < seq.length && seq[i] < 0) i++;
      const lr = Math.max(o.alpha * 1e-4, o.alpha * (1 - done / steps));
      for (let p = 0; p < sent.length; p++) {
        const b = 1 + Math.floor(rand() * o.window);
        const center = sent[p];
        for (let q = Math.max(0, p - b); q <= Math.min(sent.length - 1, p + b); q++) {
          if (q === p) continue;
          const ctx = sent[q];
          const ci = ctx * D;
          grad.fill(0);
          for (let k = 0; k <= o.negative; k++) {
            let target: number, label: number;
            if (k === 0) { target = center; label = 1; } else {
              target = table[Math.floor(rand() * TABLE)];
              if (target === center) continue;
              label = 0;
            }
            const ti = target * D;
            let dot = 0;
            for (let d = 0; d < D; d++) dot += inV[ci + d] * outV[ti + d];
            const sig = dot > 6 ? 1 : dot < -6 ? 0 : 1 / (1 + Math.exp(-dot));
            const g = (label - sig) * lr;
            for (let d = 0; d < D; d++) { grad[d] += g * outV[ti + d]; outV[ti + d] += g * inV[ci + d]; }
          }
          for (let d = 0; d < D; d++) inV[ci + d] += grad[d];
        }
      }
    }
    log?.(`  word2vec epoch ${ep + 1}/${o.epochs}, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  return inV;
}

/** Rows scaled to unit length (zero rows stay zero). */
export function normalizeRows(x: Float32Array, D: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let r = 0; r * D < x.length; r++) {
    let n = 0;
    for (let d = 0; d < D; d++) n += x[r * D + d] * x[r * D + d];
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < D; d++) out[r * D + d] = x[r * D + d] / n;
  }
  return out;
}

/**
 * Spherical k-means (cosine) of the unit rows of `x` (N × D), with optional row
 * weights for the centroids; returns each row's cluster and the centroids.
 */
export function kmeans(x: Float32Array, D: number, k: number, iters: number, seed: number, weights?: Float64Array): { assign: Int32Array; centroids: Float32Array } {
  const N = x.length / D;
  const rand = rngFloat(seed);
  const c = new Float32Array(k * D);
  // Initial centroids: k distinct random rows.
  const picked = new Set<number>();
  for (let j = 0; j < k; j++) {
    let r = Math.floor(rand() * N);
    while (picked.has(r) && picked.size < N) r = Math.floor(rand() * N);
    picked.add(r);
    c.set(x.subarray(r * D, r * D + D), j * D);
  }
  const assign = new Int32Array(N).fill(-1);
  for (let it = 0; it < iters; it++) {
    let changed = 0;
    for (let r = 0; r < N; r++) {
      let best = 0, bestDot = -Infinity;
      const ro = r * D;
      for (let j = 0; j < k; j++) {
        const jo = j * D;
        let dot = 0;
        for (let d = 0; d < D; d++) dot += x[ro + d] * c[jo + d];
        if (dot > bestDot) { bestDot = dot; best = j; }
      }
      if (assign[r] !== best) { assign[r] = best; changed++; }
    }
    c.fill(0);
    for (let r = 0; r < N; r++) {
      const jo = assign[r] * D, ro = r * D, wt = weights ? weights[r] : 1;
      for (let d = 0; d < D; d++) c[jo + d] += wt * x[ro + d];
    }
    const unit = normalizeRows(c, D);
    // An empty cluster takes a random row.
    for (let j = 0; j < k; j++) {
      let n = 0;
      for (let d = 0; d < D; d++) n += Math.abs(unit[j * D + d]);
      if (n === 0) { const r = Math.floor(rand() * N); unit.set(x.subarray(r * D, r * D + D), j * D); }
    }
    c.set(unit);
    if (changed === 0) break;
  }
  return { assign, centroids: c };
}
