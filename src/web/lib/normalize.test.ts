import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageOf, toArticleSummary, toSearchHit, toStoredEntity, toStoredEvent } from './normalize.js';

test('normalize: a page envelope gives its items, total and the limit the server applied', () => {
  const page = pageOf({ total: 3, limit: 1000, offset: 0, items: [{ id: 'a' }, { nope: 1 }, 'x'] }, (o) => (typeof o.id === 'string' ? o.id : null));
  assert.deepEqual(page, { items: ['a'], total: 3, limit: 1000 });
  assert.deepEqual(pageOf([{ id: 'b' }], (o) => o.id as string), { items: ['b'], total: null, limit: null });
});

test('normalize: an article summary with its counts', () => {
  const row = toArticleSummary({ id: 'c1', title: 'لقاء', date: '2024-05-01', url: null, source: 'api', counts: { events: 5, entities: 23, mentions: 59 } });
  assert.deepEqual(row, { id: 'c1', title: 'لقاء', date: '2024-05-01', source: 'api', url: null, events: 5, entities: 23, mentions: 59 });
});

test('normalize: a search hit reads the snippet offsets into the article', () => {
  const hit = toSearchHit({ id: 'c1', title: null, source: 'api', score: 2.5, snippet: { start: 10, end: 20, text: 'قال حفتر اليوم', highlights: [{ start: 14, end: 18 }] } });
  assert.deepEqual(hit?.snippets, [[{ text: 'قال ', hit: false }, { text: 'حفتر', hit: true }, { text: ' اليوم', hit: false }]]);
  assert.equal(hit?.score, 2.5);
});

test('normalize: a stored event keeps the event id of its article, canonical names and a text quote as none', () => {
  const e = toStoredEvent({
    id: 'c1:04297d4f', articleId: 'c1', eventId: '04297d4f', title: 'لقاء', date: null, cameo: '043', plover: 'CONSULT', quadClass: 1, goldstein: 2.8,
    source: { entity: 'kb:khalifa-haftar', text: 'خليفة حفتر', name: 'خليفة حفتر', actor: 'LBYMIL', start: 158, end: 168 },
    target: null, location: { entity: 'kb:geonames:88319', text: 'بنغازي', name: 'بنغازي', country: 'LBY', lat: 32.11, lon: 20.07 },
    trigger: { text: null, start: null, end: null }, sentence: 1, quote: 'نص',
  });
  assert.ok(e);
  assert.equal(e.article, 'c1');
  assert.equal(e.eventId, '04297d4f');
  assert.equal(e.articleTitle, 'لقاء');
  assert.deepEqual(e.trigger, { text: '', start: 0, end: 0 });
  assert.equal(e.quote, null);
  assert.equal((e.source as unknown as { name: string }).name, 'خليفة حفتر');
  assert.equal(toStoredEvent({ id: 'x', trigger: { text: 'a' } }), null, 'an event needs its article');
});

test('normalize: an entity with counts; an unknown type becomes MISC', () => {
  const e = toStoredEntity({ id: 'kb:x', name: 'س', type: 'GPE', mentions: 3, articles: 1, events: 0, aliases: ['ص', 4] });
  assert.equal(e?.type, 'MISC');
  assert.deepEqual(e?.aliases, ['ص']);
  assert.deepEqual([e?.mentions, e?.articles, e?.events], [3, 1, 0]);
  assert.equal(toStoredEntity({ id: 'kb:y' }), null);
});
