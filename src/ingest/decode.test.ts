import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decode } from './decode.js';
import { MarsadError } from '../model/messages.js';
import { seedText } from '../test-support/seed.js';

const codes = (d: { messages: { code: string }[] }) => d.messages.map((m) => m.code);

test('decode: UTF-8 with and without BOM', () => {
  assert.equal(decode(Buffer.from('خبر عاجل')).text, 'خبر عاجل');
  const withBom = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('خبر')]));
  assert.equal(withBom.text, 'خبر');
  assert.deepEqual(codes(withBom), ['encoding.declared']);
});

test('decode: UTF-16 LE and BE with BOM, and LE without one', () => {
  const s = seedText();
  assert.equal(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])).text, s);
  assert.equal(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')])).encoding, 'utf-16be');
  assert.equal(decode(iconv.encode(s, 'utf-16le')).text, s);
});

test('decode: Windows-1256 is detected from the bytes, with a warning', () => {
  const s = 'استقبل المشير خليفة حفتر قائد أفريكوم في بنغازي، وأكّد الطرفان «التعاون».';
  const d = decode(iconv.encode(s, 'windows-1256'));
  assert.equal(d.encoding, 'windows-1256');
  assert.equal(d.text, s);
  assert.deepEqual(codes(d), ['encoding.legacy']);
});

test('decode: ISO-8859-6 is detected from the bytes', () => {
  const s = 'قال وزير الخارجية إن الاجتماع عقد في طرابلس يوم الثلاثاء';
  const d = decode(iconv.encode(s, 'iso-8859-6'));
  assert.equal(d.encoding, 'iso-8859-6');
  assert.equal(d.text, s);
});

test('decode: a declared charset wins over guessing', () => {
  const html = `<html><head><meta charset="windows-1256"></head><body><p>مرحبا بكم</p></body></html>`;
  const d = decode(iconv.encode(html, 'windows-1256'));
  assert.equal(d.encoding, 'windows-1256');
  assert.match(d.text, /مرحبا بكم/);
});

test('decode: a few broken bytes in UTF-8 are replaced and located', () => {
  const d = decode(Buffer.concat([Buffer.from('خبر عاجل: '), Buffer.from([0xd8, 0xff, 0xfe]), Buffer.from(' انتهى الخبر.')]));
  assert.equal(d.encoding, 'utf-8');
  assert.match(d.text, /^خبر عاجل: \uFFFD+ انتهى الخبر\.$/);
  assert.equal(d.messages[0].code, 'encoding.invalid-bytes');
  assert.match(d.messages[0].reason, /first at byte 17/);
});

test('decode: CR LF and CR become LF; control characters are removed with a message', () => {
  const d = decode(Buffer.from('سطر\r\nسطر\rسطر\u0007'));
  assert.equal(d.text, 'سطر\nسطر\nسطر');
  assert.deepEqual(codes(d), ['encoding.control-chars']);
});

test('decode: empty and binary input are clear errors', () => {
  assert.throws(() => decode(Buffer.alloc(0), { where: 'a.txt' }), (e: unknown) => e instanceof MarsadError && e.code === 'input.empty' && /^a\.txt: /.test(e.message));
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assert.throws(() => decode(binary), (e: unknown) => e instanceof MarsadError && e.code === 'input.binary');
});
