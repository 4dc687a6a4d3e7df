/**
 * Feature extraction. Each word is analysed once (`analyzeWord`, cached by the
 * caller) into a fixed array of value hashes; a position's features are template
 * numbers mixed with the value hashes of the word and its neighbours
 * (`extractFeatures`). Nothing here builds strings per feature.
 */
import { normalize } from '../../arabic/normalize.js';
import { hashString, feat1, feat2, feat3, fmix, mix } from './hash.js';
import { clusterKey, type WordResources } from './resources.js';
import { stemWord } from './stem.js';
import { TRIGGER_CATEGORY } from './triggers.js';
import { segmentWord } from '../../arabic/segment.js';

/** Value slots of an analysed word. 0 in a slot means "absent" (no feature). */
export const enum Slot {
  W = 0, N, S, SHAPE,
  PRE_N1, PRE_N2, PRE_N3, PRE_N4,
  SUF_N1, SUF_N2, SUF_N3, SUF_N4,
  PRE_S1, PRE_S2, PRE_S3, PRE_S4,
  SUF_S1, SUF_S2, SUF_S3, SUF_S4,
  CLITIC, TRIG, NAT, FREQ,
  CL0, CL1, CL2, CL3, CLFULL,
  ALT, CHARV, SEG, SEGSIG,
  COUNT,
}

/** Options that change the feature set; stored in the model so tagging matches training. */
export interface FeatureConfig {
  /** Brown bit-string prefix lengths used as features (at most 4). */
  clusterPrefixes: number[];
  /** Window of neighbouring words (1 or 2). */
  window: number;
  /** Duplicate the main features per corpus (Daumé's feature augmentation). */
  domainAugment: boolean;
  /** Domain copies of every feature (else of the first 12, the word-identity ones). */
  domainAll?: boolean;
  /** Use word-bigram features. */
  bigrams: boolean;
  /** Character trigrams inside the stem. */
  charNgrams?: boolean;
  /** For a word not stripped but starting with و ف ب ل ك: the rest as an alternative stem. */
  altStem?: boolean;
  /** Verdict of the character n-gram word classifier (`charmodel.ts`). */
  charModel?: boolean;
  /** Conjunctions of the verdict with context words, clusters and frequency. */
  conjunctions?: boolean;
  /**
   * Document features: names found in the other sentences of the document
   * (`NerModel.tagDocument`'s second pass; trained from the other sentences' gold
   * names in blocks of `docBlock` sentences, with dropout).
   */
  docFeatures?: boolean;
  /** Stem and clitic signature from the project's segmenter (`src/arabic/segment.ts`). */
  segmenter?: boolean;
  /**
   * The caller's gazetteer tags (knowledge-base matches) are features of their own,
   * apart from the shipped gazetteer of training names (trained from the same
   * knowledge base's matches on the training sentences).
   */
  kbFeatures?: boolean;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  clusterPrefixes: [4, 6, 10, 20],
  window: 2,
  domainAugment: true,
  bigrams: true,
  charNgrams: true,
  altStem: true,
  charModel: true,
  conjunctions: false,
  docFeatures: true,
  segmenter: true,
};

/** An analysed word: value hashes by `Slot`, plus readable parts for debugging/tests. */
export interface WordInfo {
  v: Uint32Array;
  norm: string;
  stem: string;
  light: string;
  proclitics: string;
  article: boolean;
  cluster: string | null;
  trigger: string | null;
  /** The word minus a one-letter proclitic, when the lexicon could not decide (else null). */
  alt: string | null;
  /** Hashes of `light` and `alt` (0 when no alt), for gazetteer matching. */
  lightHash: number;
  altHash: number;
  /** Character trigrams inside the stem (hashes). */
  grams: Uint32Array | null;
}

function lengthBucket(n: number): string {
  return n <= 4 ? String(n) : n <= 6 ? '5-6' : n <= 9 ? '7-9' : '10+';
}

