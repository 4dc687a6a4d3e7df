/**
 * The trained tagger: a hashed linear model (feature id → one weight per label),
 * label transitions, and the word resources the features need. Stored as
 *   weights.bin     magic "MNER", version, JSON header, feature ids (uint32),
 *                   weights (int16 × scale), transitions (float32)
 *   words.bin       word counts (clitic stripping) and Brown clusters, hashed
 *                   (from lexicon.tsv and clusters.tsv of the clustering step)
 *   gazetteer.bin   entity names of the training data, hashed (optional)
 *   charmodel.bin   character n-gram word classifier (optional)
 *   domain.bin      genre classifier, news or wiki (optional; `domain.ts`)
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { viterbi } from './decoder.js';
import { addExternalGazetteer, analyzeWord, extractFeatures, segmenterFingerprint, MAX_FEATURES, T, type FeatureConfig, type GazTags, type WordInfo } from './features.js';
import { feat1, feat2, hashString } from './hash.js';
import { DomainClassifier } from './domain.js';
import { Gazetteer } from './gazetteer.js';
import { CompiledCharModel } from './charmodel.js';
import { LABELS, NUM_LABELS, spansOf, type NerType } from './labels.js';
import { WordResources } from './resources.js';

const L = NUM_LABELS;
const MAGIC = 0x524e454d; // "MNER" little-endian
const VERSION = 2;

/** Corpus/domain of a text: 'news' (ANERcorp-like, the default) or 'wiki' (AQMAR-like). */
export type NerDomain = 'news' | 'wiki';
export const DOMAIN_ID: Record<NerDomain, number> = { news: 1, wiki: 2 };

export interface TagOptions {
  /**
   * Extra gazetteer (e.g. knowledge-base) matches for token i: tags such as
   * 'B-LOC-gaz', 'I-PER-gaz' (or 'B-LOC'). Added to the training-data gazetteer.
   */
  gazetteer?: (i: number) => readonly string[] | undefined;
  /** Use the gazetteer of training-data names shipped with the model (default true). */
  trainGazetteer?: boolean;
  /**
   * Text domain. When not given, the model's genre classifier (`domain.ts`) judges
   * the sentences tagged together (the document in `tagDocument`) and mixes the two
   * domains' features by its P(wiki); a model without one uses 'news'.
   */
  domain?: NerDomain;
  /** P(wiki) to use instead of `domain` or the classifier's (0 = news, 1 = wiki). */
  wikiProbability?: number;
  /** Overrides the model's O penalty (higher: more entities, more recall, less precision). */
  oPenalty?: number;
}

export interface ModelHeader {
  version: number;
  labels: string[];
  features: FeatureConfig;
  rows: number;
  scale: number;
  /** `segmenterFingerprint()` at training time, when the features use the segmenter. */
  segmenter?: string;
  /** Subtracted from the O score of every token (trades precision for recall; 0 = none). */
  oPenalty?: number;
  /** Free-form training information (data, epochs, dev scores). */
  info?: Record<string, unknown>;
}

/** First-pass emissions of a sentence and its feature count per position. */
interface FirstPass {
  emit: Float64Array;
  counts: Int32Array;
}

/** How many of a position's first features get domain copies (`extractFeatures`). */
const DOMAIN_COPIES = 12;

/** How many sentences on each side give a sentence its document features. */
export const DOCUMENT_REACH = 64;

/**
 * Document tags of sentence `s`: matches of the names found in the other
 * sentences (`found[t]` for t ≠ s); null when none.
 */
export function documentTags(
  found: ReadonlyArray<ReadonlyArray<{ keys: readonly string[]; type: NerType }>>,
  s: number,
  keys: readonly string[],
  alts: ReadonlyArray<string | null>,
  lex?: WordResources,
): GazTags | null {
  const g = new Gazetteer(lex);
  // The sentences around s (all of them in any article of ordinary length): a book-length
  // text must not cost the square of its sentences.
  const from = Math.max(0, s - DOCUMENT_REACH), to = Math.min(found.length, s + DOCUMENT_REACH + 1);
  for (let t = from; t < to; t++) if (t !== s) for (const f of found[t]) g.addKeys(f.keys, f.type);
  if (g.size === 0) return null;
  const tags = g.tagKeys(keys, alts);
  return tags.some((x) => x !== undefined) ? tags : null;
}

