import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adjectiveForms,
  derivePresent,
  guessVerbClass,
  hasPassiveMarks,
  nounForms,
  passiveForms,
  verbForms,
} from './inflect.js';

function includesAll(forms: string[], expected: string[]): void {
  for (const f of expected) assert.ok(forms.includes(f), `missing ${f} in ${forms.join(' ')}`);
}

test('sound Form I verb: perfect and imperfect persons', () => {
  const forms = verbForms({ past: 'قتل' });
  includesAll(forms, ['قتل', 'قتلت', 'قتلا', 'قتلتا', 'قتلوا', 'قتلن', 'قتلنا', 'قتلتم']);
  includesAll(forms, ['يقتل', 'تقتل', 'نقتل', 'اقتل', 'يقتلون', 'يقتلان', 'تقتلين', 'يقتلوا', 'يقتلن']);
});

test('derived forms: the imperfect is predicted (أفعل، فاعل، افتعل، انفعل، تفاعل، استفعل)', () => {
  assert.equal(derivePresent('أعلن'), 'يعلن');
  assert.equal(derivePresent('هاجم'), 'يهاجم');
  assert.equal(derivePresent('اعتقل'), 'يعتقل');
  assert.equal(derivePresent('انسحب'), 'ينسحب');
  assert.equal(derivePresent('تظاهر'), 'يتظاهر');
  assert.equal(derivePresent('استقبل'), 'يستقبل');
  includesAll(verbForms({ past: 'استقبل' }), ['استقبل', 'استقبلت', 'استقبلوا', 'يستقبل', 'تستقبل', 'نستقبل', 'يستقبلون']);
  includesAll(verbForms({ past: 'اعتقل' }), ['اعتقلت', 'اعتقلوا', 'يعتقل', 'يعتقلون', 'تعتقل']);
  includesAll(verbForms({ past: 'هاجم' }), ['هاجمت', 'هاجموا', 'يهاجم', 'يهاجمون']);
});

test('hollow verbs: the long vowel drops before consonant suffixes; passives differ', () => {
  const zar = verbForms({ past: 'زار', present: 'يزور', class: 'hollow' });
  includesAll(zar, ['زار', 'زارت', 'زاروا', 'زرت', 'زرنا', 'يزور', 'تزور', 'يزورون', 'يزرن']);
  assert.ok(!zar.includes('نزر'), 'no jussive forms');
  assert.equal(derivePresent('أدان', 'hollow'), 'يدين');
  assert.equal(derivePresent('اختار', 'hollow'), 'يختار');
  assert.equal(derivePresent('استقال', 'hollow'), 'يستقيل');
  includesAll(verbForms({ past: 'أدان', class: 'hollow' }), ['ادان', 'ادانت', 'ادنت', 'يدين', 'تدين', 'ادين', 'يدان']);
  includesAll(verbForms({ past: 'اغتال', class: 'hollow' }), ['اغتال', 'اغتالت', 'اغتيل', 'اغتيلت', 'يغتال']);
  assert.throws(() => derivePresent('زار', 'hollow'), /imperfect/);
});

test('hollow passives keep only the 3rd masculine imperfect (تشاد is Chad)', () => {
  const p = passiveForms('اشاد', 'يشيد', 'hollow');
  includesAll(p, ['اشيد', 'يشاد']);
  assert.ok(!p.includes('تشاد'));
});

test('defective verbs: final و (دعا) and final ى (نفى، التقى)', () => {
  includesAll(verbForms({ past: 'دعا', class: 'defective' }), ['دعا', 'دعت', 'دعوا', 'دعوت', 'يدعو', 'تدعو', 'يدعون', 'يدعوان', 'دعي']);
  includesAll(verbForms({ past: 'نفى', class: 'defective' }), ['نفي', 'نفت', 'نفوا', 'نفيت', 'ينفي', 'تنفي', 'ينفون', 'ينفيان']);
  includesAll(verbForms({ past: 'التقى', class: 'defective' }), ['التقي', 'التقت', 'التقوا', 'التقيا', 'يلتقي', 'يلتقون', 'نلتقي']);
  assert.ok(!verbForms({ past: 'دعا', class: 'defective' }).includes('يدعي'), 'يُدعى would read as "claims"');
});

test('doubled verbs: the geminate splits before consonant suffixes', () => {
  includesAll(verbForms({ past: 'ردّ', class: 'doubled' }), ['رد', 'ردت', 'ردوا', 'رددت', 'رددنا', 'يرد', 'يردون']);
  includesAll(verbForms({ past: 'احتلّ', class: 'doubled' }), ['احتل', 'احتلت', 'احتللت', 'يحتل', 'تحتل']);
  includesAll(verbForms({ past: 'احتج', class: 'doubled' }), ['احتجوا', 'احتججنا', 'يحتجون']);
});

test('assimilated verbs take their imperfect from the spec; past-only and present-only', () => {
  includesAll(verbForms({ past: 'وصل', present: 'يصل' }), ['وصلت', 'يصل', 'تصل', 'يصلون']);
  const wa3ad = verbForms({ past: 'وعد', present: 'يعد', pastOnly: true });
  assert.ok(wa3ad.includes('وعدت') && !wa3ad.includes('يعد'));
  const thamman = verbForms({ past: 'ثمن', presentOnly: true });
  assert.ok(thamman.includes('يثمن') && !thamman.includes('ثمن'));
});

test('guessVerbClass for dictionary lemmas', () => {
  assert.equal(guessVerbClass('قتل'), 'sound');
  assert.equal(guessVerbClass('شد'), 'doubled');
  assert.equal(guessVerbClass('نفى'), 'defective');
  assert.equal(guessVerbClass('استقال'), 'hollow');
  assert.equal(guessVerbClass('قال'), null, 'Form I hollow: vowel unknown');
  assert.equal(guessVerbClass('بدأ'), null, 'radical hamza');
  assert.equal(guessVerbClass('أخذ'), null, 'Form I with initial hamza');
});

test('nouns: ة nouns get dual and sound plural; others tanwin alif and listed plurals', () => {
  assert.deepEqual(nounForms({ lemma: 'مظاهرة' }), ['مظاهره', 'مظاهرتان', 'مظاهرتين', 'مظاهرات']);
  includesAll(nounForms({ lemma: 'هجوم', plural: ['هجمات'] }), ['هجوم', 'هجوما', 'هجومين', 'هجمات']);
  includesAll(nounForms({ lemma: 'اعتقال', plural: ['اعتقالات'] }), ['اعتقال', 'اعتقالا', 'اعتقالات']);
  assert.deepEqual(nounForms({ lemma: 'لقاء', plural: ['لقاءات'] }), ['لقاء', 'لقاءان', 'لقاءين', 'لقاءات']);
  assert.deepEqual(nounForms({ lemma: 'محادثات' }), ['محادثات']);
  includesAll(adjectiveForms('جوي'), ['جوي', 'جويه', 'جويا', 'جويين', 'جويات']);
});

test('vowel marks reveal passives; unvocalised text does not', () => {
  assert.equal(hasPassiveMarks('يُستقبَل'), true);
  assert.equal(hasPassiveMarks('قُتِل'), true);
  assert.equal(hasPassiveMarks('اُستُقبِل'), true);
  assert.equal(hasPassiveMarks('اعتُقل'), true);
  assert.equal(hasPassiveMarks('أُطلِق'), true);
  assert.equal(hasPassiveMarks('قَتَلَ'), false);
  assert.equal(hasPassiveMarks('يُعلِن'), false, 'active Form IV imperfect');
  assert.equal(hasPassiveMarks('يستقبل'), false);
});
