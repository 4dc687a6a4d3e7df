import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredEvent } from './api-types.js';
import { sortEvents } from './sort.js';

const ev = (id: string, date: string | null, goldstein: number, source: string | null): StoredEvent => ({
  id, eventId: id, article: 'a', cameo: '043', plover: 'CONSULT', quadClass: 1, goldstein,
  source: source ? { text: source, start: 0, end: 1, entity: null } : null, target: null, location: null,
  date, trigger: { text: 'x', start: 0, end: 1 }, sentence: 0, quote: null,
});

const events = [ev('1', '2024-02-01', 2.8, 'حفتر'), ev('2', null, -10, 'أندرسون'), ev('3', '2024-01-01', 7, null)];

test('sort: dates descending with undated rows last', () => {
  assert.deepEqual(sortEvents(events, { key: 'date', direction: 'descending' }).map((e) => e.id), ['1', '3', '2']);
  assert.deepEqual(sortEvents(events, { key: 'date', direction: 'ascending' }).map((e) => e.id), ['3', '1', '2']);
});

test('sort: numbers numerically, names in Arabic order, empty cells last', () => {
  assert.deepEqual(sortEvents(events, { key: 'goldstein', direction: 'ascending' }).map((e) => e.id), ['2', '1', '3']);
  assert.deepEqual(sortEvents(events, { key: 'source', direction: 'ascending' }).map((e) => e.id), ['2', '1', '3']);
});