/**
 * Open-addressing table from feature id to its weights, stored inline: slot s
 * holds the id at [s·S] and the L weights at [s·S+1 …] of one buffer (read
 * through an Int32 and a Float32 view), so a lookup touches one cache line.
 */
const S = L + 1;

function slotOf(tids: Int32Array, mask: number, id: number): number {
  let h = id & mask;
  while (tids[h * S] !== 0 && tids[h * S] !== id) h = (h + 1) & mask;
  tids[h * S] = id;
  return h * S + 1;
}

function fillDense(tids: Int32Array, tw: Float32Array, mask: number, ids: Uint32Array, dense: Float32Array): void {
  for (let r = 0; r < ids.length; r++) {
    const o = slotOf(tids, mask, ids[r] | 0);
    for (let y = 0; y < L; y++) tw[o + y] = dense[r * L + y];
  }
}

function fillPacked(tids: Int32Array, tw: Float32Array, mask: number, ids: Uint32Array, masks: Uint16Array, q: Int16Array, scale: number): void {
  let k = 0;
  for (let r = 0; r < ids.length; r++) {
    const o = slotOf(tids, mask, ids[r] | 0);
    const bits = masks[r];
    for (let y = 0; y < L; y++) if (bits & (1 << y)) tw[o + y] = q[k++] * scale;
  }
}

class FeatureTable {
  readonly ids: Int32Array;
  readonly w: Float32Array;
  readonly mask: number;

  /**
   * From dense weights (L per row), or from the stored form: per-row label masks
   * and the non-zero int16 weights times `scale`.
   */
  constructor(ids: Uint32Array, weights: Float32Array | { masks: Uint16Array; q: Int16Array; scale: number }) {
    let size = 16;
    while (size < ids.length * 2) size <<= 1;
    const buf = new ArrayBuffer(size * S * 4);
    this.ids = new Int32Array(buf);
    this.w = new Float32Array(buf);
    this.mask = size - 1;
    if (weights instanceof Float32Array) fillDense(this.ids, this.w, this.mask, ids, weights);
    else fillPacked(this.ids, this.w, this.mask, ids, weights.masks, weights.q, weights.scale);
  }

  /** Offset of a feature's first weight in `w`, or -1. */
  get(id: number): number {
    const ids = this.ids, mask = this.mask;
    id |= 0;
    let h = id & mask;
    for (;;) {
      const k = ids[h * S];
      if (k === id) return h * S + 1;
      if (k === 0) return -1;
      h = (h + 1) & mask;
    }
  }
}

export class NerModel {
  private readonly table: FeatureTable;
  private readonly cache = new Map<string, WordInfo>();
  private readonly featBuf = new Uint32Array(MAX_FEATURES);
  private emitBuf = new Float64Array(128 * L);
  private countBuf = new Int32Array(128);
  private pathBuf = new Int32Array(128);
  private readonly work = { score: new Float64Array(128 * L), back: new Int32Array(128 * L) };

  constructor(
    readonly header: ModelHeader,
    /** Feature ids, one per row. */
    readonly ids: Uint32Array,
    /** Weights, `L` per row (dequantised). */
    weights: Float32Array | { masks: Uint16Array; q: Int16Array; scale: number },
    /** L*L transitions (prev*L+cur), then L start, then L end weights. */
    readonly transitions: Float32Array,
    readonly resources: WordResources,
    readonly gazetteer: Gazetteer | null,
    /** Character n-gram word classifier (`charmodel.ts`). */
    readonly charModel: CompiledCharModel | null = null,
    /** Genre classifier choosing the domain when the caller does not (`domain.ts`). */
    readonly domainClassifier: DomainClassifier | null = null,
  ) {
    this.table = new FeatureTable(ids, weights);
    if (weights instanceof Float32Array) this.dense = weights;
  }

  private dense: Float32Array | null = null;

  /** Weights, `L` per row of `ids` (dense; rebuilt from the table when the model was loaded). */
  get weights(): Float32Array {
    if (!this.dense) {
      const d = new Float32Array(this.ids.length * L);
      for (let r = 0; r < this.ids.length; r++) {
        const o = this.table.get(this.ids[r]);
        for (let y = 0; y < L; y++) d[r * L + y] = this.table.w[o + y];
      }
      this.dense = d;
    }
    return this.dense;
  }

  get config(): FeatureConfig { return this.header.features; }

