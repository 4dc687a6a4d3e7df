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
import { normalize } from '../arabic/normalize.js';
import { contentHash } from '../model/id.js';
import { cameoInfo, findTriggers, loadEventLexicon, type TriggerMatch } from './lexicon/index.js';
import { sentenceViews, type ActorSpot, type SentenceView } from './sentence.js';
import { findArguments, headlineActor, type ArgumentContext } from './arguments.js';
import { eventMode } from './mode.js';
import { mergeReports } from './merge.js';
import { reportEvidence } from './anchoring.js';

export { PLOVER_TYPES, cameoInfo, ploverOf } from './lexicon/index.js';

/** How many sentences back «الجانبان» may take up the parties of an event. */
const PAIR_REACH = 3;
/** How much an actor found only by proximity counts, next to one found by the grammar (1). */
const GUESSED_ACTOR = 1;
/** Events below this confidence are not reported (a bare noun with no actor of its own). */
const MIN_CONFIDENCE = 0.35;
/**
 * How sure a reading is, as a share of the trigger's prior: a verb reports
 * something, and each actor found makes it surer; a verbal noun reports only when
 * anchored to an occurrence, else only when both actors are named.
 */
const SUPPORT = { reportBase: 0.6, perActor: 0.2, unanchoredOneActor: 0.45, unanchoredBothActors: 0.7 };

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

/** Date mentions by document, sorted by start: an event's sentence finds its own by binary search. */
const dateMentions = new WeakMap<MarsadDocument, MarsadDocument['mentions']>();

function datesIn(doc: MarsadDocument, start: number, end: number): MarsadDocument['mentions'] {
  let all = dateMentions.get(doc);
  if (!all) dateMentions.set(doc, (all = doc.mentions.filter((m) => m.type === 'DATE').sort((a, b) => a.start - b.start)));
  let lo = 0, hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: MarsadDocument['mentions'] = [];
  for (let i = lo; i < all.length && all[i].start < end; i++) if (all[i].end <= end) out.push(all[i]);
  return out;
}

/** The day of an event: a date named in its sentence, else the article's date (null for vague words). */
function eventDate(doc: MarsadDocument, view: SentenceView): { date: string | null; vague: boolean } {
  const s = doc.sentences[view.index];
  const dates = datesIn(doc, s.start, s.end);
  const exact = dates.find((m) => m.value);
  if (exact) return { date: exact.value as string, vague: false };
  if (dates.length) return { date: null, vague: true };
  return { date: doc.date, vague: false };
}

/**
 * Triggers whose words are all inside a name are not events (دعم in «جهاز دعم
 * الاستقرار»); a phrase reaching past a one-word name is (القضاء على ≠ القضاء "the courts").
 */
function insideName(view: SentenceView, t: TriggerMatch): boolean {
  return t.tokens.every((i) => view.inside.has(i));
}

function confidenceOf(t: TriggerMatch, actors: number, anchored: boolean): number {
  const w = anchored ? Math.min(1, SUPPORT.reportBase + SUPPORT.perActor * actors) : actors >= 2 ? SUPPORT.unanchoredBothActors : actors >= 1 ? SUPPORT.unanchoredOneActor : 0;
  return t.confidence * w;
}

/** Prepositions after which a verb-looking word is a verbal noun (إلى قتل، عن خطف). */
const NOUN_CONTEXT = new Set(['الي', 'علي', 'عن', 'من', 'في', 'بعد', 'قبل', 'عقب', 'اثر', 'حول', 'بشان', 'ضد', 'قصد', 'بهدف']);

/**
 * A trigger whose head is a noun (اعتقال، سيارة مفخخة) rather than a verb (اعتقل،
 * شن هجوما). An unvocalised verb is often also its verbal noun (قتل "killed" and
 * "killing", خطف): after a preposition, with ب/ل or the article attached, it is the noun.
 */
function nounHeaded(doc: MarsadDocument, t: TriggerMatch): boolean {
  if (t.pos === 'noun' || (t.pos === 'phrase' && t.entry.parts[0]?.kind !== 'verb')) return true;
  if (t.pos !== 'verb') return false;
  const first = doc.tokens[t.from];
  if (t.clitics.article || t.clitics.prep) return true;
  const prev = doc.tokens[t.from - 1];
  return !!prev && prev.kind === 'word' && NOUN_CONTEXT.has(prev.norm) && !first.segments?.some((g) => g.role === 'pron');
}

