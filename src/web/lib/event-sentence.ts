/**
 * An event as one short Arabic line, "حفتر ← يستقبل ← أندرسون، بنغازي":
 * source, trigger and target joined by arrows that point the way Arabic reads,
 * then the place after an Arabic comma.
 */
import type { MarsadEvent, TextSpan } from '../../model/document.js';

/** Names an event argument: its canonical entity's name where known, else its words. */
export type ArgumentNamer = (argument: TextSpan & { entity: string | null }) => string;

export const EVENT_ARROW = ' ← ';
export const ARABIC_COMMA = '، ';
/** Stands for a source the coder could not find. */
export const UNKNOWN_ACTOR = '؟';

export const textOnly: ArgumentNamer = (argument) => argument.text;

export function eventSentence(event: Pick<MarsadEvent, 'source' | 'target' | 'location' | 'trigger'>, nameOf: ArgumentNamer = textOnly): string {
  const parts = [event.source ? nameOf(event.source) : UNKNOWN_ACTOR, event.trigger.text];
  if (event.target) parts.push(nameOf(event.target));
  let line = parts.join(EVENT_ARROW);
  if (event.location) line += ARABIC_COMMA + nameOf(event.location);
  return line;
}
