import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellDegreesAt, clusterPoints, isLocated, WORLD_CELL_DEGREES } from './clusters.js';

const benghazi = { lat: 32.1149, lon: 20.0686, name: 'بنغازي' };
const benina = { lat: 32.0968, lon: 20.2695, name: 'بنينا' };
const tripoli = { lat: 32.8872, lon: 13.1913, name: 'طرابلس' };

test('clusters: nearby points share a cell at world zoom and split when zoomed in', () => {
  const world = clusterPoints([benghazi, benina, tripoli], cellDegreesAt(1));
  assert.deepEqual(world.map((c) => c.members.map((m) => m.name)), [['بنغازي', 'بنينا'], ['طرابلس']]);
  const close = clusterPoints([benghazi, benina, tripoli], cellDegreesAt(40));
  assert.equal(close.length, 3);
});

test('clusters: a cluster sits at the mean of its members', () => {
  const [c] = clusterPoints([benghazi, benina], WORLD_CELL_DEGREES);
  assert.ok(Math.abs(c.lat - (benghazi.lat + benina.lat) / 2) < 1e-9);
  assert.ok(Math.abs(c.lon - (benghazi.lon + benina.lon) / 2) < 1e-9);
});

test('clusters: isLocated wants finite coordinates on the globe', () => {
  assert.equal(isLocated({ lat: 32.1, lon: 20.07 }), true);
  assert.equal(isLocated({ lat: null, lon: 20 }), false);
  assert.equal(isLocated({ lat: 91, lon: 0 }), false);
  assert.equal(isLocated({ lat: Number.NaN, lon: 0 }), false);
});
