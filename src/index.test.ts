import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as marsad from './index.js';

test('index: pins the library exports', () => {
  assert.deepEqual(Object.keys(marsad).sort(), [
    'MESSAGES', 'MarsadError', 'SCHEMA', 'analyze', 'checkDocument', 'defaultStages', 'normalize', 'normalizeWithMap', 'pipeline', 'read', 'segmentWord', 'tokenize',
  ]);
  assert.equal(marsad.SCHEMA, 'marsad.document/1');
});

test('index: analyze returns a sound marsad.document/1', () => {
  const doc = marsad.analyze('استقبل الرئيس التونسي وزير الخارجية الفرنسي في تونس.');
  assert.equal(doc.schema, 'marsad.document/1');
  assert.match(doc.id, /^[0-9a-f]{16}$/);
  assert.deepEqual(marsad.checkDocument(doc), []);
  assert.equal(doc.sentences.length, 1);
});

test('index: the package imports by its own name, as another program would', async () => {
  const byName = (await import('marsad')) as typeof marsad;
  assert.equal(typeof byName.analyze, 'function');
  assert.equal(byName.analyze('قال الوزير إن الاجتماع انتهى.').schema, 'marsad.document/1');
});
