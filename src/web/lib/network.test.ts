import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarsadEvent } from '../../model/document.js';
import { interactionNetwork, networkFromLinks, nodeId } from './network.js';

const arg = (text: string, entity: string | null, actor: string | null = null) => ({ text, start: 0, end: 1, entity, actor });
const event = (source: ReturnType<typeof arg> | null, target: ReturnType<typeof arg> | null, quadClass: number): MarsadEvent => ({
  id: `${source?.text}-${target?.text}-${quadClass}`, cameo: '043', plover: 'CONSULT', quadClass, goldstein: 1,
  source, target, location: null, date: null, trigger: { text: 'x', start: 0, end: 1 }, sentence: 0, quote: null,
});

const haftar = arg('حفتر', 'haftar', 'LBYMIL');
const anderson = arg('أندرسون', 'anderson', 'USAMIL');
const unlinked = arg('مسؤول', null);

test('network: edges are weighted by events and classed by the commonest quad class', () => {
  const net = interactionNetwork([event(haftar, anderson, 1), event(haftar, anderson, 1), event(haftar, anderson, 4)]);
  assert.equal(net.edges.length, 1);
  assert.deepEqual(net.edges[0], { source: 'haftar', target: 'anderson', weight: 3, byQuadClass: [2, 0, 0, 1], quadClass: 1 });
  assert.deepEqual(net.nodes.map((n) => [n.id, n.events, n.actor]), [['haftar', 3, 'LBYMIL'], ['anderson', 3, 'USAMIL']]);
});

test('network: direction matters, unlinked arguments become text nodes, events without a target are left out', () => {
  const net = interactionNetwork([event(haftar, anderson, 1), event(anderson, haftar, 3), event(haftar, unlinked, 2), event(haftar, null, 1)]);
  assert.deepEqual(net.edges.map((e) => `${e.source}>${e.target}:${e.quadClass}`), ['haftar>anderson:1', 'anderson>haftar:3', 'haftar>text:مسؤول:2']);
  assert.equal(nodeId(unlinked), 'text:مسؤول');
});

test('network: an actor acting on itself adds no edge', () => {
  assert.deepEqual(interactionNetwork([event(haftar, haftar, 1)]).edges, []);
});

test('network: aggregated links from the API become edges classed by their commonest quad class', () => {
  const net = networkFromLinks(
    [{ id: 'haftar', name: 'خليفة حفتر', actor: 'LBYMIL', events: 5 }, { id: 'anderson', name: 'داغفين أندرسون', events: 5 }],
    [{ source: 'haftar', target: 'anderson', events: 5, quad: [1, 0, 0, 4] }],
  );
  assert.deepEqual(net.edges, [{ source: 'haftar', target: 'anderson', weight: 5, byQuadClass: [1, 0, 0, 4], quadClass: 4 }]);
  assert.equal(net.nodes[1].actor, null);
});
