/**
 * Clitic segmentation against UD Arabic-PUD: gold words are the syntactic words
 * of the treebank (clitics are separate words joined with SpaceAfter=No). The
 * article is not a separate word in UD, so it is merged into its stem here.
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../../src/arabic/tokenize.js';
import { segmentWord } from '../../src/arabic/segment.js';

interface Sentence {
  text: string;
  words: { form: string; upos: string }[];
}

function readConllu(path: string): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence | null = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# text = ')) cur = { text: line.slice(9), words: [] };
    else if (!line.trim()) {
      if (cur) out.push(cur);
      cur = null;
    } else if (cur && !line.startsWith('#')) {
      const f = line.split('\t');
      if (f[0].includes('-') || f[0].includes('.')) continue;
      cur.words.push({ form: f[1], upos: f[3] });
    }
  }
  if (cur) out.push(cur);
  return out;
}

export interface SegmentationScore {
  sentences: number;
  skipped: number;
  words: { precision: number; recall: number; f1: number; gold: number; predicted: number };
  clitics: { precision: number; recall: number; f1: number; gold: number; predicted: number };
  tokenAccuracy: number;
}

const prf = (tp: number, pred: number, gold: number) => {
  const precision = pred ? tp / pred : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted: pred };
};

export function evalSegmentation(path: string): SegmentationScore {
  const sentences = readConllu(path);
  let skipped = 0;
  let tp = 0, nPred = 0, nGold = 0;
  let ctp = 0, cPred = 0, cGold = 0;
  let tokensRight = 0, tokensAll = 0;
  for (const s of sentences) {
    // Locate gold words in the sentence text.
    const gold: { start: number; end: number; punct: boolean }[] = [];
    let at = 0;
    let ok = true;
    for (const w of s.words) {
      const i = s.text.indexOf(w.form, at);
      if (i < 0 || s.text.slice(at, i).trim() !== '') { ok = false; break; }
      gold.push({ start: i, end: i + w.form.length, punct: w.upos === 'PUNCT' });
      at = i + w.form.length;
    }
    if (!ok) { skipped++; continue; }
    const goldSet = new Set(gold.filter((g) => !g.punct).map((g) => `${g.start}:${g.end}`));
    const pred: string[] = [];
    const splitPred = new Set<string>();
    for (const t of tokenize(s.text)) {
      if (t.kind === 'punct' || t.kind === 'symbol') continue;
      if (t.kind !== 'word') { pred.push(`${t.start}:${t.end}`); continue; }
      const pieces = segmentWord(s.text.slice(t.start, t.end));
      const merged: { start: number; end: number }[] = [];
      for (let k = 0; k < pieces.length; k++) {
        const p = pieces[k];
        if (p.role === 'article' && k + 1 < pieces.length) { pieces[k + 1] = { ...pieces[k + 1], start: p.start }; continue; }
        merged.push({ start: t.start + p.start, end: t.start + p.end });
      }
      for (const m of merged) pred.push(`${m.start}:${m.end}`);
      if (merged.length > 1) for (const m of merged) splitPred.add(`${m.start}:${m.end}`);
      // Token-level: are all of this token's pieces gold words, and all gold words inside it predicted?
      const inside = [...goldSet].filter((k) => { const [a, b] = k.split(':').map(Number); return a >= t.start && b <= t.end; });
      tokensAll++;
      if (inside.length === merged.length && merged.every((m) => goldSet.has(`${m.start}:${m.end}`))) tokensRight++;
    }
    const predSet = new Set(pred);
    nPred += predSet.size; nGold += goldSet.size;
    for (const k of predSet) if (goldSet.has(k)) tp++;
    // Clitic words: gold words in a multi-word orthographic token, and our split pieces.
    const goldSplit = new Set<string>();
    for (let k = 0; k < gold.length; k++) {
      const g = gold[k];
      if (g.punct) continue;
      const prev = gold[k - 1], next = gold[k + 1];
      const attached = (prev && !prev.punct && prev.end === g.start) || (next && !next.punct && next.start === g.end);
      if (attached) goldSplit.add(`${g.start}:${g.end}`);
    }
    cPred += splitPred.size; cGold += goldSplit.size;
    for (const k of splitPred) if (goldSplit.has(k)) ctp++;
  }
  return {
    sentences: sentences.length,
    skipped,
    words: prf(tp, nPred, nGold),
    clitics: prf(ctp, cPred, cGold),
    tokenAccuracy: tokensAll ? tokensRight / tokensAll : 0,
  };
}
