import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarsadEvent } from '../../model/document.js';
import { eventHighlights } from './event-highlights.js';

test('event-highlights: sentence, trigger, source, target and place, empty spans left out', () => {
  const event: MarsadEvent = {
    id: 'e', cameo: '043', plover: 'CONSULT', quadClass: 1, goldstein: 2.8, date: null, sentence: 1, quote: null,
    trigger: { text: 'التقى', start: 145, end: 150 },
    source: { text: 'خليفة حفتر', start: 158, end: 168, entity: 'haftar' },
    target: { text: 'داغفين أندرسون', start: 204, end: 218, entity: 'anderson' },
    location: { text: 'بنغازي', start: 333, end: 339, entity: 'benghazi', country: 'LBY', lat: 32.1, lon: 20.07 },
  };
  const doc = { sentences: [{ start: 0, end: 70 }, { start: 71, end: 345 }] };
  assert.deepEqual(eventHighlights(doc, event).map((h) => `${h.role}:${h.start}-${h.end}`), [
    'sentence:71-345', 'trigger:145-150', 'source:158-168', 'target:204-218', 'location:333-339',
  ]);
  assert.deepEqual(eventHighlights({ sentences: [] }, { ...event, target: null, location: { ...event.location!, start: 5, end: 5 } }).map((h) => h.role), ['trigger', 'source']);
});
