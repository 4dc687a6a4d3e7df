import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentWord } from './segment.js';
import { frequencyTable } from './lexicon.js';

/** A small hand-made lexicon so the tests do not depend on the shipped counts. */
const freq = frequencyTable([
  'الولايات\t300', 'ولايات\t120', 'قال\t900', 'وقال\t1500', 'السلطة\t200', 'كلام\t150', 'كلامه\t20', 'حفتر\t50', 'بنغازي\t40',
  'ليبيا\t500', 'والي\t200', 'الوالي\t80', 'إلى\t9000', 'وحدة\t300', 'الوحدة\t250', 'حدة\t20', 'يلتقي\t40', 'شكل\t100', 'بشكل\t300',
].map((l) => l));

const show = (w: string) => segmentWord(w, freq).map((p) => `${p.role}:${w.slice(p.start, p.end)}`).join(' ');

test('segmentWord: proclitics and the article', () => {
  assert.equal(show('وللولايات'), 'conj:و prep:ل article:ل stem:ولايات');
  assert.equal(show('وقال'), 'conj:و stem:قال');
  assert.equal(show('للسلطة'), 'prep:ل article:ل stem:سلطة');
  assert.equal(show('والمشير'), 'conj:و article:ال stem:مشير');
});

test('segmentWord: leaves names and lexical words whole', () => {
  assert.equal(show('بنغازي'), 'stem:بنغازي');
  assert.equal(show('ليبيا'), 'stem:ليبيا');
  assert.equal(show('والي'), 'stem:والي');
  assert.equal(show('وحدة'), 'stem:وحدة');
});

test('segmentWord: pronoun suffixes on known stems and particles', () => {
  assert.equal(show('كلامه'), 'stem:كلام pron:ه');
  assert.equal(show('لها'), 'stem:ل pron:ها');
  assert.equal(show('عليهم'), 'stem:علي pron:هم');
  assert.equal(show('ليبي'), 'stem:ليبي');
});

test('segmentWord: the future س only before an imperfect verb', () => {
  assert.equal(show('سيلتقي'), 'future:س stem:يلتقي');
  assert.equal(show('سانت'), 'stem:سانت');
});

test('segmentWord: compound prepositions split although commoner than their stem', () => {
  assert.equal(show('بشكل'), 'prep:ب stem:شكل');
});

test('segmentWord: diacritics stay with their letter and segments tile the word', () => {
  const w = 'وَلِلْوِلَايَاتِ';
  const pieces = segmentWord(w, freq);
  assert.equal(pieces.map((p) => w.slice(p.start, p.end)).join(''), w);
  assert.equal(pieces[0].role, 'conj');
  assert.equal(w.slice(pieces[0].start, pieces[0].end), 'وَ');
});
