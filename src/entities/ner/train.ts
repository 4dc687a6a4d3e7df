/**
 * Training: an averaged structured perceptron (Collins 2002) over the features of
 * `features.ts`, decoded with constrained first-order Viterbi, then pruned and
 * quantised into a `NerModel`.
 *
 * The gazetteer feature is trained honestly: a training sentence sees only names
 * from the *other* folds of the training data (jackknifing, in blocks of
 * consecutive sentences so a story's repeated names do not leak), and each match
 * is further dropped with probability `gazDropout`. The shipped gazetteer holds
 * all training names.
 */
import { viterbi } from './decoder.js';
import { addExternalGazetteer, analyzeWord, extractFeatures, identityCount, segmenterFingerprint, MAX_FEATURES, type FeatureConfig, type WordInfo } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { CharModel, CompiledCharModel, wordTypeClasses } from './charmodel.js';
import { DomainClassifier } from './domain.js';
import { hashString } from './hash.js';
import { normalize } from '../../arabic/normalize.js';
import { stemWord } from './stem.js';
import { LABEL_INDEX, NUM_LABELS, allowed, spansOf, type NerType } from './labels.js';
import { NerModel, documentTags, type ModelHeader } from './model.js';
import type { WordResources } from './resources.js';

const L = NUM_LABELS;

export interface TrainSentence {
  words: string[];
  tags: string[];
  /** Domain id (1 news, 2 wiki). */
  domain: number;
  /**
   * Knowledge-base matches per token, as tagging gets them from its caller
   * (`TagOptions.gazetteer`, e.g. 'B-LOC-gaz'), so the model learns how far to trust them.
   */
  gazetteer?: ReadonlyArray<readonly string[] | undefined>;
}

