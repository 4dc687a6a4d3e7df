import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Token } from '../../model/document.js';
import { normalize } from '../../arabic/normalize.js';
import { findTriggers } from './matcher.js';
import { simpleTokens } from './sample-tokens.js';
import type { TriggerMatch } from './types.js';

/** Triggers of one sentence, with the text they cover. */
function find(text: string, withText = true): { m: TriggerMatch; words: string }[] {
  const tokens = simpleTokens(text);
  const hits = findTriggers(tokens, { from: 0, to: tokens.length }, withText ? { text } : {});
  return hits.map((m) => ({ m, words: m.tokens.map((i) => text.slice(tokens[i].start, tokens[i].end)).join(' ') }));
}

function codes(text: string): string[] {
  return find(text).map((h) => `${h.m.cameo}:${h.words}`);
}

test('clitics on trigger words: و ف س ب ل ال', () => {
  const cases: [string, string, string][] = [
    ['واستقبل الرئيس وزير الخارجية', '043', 'واستقبل'],
    ['وسيلتقي الوزير بنظيره غدا', '040', 'وسيلتقي'],
    ['فاعتقلت الشرطة ثلاثة أشخاص', '173', 'فاعتقلت'],
    ['قتل جندي بقصف على القرية', '190', 'بقصف'],
    ['والهجوم على الثكنة كان عنيفا', '180', 'والهجوم'],
    ['توجه الوفد لاستقبال الرئيس', '043', 'لاستقبال'],
  ];
  for (const [text, cameo, word] of cases) {
    const hit = find(text).find((h) => h.words === word);
    assert.ok(hit, `${word} in ${text}: ${codes(text)}`);
    assert.equal(hit.m.cameo, cameo, text);
  }
  const [wa] = find('وسيلتقي الوزير بنظيره');
  assert.deepEqual(wa.m.clitics, { conj: 'و', future: true });
  const [al] = find('والهجوم على الثكنة');
  assert.deepEqual(al.m.clitics, { conj: 'و', article: true });
  assert.ok(al.m.confidence < find('هاجم المسلحون الثكنة')[0].m.confidence, 'nouns are less sure than verbs');
});

test('pronoun suffixes, with ة restored and وا restored', () => {
  assert.deepEqual(codes('خلال زيارته إلى باريس'), ['042:زيارته']);
  assert.deepEqual(codes('الشرطة اعتقلته أمس'), ['173:اعتقلته']);
  assert.deepEqual(codes('المسلحون قتلوه أمس'), ['190:قتلوه']);
});

test('phrases: longest match first', () => {
  const [wish] = find('وأعرب الرئيس عن رغبته في تعزيز العلاقات');
  assert.equal(wish.m.cameo, '030');
  assert.equal(wish.m.plover, 'AGREE');
  assert.equal(wish.words, 'وأعرب عن رغبته');
  assert.equal(wish.m.speech, true);
  assert.deepEqual(codes('فرضت الولايات المتحدة عقوبات على إيران'), ['163:فرضت عقوبات']);
  assert.deepEqual(codes('أطلقت السلطات سراح المعتقلين'), ['0841:أطلقت سراح']);
  assert.deepEqual(codes('دعا الاتحاد إلى وقف إطلاق النار'), ['0256:دعا وقف إطلاق النار']);
  assert.deepEqual(codes('أعلن الطرفان وقف إطلاق النار'), ['010:أعلن', '0871:وقف إطلاق النار']);
  assert.deepEqual(codes('شن الجيش هجوما على المدينة'), ['190:شن هجوما']);
  assert.deepEqual(codes('وقعت الحكومة اتفاقية تعاون'), ['057:وقعت اتفاقية', '060:تعاون']);
  assert.deepEqual(codes('ستنسحب الولايات المتحدة من اتفاقية باريس'), ['120:ستنسحب من اتفاقية']);
});

test('statements: coded only through a cue, which stops at أن', () => {
  const said = find('قال الرئيس إن دعم الجيش ضروري');
  assert.equal(said[0].m.cameo, '010');
  assert.equal(said[0].m.plover, null);
  assert.equal(said[0].m.cue, undefined);
  const [support] = find('أكد الوزير دعمه للحكومة');
  assert.equal(support.m.cameo, '051');
  assert.equal(support.m.plover, 'SUPPORT');
  const [concern] = find('وأعرب الأمين العام عن قلقه إزاء التصعيد');
  assert.equal(concern.m.cameo, '110');
  assert.equal(concern.m.cue?.lemma, 'قلق');
  assert.equal(concern.words, 'وأعرب عن قلقه');
  const [condemn] = find('أعربت الخارجية عن إدانتها الشديدة للهجوم');
  assert.equal(condemn.m.cameo, '111');
});

test('false friends do not fire', () => {
  assert.deepEqual(codes('سقط عشرات القتلى في المدينة'), []);
  assert.deepEqual(codes('قالت وزارة الداخلية'), ['010:قالت']);
  assert.deepEqual(codes('مركز البحث العلمي'), []);
  assert.deepEqual(codes('يبحث عن عمل'), []);
  assert.deepEqual(codes('وصل الوفد فجر اليوم'), []);
  assert.deepEqual(codes('احتل الفريق المرتبة الأولى'), []);
  assert.deepEqual(codes('عبر الحدود'), []);
  assert.deepEqual(codes('وبحسب بيان صادر عن الوزارة'), []);
  assert.deepEqual(codes('وقال في اجتماع مما دعا الحكومة إلى التدخل').filter((c) => c.startsWith('020')), []);
  assert.deepEqual(codes('ضربة جزاء في الدقيقة الأخيرة'), []);
});

test('verbs take no article; nouns take no future', () => {
  assert.deepEqual(codes('البحث'), []);
  assert.deepEqual(codes('سيهاجم'), ['180:سيهاجم']);
  assert.deepEqual(codes('سهجوم'), []);
});

test('the segmenter\'s segments are used when present', () => {
  const text = 'وللاعتقال';
  const norm = normalize(text);
  const token: Token = {
    start: 0,
    end: text.length,
    kind: 'word',
    norm,
    segments: [
      { start: 0, end: 1, role: 'conj', norm: 'و' },
      { start: 1, end: 2, role: 'prep', norm: 'ل' },
      { start: 2, end: 3, role: 'article', norm: 'ل' },
      { start: 3, end: text.length, role: 'stem', norm: 'اعتقال' },
    ],
  };
  const [hit] = findTriggers([token], { from: 0, to: 1 });
  assert.equal(hit.cameo, '173');
  assert.deepEqual(hit.clitics, { conj: 'و', prep: 'ل', article: true });
});

test('the range limits the search and the text adds passive marks', () => {
  const text = 'اعتقل جنود. اُعتُقِل ثلاثة';
  const tokens = simpleTokens(text);
  const first = findTriggers(tokens, { from: 0, to: 3 }, { text });
  assert.equal(first.length, 1);
  assert.equal(first[0].passiveMarked, false);
  const second = findTriggers(tokens, { from: 3, to: tokens.length }, { text });
  assert.equal(second.length, 1);
  assert.equal(second[0].from, 3);
  assert.equal(second[0].passiveMarked, true);
  assert.equal(second[0].args.passiveLikely, true);
});

test('a final ة is never a pronoun when the text is known', () => {
  // زيارة read as زار + ه "visited him" only without the text.
  const withText = find('زيارة', true).map((h) => h.m.entry.pos);
  assert.deepEqual(withText, ['noun']);
});
