/**
 * The event stage: political events coded in CAMEO and PLOVER, each traceable to
 * its words — trigger, source, target, place, date, evidence sentence and, for
 * statements, what was said.
 *
 * For each sentence: triggers from the lexicon (lexicon/), their mode (mode.ts:
 * negated, future, conditional and hypothetical events are flagged, never
 * asserted), their arguments (arguments.ts), then a confidence from the trigger's
 * prior and the arguments found. Reports of one happening in the title, the lead
 * and the body are merged into one event that keeps every report (merge.ts).
 */
import type { EventArgument, EventLocation, MarsadDocument, MarsadEvent, Message, Statement } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';
import { message } from '../model/messages.js';
import { contentHash } from '../model/id.js';
import { cameoInfo, findTriggers, loadEventLexicon, type TriggerMatch } from './lexicon/index.js';
import { sentenceViews, type ActorSpot, type SentenceView } from './sentence.js';
import { findArguments, type ArgumentContext } from './arguments.js';
import { eventMode } from './mode.js';
import { mergeReports } from './merge.js';

export { PLOVER_TYPES, cameoInfo, ploverOf } from './lexicon/index.js';

/** Events below this confidence are not reported (a bare noun with no actor of its own). */
const MIN_CONFIDENCE = 0.3;
/** How much finding a source, a target, both, adds to a trigger's prior. */
const ARGUMENT_WEIGHT = { none: 0, one: 0.75, both: 1 };

function argument(a: ActorSpot | null): EventArgument | null {
  if (!a) return null;
  const m = a.mention;
  return { entity: m.entity, text: m.text, start: m.start, end: m.end, actor: a.entity?.actor ?? null };
}

function location(a: ActorSpot | null): EventLocation | null {
  if (!a) return null;
  const m = a.mention;
  const e = a.entity;
  return { entity: m.entity, text: m.text, start: m.start, end: m.end, country: e?.country ?? null, lat: e?.lat ?? null, lon: e?.lon ?? null };
}

/** The day of an event: a date named in its sentence, else the article's date (null for vague words). */
function eventDate(doc: MarsadDocument, view: SentenceView): { date: string | null; vague: boolean } {
  const s = doc.sentences[view.index];
  const dates = doc.mentions.filter((m) => m.type === 'DATE' && m.start >= s.start && m.end <= s.end);
  const exact = dates.find((m) => m.value);
  if (exact) return { date: exact.value as string, vague: false };
  if (dates.length) return { date: null, vague: true };
  return { date: doc.date, vague: false };
}

/** Triggers whose words are inside a name are not events (دعم in «جهاز دعم الاستقرار»). */
function insideName(view: SentenceView, t: TriggerMatch): boolean {
  return t.tokens.some((i) => view.inside.has(i));
}

function confidenceOf(t: TriggerMatch, source: boolean, target: boolean): number {
  const w = source && target ? ARGUMENT_WEIGHT.both : source || target ? ARGUMENT_WEIGHT.one : ARGUMENT_WEIGHT.none;
  return t.confidence * w;
}

/** Codes the events of a document, and collects what its actors said. */
export function codeEvents(doc: MarsadDocument): { events: MarsadEvent[]; statements: Statement[] } {
  const lexicon = loadEventLexicon();
  const events: MarsadEvent[] = [];
  const statements: Statement[] = [];
  for (const view of sentenceViews(doc)) {
    if (view.to <= view.from) continue;
    const context: ArgumentContext = { lastSubject: null };
    for (const t of findTriggers(doc.tokens, { from: view.from, to: view.to }, { text: doc.text, lexicon })) {
      if (insideName(view, t)) continue;
      if (t.speech) {
        // Every statement with a speaker is kept as what was said, coded or not.
        const said = findArguments(view, t, context);
        const speaker = argument(said.source);
        if (speaker) {
          const verbStart = doc.tokens[t.tokens[0] ?? t.from].start;
          const verbEnd = doc.tokens[t.tokens[0] ?? t.from].end;
          statements.push({ speaker, trigger: { text: doc.text.slice(verbStart, verbEnd), start: verbStart, end: verbEnd }, quote: said.quote ? { text: doc.text.slice(said.quote.start, said.quote.end), ...said.quote } : null, sentence: view.index });
        }
      }
      if (!t.plover) continue;
      const args = findArguments(view, t, context);
      const confidence = confidenceOf(t, !!args.source, !!args.target);
      if (confidence < MIN_CONFIDENCE) continue;
      const info = cameoInfo(t.cameo);
      if (!info) continue;
      const mode = eventMode(doc.tokens, view.from, t);
      const { date } = eventDate(doc, view);
      const triggerStart = doc.tokens[t.from].start;
      const triggerEnd = doc.tokens[t.to - 1].end;
      for (const target of [args.target, ...args.moreTargets]) {
        const e: MarsadEvent = {
          id: contentHash(`${doc.id}:${triggerStart}:${t.cameo}:${target?.mention.start ?? ''}`),
          cameo: t.cameo,
          plover: info.plover ?? t.plover,
          quadClass: info.quadClass,
          goldstein: info.goldstein,
          source: argument(args.source),
          target: argument(target),
          location: location(args.location),
          date,
          trigger: { text: doc.text.slice(triggerStart, triggerEnd), start: triggerStart, end: triggerEnd },
          sentence: view.index,
          quote: args.quote ? { text: doc.text.slice(args.quote.start, args.quote.end), start: args.quote.start, end: args.quote.end } : null,
          mode,
          confidence: Math.round(confidence * 100) / 100,
        };
        events.push(e);
      }
    }
  }
  const types = new Map(doc.entities.map((e) => [e.id, e.type]));
  return { events: mergeReports(events, (id) => (id ? types.get(id) : undefined)), statements };
}

export function eventsLayer(doc: MarsadDocument): MarsadDocument {
  const { events, statements } = codeEvents(doc);
  const messages: Message[] = [...doc.messages];
  const flagged = events.filter((e) => e.mode && e.mode !== 'asserted');
  if (flagged.length) messages.push(message('events.not-factual', `${flagged.length} event(s) negated, future, conditional or hypothetical: flagged in "mode", not asserted`, undefined, 'events'));
  for (const e of events) {
    const view = doc.sentences[e.sentence];
    if (e.date === null && doc.mentions.some((m) => m.type === 'DATE' && !m.value && m.start >= view.start && m.end <= view.end))
      messages.push(message('date.relative', `the date of «${e.trigger.text}» is vague («${doc.mentions.find((m) => m.type === 'DATE' && !m.value && m.start >= view.start && m.end <= view.end)?.text}»): left null`, e.trigger, 'events'));
  }
  return { ...doc, events, statements, messages };
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['tokens', 'sentences', 'mentions', 'entities'],
  provides: ['events'],
  run: (doc) => eventsLayer(doc),
};
