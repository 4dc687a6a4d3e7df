/**
 * Builds the word resources from unlabelled text: lexicon.tsv (normalised word
 * counts) and clusters.tsv (Brown clusters of light stems). Used by
 * scripts/brown-clusters.ts and, when the files are missing, scripts/train-ner.ts.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../arabic/normalize.js';
import { brownClusters } from './brown.js';
import { readConll, readNewsJsonl } from './corpus.js';
import { WordResources, clusterKey, writeClusters, writeLexicon } from './resources.js';
import { stemWord } from './stem.js';
import { tokenize } from './tokenize.js';

export interface ResourceOptions {
  /** ANT news JSON-lines file. */
  antPath: string;
  /** Folder with anercorp-train.txt / aqmar-train.txt (their text is added); null to skip. */
  dataDir: string | null;
  outDir: string;
  clusters: number;
  maxVocab: number;
  minCount: number;
  log?: (msg: string) => void;
}

export function buildWordResources(o: ResourceOptions): void {
  const log = o.log ?? console.log;
  const t0 = Date.now();
  mkdirSync(o.outDir, { recursive: true });
  const lines: string[][] = [];
  for (const text of readNewsJsonl(o.antPath)) {
    for (const line of text.split(/\n+/)) {
      const toks = tokenize(line).map((t) => normalize(t.text)).filter((t) => t.length > 0);
      if (toks.length) lines.push(toks);
    }
  }
  if (o.dataDir) {
    for (const f of ['anercorp-train.txt', 'aqmar-train.txt']) {
      const p = join(o.dataDir, f);
      if (!existsSync(p)) { log(`note: ${p} not found, clustering without it`); continue; }
      for (const s of readConll(p)) lines.push(s.words.map((w) => normalize(w)).filter((t) => t.length > 0));
    }
  }
  const counts = new Map<string, number>();
  let ntok = 0;
  for (const d of lines) for (const w of d) { counts.set(w, (counts.get(w) ?? 0) + 1); ntok++; }
  const lexPath = join(o.outDir, 'lexicon.tsv');
  const nLex = writeLexicon(lexPath, counts, o.minCount);
  log(`${lines.length} lines, ${ntok} tokens, ${counts.size} distinct words; lexicon: ${nLex} words (count ≥ ${o.minCount})`);

  const lex = WordResources.load(lexPath, null);
  const keyCache = new Map<string, string>();
  const keyOf = (w: string): string => {
    let k = keyCache.get(w);
    if (k === undefined) { k = clusterKey(stemWord(w, lex).light); keyCache.set(w, k); }
    return k;
  };
  const keyCounts = new Map<string, number>();
  for (const d of lines) for (const w of d) { const k = keyOf(w); keyCounts.set(k, (keyCounts.get(k) ?? 0) + 1); }
  const vocab = [...keyCounts]
    .filter(([, c]) => c >= o.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxVocab);
  const id = new Map(vocab.map(([w], i) => [w, i]));
  const seq: number[] = [];
  for (const d of lines) {
    for (const w of d) seq.push(id.get(keyOf(w)) ?? -1);
    seq.push(-1);
  }
  log(`Brown clustering ${vocab.length} light stems into ${o.clusters} clusters (a few minutes)…`);
  const t1 = Date.now();
  const bits = brownClusters(Int32Array.from(seq), vocab.length, {
    clusters: o.clusters,
    progress: (s, n) => { if (s % 5000 === 0) log(`  ${s}/${n} merges, ${((Date.now() - t1) / 1000).toFixed(0)} s`); },
  });
  writeClusters(join(o.outDir, 'clusters.tsv'), vocab.map(([w]) => w), bits, vocab.map(([, c]) => c));
  log(`wrote ${lexPath} and clusters.tsv in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
