import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { analyze } from './analyze.js';
import { checkDocument } from '../model/spans.js';
import { MarsadError } from '../model/messages.js';
import { messyArabic } from '../test-support/arbitraries.js';

/** Analyses or fails with a MarsadError (empty, binary…): never anything else. */
function analyzeOrRefuse(input: string | Uint8Array): ReturnType<typeof analyze> | null {
  try {
    return analyze(input);
  } catch (e) {
    assert.ok(e instanceof MarsadError, `unexpected ${(e as Error)?.stack}`);
    return null;
  }
}

test('analyze (property): any messy string gives a sound document or a clear refusal', () => {
  fc.assert(
    fc.property(messyArabic(300), (s: string) => {
      const doc = analyzeOrRefuse(s);
      if (doc) assert.deepEqual(checkDocument(doc), []);
    }),
    { numRuns: 300 },
  );
});

test('analyze (property): the same text in UTF-8 (with BOM), UTF-16 and CR/LF reads to the same document', () => {
  fc.assert(
    fc.property(messyArabic(200).filter((s: string) => s.trim().length > 0 && !/[\uD800-\uDFFF\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/.test(s)), (s: string) => {
      const lf = s.replace(/\r\n?/g, '\n');
      const base = analyzeOrRefuse(lf);
      if (!base) return;
      for (const bytes of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')]), Buffer.from(lf.replace(/\n/g, '\r\n'))]) {
        const doc = analyzeOrRefuse(bytes);
        assert.ok(doc);
        assert.equal(doc.text, base.text.replace(/^\uFEFF/, ''));
        assert.deepEqual(checkDocument(doc), []);
      }
    }),
    { numRuns: 150 },
  );
});

test('analyze (property): random bytes never crash', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes: Uint8Array) => {
      const doc = analyzeOrRefuse(bytes);
      if (doc) assert.deepEqual(checkDocument(doc), []);
    }),
    { numRuns: 300 },
  );
});
