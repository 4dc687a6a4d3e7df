/** conlleval-style exact-span scoring. */
import { spansOf, TYPES } from './labels.js';

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  micro: PRF;
  byType: Record<string, PRF>;
  tokens: number;
  sentences: number;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Scores predicted tag sequences against gold ones (same lengths). */
export function scoreSpans(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): Scores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const t of TYPES) counts.set(t, { tp: 0, fp: 0, fn: 0 });
  let tokens = 0;
  for (let s = 0; s < gold.length; s++) {
    tokens += gold[s].length;
    const g = spansOf(gold[s]), p = spansOf(pred[s]);
    const gk = new Set(g.map((x) => `${x.type}:${x.start}:${x.end}`));
    const pk = new Set(p.map((x) => `${x.type}:${x.start}:${x.end}`));
    for (const x of p) {
      const c = counts.get(x.type) ?? { tp: 0, fp: 0, fn: 0 };
      counts.set(x.type, c);
      if (gk.has(`${x.type}:${x.start}:${x.end}`)) c.tp++; else c.fp++;
    }
    for (const x of g) {
      const c = counts.get(x.type) ?? { tp: 0, fp: 0, fn: 0 };
      counts.set(x.type, c);
      if (!pk.has(`${x.type}:${x.start}:${x.end}`)) c.fn++;
    }
  }
  const byType: Record<string, PRF> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const [t, c] of counts) { byType[t] = prf(c.tp, c.fp, c.fn); tp += c.tp; fp += c.fp; fn += c.fn; }
  return { micro: prf(tp, fp, fn), byType, tokens, sentences: gold.length };
}

/** A fixed-width table of the scores. */
export function formatScores(name: string, s: Scores): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const lines = [`${name}: ${s.sentences} sentences, ${s.tokens} tokens`, '  type     prec    rec     F1   gold  pred'];
  const row = (t: string, r: PRF): string =>
    `  ${t.padEnd(6)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${String(r.tp + r.fn).padStart(6)} ${String(r.tp + r.fp).padStart(5)}`;
  for (const t of Object.keys(s.byType)) lines.push(row(t, s.byType[t]));
  lines.push(row('micro', s.micro));
  return lines.join('\n');
}