function charClass(c: number): string {
  if (c >= 0x0621 && c <= 0x064a) return 'a';
  if (c >= 0x0671 && c <= 0x06d3) return 'a';
  if ((c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) return 'l';
  if (c >= 65 && c <= 90) return 'L';
  if (c >= 48 && c <= 57) return 'd';
  if (c >= 0x0660 && c <= 0x0669) return 'd';
  return '';
}

/** Word shape: runs of a (Arabic), l/L (Latin), d (digit), punctuation kept as is; plus a length bucket. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let k = charClass(c);
    if (!k) {
      // marks, tatweel: ignore; other symbols: themselves
      if ((c >= 0x064b && c <= 0x065f) || c === 0x0640 || c === 0x0670) continue;
      k = word[i];
    }
    if (k !== last) { out += k; last = k; }
  }
  return out + ':' + lengthBucket(word.length);
}

function nationality(stem: string): string | null {
  const n = stem.length;
  if (n < 4) return null;
  if (stem.endsWith('يين') || stem.endsWith('يون')) return 'pl';
  if (stem.endsWith('يه')) return 'f';
  if (stem.endsWith('ي')) return 'm';
  return null;
}

function freqBucket(c: number): string {
  return c === 0 ? '0' : c < 5 ? '1' : c < 20 ? '2' : c < 100 ? '3' : c < 1000 ? '4' : '5';
}

const H = (s: string): number => hashString(s);

/** Analyses one word (as written). */
export function analyzeWord(
  word: string,
  res: WordResources | null,
  cfg: FeatureConfig,
  charVerdict?: (stem: string) => string | null,
): WordInfo {
  const v = new Uint32Array(Slot.COUNT);
  const norm = normalize(word) || word;
  const st = stemWord(norm, res ?? undefined);
  const stem = st.stem;
  v[Slot.W] = H(word);
  v[Slot.N] = H(norm);
  v[Slot.S] = H(stem);
  v[Slot.SHAPE] = H(wordShape(word));
  for (let k = 1; k <= 4; k++) {
    if (norm.length > k) {
      v[Slot.PRE_N1 + k - 1] = hashString(norm, 0, k);
      v[Slot.SUF_N1 + k - 1] = hashString(norm, norm.length - k);
    }
    if (stem.length > k && stem !== norm) {
      v[Slot.PRE_S1 + k - 1] = hashString(stem, 0, k);
      v[Slot.SUF_S1 + k - 1] = hashString(stem, stem.length - k);
    }
  }
  v[Slot.CLITIC] = H((st.proclitics || '-') + (st.article ? '+ال' : ''));
  const trig = TRIGGER_CATEGORY.get(stem) ?? null;
  if (trig) v[Slot.TRIG] = H(trig);
  const nat = nationality(stem);
  if (nat) v[Slot.NAT] = H(nat + (st.article ? '+ال' : ''));
  if (cfg.charModel && charVerdict && /[\u0621-\u064aa-z]/.test(stem)) {
    const cv = charVerdict(stem);
    if (cv) v[Slot.CHARV] = H(cv);
  }
  if (cfg.segmenter && /[\u0621-\u064a]/.test(norm)) {
    const pieces = segmentWord(word);
    let sig = '';
    for (const p of pieces) {
      if (p.role === 'stem') v[Slot.SEG] = H(p.norm);
      sig += p.role === 'stem' ? 'S' : p.role === 'pron' ? '+' + p.norm : p.role[0];
    }
    v[Slot.SEGSIG] = H(sig);
  }
  let alt: string | null = null;
  if (cfg.altStem && !st.proclitics && !st.article && norm.length >= 5 && 'وفبلك'.includes(norm[0])) {
    alt = norm.slice(1);
    v[Slot.ALT] = H(alt);
  }
  let grams: Uint32Array | null = null;
  if (cfg.charNgrams && stem.length >= 5) {
    grams = new Uint32Array(stem.length - 4);
    for (let j = 1; j + 3 < stem.length; j++) grams[j - 1] = hashString(stem, j, j + 3);
  }
  let cluster: string | null = null;
  if (res) {
    v[Slot.FREQ] = H(freqBucket(res.count(norm)));
    cluster = res.cluster(clusterKey(st.light)) ?? res.cluster(clusterKey(norm))
      ?? (alt !== null ? res.cluster(clusterKey(alt)) : null);
    if (cluster !== null) {
      const ps = cfg.clusterPrefixes;
      for (let k = 0; k < ps.length && k < 4; k++) {
        // A prefix longer than the path is the path itself (still a valid, finer cluster).
        v[Slot.CL0 + k] = H(cluster.slice(0, ps[k]));
      }
      v[Slot.CLFULL] = H(cluster);
    } else {
      v[Slot.CLFULL] = H('?');
    }
  }
  return { v, norm, stem, light: st.light, proclitics: st.proclitics, article: st.article, cluster, trigger: trig, alt, grams,
    lightHash: hashString(st.light), altHash: alt !== null ? hashString(alt) : 0 };
}

function boundary(tag: string): Uint32Array {
  const v = new Uint32Array(Slot.COUNT);
  const h = H(tag);
  for (let i = 0; i < Slot.COUNT; i++) v[i] = h;
  // Affix slots of a boundary stay absent.
  for (let i = Slot.PRE_N1; i <= Slot.SUF_S4; i++) v[i] = 0;
  v[Slot.TRIG] = 0;
  v[Slot.NAT] = 0;
  return v;
}
const BOS2 = boundary('<s2>'), BOS1 = boundary('<s>'), EOS1 = boundary('</s>'), EOS2 = boundary('</s2>');

/** Template numbers (stable: they are part of the trained model). */
export const enum T {
  BIAS = 1, W0, N0, S0,
  N_1, N1, N_2, N2, S_1, S1, S_2, S2,
  N_1N0, N0N1, N_1N1, S_1S0, S0S1,
  PRE_N, SUF_N, PRE_S, SUF_S,
  SHAPE0, SHAPE_1, SHAPE1, SHAPE_101,
  CLITIC0, CLITIC_1, CLITIC1,
  TRIG0, TRIG_1, TRIG_2, TRIG1, TRIG2,
  NAT0, NAT_1, NAT1,
  FREQ0, FREQ_1, FREQ1,
  CL0, CL_1, CL1, CL_2, CL2, CLFULL0, CL_1CL0, CL0CL1,
  GAZ0, GAZ_1, GAZ1, GAZ_1GAZ0,
  DOMAIN, TRIG_1N0, SUF_1S0, GRAM, CHAR0, CHAR_1, CHAR1, CHAR_1CHAR0,
  N_1CHAR0, CL_1CHAR0, FREQCHAR0, N_1FREQ0, CHAR0N1, CHAR0CHAR1,
  DOC0, DOC_1, DOC1, SEG0, SEG_1, SEG1, SEGSIG0, SEGSIG_1,
}

const PROBES = [
  'والرئيس', 'بوزير', 'وتونس', 'للجزائر', 'بريطانيا', 'ومبارك', 'عليه', 'كتابه', 'سيقول', 'التونسي', 'والي', 'وحدة',
  'بنغازي', 'ليبيا', 'فالحكومة', 'لها', 'وزارتها', 'بالقاهرة', 'وسيعقد', 'لبنان', 'كالعادة', 'ولاية', 'وقالت', 'بأن',
];

/**
 * A fingerprint of the project segmenter's answers on probe words. Stored in the
 * model; when it differs at load time the segmenter changed since training and
 * the model should be retrained (it still works, a little less well).
 */
export function segmenterFingerprint(): string {
  let h = 0x1234567;
  for (const w of PROBES) for (const p of segmentWord(w)) h = mix(h, hashString(`${p.role}:${p.norm}:${p.start}:${p.end}`));
  return fmix(h).toString(16);
}

/** Writes feat1(t, a) at out[k] when the value a is present; returns the new count. */
function put1(out: Uint32Array, k: number, t: number, a: number): number {
  if (a !== 0) out[k++] = feat1(t, a);
  return k;
}

/** How many of the features last written by `extractFeatures` are word-identity features (they come first). */
export let identityCount = 0;

/** Per-token gazetteer tags (e.g. 'B-LOC'), already normalised. */
export type GazTags = ReadonlyArray<readonly string[] | undefined>;

/**
 * Writes the feature ids of position `i` into `out` from index 0; returns how
 * many. `words[j].v` are the analysed words of the sentence.
 */
export function extractFeatures(
  words: ReadonlyArray<Uint32Array>,
  i: number,
  cfg: FeatureConfig,
  out: Uint32Array,
  gaz: GazTags | null,
  domain: number,
  grams: Uint32Array | null = null,
  doc: GazTags | null = null,
): number {
  const n = words.length;
  const c = words[i];
  const p1 = i > 0 ? words[i - 1] : BOS1;
  const p2 = i > 1 ? words[i - 2] : i === 1 ? BOS1 : BOS2;
  const n1 = i + 1 < n ? words[i + 1] : EOS1;
  const n2 = i + 2 < n ? words[i + 2] : i + 1 < n ? EOS1 : EOS2;
  let k = 0;
  // Word-identity features first (training may drop them, see `identityCount`).
  k = put1(out, k, T.W0, c[Slot.W]);
  k = put1(out, k, T.N0, c[Slot.N]);
  k = put1(out, k, T.S0, c[Slot.S]);
  k = put1(out, k, T.S0, c[Slot.ALT]);
  if (cfg.bigrams) {
    out[k++] = feat2(T.N_1N0, p1[Slot.N], c[Slot.N]);
    out[k++] = feat2(T.N0N1, c[Slot.N], n1[Slot.N]);
    out[k++] = feat2(T.S_1S0, p1[Slot.S], c[Slot.S]);
    out[k++] = feat2(T.S0S1, c[Slot.S], n1[Slot.S]);
  }
  k = put1(out, k, T.SEG0, c[Slot.SEG]);
  identityCount = k;
  k = put1(out, k, T.SEG_1, p1[Slot.SEG]);
  k = put1(out, k, T.SEG1, n1[Slot.SEG]);
  k = put1(out, k, T.SEGSIG0, c[Slot.SEGSIG]);
  k = put1(out, k, T.SEGSIG_1, p1[Slot.SEGSIG]);
  out[k++] = feat1(T.BIAS, 1);
  k = put1(out, k, T.N_1, p1[Slot.N]);
  k = put1(out, k, T.N1, n1[Slot.N]);
  k = put1(out, k, T.S_1, p1[Slot.S]);
  k = put1(out, k, T.S1, n1[Slot.S]);
  if (cfg.window >= 2) {
    k = put1(out, k, T.N_2, p2[Slot.N]);
    k = put1(out, k, T.N2, n2[Slot.N]);
    k = put1(out, k, T.S_2, p2[Slot.S]);
    k = put1(out, k, T.S2, n2[Slot.S]);
  }
  if (cfg.bigrams) out[k++] = feat2(T.N_1N1, p1[Slot.N], n1[Slot.N]);
  for (let j = 0; j < 4; j++) {
    if (c[Slot.PRE_N1 + j]) out[k++] = feat2(T.PRE_N, j, c[Slot.PRE_N1 + j]);
    if (c[Slot.SUF_N1 + j]) out[k++] = feat2(T.SUF_N, j, c[Slot.SUF_N1 + j]);
    if (c[Slot.PRE_S1 + j]) out[k++] = feat2(T.PRE_S, j, c[Slot.PRE_S1 + j]);
    if (c[Slot.SUF_S1 + j]) out[k++] = feat2(T.SUF_S, j, c[Slot.SUF_S1 + j]);
  }
  if (grams) for (let j = 0; j < grams.length && j < 12; j++) out[k++] = feat1(T.GRAM, grams[j]);
  k = put1(out, k, T.SHAPE0, c[Slot.SHAPE]);
  k = put1(out, k, T.SHAPE_1, p1[Slot.SHAPE]);
  k = put1(out, k, T.SHAPE1, n1[Slot.SHAPE]);
  out[k++] = feat3(T.SHAPE_101, p1[Slot.SHAPE], c[Slot.SHAPE], n1[Slot.SHAPE]);
  k = put1(out, k, T.CLITIC0, c[Slot.CLITIC]);
  k = put1(out, k, T.CLITIC_1, p1[Slot.CLITIC]);
  k = put1(out, k, T.CLITIC1, n1[Slot.CLITIC]);
  k = put1(out, k, T.TRIG0, c[Slot.TRIG]);
  k = put1(out, k, T.TRIG_1, p1[Slot.TRIG]);
  k = put1(out, k, T.TRIG1, n1[Slot.TRIG]);
  if (cfg.window >= 2) {
    k = put1(out, k, T.TRIG_2, p2[Slot.TRIG]);
    k = put1(out, k, T.TRIG2, n2[Slot.TRIG]);
  }
  if (p1[Slot.TRIG]) out[k++] = feat2(T.TRIG_1N0, p1[Slot.TRIG], c[Slot.N]);
  k = put1(out, k, T.NAT0, c[Slot.NAT]);
  k = put1(out, k, T.NAT_1, p1[Slot.NAT]);
  k = put1(out, k, T.NAT1, n1[Slot.NAT]);
  k = put1(out, k, T.CHAR0, c[Slot.CHARV]);
  k = put1(out, k, T.CHAR_1, p1[Slot.CHARV]);
  k = put1(out, k, T.CHAR1, n1[Slot.CHARV]);
  if (c[Slot.CHARV] && p1[Slot.CHARV]) out[k++] = feat2(T.CHAR_1CHAR0, p1[Slot.CHARV], c[Slot.CHARV]);
  if (cfg.conjunctions) {
    const cv = c[Slot.CHARV];
    if (cv) {
      out[k++] = feat2(T.N_1CHAR0, p1[Slot.N], cv);
      if (p1[Slot.CL0]) out[k++] = feat2(T.CL_1CHAR0, p1[Slot.CL0], cv);
      if (c[Slot.FREQ]) out[k++] = feat2(T.FREQCHAR0, c[Slot.FREQ], cv);
      out[k++] = feat2(T.CHAR0N1, cv, n1[Slot.N]);
      if (n1[Slot.CHARV]) out[k++] = feat2(T.CHAR0CHAR1, cv, n1[Slot.CHARV]);
    }
    if (c[Slot.FREQ]) out[k++] = feat2(T.N_1FREQ0, p1[Slot.N], c[Slot.FREQ]);
  }
  k = put1(out, k, T.FREQ0, c[Slot.FREQ]);
  k = put1(out, k, T.FREQ_1, p1[Slot.FREQ]);
  k = put1(out, k, T.FREQ1, n1[Slot.FREQ]);
  if (p1[Slot.SUF_N2]) out[k++] = feat2(T.SUF_1S0, p1[Slot.SUF_N2], c[Slot.S]);
  const np = Math.min(4, cfg.clusterPrefixes.length);
  for (let j = 0; j < np; j++) {
    if (c[Slot.CL0 + j]) out[k++] = feat2(T.CL0, j, c[Slot.CL0 + j]);
    if (p1[Slot.CL0 + j]) out[k++] = feat2(T.CL_1, j, p1[Slot.CL0 + j]);
    if (n1[Slot.CL0 + j]) out[k++] = feat2(T.CL1, j, n1[Slot.CL0 + j]);
    if (cfg.window >= 2 && j < 2) {
      if (p2[Slot.CL0 + j]) out[k++] = feat2(T.CL_2, j, p2[Slot.CL0 + j]);
      if (n2[Slot.CL0 + j]) out[k++] = feat2(T.CL2, j, n2[Slot.CL0 + j]);
    }
  }
  k = put1(out, k, T.CLFULL0, c[Slot.CLFULL]);
  if (np > 1) {
    if (p1[Slot.CL1] && c[Slot.CL1]) out[k++] = feat2(T.CL_1CL0, p1[Slot.CL1], c[Slot.CL1]);
    if (n1[Slot.CL1] && c[Slot.CL1]) out[k++] = feat2(T.CL0CL1, c[Slot.CL1], n1[Slot.CL1]);
  }
  if (gaz) {
    const g0 = gaz[i], g1 = gaz[i - 1], g2 = gaz[i + 1];
    if (g0) for (const g of g0) out[k++] = feat1(T.GAZ0, H(g));
    if (g1) for (const g of g1) out[k++] = feat1(T.GAZ_1, H(g));
    if (g2) for (const g of g2) out[k++] = feat1(T.GAZ1, H(g));
  }
  if (doc) {
    const d0 = doc[i], d1 = doc[i - 1], d2 = doc[i + 1];
    if (d0) for (const g of d0) out[k++] = feat1(T.DOC0, H(g));
    if (d1) for (const g of d1) out[k++] = feat1(T.DOC_1, H(g));
    if (d2) for (const g of d2) out[k++] = feat1(T.DOC1, H(g));
  }
  if (cfg.domainAugment && domain > 0) {
    // Domain copies of the strongest features.
    const base = k;
    const lim = cfg.domainAll ? base : 12;
    for (let j = 0; j < base && j < lim; j++) out[k++] = feat2(T.DOMAIN, out[j], domain);
  }
  return k;
}

/** Upper bound on the number of features of one position. */
export const MAX_FEATURES = 256;

/** Marks a tag from the caller's gazetteer (knowledge base) when `FeatureConfig.kbFeatures`: 'B-LOC' → 'B-LOC*'. */
export const KB_MARK = '*';

/**
 * Merges a caller's gazetteer tags (e.g. 'B-LOC-gaz') for tokens 0…n-1 into `tags`
 * (normalised by `gazTag`, marked with `KB_MARK` when the config keeps them apart).
 */
export function addExternalGazetteer(
  tags: Array<string[] | undefined> | null,
  n: number,
  extra: (i: number) => readonly string[] | undefined,
  cfg: FeatureConfig,
): Array<string[] | undefined> | null {
  for (let i = 0; i < n; i++) {
    const got = extra(i);
    if (!got) continue;
    for (const g of got) {
      let t = gazTag(g);
      if (!t) continue;
      if (cfg.kbFeatures) t += KB_MARK;
      tags ??= new Array(n);
      const a = tags[i] ?? (tags[i] = []);
      if (!a.includes(t)) a.push(t);
    }
  }
  return tags;
}

/** Normalises a gazetteer tag: 'B-LOC-gaz' → 'B-LOC', 'I-PERS' → 'I-PER'; null if not a BIO tag. */
export function gazTag(tag: string): string | null {
  const m = /^([BI])-([A-Za-z]+)/.exec(tag);
  if (!m) return null;
  const t = m[2].toUpperCase();
  const type = t === 'PERS' || t === 'PERSON' ? 'PER' : t === 'MIS' ? 'MISC' : t === 'GPE' ? 'LOC' : t;
  if (type !== 'PER' && type !== 'ORG' && type !== 'LOC' && type !== 'MISC') return null;
  return `${m[1]}-${type}`;
}
