import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSortKey, serverOrder, SORT_KEYS } from './sort.js';

test('sort: the address order as the API takes it', () => {
  assert.deepEqual(serverOrder({ key: 'date', direction: 'descending' }), { sort: 'date', dir: 'desc' });
  assert.deepEqual(serverOrder({ key: 'goldstein', direction: 'ascending' }), { sort: 'goldstein', dir: 'asc' });
});

test('sort: only the columns of the table are keys', () => {
  assert.ok(SORT_KEYS.every(isSortKey));
  assert.equal(isSortKey('seq'), false);
  assert.equal(isSortKey(undefined), false);
});
