/** The stretches of text to highlight for one event: its sentence and its parts. */
import type { MarsadDocument, MarsadEvent } from '../../model/document.js';
import type { Highlight } from './spans.js';

export function eventHighlights(doc: Pick<MarsadDocument, 'sentences'>, event: MarsadEvent): Highlight[] {
  const highlights: Highlight[] = [];
  const sentence = doc.sentences[event.sentence];
  if (sentence) highlights.push({ start: sentence.start, end: sentence.end, role: 'sentence' });
  if (event.quote) highlights.push({ start: event.quote.start, end: event.quote.end, role: 'quote' });
  highlights.push({ start: event.trigger.start, end: event.trigger.end, role: 'trigger' });
  if (event.source) highlights.push({ start: event.source.start, end: event.source.end, role: 'source' });
  if (event.target) highlights.push({ start: event.target.start, end: event.target.end, role: 'target' });
  if (event.location) highlights.push({ start: event.location.start, end: event.location.end, role: 'location' });
  return highlights.filter((h) => h.end > h.start);
}
