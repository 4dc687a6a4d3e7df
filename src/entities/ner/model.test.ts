import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEATURE_CONFIG, T } from './features.js';
import { feat1, hashString } from './hash.js';
import { Gazetteer } from './gazetteer.js';
import { LABEL_INDEX, NUM_LABELS } from './labels.js';
import { NerModel } from './model.js';
import { WordResources } from './resources.js';
import { scoreSpans } from './evaluate.js';
import { train } from './train.js';

const L = NUM_LABELS;

/** A hand-set model: "قيس" → B-PER, "تونس" → B-LOC, after a PER word → I-PER. */
function handModel(): NerModel {
  const rows: Array<[number, Record<string, number>]> = [
    [feat1(T.BIAS, 1), { O: 1 }],
    [feat1(T.N0, hashString('قيس')), { 'B-PER': 4 }],
    [feat1(T.N0, hashString('سعيد')), { 'I-PER': 2, 'B-PER': 1.5 }],
    [feat1(T.N0, hashString('تونس')), { 'B-LOC': 4 }],
  ];
  const ids = new Uint32Array(rows.map(([id]) => id));
  const weights = new Float32Array(rows.length * L);
  const scale = 4 / 32767;
  rows.forEach(([, w], r) => { for (const [t, v] of Object.entries(w)) weights[r * L + LABEL_INDEX.get(t)!] = Math.round(v / scale) * scale; });
  const trans = new Float32Array(L * L + 2 * L);
  const gaz = new Gazetteer();
  gaz.add(['قيس', 'سعيد'], 'PER');
  const res = new WordResources(new Map([['تونس', 10]]), new Map([['تونس', '0101']]));
  return new NerModel({ version: 2, labels: [], features: { ...DEFAULT_FEATURE_CONFIG, clusterPrefixes: [] }, rows: rows.length, scale }, ids, weights, trans, res, gaz);
}

const sentence = ['التقى', 'قيس', 'سعيد', 'في', 'تونس'];

test('a hand-set model tags by its weights', () => {
  assert.deepEqual(handModel().tag(sentence), ['O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
  assert.deepEqual(handModel().tag([]), []);
});

test('save/load round trip keeps weights, transitions, gazetteer and tags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-'));
  try {
    const m = handModel();
    m.save(dir);
    const back = NerModel.load(dir);
    assert.deepEqual(Array.from(back.ids), Array.from(m.ids));
    for (let i = 0; i < m.weights.length; i++) assert.ok(Math.abs(back.weights[i] - m.weights[i]) < 1e-6);
    assert.deepEqual(Array.from(back.transitions), Array.from(m.transitions));
    assert.equal(back.gazetteer?.size, 1);
    assert.equal(back.resources.count('تونس'), 10);
    assert.equal(back.resources.cluster('تونس'), '0101');
    assert.equal(back.resources.cluster('قيس'), null);
    assert.deepEqual(back.tag(sentence), m.tag(sentence));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the perceptron learns a tiny data set and a gazetteer hook adds features', () => {
  const data = [
    ['زار', 'قيس', 'سعيد', 'مدينة', 'سوسة'],
    ['قال', 'قيس', 'سعيد', 'إن', 'تونس', 'بخير'],
    ['وصل', 'علي', 'العريض', 'إلى', 'صفاقس'],
    ['زار', 'علي', 'العريض', 'تونس'],
  ];
  const tags = [
    ['O', 'B-PER', 'I-PER', 'O', 'B-LOC'],
    ['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O'],
    ['O', 'B-PER', 'I-PER', 'O', 'B-LOC'],
    ['O', 'B-PER', 'I-PER', 'B-LOC'],
  ];
  const sents = data.map((words, i) => ({ words, tags: tags[i], domain: 1 }));
  const model = train(sents, new WordResources(), DEFAULT_FEATURE_CONFIG, {
    epochs: 8, minCount: 1, gazFolds: 2, gazBlock: 1, gazDropout: 0, prune: 0, seed: 3,
  });
  const pred = data.map((w) => model.tag(w));
  assert.equal(scoreSpans(tags, pred).micro.f1, 1);
  // The hook is called per token and accepts 'B-LOC-gaz' style tags.
  const seen: number[] = [];
  model.tag(['زار', 'قيس', 'سعيد'], { gazetteer: (i) => { seen.push(i); return i === 1 ? ['B-PER-gaz'] : []; } });
  assert.deepEqual(seen, [0, 1, 2]);
});

test('words.bin round trip and odd inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-'));
  try {
    const res = new WordResources(new Map([['تونس', 10], ['وزير', 7]]), new Map([['تونس', '0101'], ['الرئيس', '110']]));
    res.saveBinary(join(dir, 'words.bin'));
    const back = WordResources.loadBinary(join(dir, 'words.bin'));
    assert.equal(back.count('تونس'), 10);
    assert.equal(back.count('وزير'), 7);
    assert.equal(back.count('غير'), 0);
    assert.equal(back.cluster('تونس'), '0101');
    assert.equal(back.cluster('الرئيس'), '110');
    assert.equal(back.cluster('وزير'), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const tags = handModel().tag(['', ' ', '...', 'ABC', '١٢٣', 'ـــ', 'قيس']);
  assert.equal(tags.length, 7);
  assert.equal(tags[6], 'B-PER');
});

test('tagDocument returns one tag list per sentence', () => {
  const m = handModel();
  const doc = [['التقى', 'قيس', 'سعيد'], ['وصل', 'إلى', 'تونس'], []];
  const out = m.tagDocument(doc);
  assert.equal(out.length, 3);
  assert.deepEqual(out.map((s) => s.length), [3, 3, 0]);
  assert.equal(out[1][2], 'B-LOC');
});