  /** True when src/arabic/segment.ts answers differently from when the model was trained (retrain). */
  segmenterChanged(): boolean {
    return !!this.header.features.segmenter && !!this.header.segmenter && this.header.segmenter !== segmenterFingerprint();
  }

  /** Analyses a word, with a bounded cache. */
  analyze(word: string): WordInfo {
    let w = this.cache.get(word);
    if (w === undefined) {
      const cm = this.charModel;
      w = analyzeWord(word, this.resources, this.header.features, cm ? (s) => cm.verdict(s) : undefined);
      if (this.cache.size >= 200_000) this.cache.clear();
      this.cache.set(word, w);
    }
    return w;
  }

  /** Per-token gazetteer tags from the shipped gazetteer and the caller's. */
  gazetteerTags(infos: readonly WordInfo[], options?: TagOptions): GazTags | null {
    const useTrain = options?.trainGazetteer ?? true;
    let tags: Array<string[] | undefined> | null = null;
    if (useTrain && this.gazetteer) {
      const g = this.gazetteer;
      const matches = g.matchHashes(infos.map((w) => w.lightHash), infos.map((w) => w.altHash));
      if (matches.length) tags = g.tagMatches(infos.length, matches);
    }
    const extra = options?.gazetteer;
    if (extra) tags = addExternalGazetteer(tags, infos.length, extra, this.header.features);
    return tags;
  }

  /**
   * P(wiki) for sentences tagged together: from `options` when the caller says,
   * else from the genre classifier; 0 (news) without one.
   */
  wikiProbability(sentences: ReadonlyArray<readonly string[]>, options?: Pick<TagOptions, 'domain' | 'wikiProbability'>): number {
    if (options?.wikiProbability !== undefined) return Math.max(0, Math.min(1, options.wikiProbability));
    if (options?.domain) return options.domain === 'wiki' ? 1 : 0;
    return this.domainClassifier ? this.domainClassifier.probability(sentences) : 0;
  }

