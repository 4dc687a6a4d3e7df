import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorRoute, storeEntityId } from './entity-ids.js';

const haftar = { id: 'actor:khalifa-haftar', name: 'خليفة حفتر', type: 'PER' as const, wikidata: null, kb: 'khalifa-haftar' };

test('entity-ids: Wikidata id first, then the knowledge-base id, as the store builds them', () => {
  assert.equal(storeEntityId({ wikidata: 'Q1000', kb: 'x' }), 'Q1000');
  assert.equal(storeEntityId(haftar), 'kb:khalifa-haftar');
  assert.equal(storeEntityId({ wikidata: null, kb: null }), null);
  assert.equal(storeEntityId({ wikidata: null, kb: null, globalId: 'per:abc' }), 'per:abc');
});

test('entity-ids: an entity without a known store id is looked up by name and type', () => {
  assert.deepEqual(actorRoute(haftar), { page: 'actor', id: 'kb:khalifa-haftar', query: {} });
  assert.deepEqual(actorRoute({ ...haftar, kb: null, id: 'e3' }), { page: 'actor', id: 'e3', query: { name: 'خليفة حفتر', type: 'PER' } });
});
