import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainStructure } from './plain.js';
import { seedText } from '../test-support/seed.js';

const blocksOf = (text: string) => plainStructure(text).blocks.map((b) => `${b.type}:${text.slice(b.start, b.end)}`);

test('plainStructure: the seed has its title, three headings, one list of six and one table', () => {
  const text = seedText();
  const { title, blocks, messages } = plainStructure(text);
  assert.equal(title?.text, 'لقاء عسكري.. المشير حفتر يستقبل قائد أفريكوم أندرسون والسفير الأمريكي');
  const headings = blocks.filter((b) => b.type === 'heading').map((b) => text.slice(b.start, b.end));
  assert.deepEqual(headings, [
    'أهداف اللقاء الرئيسية في استقبال حفتر لقائد أفريكوم',
    'السياق السياسي المحيط باستقبال حفتر لقائد أفريكوم',
    'تأثيرات محتملة لاستقبال حفتر لقائد أفريكوم على المنطقة',
  ]);
  const lists = blocks.filter((b) => b.type === 'list');
  assert.equal(lists.length, 1);
  assert.equal(lists[0].items?.length, 6);
  assert.equal(lists[0].items?.[0].text, 'تعزيز القدرات العسكرية للجيش الوطني من خلال برامج تدريب أمريكية.');
  const tables = blocks.filter((b) => b.type === 'table');
  assert.equal(tables.length, 1);
  assert.deepEqual(tables[0].header?.map((c) => c.text), ['الجانب', 'التفاصيل']);
  assert.deepEqual(tables[0].rows?.map((r) => r.map((c) => c.text)), [
    ['الأمن الإقليمي', 'مناقشة مكافحة الإرهاب والحدود.'],
    ['الدعم العسكري', 'تدريب وتبادل خبرات مع أفريكوم.'],
    ['الحل السياسي', 'التأكيد على الانتخابات والوحدة الوطنية.'],
  ]);
  assert.ok(blocks.filter((b) => b.type === 'paragraph').length >= 5);
  for (let i = 1; i < blocks.length; i++) assert.ok(blocks[i].start >= blocks[i - 1].end, 'blocks in reading order');
  assert.deepEqual(messages.map((m) => m.code), ['structure.table-columns-inferred']);
});

test('plainStructure: numbered lists in Western, Arabic-Indic and abjad numbering', () => {
  const text = 'العنوان\n\nمقدمة الخبر هنا.\n\n1. البند الأول\n2. البند الثاني\n\n١. أولا\n٢. ثانيا\n\nأ) الأول\nب) الثاني\n';
  const lists = plainStructure(text).blocks.filter((b) => b.type === 'list');
  assert.deepEqual(lists.map((l) => l.items?.map((i) => i.text)), [['البند الأول', 'البند الثاني'], ['أولا', 'ثانيا'], ['الأول', 'الثاني']]);
  assert.ok(lists.every((l) => l.ordered));
});

test('plainStructure: tab- and pipe-separated tables, with header', () => {
  const text = 'جدول\n\nالمدينة\tالسكان\nتونس\t600000\nصفاقس\t270000\n\n| الدولة | العاصمة |\n|---|---|\n| ليبيا | طرابلس |\n';
  const tables = plainStructure(text).blocks.filter((b) => b.type === 'table');
  assert.equal(tables.length, 2);
  assert.deepEqual(tables[0].header?.map((c) => c.text), ['المدينة', 'السكان']);
  assert.deepEqual(tables[0].rows?.map((r) => r.map((c) => c.text)), [['تونس', '600000'], ['صفاقس', '270000']]);
  assert.deepEqual(tables[1].header?.map((c) => c.text), ['الدولة', 'العاصمة']);
  assert.deepEqual(tables[1].rows?.map((r) => r.map((c) => c.text)), [['ليبيا', 'طرابلس']]);
});

test('plainStructure: a short unpunctuated line before a paragraph is a heading; a line ending with a colon is not', () => {
  const text = 'عنوان الخبر الرئيسي\n\nفقرة أولى طويلة بما يكفي لتكون فقرة حقيقية من النص.\n\nخلفية الأزمة في البلاد\n\nفقرة ثانية تشرح الخلفية بالتفصيل الكافي للقارئ.\n\nوفيما يلي التفاصيل:\n\nفقرة أخيرة.';
  assert.deepEqual(blocksOf(text), [
    'title:عنوان الخبر الرئيسي',
    'paragraph:فقرة أولى طويلة بما يكفي لتكون فقرة حقيقية من النص.',
    'heading:خلفية الأزمة في البلاد',
    'paragraph:فقرة ثانية تشرح الخلفية بالتفصيل الكافي للقارئ.',
    'paragraph:وفيما يلي التفاصيل:',
    'paragraph:فقرة أخيرة.',
  ]);
});

test('plainStructure: markdown headings and hard-wrapped paragraphs', () => {
  const text = '## القسم الأول\n\nهذا سطر طويل من فقرة مكسورة الأسطر بشكل يدوي في\nمنتصف الجملة ويستمر هنا حتى النهاية.\n';
  assert.deepEqual(blocksOf(text), ['heading:القسم الأول', 'paragraph:هذا سطر طويل من فقرة مكسورة الأسطر بشكل يدوي في\nمنتصف الجملة ويستمر هنا حتى النهاية.']);
});

test('plainStructure: a known title is kept and not guessed again', () => {
  const text = 'عنوان معطى\n\nسطر قصير\nنص الخبر.';
  const s = plainStructure(text, { text: 'عنوان معطى', start: 0, end: 10 });
  assert.equal(s.title?.text, 'عنوان معطى');
  assert.equal(s.blocks.filter((b) => b.type === 'title').length, 1);
});