export interface TrainOptions {
  epochs: number;
  /** Keep features seen at least this many times in training. */
  minCount: number;
  /** Document features: sentences per pseudo-document, and the dropout of a name. */
  docBlock?: number;
  docDropout?: number;
  /** Jackknife folds for the gazetteer feature (0 = no gazetteer). */
  gazFolds: number;
  /** Block size (sentences) of the jackknife folds. */
  gazBlock: number;
  /** Flag gazetteer names that are more often not entities (default true). */
  gazWeak?: boolean;
  /** Probability of dropping a gazetteer match in training. */
  gazDropout: number;
  /** Probability, per token and epoch, of hiding its word-identity features (simulates unseen words). */
  wordDropout?: number;
  /** Weights with |w| below this (after averaging) are dropped. */
  prune: number;
  seed: number;
  /** Perceptron: average this many runs with different shuffles (default 1). */
  ensemble?: number;
  /** With an ensemble: the fraction of sentences each run sees (bagging; default 1). */
  bag?: number;
  /** 'perceptron' (averaged structured perceptron) or 'crf' (linear-chain CRF, SGD with L2). */
  algorithm?: 'perceptron' | 'crf';
  /** CRF: L2 coefficient over the whole training set (crfsuite's c2). */
  c2?: number;
  /** CRF: initial learning rate. */
  eta0?: number;
  /** Called after each epoch with the averaged model, e.g. to measure on dev. */
  onEpoch?: (epoch: number, model: () => NerModel) => void;
  log?: (msg: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 10,
  ensemble: 5,
  minCount: 1,
  gazFolds: 5,
  gazBlock: 40,
  gazDropout: 0.1,
  prune: 0.6,
  seed: 1,
};

/** Mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds a sentence's entity spans to a gazetteer. */
function addNames(g: Gazetteer, keys: readonly string[], tags: readonly string[]): void {
  for (const sp of spansOf(tags)) g.addKeys(keys.slice(sp.start, sp.end), sp.type as NerType);
}

export function train(
  sentences: readonly TrainSentence[],
  res: WordResources,
  cfg: FeatureConfig,
  opts: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  info: Record<string, unknown> = {},
): NerModel {
  const log = opts.log ?? (() => {});
  const rand = rng(opts.seed);
  // Genre classifier, so that tagging can choose the domain copy itself.
  const domains = new Set(sentences.map((s) => s.domain));
  const genre = cfg.domainAugment && domains.has(1) && domains.has(2)
    ? DomainClassifier.train(sentences.map((s) => ({ words: s.words, genre: s.domain === 2 ? 'wiki' as const : 'news' as const })))
    : null;
  // Character model: all word types for tagging; per word-type fold for training features.
  let charTypes: Map<string, number> | null = null;
  let charModel: CompiledCharModel | null = null;
  let verdict: ((stem: string) => string | null) | undefined;
  if (cfg.charModel) {
    const stemOf = new Map<string, string>();
    const stem = (w: string): string => {
      let s = stemOf.get(w);
      if (s === undefined) { s = stemWord(normalize(w) || w, res).stem; stemOf.set(w, s); }
      return s;
    };
    charTypes = new Map([...wordTypeClasses(sentences.map((s) => ({ stems: s.words.map(stem), tags: s.tags })))]
      .filter(([w]) => /[\u0621-\u064aa-z]/.test(w)));
    const CF = 5;
    const foldModels = Array.from({ length: CF }, () => new CharModel());
    const foldOfType = (w: string): number => hashString(w) % CF;
    for (const [w, c] of charTypes) { const f = foldOfType(w); foldModels.forEach((m, k) => { if (k !== f) m.add(w, c); }); }
    const compiled = foldModels.map((m) => m.compile());
    verdict = (s: string) => compiled[foldOfType(s)].verdict(s);
    charModel = CharModel.fromTypes(charTypes).compile();
  }
  const cache = new Map<string, WordInfo>();
  const analyze = (w: string): WordInfo => {
    let x = cache.get(w);
    if (!x) { x = analyzeWord(w, res, cfg, verdict); cache.set(w, x); }
    return x;
  };
  const infos = sentences.map((s) => s.words.map(analyze));
  const keys = infos.map((ws) => ws.map((w) => w.light));
  const alts = infos.map((ws) => ws.map((w) => w.alt));

  // Gazetteers: the full one (shipped) and one per fold (for training features).
  const full = new Gazetteer(res);
  sentences.forEach((s, i) => addNames(full, keys[i], s.tags));
  const labelled = sentences.map((s, i) => ({ keys: keys[i], alts: alts[i], spans: spansOf(s.tags) }));
  if (opts.gazWeak ?? true) full.markWeak(labelled);
  const K = opts.gazFolds;
  const foldOf = (i: number): number => Math.floor(i / opts.gazBlock) % K;
  const folds: Gazetteer[] = [];
  for (let k = 0; k < K; k++) {
    const g = new Gazetteer(res);
    sentences.forEach((s, i) => { if (foldOf(i) !== k) addNames(g, keys[i], s.tags); });
    if (opts.gazWeak ?? true) g.markWeak(labelled.filter((_, i) => foldOf(i) !== k));
    folds.push(g);
  }

  // Document features: pseudo-documents are blocks of consecutive sentences (of one corpus);
  // a sentence sees the gold names of the other sentences of its block, each name
  // (type and words) dropped with probability docDropout.
  const docBlock = opts.docBlock ?? 30, docDrop = opts.docDropout ?? 0.3;
  const goldNames = sentences.map((s, si) => spansOf(s.tags).map((sp) => ({ keys: keys[si].slice(sp.start, sp.end), type: sp.type as NerType })));
  const blockStart = new Int32Array(sentences.length), blockEnd = new Int32Array(sentences.length);
  for (let a = 0; a < sentences.length;) {
    let b = a + 1;
    while (b < sentences.length && b - a < docBlock && sentences[b].domain === sentences[a].domain) b++;
    for (let t = a; t < b; t++) { blockStart[t] = a; blockEnd[t] = b; }
    a = b;
  }
  const docTagsOf = (si: number): Array<string[] | undefined> | null => {
    const found: Array<Array<{ keys: string[]; type: NerType }>> = [];
    const kept = new Map<string, boolean>();
    for (let t = blockStart[si]; t < blockEnd[si]; t++) {
      if (t === si) continue;
      found.push(goldNames[t].filter((f) => {
        const k = f.type + ':' + f.keys.join(' ');
        let keep = kept.get(k);
        if (keep === undefined) { keep = rand() >= docDrop; kept.set(k, keep); }
        return keep;
      }));
    }
    return documentTags(found, -1, keys[si], alts[si], res) as Array<string[] | undefined> | null;
  };

  // Features of every token.
  const buf = new Uint32Array(MAX_FEATURES);
  const tokFeatStart: number[] = [0];
  const tokIdent: number[] = [];
  const featIds: number[] = [];
  const counts = new Map<number, number>();
  for (let si = 0; si < sentences.length; si++) {
    const vs = infos[si].map((w) => w.v);
    let gaz: Array<string[] | undefined> | null = null;
    if (K > 0) {
      gaz = folds[foldOf(si)].tagKeys(keys[si], alts[si]);
      if (opts.gazDropout > 0) {
        for (let i = 0; i < gaz.length; i++) {
          const g = gaz[i];
          if (g) gaz[i] = g.filter(() => rand() >= opts.gazDropout);
        }
      }
    }
    const extra = sentences[si].gazetteer;
    if (extra) gaz = addExternalGazetteer(gaz, vs.length, (i) => extra[i], cfg);
    const doc = cfg.docFeatures ? docTagsOf(si) : null;
    for (let i = 0; i < vs.length; i++) {
      const m = extractFeatures(vs, i, cfg, buf, gaz, sentences[si].domain, infos[si][i].grams, doc);
      tokIdent.push(identityCount);
      for (let f = 0; f < m; f++) {
        featIds.push(buf[f]);
        counts.set(buf[f], (counts.get(buf[f]) ?? 0) + 1);
      }
      tokFeatStart.push(featIds.length);
    }
  }
  const rowOf = new Map<number, number>();
  const idList: number[] = [];
  for (const [id, c] of counts) if (c >= opts.minCount) { rowOf.set(id, idList.length); idList.push(id); }
  const R = idList.length;
  const tokRows = new Int32Array(featIds.length);
  for (let j = 0; j < featIds.length; j++) tokRows[j] = rowOf.get(featIds[j]) ?? -1;
  const tokStart = Int32Array.from(tokFeatStart);
  const identN = Int32Array.from(tokIdent);
  const sentTok = new Int32Array(sentences.length + 1);
  for (let s = 0; s < sentences.length; s++) sentTok[s + 1] = sentTok[s] + sentences[s].words.length;
  const gold = new Int32Array(sentTok[sentences.length]);
  let repaired = 0;
  sentences.forEach((s, si) => s.tags.forEach((t, i) => {
    let y = LABEL_INDEX.get(t) ?? 0;
    // An I-X that does not continue an X span opens one (conlleval reading): make it B-X.
    if (!allowed(i ? gold[sentTok[si] + i - 1] : -1, y)) { y -= 1; repaired++; }
    gold[sentTok[si] + i] = y;
  }));
  if (repaired) log(`${repaired} stray I- tags read as B-`);
  log(`${sentences.length} sentences, ${gold.length} tokens, ${counts.size} features, ${R} kept (count ≥ ${opts.minCount})`);

  const data: TrainData = { R, tokRows, tokStart, sentTok, gold, idList };
  if (opts.algorithm === 'crf') return trainCrf(data, cfg, res, full, opts, info, charModel, genre);

  // Averaged perceptron, `ensemble` runs with different shuffles whose averaged weights are averaged.
  const runs = Math.max(1, opts.ensemble ?? 1);
  const NT = L * L + 2 * L;
  const sumW = new Float64Array(R * L), sumT = new Float64Array(NT);
  for (let run = 0; run < runs; run++) {
    const [rw, rt] = perceptronRun(run);
    for (let i = 0; i < sumW.length; i++) sumW[i] += rw[i] / runs;
    for (let i = 0; i < NT; i++) sumT[i] += rt[i] / runs;
  }
  return buildModel(sumW, new Float64Array(R * L), sumT, new Float64Array(NT), 1, idList, cfg, res, full, opts.prune, info, charModel, genre);

  function perceptronRun(run: number): [Float64Array, Float64Array] {
  const rand = rng(opts.seed * 7919 + run * 104729 + 1);
  const w = new Float64Array(R * L), u = new Float64Array(R * L);
  const tw = new Float64Array(NT), tu = new Float64Array(NT);
  let c = 1;
  const bag = opts.bag ?? 1;
  const order = runs > 1 && bag < 1 ? Array.from(sentences.keys()).filter(() => rand() < bag) : Array.from(sentences.keys());
  const emit = new Float64Array(512 * L);
  let pred = new Int32Array(512);
  let first = new Int32Array(512);

  const upd = (r: number, y: number, d: number): void => { w[r * L + y] += d; u[r * L + y] += c * d; };
  const updT = (k: number, d: number): void => { tw[k] += d; tu[k] += c * d; };

  const snapshot = (): NerModel => buildModel(w, u, tw, tu, c, idList, cfg, res, full, opts.prune, info, charModel, genre);

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0;
    const pDrop = opts.wordDropout ?? 0;
    for (const si of order) {
      const t0 = sentTok[si], n = sentTok[si + 1] - t0;
      if (n === 0) continue;
      const em = n * L <= emit.length ? emit.subarray(0, n * L) : new Float64Array(n * L);
      em.fill(0);
      if (first.length < n) first = new Int32Array(n * 2);
      for (let i = 0; i < n; i++) first[i] = tokStart[t0 + i] + (pDrop > 0 && rand() < pDrop ? identN[t0 + i] : 0);
      for (let i = 0; i < n; i++) {
        const base = i * L;
        for (let f = first[i]; f < tokStart[t0 + i + 1]; f++) {
          const r = tokRows[f];
          if (r < 0) continue;
          const o = r * L;
          for (let y = 0; y < L; y++) em[base + y] += w[o + y];
        }
      }
      if (pred.length < n) pred = new Int32Array(n * 2);
      const p = viterbi(em, n, tw, tw.subarray(L * L, L * L + L), tw.subarray(L * L + L), pred.subarray(0, n));
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = gold[t0 + i], y = p[i];
        if (g !== y) {
          wrong = true;
          errors++;
          for (let f = first[i]; f < tokStart[t0 + i + 1]; f++) {
            const r = tokRows[f];
            if (r < 0) continue;
            upd(r, g, 1);
            upd(r, y, -1);
          }
        }
        const gp = i > 0 ? gold[t0 + i - 1] : -1, yp = i > 0 ? p[i - 1] : -1;
        if (g !== y || gp !== yp) {
          if (i === 0) { updT(L * L + g, 1); updT(L * L + y, -1); }
          else { updT(gp * L + g, 1); updT(yp * L + y, -1); }
        }
      }
      if (wrong) {
        const g = gold[t0 + n - 1], y = p[n - 1];
        if (g !== y) { updT(L * L + L + g, 1); updT(L * L + L + y, -1); }
      }
      c++;
    }
    log(`epoch ${epoch}: ${errors} token errors`);
    if (run === runs - 1) opts.onEpoch?.(epoch, snapshot);
  }
  const avgW = new Float64Array(R * L), avgT = new Float64Array(NT);
  for (let i = 0; i < avgW.length; i++) avgW[i] = w[i] - u[i] / c;
  for (let i = 0; i < NT; i++) avgT[i] = tw[i] - tu[i] / c;
  return [avgW, avgT];
  }
}

