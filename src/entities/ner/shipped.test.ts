import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel, spansOf, tagText, tokenize } from './index.js';

test('the shipped model tags an obvious sentence', () => {
  const ner = loadNerModel();
  assert.equal(loadNerModel(), ner, 'cached');
  const words = tokenize('التقى الرئيس التونسي قيس سعيد بوزير الخارجية الفرنسي في تونس.').map((t) => t.text);
  const tags = ner.tag(words);
  assert.equal(tags.length, words.length);
  const spans = spansOf(tags).map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);
  assert.ok(spans.includes('PER:قيس سعيد'), spans.join(', '));
  assert.ok(spans.includes('LOC:تونس'), spans.join(', '));
});

test('tagText gives character offsets', () => {
  const text = 'وصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر.';
  const ents = tagText(loadNerModel(), text);
  for (const e of ents) assert.equal(text.slice(e.charStart, e.charEnd), e.text);
  assert.ok(ents.some((e) => e.type === 'LOC' && e.text === 'الجزائر'), JSON.stringify(ents));
});

test('the shipped model matches the project segmenter it was trained with', (t) => {
  // Not a failure: a changed segmenter only costs a little accuracy until the model is retrained.
  if (loadNerModel().segmenterChanged()) t.diagnostic('src/arabic/segment.ts changed since models/ner was trained: run `npm run train`');
});

test('tagDocument finds a name again where its context says less', () => {
  const ner = loadNerModel();
  const doc = [
    'قال الرئيس التونسي قيس سعيد إن البلاد تمر بمرحلة صعبة .',
    'وأضاف سعيد أن الحكومة ستعمل على حل الأزمة .',
  ].map((s) => tokenize(s).map((x) => x.text));
  const tags = ner.tagDocument(doc);
  assert.equal(tags.length, 2);
  assert.ok(spansOf(tags[0]).some((s) => s.type === 'PER'), tags[0].join(' '));
});
