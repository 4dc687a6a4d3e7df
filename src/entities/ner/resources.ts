/**
 * Word resources learnt from unlabelled text and shipped with the model:
 * a word-count lexicon (for clitic stripping) and Brown clusters (bit strings).
 *
 * Training reads them from the text files of the clustering step (lexicon.tsv,
 * clusters.tsv); the model ships them as one hashed binary table (words.bin:
 * 32-bit word hash → count and cluster), which loads without building strings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hashString } from './hash.js';
import type { StemLexicon } from './stem.js';

export class WordResources implements StemLexicon {
  constructor(
    /** Normalised surface word → count in the unlabelled corpus. */
    private readonly counts: Map<string, number> = new Map(),
    /** Cluster key (see `clusterKey`) → Brown bit string. */
    private readonly clusters: Map<string, string> = new Map(),
    /** The hashed table, when loaded from words.bin. */
    private readonly table: HashedWords | null = null,
  ) {}

  count(word: string): number {
    if (this.table) return this.table.count(word);
    return this.counts.get(word) ?? 0;
  }

  /** The Brown bit string of a cluster key, or null. */
  cluster(key: string): string | null {
    if (this.table) return this.table.cluster(key);
    return this.clusters.get(key) ?? null;
  }

  /** Loads the text files of the clustering step (either may be null). */
  static load(lexiconPath: string | null, clustersPath: string | null): WordResources {
    const counts = new Map<string, number>();
    const clusters = new Map<string, string>();
    if (lexiconPath) {
      for (const line of readFileSync(lexiconPath, 'utf8').split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
      }
    }
    if (clustersPath) {
      for (const line of readFileSync(clustersPath, 'utf8').split('\n')) {
        const t1 = line.indexOf('\t');
        if (t1 <= 0) continue;
        const t2 = line.indexOf('\t', t1 + 1);
        clusters.set(line.slice(t1 + 1, t2 < 0 ? undefined : t2), line.slice(0, t1));
      }
    }
    return new WordResources(counts, clusters);
  }

  /** Writes the hashed binary table (words.bin). */
  saveBinary(path: string): void {
    if (this.table) { writeFileSync(path, this.table.buffer); return; }
    const entries = new Map<number, [number, number]>();
    for (const [w, c] of this.counts) entries.set(hashString(w), [Math.min(c, 0xffffffff), 0]);
    for (const [w, bits] of this.clusters) {
      const h = hashString(w);
      const e = entries.get(h) ?? [0, 0];
      e[1] = encodeBits(bits);
      entries.set(h, e);
    }
    const n = entries.size;
    const buf = Buffer.alloc(8 + n * 12);
    buf.writeUInt32LE(0x5344574d, 0); // "MWDS"
    buf.writeUInt32LE(n, 4);
    let r = 0;
    for (const [h, [c, b]] of entries) {
      buf.writeUInt32LE(h, 8 + r * 4);
      buf.writeUInt32LE(c, 8 + n * 4 + r * 4);
      buf.writeUInt32LE(b, 8 + n * 8 + r * 4);
      r++;
    }
    writeFileSync(path, buf);
  }

  static loadBinary(path: string): WordResources {
    return new WordResources(new Map(), new Map(), new HashedWords(readFileSync(path)));
  }
}

/** A bit string of at most 24 bits as (length << 24) | bits; 0 = no cluster. */
function encodeBits(bits: string): number {
  const s = bits.slice(0, 24);
  return ((s.length << 24) | (s.length ? parseInt(s, 2) : 0)) >>> 0;
}

function decodeBits(code: number): string {
  const len = code >>> 24;
  return len ? (code & 0xffffff).toString(2).padStart(len, '0') : '';
}

/** Open-addressing table over word hashes. */
class HashedWords {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly counts: Uint32Array;
  private readonly codes: Uint32Array;
  private readonly mask: number;

  constructor(readonly buffer: Buffer) {
    if (buffer.readUInt32LE(0) !== 0x5344574d) throw new Error('not a words.bin table');
    const n = buffer.readUInt32LE(4);
    const ids = new Uint32Array(n);
    this.counts = new Uint32Array(n);
    this.codes = new Uint32Array(n);
    Buffer.from(ids.buffer).set(buffer.subarray(8, 8 + n * 4));
    Buffer.from(this.counts.buffer).set(buffer.subarray(8 + n * 4, 8 + n * 8));
    Buffer.from(this.codes.buffer).set(buffer.subarray(8 + n * 8, 8 + n * 12));
    let size = 16;
    while (size < n * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < n; r++) {
      let h = ids[r] & this.mask;
      while (this.rows[h] >= 0) h = (h + 1) & this.mask;
      this.keys[h] = ids[r];
      this.rows[h] = r;
    }
  }

  private row(word: string): number {
    const id = hashString(word);
    let h = id & this.mask;
    for (;;) {
      const r = this.rows[h];
      if (r < 0) return -1;
      if (this.keys[h] === id) return r;
      h = (h + 1) & this.mask;
    }
  }

  count(word: string): number {
    const r = this.row(word);
    return r < 0 ? 0 : this.counts[r];
  }

  cluster(key: string): string | null {
    const r = this.row(key);
    return r < 0 || this.codes[r] === 0 ? null : decodeBits(this.codes[r]);
  }
}

/** The key a word is clustered under: its light stem with digits folded to 0. */
export function clusterKey(light: string): string {
  return /[0-9]/.test(light) ? light.replace(/[0-9]+/g, '0') : light;
}

export function writeLexicon(path: string, counts: Map<string, number>, minCount: number): number {
  const rows = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  writeFileSync(path, rows.map(([w, c]) => `${w}\t${c}`).join('\n') + '\n');
  return rows.length;
}

export function writeClusters(path: string, words: string[], bits: string[], counts: number[]): void {
  const lines = words.map((w, i) => `${bits[i]}\t${w}\t${counts[i]}`);
  lines.sort();
  writeFileSync(path, lines.join('\n') + '\n');
}
