import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { marsad, hasStack } from '../test-support/cli.js';
import { SEED_PATH, seedText } from '../test-support/seed.js';
import { checkDocument } from '../model/spans.js';
import type { MarsadDocument } from '../model/document.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));

test('cli analyze: the seed as JSON is a sound document', () => {
  const r = marsad(['analyze', SEED_PATH, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as MarsadDocument;
  assert.equal(doc.schema, 'marsad.document/1');
  assert.deepEqual(checkDocument(doc), []);
});

test('cli analyze: text and html reports', () => {
  const text = marsad(['analyze', SEED_PATH, '--format', 'text']);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /العنوان: لقاء عسكري/);
  assert.match(text.stdout, /│ الأمن الإقليمي │ مناقشة مكافحة الإرهاب والحدود\. +│/);
  const html = marsad(['analyze', SEED_PATH, '--format', 'html']);
  assert.match(html.stdout, /^<!doctype html>\n<html dir="rtl" lang="ar">/);
  assert.ok(!/<script/i.test(html.stdout));
});

test('cli analyze: standard input, --date and --url', () => {
  const r = marsad(['analyze', '-', '--date', '2025-05-20', '--url', 'https://x.ly/1'], 'قال الوزير إن الاجتماع انتهى.');
  const doc = JSON.parse(r.stdout) as MarsadDocument;
  assert.equal(doc.date, '2025-05-20');
  assert.equal(doc.source.url, 'https://x.ly/1');
});

test('cli analyze: a Windows-1256 file reads as the UTF-8 one', () => {
  const p = join(dir, 'seed-1256.txt');
  writeFileSync(p, iconv.encode(seedText().replace(/•/g, '-'), 'windows-1256'));
  const doc = JSON.parse(marsad(['analyze', p]).stdout) as MarsadDocument;
  assert.equal(doc.source.encoding, 'windows-1256');
  assert.equal(doc.title?.text, 'لقاء عسكري.. المشير حفتر يستقبل قائد أفريكوم أندرسون والسفير الأمريكي');
  assert.equal(doc.blocks.filter((b) => b.type === 'heading').length, 3);
});

test('cli analyze: bad input gives exit 2 and one clear line, never a stack trace', () => {
  const cases: Record<string, string | Buffer> = {
    'empty.txt': '',
    'spaces.txt': '   \n\t \n',
    'binary.bin': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  };
  for (const [name, body] of Object.entries(cases)) writeFileSync(join(dir, name), body);
  mkdirSync(join(dir, 'folder'), { recursive: true });
  const expect: [string[], RegExp][] = [
    [['analyze', join(dir, 'empty.txt')], /empty\.txt: empty input/],
    [['analyze', join(dir, 'spaces.txt')], /spaces\.txt: no text/],
    [['analyze', join(dir, 'binary.bin')], /binary\.bin: binary data/],
    [['analyze', join(dir, 'folder')], /folder: is a directory/],
    [['analyze', join(dir, 'missing.txt')], /missing\.txt: no such file/],
    [['analyze', SEED_PATH, '--format', 'xml'], /--format must be one of json, text, html/],
    [['analyze', SEED_PATH, '--date', '2025-13-40'], /--date "2025-13-40" is not a date/],
    [['analyze', SEED_PATH, '--bogus'], /unknown option --bogus/],
    [['analyze', SEED_PATH, '--max-size', '1k'], /over the 0\.0 MB limit/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [args, message] of expect) {
    const r = marsad(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.ok(!hasStack(r.stderr));
  }
});

test('cli analyze: broken UTF-8 gives a document with a located warning', () => {
  const p = join(dir, 'broken.txt');
  writeFileSync(p, Buffer.concat([Buffer.from('خبر عاجل: '), Buffer.from([0xd8, 0xff, 0xfe]), Buffer.from(' انتهى.')]));
  const r = marsad(['analyze', p]);
  assert.equal(r.status, 0);
  const doc = JSON.parse(r.stdout) as MarsadDocument;
  assert.ok(doc.messages.some((m) => m.code === 'encoding.invalid-bytes' && /byte 17/.test(m.reason)));
});

test('cli analyze --jsonl: one document a line, errors in place, titles before bodies', () => {
  const input = '{"text":"استقبل الرئيس التونسي وزير الخارجية الفرنسي في تونس.","id":"a1"}\n{not json\n\n{"title":"عنوان","text":"نص الخبر.","id":7}\n[1,2]\n';
  const r = marsad(['analyze', '--jsonl', '-'], input);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 4);
  assert.equal(lines[0].externalId, 'a1');
  assert.equal(lines[1].error.code, 'input.invalid-json');
  assert.equal(lines[1].error.line, 2);
  assert.equal(lines[2].text, 'عنوان\n\nنص الخبر.');
  assert.equal(lines[2].title.text, 'عنوان');
  assert.equal(lines[2].externalId, '7');
  assert.equal(lines[3].error.code, 'input.invalid-json');
});

test('cli: --help for the program and every command', () => {
  const top = marsad(['--help']);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /analyze/);
  const a = marsad(['analyze', '--help']);
  assert.equal(a.status, 0);
  assert.match(a.stdout, /--jsonl FILE\|-/);
});