interface TrainData {
  R: number;
  /** Weight row of each token feature (-1: below the count cut-off). */
  tokRows: Int32Array;
  /** Token t's features are tokRows[tokStart[t] .. tokStart[t+1]). */
  tokStart: Int32Array;
  /** Sentence s's tokens are sentTok[s] .. sentTok[s+1]. */
  sentTok: Int32Array;
  gold: Int32Array;
  idList: number[];
}

function logSumExp(a: Float64Array, from: number, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (a[from + i] > m) m = a[from + i];
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(a[from + i] - m);
  return m + Math.log(s);
}

/**
 * Linear-chain CRF trained by stochastic gradient descent with L2 regularisation
 * (Bottou's schedule η_t = η0 / (1 + λ η0 t), weight decay by a global scale), forbidden
 * BIO transitions fixed at −∞.
 */
function trainCrf(
  d: TrainData, cfg: FeatureConfig, res: WordResources, gaz: Gazetteer, opts: TrainOptions, info: Record<string, unknown>,
  charModel: CompiledCharModel | null, genre: DomainClassifier | null,
): NerModel {
  const log = opts.log ?? (() => {});
  const rand = rng(opts.seed + 17);
  const { R, tokRows, tokStart, sentTok, gold } = d;
  const S = sentTok.length - 1;
  const NT = L * L + 2 * L;
  const v = new Float64Array(R * L);
  const tv = new Float64Array(NT);
  let scale = 1;
  const lambda = (opts.c2 ?? 1) / S;
  const eta0 = opts.eta0 ?? 0.1;
  let t = 0;
  const order = Array.from({ length: S }, (_, i) => i);
  let em = new Float64Array(256 * L), alpha = new Float64Array(256 * L), beta = new Float64Array(256 * L);
  const forbidden = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) for (let y = 0; y < L; y++) {
    const isI = y > 0 && y % 2 === 0;
    if (isI && (p === L || p === 0 || ((p - 1) >> 1) !== ((y - 1) >> 1))) forbidden[p * L + y] = 1;
  }
  const trans = new Float64Array(L * L), start = new Float64Array(L), end = new Float64Array(L);

  const snapshot = (): NerModel => {
    const w = new Float64Array(R * L);
    for (let i = 0; i < w.length; i++) w[i] = v[i] * scale;
    const tw = new Float64Array(NT);
    for (let i = 0; i < NT; i++) tw[i] = tv[i] * scale;
    return buildModel(w, new Float64Array(R * L), tw, new Float64Array(NT), 1, d.idList, cfg, res, gaz, opts.prune, info, charModel, genre);
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let loss = 0;
    for (const si of order) {
      const t0 = sentTok[si], n = sentTok[si + 1] - t0;
      if (n === 0) continue;
      const eta = eta0 / (1 + lambda * eta0 * t);
      t++;
      if (em.length < n * L) { em = new Float64Array(n * L * 2); alpha = new Float64Array(n * L * 2); beta = new Float64Array(n * L * 2); }
      // Scores with the current weights.
      for (let k = 0; k < L * L; k++) trans[k] = forbidden[Math.floor(k / L) * L + (k % L)] ? -Infinity : tv[k] * scale;
      for (let y = 0; y < L; y++) { start[y] = forbidden[L * L + y] ? -Infinity : tv[L * L + y] * scale; end[y] = tv[L * L + L + y] * scale; }
      em.fill(0, 0, n * L);
      for (let i = 0; i < n; i++) {
        const base = i * L;
        for (let f = tokStart[t0 + i]; f < tokStart[t0 + i + 1]; f++) {
          const r = tokRows[f];
          if (r < 0) continue;
          const o = r * L;
          for (let y = 0; y < L; y++) em[base + y] += v[o + y];
        }
        for (let y = 0; y < L; y++) em[base + y] *= scale;
      }
      // Forward.
      const tmp = new Float64Array(L);
      for (let y = 0; y < L; y++) alpha[y] = start[y] + em[y];
      for (let i = 1; i < n; i++) {
        for (let y = 0; y < L; y++) {
          for (let p = 0; p < L; p++) tmp[p] = alpha[(i - 1) * L + p] + trans[p * L + y];
          alpha[i * L + y] = logSumExp(tmp, 0, L) + em[i * L + y];
        }
      }
      for (let y = 0; y < L; y++) tmp[y] = alpha[(n - 1) * L + y] + end[y];
      const logZ = logSumExp(tmp, 0, L);
      // Backward.
      for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = end[y];
      for (let i = n - 2; i >= 0; i--) {
        for (let p = 0; p < L; p++) {
          for (let y = 0; y < L; y++) tmp[y] = trans[p * L + y] + em[(i + 1) * L + y] + beta[(i + 1) * L + y];
          beta[i * L + p] = logSumExp(tmp, 0, L);
        }
      }
      // Gold score for the loss.
      let goldScore = start[gold[t0]] + end[gold[t0 + n - 1]];
      for (let i = 0; i < n; i++) goldScore += em[i * L + gold[t0 + i]] + (i ? trans[gold[t0 + i - 1] * L + gold[t0 + i]] : 0);
      loss += logZ - goldScore;
      // Weight decay, then the gradient step (in scaled units).
      scale *= 1 - eta * lambda;
      const step = eta / scale;
      for (let i = 0; i < n; i++) {
        const g = gold[t0 + i];
        const base = i * L;
        const grad = tmp;
        for (let y = 0; y < L; y++) grad[y] = (y === g ? 1 : 0) - Math.exp(alpha[base + y] + beta[base + y] - logZ);
        for (let f = tokStart[t0 + i]; f < tokStart[t0 + i + 1]; f++) {
          const r = tokRows[f];
          if (r < 0) continue;
          const o = r * L;
          for (let y = 0; y < L; y++) v[o + y] += step * grad[y];
        }
      }
      // Transitions.
      for (let y = 0; y < L; y++) {
        tv[L * L + y] += step * ((y === gold[t0] ? 1 : 0) - Math.exp(alpha[y] + beta[y] - logZ));
        tv[L * L + L + y] += step * ((y === gold[t0 + n - 1] ? 1 : 0) - Math.exp(alpha[(n - 1) * L + y] + beta[(n - 1) * L + y] - logZ));
      }
      for (let i = 1; i < n; i++) {
        tv[gold[t0 + i - 1] * L + gold[t0 + i]] += step;
        for (let p = 0; p < L; p++) {
          const ap = alpha[(i - 1) * L + p];
          if (ap === -Infinity) continue;
          for (let y = 0; y < L; y++) {
            const tr = trans[p * L + y];
            if (tr === -Infinity) continue;
            tv[p * L + y] -= step * Math.exp(ap + tr + em[i * L + y] + beta[i * L + y] - logZ);
          }
        }
      }
      if (scale < 1e-6) {
        for (let k = 0; k < v.length; k++) v[k] *= scale;
        for (let k = 0; k < NT; k++) tv[k] *= scale;
        scale = 1;
      }
    }
    let norm = 0;
    for (let k = 0; k < v.length; k++) norm += v[k] * v[k];
    log(`epoch ${epoch}: loss ${loss.toFixed(1)}, |w|² ${(norm * scale * scale).toFixed(1)}`);
    opts.onEpoch?.(epoch, snapshot);
  }
  return snapshot();
}

