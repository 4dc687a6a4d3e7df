import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillDays, MAX_FILLED_DAYS, timelineFromPloverPoints, timelineFromQuadPoints } from './timeline.js';

test('timeline: the PLOVER points of the API, empty days filled, types by total', () => {
  const t = timelineFromPloverPoints([
    { period: '2024-03-03', plover: { CONSULT: 2, ASSAULT: 1 } },
    { period: '2024-03-01', plover: { CONSULT: 1 } },
    { period: '2024', plover: { AID: 9 } },
  ]);
  assert.equal(t.kind, 'plover');
  assert.deepEqual(t.days, ['2024-03-01', '2024-03-02', '2024-03-03']);
  assert.deepEqual(t.types, ['CONSULT', 'ASSAULT']);
  assert.deepEqual(t.counts, { CONSULT: [1, 0, 2], ASSAULT: [0, 0, 1] });
  assert.deepEqual(timelineFromPloverPoints([{ period: '2024-01-01' }]).types, []);
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
