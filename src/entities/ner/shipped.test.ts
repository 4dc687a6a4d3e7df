import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, loadNerModel, spansOf, tagText, tokenize } from './index.js';

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
  if (loadNerModel().segmenterChanged()) t.diagnostic('src/arabic/segment.ts changed since models/ner was trained: retrain (npm run build && node dist/scripts/train-ner.js)');
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

test('training.json describes the shipped weights', () => {
  const training = JSON.parse(readFileSync(join(defaultModelDir(), 'training.json'), 'utf8'));
  const ner = loadNerModel();
  // Absent keys are off, in the header as in training.json.
  const on = (cfg: object) => Object.fromEntries(Object.entries(cfg).filter(([, v]) => v !== false && v !== undefined));
  assert.deepEqual(on(training.features), on(ner.config));
  assert.deepEqual(training.trainedOn, ['anercorp-train.txt', 'aqmar-train.txt'], 'never the dev splits');
});

test('the shipped genre classifier tells encyclopaedic prose from news', () => {
  const ner = loadNerModel();
  assert.ok(ner.domainClassifier, 'models/ner/domain.bin is loaded');
  const words = (s: string) => [tokenize(s).map((t) => t.text)];
  const news = ner.wikiProbability(words('قال وزير الخارجية اليوم الثلاثاء في تصريح لوكالة الأنباء إن الحكومة ستعقد اجتماعا غدا لبحث الأزمة .'));
  const wiki = ner.wikiProbability(words('ولد عالم الرياضيات في مدينة بغداد سنة 780 م وتوفي سنة 850 م ، وهو من أشهر علماء العصر العباسي وله مؤلفات في الجبر والفلك .'));
  assert.ok(news < 0.05, `P(wiki) of news: ${news}`);
  assert.ok(wiki > 10 * news && wiki > 0.1, `P(wiki) of encyclopaedic prose: ${wiki}`);
});
