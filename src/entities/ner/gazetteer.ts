/**
 * Gazetteer matching: entries are word sequences (matched on the clitic-stripped
 * light form of each word, so "وتونس" matches "تونس") with entity types. A match
 * gives its tokens the tags B-TYPE / I-TYPE as extra features.
 *
 * Entries are kept as 32-bit hashes of their key sequences (a false match needs a
 * 32-bit collision), so a gazetteer loads and matches without building strings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { normalize } from '../../arabic/normalize.js';
import { hashString, mix, fmix } from './hash.js';
import { TYPES, type NerType } from './labels.js';
import { stemWord, type StemLexicon } from './stem.js';

export interface GazetteerEntry {
  /** The name as words (or one string, split on spaces). */
  name: string | string[];
  type: NerType;
}

export interface GazetteerMatch {
  start: number;
  end: number;
  type: NerType;
  /** The entry was more often not that entity in the data it came from. */
  weak: boolean;
  /** Hash of the entry's key sequence. */
  seq: number;
}

/** Key of one word for matching: normalised, proclitics stripped, article kept. */
export function gazKey(word: string, lex?: StemLexicon): string {
  return stemWord(normalize(word), lex).light;
}

/** Hash of a key sequence, built word by word: seqHash(seqHash(h, a), b)… */
function extend(h: number, keyHash: number): number {
  return fmix(mix(h, keyHash)) | 0;
}
const SEQ0 = 0x2545f491;

export class Gazetteer {
  /** Sequence hash → type bits (1 << type index) | weak bits (16 << type index). */
  private readonly entries = new Map<number, number>();
  /** First-key hash → longest entry length starting with it. */
  private readonly firstMax = new Map<number, number>();

  constructor(private readonly lex?: StemLexicon, readonly maxLength = 8) {}

  get size(): number { return this.entries.size; }

  add(words: readonly string[], type: NerType): void {
    if (words.length === 0 || words.length > this.maxLength) return;
    this.addKeys(words.map((w) => gazKey(w, this.lex)), type);
  }

  addEntry(e: GazetteerEntry): void {
    this.add(typeof e.name === 'string' ? e.name.split(/\s+/).filter(Boolean) : e.name, e.type);
  }

  /** Adds a name given as word keys (see `gazKey`). */
  addKeys(keys: readonly string[], type: NerType, weak = false): void {
    if (keys.length === 0) return;
    this.addHashes(keys.map((k) => hashString(k)), type, weak);
  }

  private addHashes(hashes: readonly number[], type: NerType, weak: boolean): void {
    let h = SEQ0;
    for (const k of hashes) h = extend(h, k);
    const t = TYPES.indexOf(type);
    this.entries.set(h, (this.entries.get(h) ?? 0) | (1 << t) | (weak ? 16 << t : 0));
    const first = hashes[0] | 0;
    if (hashes.length > (this.firstMax.get(first) ?? 0)) this.firstMax.set(first, hashes.length);
  }

