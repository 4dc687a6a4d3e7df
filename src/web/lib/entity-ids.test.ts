import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorRoute } from './entity-ids.js';
import { hrefOf, parseHash } from './routes.js';

test("entity-ids: an entity's page is addressed by the id its document gives it", () => {
  assert.deepEqual(actorRoute({ id: 'actor:khalifa-haftar' }), { page: 'actor', id: 'actor:khalifa-haftar', query: {} });
});

test('entity-ids: ids with slashes, spaces and Arabic survive the address', () => {
  for (const id of ['metonym:LBY/طرابلس', 'agent:القائم باعمال السفاره', 'country:LBY']) {
    const route = actorRoute({ id });
    assert.deepEqual(parseHash(hrefOf(route)), route);
  }
});
