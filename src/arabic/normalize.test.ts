import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, normalizeWithMap, originalSpan, stripMarks } from './normalize.js';

test('normalize: folds hamza forms of alef, alef maksura and teh marbuta', () => {
  assert.equal(normalize('أإآٱ'), 'اااا');
  assert.equal(normalize('مستشفى'), 'مستشفي');
  assert.equal(normalize('مدينة'), 'مدينه');
  assert.equal(normalize('مدينة', { tehMarbuta: false }), 'مدينة');
});

test('normalize: removes diacritics, tatweel and invisible marks', () => {
  assert.equal(normalize('مُؤتَمَـــر'), 'مؤتمر');
  assert.equal(normalize('حوارًا'), 'حوارا');
  assert.equal(normalize('ب\u200Fيان'), 'بيان');
});

test('normalize: digits to ASCII, Latin lower-cased, Persian letters folded', () => {
  assert.equal(normalize('٢٠١٧ و۳'), '2017 و3');
  assert.equal(normalize('AFRICOM'), 'africom');
  assert.equal(normalize('کی'), 'كي');
});

test('normalizeWithMap: a ligature expands and maps back to itself', () => {
  const a = normalizeWithMap('ﻻ بد');
  assert.equal(a.norm, 'لا بد');
  assert.deepEqual([...a.map], [0, 0, 1, 2, 3, 4]);
});

test('originalSpan: a match in the normalised string covers the original, marks included', () => {
  const s = 'قال حَفْتَرُ أمس';
  const a = normalizeWithMap(s);
  const i = a.norm.indexOf('حفتر');
  const span = originalSpan(s, a, i, i + 4);
  assert.equal(s.slice(span.start, span.end), 'حَفْتَرُ');
});

test('stripMarks: keeps spelling, drops marks', () => {
  assert.equal(stripMarks('إِلَى'), 'إلى');
});
