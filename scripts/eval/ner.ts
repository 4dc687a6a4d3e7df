/**
 * Named entities on the CoNLL development sets, through the real CLI
 * (`marsad tag --conll`): precision, recall and F1 per type and micro-averaged,
 * exact span match, as conlleval counts them. Gold tags are mapped to
 * PER ORG LOC MISC (PERS → PER, MIS → MISC).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../util.js';

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScore {
  tokens: number;
  sentences: number;
  byType: Record<string, TypeScore>;
  micro: TypeScore;
  seconds: number;
}

const TYPE_MAP: Record<string, string> = { PERS: 'PER', PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC', MIS: 'MISC' };

function canonical(tag: string): string {
  if (!tag || tag === 'O') return 'O';
  const [bio, type] = [tag.slice(0, 1), tag.slice(2)];
  return TYPE_MAP[type] ? `${bio}-${TYPE_MAP[type]}` : 'O';
}

/** Spans of a BIO sequence as "start:end:TYPE" (an I- after O or another type opens a span, as conlleval does). */
export function spans(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0) out.add(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((t, i) => {
    if (t === 'O') return close(i);
    const [bio, ty] = [t[0], t.slice(2)];
    if (bio === 'B' || ty !== type || start < 0) {
      close(i);
      start = i;
      type = ty;
    }
  });
  close(tags.length);
  return out;
}

function score(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function evalNer(path: string): NerScore {
  const input = readFileSync(path, 'utf8');
  const goldLines = input.split('\n');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(projectRoot, 'bin', 'marsad'), 'tag', '--conll', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (Date.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`tag --conll failed: ${r.stderr}`);
  const predLines = r.stdout.split('\n');
  // Align by non-blank lines: the tagger keeps one line per input token.
  const gold: string[][] = [];
  const pred: string[][] = [];
  let g: string[] = [];
  let p: string[] = [];
  let k = 0;
  const predTokens = predLines.filter((l) => l.trim());
  for (const line of goldLines) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim()) {
      if (g.length) {
        gold.push(g);
        pred.push(p);
      }
      g = [];
      p = [];
      continue;
    }
    g.push(canonical(cols[cols.length - 1]));
    p.push(canonical((predTokens[k++] ?? '').split('\t')[1] ?? 'O'));
  }
  if (g.length) {
    gold.push(g);
    pred.push(p);
  }
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const c = (t: string) => (counts[t] ??= { tp: 0, fp: 0, fn: 0 });
  let tokens = 0;
  gold.forEach((gs, i) => {
    tokens += gs.length;
    const gSpans = spans(gs);
    const pSpans = spans(pred[i]);
    for (const s of pSpans) (gSpans.has(s) ? c(s.split(':')[2]).tp++ : c(s.split(':')[2]).fp++);
    for (const s of gSpans) if (!pSpans.has(s)) c(s.split(':')[2]).fn++;
  });
  const byType: Record<string, TypeScore> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const [t, x] of Object.entries(counts).sort()) {
    byType[t] = score(x.tp, x.fp, x.fn);
    tp += x.tp;
    fp += x.fp;
    fn += x.fn;
  }
  return { tokens, sentences: gold.length, byType, micro: score(tp, fp, fn), seconds };
}
