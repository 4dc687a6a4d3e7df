/** First-order Viterbi decoding with BIO constraints (no I-X after O or another type). */
import { NUM_LABELS, allowed } from './labels.js';

const L = NUM_LABELS;

/** allowedMask[prev * L + cur] (prev = L means sentence start). */
export const ALLOWED: Uint8Array = (() => {
  const m = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) for (let c = 0; c < L; c++) m[p * L + c] = allowed(p === L ? -1 : p, c) ? 1 : 0;
  return m;
})();

/**
 * Best label sequence for `n` positions. `emit[i*L + y]` is the score of label y
 * at i; `trans[p*L + y]` of y after p; `start[y]` / `end[y]` of y first / last.
 * Forbidden transitions are never taken.
 */
export function viterbi(
  emit: ArrayLike<number>,
  n: number,
  trans: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  out: Int32Array = new Int32Array(n),
  work?: { score: Float64Array; back: Int32Array },
): Int32Array {
  if (n === 0) return out;
  if (work && work.score.length < n * L) { work.score = new Float64Array(n * L * 2); work.back = new Int32Array(n * L * 2); }
  const score = work ? work.score : new Float64Array(n * L);
  const back = work ? work.back : new Int32Array(n * L);
  for (let y = 0; y < L; y++) score[y] = ALLOWED[L * L + y] ? start[y] + emit[y] : -Infinity;
  for (let i = 1; i < n; i++) {
    const base = i * L, prevBase = (i - 1) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + y]) continue;
        const s = score[prevBase + p] + trans[p * L + y];
        if (s > best) { best = s; arg = p; }
      }
      score[base + y] = best + emit[base + y];
      back[base + y] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    const s = score[last + y] + end[y];
    if (s > best) { best = s; arg = y; }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]];
  return out;
}
