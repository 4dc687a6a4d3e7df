import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventSentence, UNKNOWN_ACTOR } from './event-sentence.js';

const span = (text: string, entity: string | null = null) => ({ text, start: 0, end: text.length, entity });

test('event-sentence: source ← trigger ← target، place, with canonical names', () => {
  const names: Record<string, string> = { haftar: 'حفتر', anderson: 'أندرسون', benghazi: 'بنغازي' };
  const line = eventSentence(
    { source: span('المشير خليفة حفتر', 'haftar'), trigger: span('يستقبل'), target: span('الفريق داغفين أندرسون', 'anderson'), location: { ...span('بنغازي', 'benghazi'), country: 'LBY', lat: 32.1, lon: 20.07 } },
    (a) => (a.entity && names[a.entity]) || a.text,
  );
  assert.equal(line, 'حفتر ← يستقبل ← أندرسون، بنغازي');
});

test('event-sentence: a missing source shows as a question mark; no target, no place', () => {
  assert.equal(eventSentence({ source: null, trigger: span('أعلن'), target: null, location: null }), `${UNKNOWN_ACTOR} ← أعلن`);
});
