/**
 * Genre of a text, so the tagger can pick its domain copy of the word features
 * without being told: a multinomial naive Bayes classifier between 'news'
 * (ANERcorp-like newswire) and 'wiki' (AQMAR-like encyclopaedic prose), over the
 * normalised words of the whole batch of sentences. Trained by `train-ner` on the
 * two training corpora; stored as the log-likelihood ratio log P(w|wiki)/P(w|news)
 * of each discriminative word, hashed (`domain.bin`).
 *
 * The answer is soft: P(wiki) from the mean evidence per word, with a prior of
 * `priorTokens` words of news-like evidence, so that a short text with little
 * evidence stays news (the project's genre) and a batch whose genre is unclear
 * (classical prose, sports) gets both domains' features half and half.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { normalize } from '../../arabic/normalize.js';
import { hashString } from './hash.js';

export type Genre = 'news' | 'wiki';

const MAGIC = 0x4d4f444d; // "MDOM"

/** A word's evidence is clipped to ±CLIP nats, so that no single word decides. */
const CLIP = 3;

function keyOf(word: string): number {
  return hashString(normalize(word) || word);
}

export class DomainClassifier {
  /**
   * @param ratios word hash → log P(w|wiki) − log P(w|news)
   * @param center mean evidence per word at which P(wiki) = 0.5
   * @param slope steepness of P(wiki) around `center`
   * @param priorTokens pseudo-words of evidence `priorEvidence` added to every batch
   */
  constructor(
    readonly ratios: Map<number, number>,
    readonly center = 0,
    readonly slope = 10,
    readonly priorTokens = 20,
    readonly priorEvidence = -0.5,
  ) {}

  /** Trains on sentences of both genres (add-α smoothing; words seen fewer than `minCount` times are ignored). */
  static train(sentences: ReadonlyArray<{ words: readonly string[]; genre: Genre }>, minCount = 3, alpha = 0.5): DomainClassifier {
    const counts = new Map<number, [number, number]>();
    const totals = [0, 0];
    for (const s of sentences) {
      const g = s.genre === 'wiki' ? 1 : 0;
      for (const w of s.words) {
        const k = keyOf(w);
        let c = counts.get(k);
        if (!c) counts.set(k, (c = [0, 0]));
        c[g]++;
        totals[g]++;
      }
    }
    const kept = [...counts].filter(([, c]) => c[0] + c[1] >= minCount);
    const V = kept.length + 1;
    const ratios = new Map<number, number>();
    for (const [k, c] of kept) {
      const r = Math.log((c[1] + alpha) / (totals[1] + alpha * V)) - Math.log((c[0] + alpha) / (totals[0] + alpha * V));
      // Words about as likely in both genres carry no evidence worth storing.
      if (Math.abs(r) >= 0.4) ratios.set(k, Math.max(-CLIP, Math.min(CLIP, r)));
    }
    return new DomainClassifier(ratios);
  }

  /** Mean evidence for 'wiki' per word of the sentences (0: none), and the number of words scored. */
  evidence(sentences: ReadonlyArray<readonly string[]>): { mean: number; tokens: number } {
    let sum = 0, n = 0;
    for (const words of sentences) {
      for (const w of words) {
        const r = this.ratios.get(keyOf(w));
        if (r === undefined) continue;
        sum += r;
        n++;
      }
    }
    return { mean: n ? sum / n : 0, tokens: n };
  }

  /** P(wiki) of a batch of sentences (one document, or consecutive sentences of one source). */
  probability(sentences: ReadonlyArray<readonly string[]>): number {
    const { mean, tokens } = this.evidence(sentences);
    const m = (mean * tokens + this.priorEvidence * this.priorTokens) / (tokens + this.priorTokens);
    return 1 / (1 + Math.exp(-this.slope * (m - this.center)));
  }

  /** The likelier genre of a batch of sentences. */
  classify(sentences: ReadonlyArray<readonly string[]>): Genre {
    return this.probability(sentences) > 0.5 ? 'wiki' : 'news';
  }

  /** "MDOM", center, slope, prior tokens, prior evidence (float32), n, then n × (word hash int32, ratio float32). */
  toBuffer(): Buffer {
    const n = this.ratios.size;
    const buf = Buffer.alloc(24 + n * 8);
    buf.writeUInt32LE(MAGIC, 0);
    buf.writeFloatLE(this.center, 4);
    buf.writeFloatLE(this.slope, 8);
    buf.writeFloatLE(this.priorTokens, 12);
    buf.writeFloatLE(this.priorEvidence, 16);
    buf.writeUInt32LE(n, 20);
    let o = 24;
    for (const [k, r] of this.ratios) { buf.writeInt32LE(k | 0, o); buf.writeFloatLE(r, o + 4); o += 8; }
    return buf;
  }

  save(path: string): void {
    writeFileSync(path, this.toBuffer());
  }

  static fromBuffer(buf: Buffer): DomainClassifier {
    if (buf.length < 24 || buf.readUInt32LE(0) !== MAGIC) throw new Error('not a domain.bin file');
    const n = buf.readUInt32LE(20);
    const ratios = new Map<number, number>();
    let o = 24;
    for (let i = 0; i < n; i++, o += 8) ratios.set(buf.readInt32LE(o) >>> 0, buf.readFloatLE(o + 4));
    return new DomainClassifier(ratios, buf.readFloatLE(4), buf.readFloatLE(8), buf.readFloatLE(12), buf.readFloatLE(16));
  }

  static load(path: string): DomainClassifier {
    return DomainClassifier.fromBuffer(readFileSync(path));
  }
}
