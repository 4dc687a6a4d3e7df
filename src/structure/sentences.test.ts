import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitRange } from './sentences.js';
import { findQuotes } from './quotes.js';

const split = (s: string) => splitRange(s, 0, s.length).map((x) => s.slice(x.start, x.end));

test('splitRange: full stops, question and exclamation marks end sentences', () => {
  assert.deepEqual(split('وصل الوفد. هل يلتقي الرئيس؟ نعم! انتهى'), ['وصل الوفد.', 'هل يلتقي الرئيس؟', 'نعم!', 'انتهى']);
});

test('splitRange: not at decimals, URLs, abbreviations or the headline pause', () => {
  assert.deepEqual(split('ارتفع بنسبة 3.5 بالمئة حسب www.ins.tn اليوم. قال د. محمد إن النمو جيد.'), ['ارتفع بنسبة 3.5 بالمئة حسب www.ins.tn اليوم.', 'قال د. محمد إن النمو جيد.']);
  assert.deepEqual(split('لقاء عسكري.. المشير حفتر يستقبل قائد أفريكوم'), ['لقاء عسكري.. المشير حفتر يستقبل قائد أفريكوم']);
  assert.deepEqual(split('Mr. Smith met U.S. officials. Then left.'), ['Mr. Smith met U.S. officials.', 'Then left.']);
});

test('splitRange: ؛ joins clauses; an ellipsis and closing quotes end the sentence with it', () => {
  assert.deepEqual(split('وصل الوفد؛ ثم غادر… وقال "انتهى." ثم عاد'), ['وصل الوفد؛ ثم غادر…', 'وقال "انتهى."', 'ثم عاد']);
});

test('splitRange: a short quotation is not split inside', () => {
  assert.deepEqual(split('قال الوزير: «وصلنا. سنعمل معا.» ثم غادر. وانتهى.'), ['قال الوزير: «وصلنا. سنعمل معا.» ثم غادر.', 'وانتهى.']);
});

test('splitRange: two Arabic sentences run together at a dot are still two', () => {
  assert.deepEqual(split('انتهى الاجتماع.وغادر الوفد'), ['انتهى الاجتماع.', 'وغادر الوفد']);
});

test('findQuotes: guillemets, curly and straight quotes; unbalanced marks ignored', () => {
  const s = 'قال «نحن هنا» و"سنبقى" ثم “هكذا” و«بلا إغلاق';
  assert.deepEqual(findQuotes(s, [{ type: 'paragraph', start: 0, end: s.length }]).map((q) => q.text), ['«نحن هنا»', '"سنبقى"', '“هكذا”']);
});
