import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viterbi } from './decoder.js';
import { LABELS, LABEL_INDEX, NUM_LABELS, spansOf, allowed, canonicalTag } from './labels.js';

const L = NUM_LABELS;
const idx = (t: string): number => LABEL_INDEX.get(t)!;

function emissions(rows: Array<Record<string, number>>): Float64Array {
  const e = new Float64Array(rows.length * L);
  rows.forEach((r, i) => { for (const [t, s] of Object.entries(r)) e[i * L + idx(t)] = s; });
  return e;
}

test('Viterbi never puts I-X after O, at the start, or after another type', () => {
  const zeros = new Float64Array(L * L), z = new Float64Array(L);
  // Emissions alone would say O, I-PER, I-LOC.
  const e = emissions([{ O: 2 }, { 'I-PER': 5, 'B-PER': 1 }, { 'I-LOC': 5, 'I-PER': 1 }]);
  const path = Array.from(viterbi(e, 3, zeros, z, z)).map((y) => LABELS[y]);
  for (let i = 0; i < path.length; i++) assert.ok(allowed(i ? idx(path[i - 1]) : -1, idx(path[i])), path.join(' '));
  assert.deepEqual(path, ['O', 'B-LOC', 'I-LOC']); // 2 + 0 + 5 beats 2 + 1 + 1
  // At the sentence start.
  const e2 = emissions([{ 'I-ORG': 3, 'B-ORG': 1 }]);
  assert.equal(LABELS[viterbi(e2, 1, zeros, z, z)[0]], 'B-ORG');
});

test('Viterbi uses transition weights', () => {
  const trans = new Float64Array(L * L), z = new Float64Array(L);
  trans[idx('B-PER') * L + idx('I-PER')] = 3;
  const e = emissions([{ 'B-PER': 1 }, { O: 1, 'I-PER': 0 }]);
  assert.deepEqual(Array.from(viterbi(e, 2, trans, z, z)).map((y) => LABELS[y]), ['B-PER', 'I-PER']);
  assert.deepEqual(Array.from(viterbi(e, 2, new Float64Array(L * L), z, z)).map((y) => LABELS[y]), ['B-PER', 'O']);
});

test('tag mapping and spans', () => {
  assert.equal(canonicalTag('B-PERS'), 'B-PER');
  assert.equal(canonicalTag('I-MIS'), 'I-MISC');
  assert.equal(canonicalTag('O'), 'O');
  assert.deepEqual(spansOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'I-LOC']), [
    { type: 'PER', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
    { type: 'ORG', start: 4, end: 5 },
    { type: 'LOC', start: 5, end: 6 },
  ]);
});
