/**
 * Brown clustering (Brown et al. 1992) with the windowed algorithm of Liang (2005):
 * words are added by decreasing frequency into a window of C+1 active clusters;
 * after each addition the pair whose merge loses the least average mutual
 * information between adjacent clusters is merged. When all words are in, the
 * remaining clusters are merged down to one. The merge tree gives each word a
 * bit string (0 = left, 1 = right) whose prefixes are coarser clusters.
 *
 * Cost: O(V·C²) time, O(C²) memory besides the bigram lists.
 */

export interface BrownOptions {
  /** Window size C (number of clusters at the bottom level). */
  clusters: number;
  /** Called every `every` steps with (step, total). */
  progress?: (step: number, total: number) => void;
  /** Debug: every `check` steps, report the largest incremental-vs-fresh loss gap. */
  check?: number;
  onCheck?: (gap: number) => void;
}

/**
 * `seq`: the corpus as word ids (0 = most frequent, ids sorted by decreasing
 * frequency), -1 for out-of-vocabulary words and sentence boundaries (no bigram
 * crosses a -1). `vocab` is the number of ids. Returns each word's bit string.
 */
export function brownClusters(seq: Int32Array, vocab: number, opts: BrownOptions): string[] {
  const V = vocab;
  const C = Math.min(opts.clusters, V);
  const K = C + 1;

  // Bigram counts as adjacency lists (CSR), both directions.
  const pairCounts = new Map<number, number>();
  const leftMarg = new Float64Array(V);
  const rightMarg = new Float64Array(V);
  let total = 0;
  for (let t = 0; t + 1 < seq.length; t++) {
    const a = seq[t], b = seq[t + 1];
    if (a < 0 || b < 0) continue;
    const key = a * V + b;
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
    leftMarg[a]++;
    rightMarg[b]++;
    total++;
  }
  const rightStart = new Int32Array(V + 1), leftStart = new Int32Array(V + 1);
  for (const key of pairCounts.keys()) {
    const a = Math.floor(key / V), b = key - a * V;
    rightStart[a + 1]++;
    leftStart[b + 1]++;
  }
  for (let i = 0; i < V; i++) { rightStart[i + 1] += rightStart[i]; leftStart[i + 1] += leftStart[i]; }
  const E = pairCounts.size;
  const rightNb = new Int32Array(E), rightCt = new Float64Array(E);
  const leftNb = new Int32Array(E), leftCt = new Float64Array(E);
  {
    const rp = rightStart.slice(0, V), lp = leftStart.slice(0, V);
    for (const [key, c] of pairCounts) {
      const a = Math.floor(key / V), b = key - a * V;
      rightNb[rp[a]] = b; rightCt[rp[a]++] = c;
      leftNb[lp[b]] = a; leftCt[lp[b]++] = c;
    }
  }
  pairCounts.clear();
  // Words with no bigram at all still need a marginal to avoid log(0).
  for (let i = 0; i < V; i++) { if (leftMarg[i] === 0) leftMarg[i] = 1e-9; if (rightMarg[i] === 0) rightMarg[i] = 1e-9; }

  const N = total || 1;
  const logN = Math.log(N);
  const invN = 1 / N;

  // Active slots.
  const active = new Uint8Array(K);
  const node = new Int32Array(K); // tree node held by the slot (final phase)
  const nl = new Float64Array(K), nr = new Float64Array(K); // marginals
  const lnl = new Float64Array(K), lnr = new Float64Array(K);
  const P = new Float64Array(K * K); // P[s*K+t] = count(s then t)
  const Q = new Float64Array(K * K); // q(s,t)
  const S = new Float64Array(K); // s(i)
  const L = new Float64Array(K * K); // loss of merging (i<j), stored at [i*K+j]
  const ML = new Float64Array(K * K); // log of the merged left marginal of (i<j)
  const MR = new Float64Array(K * K); // log of the merged right marginal of (i<j)
  const slotOfWord = new Int32Array(V).fill(-1);
  const members: number[][] = Array.from({ length: K }, () => []);

  // Tree over the final C clusters (Liang's paths): leaves 0..C-1 are clusters,
  // internal nodes C.. are the merges after the last word came in. Words share
  // their cluster's bit string.
  const leftChild: number[] = [], rightChild: number[] = [];
  let final = false;

  const q = (n: number, lognl: number, lognr: number): number =>
    n > 0 ? n * invN * (Math.log(n) + logN - lognl - lognr) : 0;

  /** Loss of merging slots i and j (computed from scratch, O(K)). */
  function lossFresh(i: number, j: number): number {
    const mlnl = Math.log(nl[i] + nl[j]), mlnr = Math.log(nr[i] + nr[j]);
    ML[i * K + j] = mlnl; MR[i * K + j] = mlnr;
    let added = q(P[i * K + i] + P[i * K + j] + P[j * K + i] + P[j * K + j], mlnl, mlnr);
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === i || x === j) continue;
      added += q(P[i * K + x] + P[j * K + x], mlnl, lnr[x]);
      added += q(P[x * K + i] + P[x * K + j], lnl[x], mlnr);
    }
    return S[i] + S[j] - Q[i * K + j] - Q[j * K + i] - added;
  }

  /** The terms of cluster c in the loss of pair (i, j), c ∉ {i, j}. */
  function termOf(c: number, i: number, j: number, mlnl: number, mlnr: number): number {
    return Q[i * K + c] + Q[c * K + i] + Q[j * K + c] + Q[c * K + j]
      - q(P[i * K + c] + P[j * K + c], mlnl, lnr[c])
      - q(P[c * K + i] + P[c * K + j], lnl[c], mlnr);
  }

  function recomputeS(i: number): void {
    let s = -Q[i * K + i];
    for (let x = 0; x < K; x++) if (active[x]) s += Q[i * K + x] + Q[x * K + i];
    S[i] = s;
  }

  /** Places word w into free slot k: counts, q, s, and the k-terms of every other pair. */
  function addWord(w: number, k: number): void {
    active[k] = 1;
    node[k] = -1;
    members[k] = [w];
    slotOfWord[w] = k;
    nl[k] = leftMarg[w]; nr[k] = rightMarg[w];
    lnl[k] = Math.log(nl[k]); lnr[k] = Math.log(nr[k]);
    for (let x = 0; x < K; x++) { P[k * K + x] = 0; P[x * K + k] = 0; }
    for (let e = rightStart[w]; e < rightStart[w + 1]; e++) {
      const s = slotOfWord[rightNb[e]];
      if (s >= 0) P[k * K + s] += rightCt[e];
    }
    for (let e = leftStart[w]; e < leftStart[w + 1]; e++) {
      const s = slotOfWord[leftNb[e]];
      if (s >= 0 && s !== k) P[s * K + k] += leftCt[e];
    }
    for (let x = 0; x < K; x++) {
      if (!active[x]) { Q[k * K + x] = 0; Q[x * K + k] = 0; continue; }
      Q[k * K + x] = q(P[k * K + x], lnl[k], lnr[x]);
      Q[x * K + k] = q(P[x * K + k], lnl[x], lnr[k]);
    }
    for (let x = 0; x < K; x++) if (active[x] && x !== k) S[x] += Q[x * K + k] + Q[k * K + x];
    recomputeS(k);
  }

  /** After adding slot k: update the loss of every older pair, then compute k's pairs. */
  function lossesAfterAdd(k: number): void {
    for (let i = 0; i < K; i++) {
      if (!active[i] || i === k) continue;
      for (let j = i + 1; j < K; j++) {
        if (!active[j] || j === k) continue;
        const mlnl = ML[i * K + j], mlnr = MR[i * K + j];
        L[i * K + j] += termOf(k, i, j, mlnl, mlnr);
      }
    }
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === k) continue;
      const i = Math.min(x, k), j = Math.max(x, k);
      L[i * K + j] = lossFresh(i, j);
    }
  }

  /** Debug: the largest gap between the incremental and the fresh losses. */
  function check(): number {
    let worst = 0;
    for (let i = 0; i < K; i++) {
      if (!active[i]) continue;
      for (let j = i + 1; j < K; j++) if (active[j]) worst = Math.max(worst, Math.abs(L[i * K + j] - lossFresh(i, j)));
    }
    return worst;
  }

  function bestPair(): [number, number] {
    let best = Infinity, bi = -1, bj = -1;
    for (let i = 0; i < K; i++) {
      if (!active[i]) continue;
      for (let j = i + 1; j < K; j++) {
        if (!active[j]) continue;
        const l = L[i * K + j];
        if (l < best) { best = l; bi = i; bj = j; }
      }
    }
    return [bi, bj];
  }

  /** Merges slot b into slot a. */
  function merge(a: number, b: number): void {
    // Old terms of a and b leave every other pair's loss.
    for (let i = 0; i < K; i++) {
      if (!active[i] || i === a || i === b) continue;
      for (let j = i + 1; j < K; j++) {
        if (!active[j] || j === a || j === b) continue;
        const mlnl = ML[i * K + j], mlnr = MR[i * K + j];
        L[i * K + j] -= termOf(a, i, j, mlnl, mlnr) + termOf(b, i, j, mlnl, mlnr);
      }
    }
    // s of the others loses a and b.
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === a || x === b) continue;
      S[x] -= Q[x * K + a] + Q[a * K + x] + Q[x * K + b] + Q[b * K + x];
    }
    // Merge counts.
    const paa = P[a * K + a] + P[a * K + b] + P[b * K + a] + P[b * K + b];
    for (let x = 0; x < K; x++) {
      if (x === a || x === b) continue;
      P[a * K + x] += P[b * K + x];
      P[x * K + a] += P[x * K + b];
    }
    P[a * K + a] = paa;
    for (let x = 0; x < K; x++) { P[b * K + x] = 0; P[x * K + b] = 0; Q[b * K + x] = 0; Q[x * K + b] = 0; }
    nl[a] += nl[b]; nr[a] += nr[b];
    lnl[a] = Math.log(nl[a]); lnr[a] = Math.log(nr[a]);
    active[b] = 0;
    for (const w of members[b]) { slotOfWord[w] = a; members[a].push(w); }
    members[b] = [];
    if (final) {
      leftChild.push(node[a]);
      rightChild.push(node[b]);
      node[a] = C + leftChild.length - 1;
    }
    for (let x = 0; x < K; x++) {
      if (!active[x]) continue;
      Q[a * K + x] = q(P[a * K + x], lnl[a], lnr[x]);
      Q[x * K + a] = q(P[x * K + a], lnl[x], lnr[a]);
    }
    for (let x = 0; x < K; x++) if (active[x] && x !== a) S[x] += Q[x * K + a] + Q[a * K + x];
    recomputeS(a);
    // New terms of the merged cluster.
    for (let i = 0; i < K; i++) {
      if (!active[i] || i === a) continue;
      for (let j = i + 1; j < K; j++) {
        if (!active[j] || j === a) continue;
        const mlnl = ML[i * K + j], mlnr = MR[i * K + j];
        L[i * K + j] += termOf(a, i, j, mlnl, mlnr);
      }
    }
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === a) continue;
      const i = Math.min(x, a), j = Math.max(x, a);
      L[i * K + j] = lossFresh(i, j);
    }
  }

  // Initial window: the C most frequent words.
  for (let w = 0; w < C; w++) addWord(w, w);
  for (let i = 0; i < K; i++) {
    if (!active[i]) continue;
    for (let j = i + 1; j < K; j++) if (active[j]) L[i * K + j] = lossFresh(i, j);
  }
  const totalSteps = V - 1;
  let step = 0;
  let free = C;
  for (let w = C; w < V; w++) {
    addWord(w, free);
    lossesAfterAdd(free);
    const [a, b] = bestPair();
    merge(a, b);
    free = b;
    step++;
    if (opts.progress && step % 500 === 0) opts.progress(step, totalSteps);
    if (opts.check && step % opts.check === 0) opts.onCheck?.(check());
  }
  // Merge the window down to one cluster, building the tree.
  const leafOfSlot = new Int32Array(K).fill(-1);
  let leaves = 0;
  for (let i = 0; i < K; i++) if (active[i]) { leafOfSlot[i] = leaves; node[i] = leaves++; }
  const wordLeaf = new Int32Array(V);
  for (let i = 0; i < K; i++) for (const w of members[i]) wordLeaf[w] = leafOfSlot[i];
  final = true;
  for (;;) {
    let n = 0;
    for (let i = 0; i < K; i++) n += active[i];
    if (n <= 1) break;
    const [a, b] = bestPair();
    merge(a, b);
    step++;
  }
  const leafBits: string[] = new Array(leaves).fill('0');
  if (leaves > 1) {
    const root = C + leftChild.length - 1;
    const stack: Array<[number, string]> = [[root, '']];
    while (stack.length) {
      const [nd, path] = stack.pop()!;
      if (nd < C) { leafBits[nd] = path; continue; }
      const m = nd - C;
      stack.push([leftChild[m], path + '0']);
      stack.push([rightChild[m], path + '1']);
    }
  }
  const bits: string[] = new Array(V);
  for (let w = 0; w < V; w++) bits[w] = leafBits[wordLeaf[w]];
  return bits;
}
