/**
 * Hostile input for the analysis path: every case ends in a clear refusal or a
 * usable document, in bounded time, and a batch goes on past it. (Feeds, fetching
 * and the store have their own suites next to their code.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, truncateSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { analyze } from '../pipeline/analyze.js';
import { checkDocument } from '../model/spans.js';
import { MarsadError } from '../model/messages.js';
import { marsad, hasStack } from '../test-support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-hostile-'));

function refused(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof MarsadError && e.code === code);
}

test('hostile: empty, white space only and binary input are refused with their reason', () => {
  refused(() => analyze(Buffer.alloc(0)), 'input.empty');
  refused(() => analyze(Buffer.from(' \n\t\r\n  ')), 'input.empty');
  refused(() => analyze(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])), 'input.binary');
  refused(() => analyze(Buffer.from('%PDF-1.4\n' + '\u0000'.repeat(20))), 'input.binary');
});

test('hostile: truncated UTF-8 and mixed encodings give a document with located warnings', () => {
  const text = Buffer.from('خبر عاجل عن الاجتماع');
  const truncated = analyze(text.subarray(0, text.length - 1));
  assert.ok(truncated.messages.some((m) => m.code === 'encoding.invalid-bytes'));
  assert.deepEqual(checkDocument(truncated), []);
  const mixed = analyze(Buffer.concat([Buffer.from('قال الوزير في تونس إن الاجتماع انتهى. '.repeat(5)), iconv.encode('وأضاف أن الحكومة ستواصل عملها', 'windows-1256')]));
  assert.deepEqual(checkDocument(mixed), []);
  assert.ok(mixed.messages.some((m) => m.code.startsWith('encoding.')));
});

test('hostile: a 200 MB file is refused before it is read', () => {
  const big = join(dir, 'big.txt');
  closeSync(openSync(big, 'w'));
  truncateSync(big, 200 * 1024 * 1024); // sparse: nothing is written
  const r = marsad(['analyze', big]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /over the 32\.0 MB limit/);
  assert.ok(!hasStack(r.stderr));
});

test('hostile: one line of ten million characters is analysed in bounded time', () => {
  const word = 'الاجتماع ';
  const line = word.repeat(Math.ceil(10_000_000 / word.length)).slice(0, 10_000_000);
  const doc = analyze(line);
  assert.equal(doc.text.length, 10_000_000);
  assert.equal(doc.sentences.length, 1);
  assert.ok(doc.tokens.length > 1_000_000);
});

test('hostile: scripts, frames and event handlers in HTML never reach the text as markup', () => {
  const html = '<html><body><article><p>نص <script>alert(1)</script><iframe src="javascript:alert(2)"></iframe><img src=x onerror="alert(3)"> الخبر</p><a href="javascript:alert(4)">رابط</a></article></body></html>';
  const doc = analyze(html);
  assert.ok(!/alert|<script|onerror|iframe/.test(doc.text), doc.text);
  assert.match(doc.text, /نص\s+الخبر/);
});

test('hostile: JSON with prototype-pollution keys does not pollute', () => {
  const doc = analyze(Buffer.from('{"text":"نص الخبر.","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'));
  assert.equal(doc.text, 'نص الخبر.');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  const r = marsad(['analyze', '--jsonl', '-'], '{"text":"أ","__proto__":{"polluted":1}}\n{"text":5}\n{"title":{"x":1},"text":"ب"}\n');
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].text, 'أ');
  assert.equal(lines[1].error.code, 'input.invalid-json');
  assert.equal(lines[2].text, 'ب');
});

test('hostile: a JSONL dump with broken lines goes on past them', () => {
  const p = join(dir, 'dump.jsonl');
  writeFileSync(p, ['{"text":"أول"}', '{"text": "ثان', '\u0000\u0001', '{"text":"ثالث"}', '"just a string"', '{"text":"رابع"}'].join('\n'));
  const r = marsad(['analyze', '--jsonl', p]);
  assert.equal(r.status, 0);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => (o.error ? `error@${o.error.line}` : o.text)), ['أول', 'error@2', 'error@3', 'ثالث', 'error@5', 'رابع']);
});
