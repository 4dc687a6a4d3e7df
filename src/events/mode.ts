/**
 * Whether a trigger reports a fact: negated (لم يلتق، لن يشارك، عدم), future
 * (سيلتقي، سوف، من المنتظر أن), conditional (إذا، لو) or hypothetical (قد يؤدي،
 * من المتوقع، يعتزم، إمكانية). Looked for in the words just before the trigger,
 * within its clause.
 */
import type { EventMode, Token } from '../model/document.js';
import { normalize } from '../arabic/normalize.js';
import type { TriggerMatch } from './lexicon/index.js';

const n = (words: string): Set<string> => new Set(words.split(' ').map((w) => normalize(w)));

const NEGATION = n('لم لن ليس ليست لما عدم دون بدون');
/** Negations that must stand right before the trigger (ما زال and لا يزال are not negative; ما is also "what"). */
const NEGATION_ADJACENT = n('لا ما غير');
const FUTURE = n('سوف سيتم ستتم');
const CONDITIONAL = n('إذا إذ لو لولا حال');
/** Words that make what follows possible, intended or expected rather than done. */
const HYPOTHETICAL = n('ربما يمكن يمكنه يمكنها يمكن إمكانية امكانية احتمال محتمل محتملة يعتزم تعتزم ينوي تنوي يريد تريد يسعى تسعى يرغب ترغب يأمل تأمل يهدف تهدف يجب ينبغي مقترح اقتراح المتوقع المنتظر المرتقب مرتقب مرتقبة المزمع المقرر مقرر يتوقع يرجح');
const MAY = normalize('قد');
/** An imperfect verb: third- and first-person prefixes. */
const IMPERFECT = /^[يتن]/;
/** Clause boundaries: the look-back stops at them. */
const BOUNDARY = new Set(['،', ',', '؛', ';', ':', '.', '«', '»', '"', '(', ')']);
/** How many words before a trigger can carry its mode. */
const LOOKBACK = 4;

function stem(t: Token): string {
  if (!t.segments) return t.norm;
  return t.segments.filter((s) => s.role === 'stem' || s.role === 'article').map((s) => s.norm).join('');
}

/** The mode of a trigger in tokens [from, …) of its sentence. */
export function eventMode(tokens: readonly Token[], sentenceFrom: number, trigger: TriggerMatch): EventMode {
  if (trigger.clitics.future) return 'future';
  const first = tokens[trigger.from];
  if (first.segments?.some((s) => s.role === 'future')) return 'future';
  for (let i = trigger.from - 1, seen = 0; i >= sentenceFrom && seen < LOOKBACK; i--) {
    const t = tokens[i];
    if (t.kind === 'punct' && BOUNDARY.has(t.norm)) break;
    if (t.kind !== 'word') continue;
    seen++;
    const w = stem(t);
    if (NEGATION.has(w) || NEGATION.has(t.norm)) return 'negated';
    if (seen === 1 && (NEGATION_ADJACENT.has(w) || NEGATION_ADJACENT.has(t.norm))) return 'negated';
    if (FUTURE.has(t.norm) || t.segments?.some((s) => s.role === 'future')) return 'future';
    if (CONDITIONAL.has(w) || CONDITIONAL.has(t.norm)) return 'conditional';
    if (HYPOTHETICAL.has(w) || HYPOTHETICAL.has(t.norm)) return 'hypothetical';
    // قد + imperfect (قد يؤدي) is "may"; قد + perfect (فقد التقى) asserts.
    if (w === MAY && IMPERFECT.test(tokens[i + 1]?.norm ?? '')) return 'hypothetical';
  }
  return 'asserted';
}