  /** Emission scores (n × L) for a sentence; `doc`: document-name tags per token. The array is reused by the next call. */
  emissions(words: readonly string[], options?: TagOptions, doc: GazTags | null = null): Float64Array {
    const n = words.length;
    const infos = words.map((w) => this.analyze(w));
    const vs = infos.map((w) => w.v);
    const gaz = this.gazetteerTags(infos, options);
    const cfg = this.header.features;
    // Domain copies of the first features (Daumé's augmentation), mixed by P(wiki).
    const pWiki = cfg.domainAugment ? this.wikiProbability([words], options) : 0;
    const domainWeights: Array<[number, number]> = [];
    if (cfg.domainAugment) {
      if (pWiki < 1) domainWeights.push([DOMAIN_ID.news, 1 - pWiki]);
      if (pWiki > 0) domainWeights.push([DOMAIN_ID.wiki, pWiki]);
    }
    if (this.emitBuf.length < n * L) this.emitBuf = new Float64Array(n * L * 2);
    const emit = this.emitBuf.subarray(0, n * L);
    emit.fill(0);
    const buf = this.featBuf;
    const table = this.table, W = table.w;
    if (this.countBuf.length < n) this.countBuf = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const m = extractFeatures(vs, i, cfg, buf, gaz, 0, infos[i].grams, doc);
      this.countBuf[i] = m;
      const base = i * L;
      for (let f = 0; f < m; f++) {
        const o = table.get(buf[f]);
        if (o < 0) continue;
        for (let y = 0; y < L; y++) emit[base + y] += W[o + y];
      }
      const lim = cfg.domainAll ? m : Math.min(m, 12);
      for (const [d, wd] of domainWeights) {
        for (let f = 0; f < lim; f++) {
          const o = table.get(feat2(T.DOMAIN, buf[f], d));
          if (o < 0) continue;
          for (let y = 0; y < L; y++) emit[base + y] += wd * W[o + y];
        }
      }
    }
    return emit;
  }

  /** BIO tags (PER, ORG, LOC, MISC) for one sentence of words. */
  tag(words: readonly string[], options?: TagOptions): string[] {
    return this.tagWithDoc(words, options, null);
  }

  private tagWithDoc(words: readonly string[], options: TagOptions | undefined, doc: GazTags | null): string[] {
    if (words.length === 0) return [];
    return this.decode(this.emissions(words, options, doc), words.length, options);
  }

  /**
   * The second pass of `tagDocument`: the first pass's emissions plus the document
   * features' weights (they are the last features of a position), instead of
   * extracting every feature again. A position with too few features for the
   * domain copies to stop before its document features is computed afresh.
   */
  private tagWithDocFrom(words: readonly string[], options: TagOptions | undefined, doc: GazTags, first: FirstPass): string[] {
    const n = words.length;
    const cfg = this.header.features;
    const emit = first.emit.slice();
    const table = this.table, W = table.w;
    let fresh: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      const d0 = doc[i], d1 = i > 0 ? doc[i - 1] : undefined, d2 = doc[i + 1];
      if (!d0 && !d1 && !d2) continue;
      if (cfg.domainAugment && !cfg.domainAll && first.counts[i] < DOMAIN_COPIES) {
        fresh ??= this.emissions(words, options, doc).slice();
        emit.set(fresh.subarray(i * L, i * L + L), i * L);
        continue;
      }
      const base = i * L;
      const add = (template: number, tags: readonly string[] | undefined) => {
        if (!tags) return;
        for (const g of tags) {
          const o = table.get(feat1(template, hashString(g)));
          if (o < 0) continue;
          for (let y = 0; y < L; y++) emit[base + y] += W[o + y];
        }
      };
      add(T.DOC0, d0);
      add(T.DOC_1, d1);
      add(T.DOC1, d2);
    }
    return this.decode(emit, n, options);
  }

  private decode(emit: Float64Array, n: number, options: TagOptions | undefined): string[] {
    const pen = options?.oPenalty ?? this.header.oPenalty ?? 0;
    if (pen) for (let i = 0; i < n; i++) emit[i * L] -= pen;
    const t = this.transitions;
    if (this.pathBuf.length < n) this.pathBuf = new Int32Array(n * 2);
    const path = viterbi(emit, n, t, t.subarray(L * L, L * L + L), t.subarray(L * L + L), this.pathBuf.subarray(0, n), this.work);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = LABELS[path[i]];
    return out;
  }

  /**
   * Tags the sentences of one document in two passes: the names found in the
   * first pass, in the *other* sentences, become document features of the second
   * (trained for: see `FeatureConfig.docFeatures`), so that a name recognised once
   * (e.g. after a title) is recognised again where its context says less.
   * `options.gazetteer`, if given, receives (sentence, token) indexes.
   */
  tagDocument(
    sentences: ReadonlyArray<readonly string[]>,
    options?: Omit<TagOptions, 'gazetteer'> & { gazetteer?: (sentence: number, i: number) => readonly string[] | undefined },
  ): string[][] {
    // The genre is judged once, on the whole document.
    const wikiProbability = this.wikiProbability(sentences, options);
    const perSentence = (s: number): TagOptions => ({
      ...options,
      wikiProbability,
      gazetteer: options?.gazetteer ? (i: number) => options.gazetteer!(s, i) : undefined,
    });
    if (!this.header.features.docFeatures) return sentences.map((words, s) => this.tag(words, perSentence(s)));
    const passes: FirstPass[] = [];
    const first = sentences.map((words, s) => {
      if (words.length === 0) {
        passes.push({ emit: new Float64Array(0), counts: new Int32Array(0) });
        return [];
      }
      const emit = this.emissions(words, perSentence(s)).slice();
      passes.push({ emit, counts: this.countBuf.slice(0, words.length) });
      return this.decode(emit.slice(), words.length, perSentence(s));
    });
    const keys = sentences.map((words) => words.map((w) => this.analyze(w).light));
    const alts = sentences.map((words) => words.map((w) => this.analyze(w).alt));
    const found = sentences.map((_, s) => spansOf(first[s]).map((sp) => ({ keys: keys[s].slice(sp.start, sp.end), type: sp.type })));
    if (found.every((f) => f.length === 0)) return first;
    return sentences.map((words, s) => {
      const doc = documentTags(found, s, keys[s], alts[s], this.resources);
      return doc ? this.tagWithDocFrom(words, perSentence(s), doc, passes[s]) : first[s];
    });
  }

  /**
   * Writes weights.bin (and gazetteer.bin, charmodel.bin, words.bin) into `dir`.
   * Layout (little-endian): "MNER", version, header length, JSON header; then
   * per row its feature id (uint32 × rows), its label mask (uint16 × rows: bit y
   * set when the weight of label y is not 0), the non-zero weights as int16 × scale
   * in row then label order, and the transitions (float32 × (L·L + 2L)).
   */
  save(dir: string): { bytes: number } {
    mkdirSync(dir, { recursive: true });
    const scale = this.header.scale;
    const R = this.ids.length;
    const masks = new Uint16Array(R);
    const values: number[] = [];
    for (let r = 0; r < R; r++) {
      let mask = 0;
      for (let y = 0; y < L; y++) {
        const q = Math.max(-32767, Math.min(32767, Math.round(this.weights[r * L + y] / scale)));
        if (q !== 0) { mask |= 1 << y; values.push(q); }
      }
      masks[r] = mask;
    }
    const q = Int16Array.from(values);
    const header = Buffer.from(JSON.stringify({ ...this.header, rows: R, nonZero: q.length }), 'utf8');
    const headPad = (4 - ((12 + header.length) % 4)) % 4;
    const pre = Buffer.alloc(12);
    pre.writeUInt32LE(MAGIC, 0);
    pre.writeUInt32LE(VERSION, 4);
    pre.writeUInt32LE(header.length + headPad, 8);
    const parts: Buffer[] = [pre, header, Buffer.alloc(headPad, 0x20)];
    parts.push(Buffer.from(this.ids.buffer, this.ids.byteOffset, this.ids.byteLength));
    parts.push(Buffer.from(masks.buffer, masks.byteOffset, masks.byteLength));
    parts.push(Buffer.from(q.buffer, q.byteOffset, q.byteLength));
    if ((R + q.length) % 2) parts.push(Buffer.alloc(2));
    parts.push(Buffer.from(this.transitions.buffer, this.transitions.byteOffset, this.transitions.byteLength));
    const all = Buffer.concat(parts);
    writeFileSync(join(dir, 'weights.bin'), all);
    if (this.gazetteer) this.gazetteer.save(join(dir, 'gazetteer.bin'));
    if (this.charModel) writeFileSync(join(dir, 'charmodel.bin'), this.charModel.toBuffer());
    if (this.domainClassifier) this.domainClassifier.save(join(dir, 'domain.bin'));
    this.resources.saveBinary(join(dir, 'words.bin'));
    return { bytes: all.length };
  }

  /** Loads a model directory written by `save` (words.bin, or lexicon.tsv and clusters.tsv). */
  static load(dir: string): NerModel {
    const buf = readFileSync(join(dir, 'weights.bin'));
    if (buf.readUInt32LE(0) !== MAGIC) throw new Error(`${dir}/weights.bin is not a Marsad NER model`);
    const version = buf.readUInt32LE(4);
    if (version !== VERSION) throw new Error(`unsupported NER model version ${version}`);
    const hlen = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as ModelHeader;
    let off = 12 + hlen;
    const R = header.rows;
    const nz = (header as ModelHeader & { nonZero: number }).nonZero;
    // Copy into aligned typed arrays.
    const ids = new Uint32Array(R);
    Buffer.from(ids.buffer).set(buf.subarray(off, off + R * 4));
    off += R * 4;
    const masks = new Uint16Array(R);
    Buffer.from(masks.buffer).set(buf.subarray(off, off + R * 2));
    off += R * 2;
    const q = new Int16Array(nz);
    Buffer.from(q.buffer).set(buf.subarray(off, off + nz * 2));
    off += nz * 2 + ((R + nz) % 2 ? 2 : 0);
    const nt = L * L + 2 * L;
    const transitions = new Float32Array(nt);
    Buffer.from(transitions.buffer).set(buf.subarray(off, off + nt * 4));
    const words = join(dir, 'words.bin'), lex = join(dir, 'lexicon.tsv'), cl = join(dir, 'clusters.tsv'), gz = join(dir, 'gazetteer.bin');
    const res = existsSync(words) ? WordResources.loadBinary(words)
      : WordResources.load(existsSync(lex) ? lex : null, existsSync(cl) ? cl : null);
    const gazetteer = existsSync(gz) ? Gazetteer.load(gz, res) : null;
    const cm = join(dir, 'charmodel.bin');
    const charModel = header.features.charModel && existsSync(cm) ? CompiledCharModel.fromBuffer(readFileSync(cm)) : null;
    const dm = join(dir, 'domain.bin');
    const domainClassifier = existsSync(dm) ? DomainClassifier.load(dm) : null;
    return new NerModel(header, ids, { masks, q, scale: header.scale }, transitions, res, gazetteer, charModel, domainClassifier);
  }
}
