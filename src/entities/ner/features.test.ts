import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWord, extractFeatures, wordShape, DEFAULT_FEATURE_CONFIG, MAX_FEATURES, T } from './features.js';
import { feat1, feat2, hashString } from './hash.js';
import { WordResources } from './resources.js';
import { stemWord } from './stem.js';

const lex = new WordResources(
  new Map([['تونس', 500], ['وتونس', 20], ['وزير', 300], ['زير', 2], ['الخارجيه', 200]]),
  new Map([['تونس', '110000'], ['الرئيس', '1100011'], ['قيس', '0010'], ['الخارجيه', '0111']]),
);
const cfg = DEFAULT_FEATURE_CONFIG;

test('clitic stripping: article words, lexicon-checked proclitics, names kept whole', () => {
  assert.deepEqual(stemWord('والرئيس'), { proclitics: 'و', article: true, stem: 'رئيس', light: 'الرئيس' });
  assert.deepEqual(stemWord('للرئيس'), { proclitics: 'ل', article: true, stem: 'رئيس', light: 'الرئيس' });
  assert.deepEqual(stemWord('بالخارجيه'), { proclitics: 'ب', article: true, stem: 'خارجيه', light: 'الخارجيه' });
  assert.equal(stemWord('والي').stem, 'والي');
  assert.equal(stemWord('وتونس', lex).light, 'تونس');
  assert.equal(stemWord('وزير', lex).stem, 'وزير');
  assert.equal(stemWord('بريطانيا', lex).stem, 'بريطانيا');
});

test('word analysis of a hand-made sentence', () => {
  const words = ['التقى', 'الرئيسُ', 'التونسي', 'قيس', 'سعيد', 'بوزير', 'الخارجية', 'في', 'تونس', '.'];
  const a = words.map((w) => analyzeWord(w, lex, cfg));
  assert.equal(a[1].norm, 'الرئيس');
  assert.equal(a[1].stem, 'رئيس');
  assert.equal(a[1].trigger, 'title');
  assert.equal(a[1].cluster, '1100011');
  assert.equal(a[2].stem, 'تونسي');
  assert.equal(a[3].cluster, '0010');
  assert.equal(a[6].norm, 'الخارجيه');
  assert.equal(a[8].cluster, '110000');
  assert.equal(a[4].cluster, null);
  assert.equal(wordShape('2011'), 'd:4');
  assert.equal(wordShape('.'), '.:1');
  assert.equal(wordShape('قيس'), 'a:3');

  const vs = a.map((x) => x.v);
  const buf = new Uint32Array(MAX_FEATURES);
  const n = extractFeatures(vs, 3, cfg, buf, [undefined, undefined, undefined, ['B-PER']], 1);
  const feats = new Set(buf.subarray(0, n));
  assert.equal(feats.size, n, 'no duplicate feature ids');
  assert.ok(feats.has(feat1(T.BIAS, 1)));
  assert.ok(feats.has(feat1(T.N0, hashString('قيس'))));
  assert.ok(feats.has(feat1(T.N_1, hashString('التونسي'))));
  assert.ok(feats.has(feat1(T.N_2, hashString('الرئيس'))));
  assert.ok(feats.has(feat1(T.N1, hashString('سعيد'))));
  assert.ok(feats.has(feat1(T.TRIG_2, hashString('title'))));
  assert.ok(feats.has(feat2(T.CL0, 0, hashString('0010'))));
  assert.ok(feats.has(feat2(T.SUF_N, 0, hashString('س'))));
  assert.ok(feats.has(feat1(T.GAZ0, hashString('B-PER'))));
  assert.ok(!feats.has(feat1(T.GAZ0, hashString('B-LOC'))));
  // Deterministic and position-relative.
  const again = new Uint32Array(MAX_FEATURES);
  assert.equal(extractFeatures(vs, 3, cfg, again, [undefined, undefined, undefined, ['B-PER']], 1), n);
  assert.deepEqual(again.subarray(0, n), buf.subarray(0, n));
  // The first word sees sentence-start boundaries.
  const m = extractFeatures(vs, 0, cfg, buf, null, 1);
  const first = new Set(buf.subarray(0, m));
  assert.ok(first.has(feat1(T.N_1, hashString('<s>'))));
});
