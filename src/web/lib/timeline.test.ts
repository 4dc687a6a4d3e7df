import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsByDayAndType, fillDays, MAX_FILLED_DAYS, timelineFromQuadPoints } from './timeline.js';

test('timeline: counts by day and type, empty days filled, types by total', () => {
  const t = countsByDayAndType([
    { plover: 'CONSULT', date: '2024-03-01' },
    { plover: 'CONSULT', date: '2024-03-03' },
    { plover: 'ASSAULT', date: '2024-03-03' },
    { plover: 'CONSULT', date: '2024-03-03' },
    { plover: 'CONSULT', date: null },
  ]);
  assert.deepEqual(t.days, ['2024-03-01', '2024-03-02', '2024-03-03']);
  assert.deepEqual(t.types, ['CONSULT', 'ASSAULT']);
  assert.deepEqual(t.counts, { CONSULT: [1, 0, 2], ASSAULT: [0, 0, 1] });
  assert.equal(t.undated, 1);
});

test('timeline: the day may come from elsewhere (the article date)', () => {
  const t = countsByDayAndType([{ plover: 'AID', date: null, articleDate: '2024-01-05' }], (e) => e.date ?? e.articleDate);
  assert.deepEqual(t.days, ['2024-01-05']);
});

test('timeline: a span too long to fill keeps only the days with events', () => {
  const days = ['2000-01-01', '2024-01-01'];
  assert.deepEqual(fillDays(days), days);
  assert.equal(fillDays(['2024-01-01', '2024-01-10']).length, 10);
  assert.ok(MAX_FILLED_DAYS > 365);
});

test('timeline: the quad-class points of the API, days filled, empty classes left out', () => {
  const t = timelineFromQuadPoints([
    { period: '2024-03-03', quad: [2, 0, 0, 1] },
    { period: '2024-03-01', quad: [1, 0, 0, 0] },
  ]);
  assert.equal(t.kind, 'quad');
  assert.deepEqual(t.days, ['2024-03-01', '2024-03-02', '2024-03-03']);
  assert.deepEqual(t.types, ['1', '4']);
  assert.deepEqual(t.counts, { 1: [1, 0, 2], 4: [0, 0, 1] });
});