  /**
   * Every match in a sentence given its words' key hashes. `alts` (optional) are
   * second key hashes of a span's first word (the word minus a proclitic the
   * stripper could not confirm), 0 for none.
   */
  matchHashes(keys: ArrayLike<number>, alts?: ArrayLike<number>): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    const n = keys.length;
    for (let i = 0; i < n; i++) {
      for (let pass = 0; pass < 2; pass++) {
        const first = pass === 0 ? keys[i] | 0 : alts ? alts[i] | 0 : 0;
        if (pass === 1 && first === 0) break;
        const m = this.firstMax.get(first);
        if (!m) continue;
        let h = extend(SEQ0, first);
        for (let j = i + 1; j <= i + m && j <= n; j++) {
          if (j > i + 1) h = extend(h, keys[j - 1]);
          const bits = this.entries.get(h);
          if (bits === undefined) continue;
          for (let t = 0; t < 4; t++) if (bits & (1 << t)) out.push({ start: i, end: j, type: TYPES[t], weak: (bits & (16 << t)) !== 0, seq: h });
        }
      }
    }
    return out;
  }

  /** `matchHashes` for key strings (null alts are absent). */
  matchKeys(keys: readonly string[], alts?: ReadonlyArray<string | null>): GazetteerMatch[] {
    return this.matchHashes(keys.map((k) => hashString(k)), alts?.map((a) => (a ? hashString(a) : 0)));
  }

  /** Per-token tags ('B-LOC', 'I-LOC'…; a weak entry adds 'B-LOC~') of all matches. */
  tagMatches(n: number, matches: readonly GazetteerMatch[]): Array<string[] | undefined> {
    const tags: Array<string[] | undefined> = Array.from({ length: n }, () => undefined);
    for (const m of matches) {
      for (let t = m.start; t < m.end; t++) {
        const tag = (t === m.start ? 'B-' : 'I-') + m.type;
        const a = tags[t] ?? (tags[t] = []);
        if (!a.includes(tag)) a.push(tag);
        if (m.weak && !a.includes(tag + '~')) a.push(tag + '~');
      }
    }
    return tags;
  }

  tagKeys(keys: readonly string[], alts?: ReadonlyArray<string | null>): Array<string[] | undefined> {
    return this.tagMatches(keys.length, this.matchKeys(keys, alts));
  }

  /** `tagKeys` for words as written. */
  tag(words: readonly string[]): Array<string[] | undefined> {
    return this.tagKeys(words.map((w) => gazKey(w, this.lex)));
  }

  /**
   * Marks as weak the entries that, in the given labelled sentences, match more
   * often than they are tagged as that entity (e.g. a word that is also a common noun).
   */
  markWeak(sentences: ReadonlyArray<{ keys: readonly string[]; alts?: ReadonlyArray<string | null>; spans: ReadonlyArray<{ start: number; end: number; type: string }> }>): void {
    const hit = new Map<string, number>(), all = new Map<string, number>();
    const seqOf = new Map<string, number>();
    for (const s of sentences) {
      const gold = new Set(s.spans.map((x) => `${x.start}:${x.end}:${x.type}`));
      const kh = s.keys.map((k) => hashString(k));
      const ah = s.alts?.map((a) => (a ? hashString(a) : 0));
      for (const m of this.matchHashes(kh, ah)) {
        const h = m.seq;
        const id = `${h}:${m.type}`;
        seqOf.set(id, h);
        all.set(id, (all.get(id) ?? 0) + 1);
        if (gold.has(`${m.start}:${m.end}:${m.type}`)) hit.set(id, (hit.get(id) ?? 0) + 1);
      }
    }
    for (const [id, n] of all) {
      if ((hit.get(id) ?? 0) / n >= 0.5) continue;
      const h = seqOf.get(id)!;
      const t = TYPES.indexOf(id.slice(id.indexOf(':') + 1) as NerType);
      this.entries.set(h, (this.entries.get(h) ?? 0) | (16 << t));
    }
  }

  /** Binary form: "MGAZ", n, then n × (sequence hash, bits), m, m × (first-key hash, max length). */
  toBuffer(): Buffer {
    const n = this.entries.size, m = this.firstMax.size;
    const buf = Buffer.alloc(12 + n * 8 + m * 8);
    buf.writeUInt32LE(0x5a41474d, 0);
    buf.writeUInt32LE(n, 4);
    let o = 8;
    for (const [h, bits] of this.entries) { buf.writeInt32LE(h, o); buf.writeUInt32LE(bits, o + 4); o += 8; }
    buf.writeUInt32LE(m, o); o += 4;
    for (const [h, len] of this.firstMax) { buf.writeInt32LE(h, o); buf.writeUInt32LE(len, o + 4); o += 8; }
    return buf;
  }

  save(path: string): void {
    writeFileSync(path, this.toBuffer());
  }

  static fromBuffer(buf: Buffer, lex?: StemLexicon): Gazetteer {
    if (buf.readUInt32LE(0) !== 0x5a41474d) throw new Error('not a gazetteer.bin file');
    const g = new Gazetteer(lex);
    const n = buf.readUInt32LE(4);
    let o = 8;
    for (let i = 0; i < n; i++, o += 8) g.entries.set(buf.readInt32LE(o), buf.readUInt32LE(o + 4));
    const m = buf.readUInt32LE(o); o += 4;
    for (let i = 0; i < m; i++, o += 8) g.firstMax.set(buf.readInt32LE(o), buf.readUInt32LE(o + 4));
    return g;
  }

  static load(path: string, lex?: StemLexicon): Gazetteer {
    return Gazetteer.fromBuffer(readFileSync(path), lex);
  }
}
