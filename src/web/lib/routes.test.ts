import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatQuery, hrefOf, parseHash, type Route } from './routes.js';

test('routes: every page round-trips through its hash', () => {
  const routes: Route[] = [
    { page: 'articles', query: { q: 'حفتر' } },
    { page: 'article', id: 'c1deee87906c7e1c', query: { event: '04297d4fb508bc4d' } },
    { page: 'events', query: { actor: 'حفتر', from: '2024-01-01' } },
    { page: 'map', query: { area: '20,32,21,33' } },
    { page: 'actor', id: 'actor:khalifa-haftar', query: {} },
    { page: 'add', query: { mode: 'file' } },
  ];
  for (const route of routes) assert.deepEqual(parseHash(hrefOf(route)), route);
});

test('routes: the empty hash is the article list; unknown paths are not found', () => {
  assert.deepEqual(parseHash(''), { page: 'articles', query: {} });
  assert.equal(parseHash('#/nowhere').page, 'not-found');
  assert.equal(parseHash('#/events/extra').page, 'not-found');
  assert.equal(parseHash('#/articles/%E0%A4%A').page, 'not-found');
});

test('routes: formatQuery leaves out empty values', () => {
  assert.equal(formatQuery({ a: '', b: null, c: undefined }), '');
  assert.equal(formatQuery({ actor: 'LBYMIL', code: '' }), '?actor=LBYMIL');
});