/** Averages, prunes and quantises the perceptron into a model. */
function buildModel(
  w: Float64Array, u: Float64Array, tw: Float64Array, tu: Float64Array, c: number,
  idList: number[], cfg: FeatureConfig, res: WordResources, gaz: Gazetteer, prune: number,
  info: Record<string, unknown>, charModel: CompiledCharModel | null, genre: DomainClassifier | null = null,
): NerModel {
  const R = idList.length;
  const avg = new Float64Array(R * L);
  let maxAbs = 0;
  for (let i = 0; i < avg.length; i++) {
    const a = w[i] - u[i] / c;
    avg[i] = a;
    if (Math.abs(a) > maxAbs) maxAbs = Math.abs(a);
  }
  const scale = (maxAbs || 1) / 32767;
  const keepRows: number[] = [];
  for (let r = 0; r < R; r++) {
    let keep = false;
    for (let y = 0; y < L; y++) {
      const a = avg[r * L + y];
      if (Math.abs(a) < prune || Math.round(a / scale) === 0) avg[r * L + y] = 0;
      else keep = true;
    }
    if (keep) keepRows.push(r);
  }
  const ids = new Uint32Array(keepRows.length);
  const weights = new Float32Array(keepRows.length * L);
  keepRows.forEach((r, k) => {
    ids[k] = idList[r];
    for (let y = 0; y < L; y++) weights[k * L + y] = Math.round(avg[r * L + y] / scale) * scale;
  });
  const trans = new Float32Array(tw.length);
  for (let i = 0; i < tw.length; i++) trans[i] = tw[i] - tu[i] / c;
  const header: ModelHeader = {
    version: 2,
    labels: ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'],
    features: cfg,
    rows: ids.length,
    scale,
    ...(cfg.segmenter ? { segmenter: segmenterFingerprint() } : {}),
    info,
  };
  return new NerModel(header, ids, weights, trans, res, gaz, charModel, genre);
}
