import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partsOfMarkedString, snippetParts } from './snippet.js';

test('snippet: offsets into the article are shifted by the snippet start', () => {
  const parts = snippetParts({ start: 100, end: 120, text: 'التقى المشير حفتر في', highlights: [{ start: 113, end: 117 }] });
  assert.deepEqual(parts, [{ text: 'التقى المشير ', hit: false }, { text: 'حفتر', hit: true }, { text: ' في', hit: false }]);
});

test('snippet: offsets relative to the snippet when no start is given', () => {
  assert.deepEqual(snippetParts({ text: 'أفريكوم اليوم', highlights: [{ start: 0, end: 7 }] }), [
    { text: 'أفريكوم', hit: true }, { text: ' اليوم', hit: false },
  ]);
});

test('snippet: <mark> tags mark hits; other markup stays literal text', () => {
  assert.deepEqual(partsOfMarkedString('قال <mark>حفتر</mark> &lt;b&gt; <script>alert(1)</script>'), [
    { text: 'قال ', hit: false }, { text: 'حفتر', hit: true }, { text: ' <b> <script>alert(1)</script>', hit: false },
  ]);
});

test('snippet: offsets outside the text are ignored; unknown shapes give nothing', () => {
  assert.deepEqual(snippetParts({ text: 'abc', highlights: [{ start: 2, end: 9 }] }), [{ text: 'abc', hit: false }]);
  assert.deepEqual(snippetParts(42), []);
});