/** A bare perfect that is also a common noun (فجر "dawn", قتل "killing"): a verb only with an actor around it. */
function ambiguousBareVerb(doc: MarsadDocument, t: TriggerMatch): boolean {
  const isVerb = t.pos === 'verb' || (t.pos === 'phrase' && t.entry.parts[0]?.kind === 'verb');
  if (!isVerb) return false;
  const tok = doc.tokens[t.tokens[0] ?? t.from];
  const lemma = normalize(t.entry.lemma.split(' ')[0].split('|')[0]);
  const form = tok.segments ? tok.segments.filter((g) => g.role === 'stem').map((g) => g.norm).join('') : tok.norm;
  return form === lemma;
}

/** Codes the events of a document, and collects what its actors said. */
export function codeEvents(doc: MarsadDocument, minConfidence = MIN_CONFIDENCE): { events: MarsadEvent[]; statements: Statement[] } {
  const lexicon = loadEventLexicon();
  const events: MarsadEvent[] = [];
  const statements: Statement[] = [];
  // The subject of the last sentence of a paragraph: «وأضاف…»، «وأكد…» with no subject go on with it.
  let carried: { block: number | undefined; subject: ActorSpot | null } = { block: undefined, subject: null };
  // The two parties of the last event between two named actors, and its sentence.
  let pair: { source: ActorSpot; target: ActorSpot; sentence: number } | null = null;
  for (const view of sentenceViews(doc)) {
    if (view.to <= view.from) continue;
    const block = doc.sentences[view.index].block;
    const recentPair = pair && view.index - pair.sentence <= PAIR_REACH ? pair : null;
    const context: ArgumentContext = { lastSubject: null, headline: headlineActor(view), previousSubject: carried.block === block ? carried.subject : null, lastPair: recentPair };
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
      // Actors only guessed by proximity count for half.
      const weight = (found: boolean, guessed: boolean) => (found ? (guessed ? GUESSED_ACTOR : 1) : 0);
      const actors = weight(!!args.source, args.guessed.source) + weight(!!args.target, args.guessed.target);
      // Actors the grammar found (not guessed by proximity) decide whether a bare form is a verb.
      const found = (args.source && !args.guessed.source ? 1 : 0) + (args.target && !args.guessed.target ? 1 : 0);
      const bareVerb = !nounHeaded(doc, t) && found === 0 && ambiguousBareVerb(doc, t);
      const evidence = reportEvidence(view, t, nounHeaded(doc, t) || bareVerb);
      // A bare verb form read as a noun (وتبادل المعلومات) with nothing anchoring it needs
      // actors the grammar found: guessed ones do not make it a report.
      const confidence = confidenceOf(t, bareVerb && !evidence.anchored ? found : actors, evidence.anchored);
      if (confidence < minConfidence) continue;
      if (args.source && args.target && !args.guessed.source && !args.guessed.target) pair = { source: args.source, target: args.target, sentence: view.index };
      const info = cameoInfo(t.cameo);
      if (!info) continue;
      const grammatical = eventMode(doc.tokens, view.from, t);
      const mode = grammatical === 'asserted' && evidence.mode ? evidence.mode : grammatical;
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
    carried = { block, subject: context.lastSubject ?? carried.subject };
  }
  const types = new Map(doc.entities.map((e) => [e.id, e.type]));
  return { events: mergeReports(events, (id) => (id ? types.get(id) : undefined)), statements };
}

/** `minConfidence` (default MIN_CONFIDENCE) can be lowered to see every reading, e.g. when tuning. */
export function eventsLayer(doc: MarsadDocument, minConfidence = MIN_CONFIDENCE): MarsadDocument {
  const { events, statements } = codeEvents(doc, minConfidence);
  const messages: Message[] = [...doc.messages];
  const flagged = events.filter((e) => e.mode && e.mode !== 'asserted' && e.mode !== 'reported');
  if (flagged.length) messages.push(message('events.not-factual', `${flagged.length} event(s) negated, future, conditional, hypothetical, generic or historical: flagged in "mode", not asserted`, undefined, 'events'));
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
  run: (doc, context) => eventsLayer(doc, typeof context.options.minConfidence === 'number' ? context.options.minConfidence : MIN_CONFIDENCE),
};
