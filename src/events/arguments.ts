/**
 * Who did what to whom, where: the source, target and place of a trigger, from
 * Arabic word order over the sentence's actor mentions.
 *
 *   استقبل  المشير حفتر  قائد أفريكوم          verb–subject–object (VSO)
 *   ^verb   ^source      ^target
 *   حفتر  يستقبل  قائد أفريكوم                 subject–verb–object (SVO)
 *   التقى حفتر  بـأندرسون / مع أندرسون          target after the verb's preposition
 *   استقبال حفتر  لـقائد أفريكوم                verbal noun: genitive source, ل target
 *   لقاء بين حفتر و أندرسون                     بين X و Y
 *   اعتُقل X من قبل الشرطة                       passive: the agent after من قبل / على يد
 *
 * An apposition (حفتر، قائد الجيش الوطني الليبي، …) is stepped over, a place after
 * an actor (السفارة الأمريكية في طرابلس) qualifies that actor rather than the event,
 * and nothing is looked for across ؛ or the end of the sentence.
 */
import type { Span, Token } from '../model/document.js';
import { normalize } from '../arabic/normalize.js';
import type { TriggerMatch } from './lexicon/index.js';
import type { ActorSpot, SentenceView } from './sentence.js';

export interface Arguments {
  source: ActorSpot | null;
  target: ActorSpot | null;
  /** Actors coordinated with the target (و، إلى جانب): each makes an event of its own. */
  moreTargets: ActorSpot[];
  location: ActorSpot | null;
  quote: Span | null;
  /** Arguments that are only the nearest actors (no grammatical evidence): they do not raise confidence. */
  guessed: { source: boolean; target: boolean };
}

const n = (words: string): Set<string> => new Set(words.split(' ').map((w) => normalize(w)));

/** Prepositions written as words. */
const PREPOSITIONS = n('في من إلى على عن مع ضد لدى عند بين حول نحو تجاه خلال قرب داخل أمام عبر إثر لصالح');
/** Nouns that head an actor's phrase (قائد أفريكوم، وفد الاتحاد الأوروبي، عناصر داعش): they carry its preposition. */
const HEAD_NOUNS = n('قائد رئيس وزير سفير مدير زعيم أمين ممثل ممثلي وفد قوات عناصر أعضاء مسؤول مسؤولي ناطق متحدث قيادة قادة سفارة حكومة جيش مقاتلي أنصار');
/** Introducers of a passive verb's agent: من قبل، على يد، من طرف، بواسطة. */
const AGENT_MARKERS: [string, string][] = [['من', 'قبل'], ['على', 'يد'], ['من', 'طرف'], ['على', 'أيدي']].map(([a, b]) => [normalize(a), normalize(b)]);
/** Words that introduce reported speech: أن، إن، على أن، إلى أن، بأن. */
const INTRODUCERS = n('أن إن أنه إنه أنها إنها على إلى بأن بان عن');
/** Relative pronouns: «الذي اغتالته إسرائيل». */
const RELATIVES = n('الذي التي الذين اللذين اللتين اللواتي');
/** Words after which a new clause, and so a subject, may begin. */
const CLAUSE_OPENERS = n('أن إن أنه إنه حيث بينما فيما كما لكن وقد فقد ثم');
/** Time words that may stand between a verb and its subject (أعلن اليوم الوزير). */
const TIME_WORDS = n('اليوم أمس غدا صباح مساء ليلة يوم الليلة فجر ظهر الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت');
/** Punctuation that ends a clause: arguments are not looked for past it. */
const CLAUSE_END = new Set(['؛', ';', '.', '!', '?', '؟', ':']);
const COMMA = new Set(['،', ',']);
/** How far (in tokens) a subject may stand after its verb, or an object after its subject. */
const SUBJECT_WINDOW = 5;
const OBJECT_WINDOW = 10;
/** Words allowed between a verb (and its subject) and its direct object: adverbs, «عددا من». */
const DIRECT_OBJECT_GAP = 1;
/** …or this many when the subject is a noun phrase that names no actor. */
const SUBJECTLESS_OBJECT_GAP = 3;
/** Quantity words before a counted object (عدد من، أكثر من، نحو): not a noun phrase of their own. */
const QUANTIFIERS = n('عدد عددا من أكثر اكثر نحو حوالي قرابة زهاء ما لا يقل عن أقل عشرات مئات آلاف ألف واحد اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة عشر عشرين ثلاثين أربعين خمسين');
/** A verbal noun's prepositional actor stands close to it (استقبال حفتر لقائد أفريكوم). */
const NOUN_OBJECT_WINDOW = 5;
/** How far an apposition between commas may run. */
const APPOSITION_WINDOW = 14;
/** How many words a verbal noun's genitive may be separated from it by (adjectives: الهجوم الإرهابي). */
const GENITIVE_GAP = 2;

function tok(view: SentenceView, i: number): Token | undefined {
  return i >= view.from && i < view.to ? view.doc.tokens[i] : undefined;
}

function isClauseEnd(t: Token | undefined): boolean {
  return !t || (t.kind === 'punct' && CLAUSE_END.has(t.norm));
}

function isComma(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && COMMA.has(t.norm);
}

/** The preposition before an actor: attached (بالفريق → ب) or a word before it (مع أندرسون → مع), or ''. */
export function prepositionOf(view: SentenceView, a: ActorSpot): string {
  const t = view.doc.tokens[a.from];
  if (a.mention.start > t.start) {
    const lead = normalize(view.doc.text.slice(t.start, a.mention.start)).replace(/^[وف]/, '');
    if (lead) return lead[0];
  } else if (t.segments) {
    const prep = t.segments.find((s) => s.role === 'prep');
    if (prep) return prep.norm;
  }
  // مع وزير الخارجية المصري سامح شكري: the preposition stands before the person's titles.
  let k = a.from - 1;
  while (k >= view.from && view.titles.has(k)) k--;
  if (k < a.from - 1) {
    const prep = tok(view, k + 1)?.segments?.find((s) => s.role === 'prep');
    if (prep) return prep.norm;
    const p = tok(view, k);
    const w = p && p.kind === 'word' ? p.norm.replace(/^[وف](?=..)/, '') : '';
    if (PREPOSITIONS.has(w)) return w;
  }
  const prev = tok(view, a.from - 1);
  if (prev && prev.kind === 'word') {
    const w = prev.norm.replace(/^[وف](?=..)/, '');
    if (PREPOSITIONS.has(w)) return w;
    // لقائد أفريكوم: the preposition is on the head noun of the actor's phrase.
    const head = prev.segments?.find((s) => s.role === 'stem')?.norm ?? w;
    if (HEAD_NOUNS.has(head) || HEAD_NOUNS.has(w.replace(/^ال/, ''))) {
      const prep = prev.segments?.find((s) => s.role === 'prep');
      if (prep) return prep.norm;
      const before = tok(view, a.from - 2);
      if (before && before.kind === 'word' && PREPOSITIONS.has(before.norm)) return before.norm;
      return '';
    }
    // إلى جانب X: X accompanies the actor before it.
    if (w === normalize('جانب') && tok(view, a.from - 2)?.norm === normalize('إلى')) return 'جانب';
  }
  return '';
}

/** Index after an apposition that starts at `i` (a comma, then up to the next comma), or `i`. */
function skipApposition(view: SentenceView, i: number): number {
  if (!isComma(tok(view, i))) return i;
  for (let j = i + 1; j < Math.min(view.to, i + APPOSITION_WINDOW); j++) {
    const t = tok(view, j);
    if (isClauseEnd(t)) return i;
    if (isComma(t)) return j + 1;
  }
  return i;
}

/** The subject after a verb (VSO): the first actor not after a preposition, time words and titles stepped over. */
function subjectAfter(view: SentenceView, i: number): ActorSpot | null {
  for (let j = i, steps = 0; j < view.to && steps < SUBJECT_WINDOW; j++, steps++) {
    const t = view.doc.tokens[j];
    const a = view.startsAt.get(j);
    if (a) return prepositionOf(view, a) === '' && !markedObject(view, a) ? a : null;
    if (isClauseEnd(t)) return null;
    if (isComma(t) || TIME_WORDS.has(t.norm) || t.kind === 'number' || QUANTIFIERS.has(t.norm) || view.titles.has(j)) continue;
    if (view.inside.has(j)) continue;
    // فرض عليها الرئيس حظرا: a preposition carrying a pronoun may come before the subject.
    if (t.segments && t.segments.length === 2 && t.segments[0].role === 'prep' && t.segments[1].role === 'pron') continue;
    if (/^(علي|الي|عن|من|في|ل|ب)(ه|ها|هم|هما|هن)$/.test(t.norm)) continue;
    return null;
  }
  return null;
}

/**
 * A common noun in the accusative is an object, never a subject: the indefinite
 * ـًا (شرطيا، شخصا) and the oblique ين of duals and plurals (جنديين، المتظاهرين).
 * Names are not marked for case, so only agents (common nouns) are read this way.
 */
function markedObject(view: SentenceView, a: ActorSpot): boolean {
  if (a.mention.via !== 'rule') return false;
  // After a number word (آلاف المتظاهرين، عشرات المحتجين) the noun is genitive, not accusative.
  const prev = tok(view, a.from - 1);
  if (prev && (QUANTIFIERS.has(prev.norm) || prev.kind === 'number')) return false;
  const last = view.doc.tokens[a.to - 1];
  const w = last.segments?.find((g) => g.role === 'stem')?.norm ?? last.norm;
  return (/[^ا]ا$/.test(w) && !w.startsWith('ال') && !last.segments?.some((g) => g.role === 'article')) || /ين$/.test(w);
}

/**
 * Whether an object stands right after the subject of a verb: a count (11 مسلحا،
 * خمسة جنود) or an indefinite noun in the accusative (ناشطاً، عنصرين). Then the
 * verb is active (قتلت القوات الأمريكية 11 مسلحا), however often it is passive.
 */
function objectFollows(view: SentenceView, from: number): boolean {
  for (let j = from, words = 0; j < view.to && words < 3; j++) {
    const t = view.doc.tokens[j];
    if (t.kind === 'number') return true;
    if (t.kind !== 'word') return false;
    // مساء السبت حشدا: time words are stepped over (and a number after them is a date, not a count).
    if (TIME_WORDS.has(t.norm)) {
      const next = view.doc.tokens[j + 1];
      if (!next || next.kind !== 'word') return false;
      continue;
    }
    words++;
    if (QUANTIFIERS.has(t.norm)) return true;
    const stem = t.segments?.find((g) => g.role === 'stem')?.norm ?? t.norm;
    const prefixed = t.segments?.some((g) => g.role === 'article' || g.role === 'prep') ?? t.norm.startsWith('ال');
    if (!prefixed && !t.norm.startsWith('ال') && (/[^ا]ا$/.test(stem) && stem.length > 3 || /[^ا]ين$/.test(stem) && stem.length > 4)) return true;
    // Adjectives of the subject (الأمريكية، الخاصة) are stepped over; anything else ends the look.
    if (!t.norm.startsWith('ال')) return false;
  }
  return false;
}

/** Words that can follow a verb without being its subject (prepositions, particles, time words). */
const NOT_SUBJECTS = n('أن إن أنه أنها إنه إنها على في عن من إلى الى مع ب ل لدى خلال بعد قبل عقب أيضا ايضا كذلك قد لا لم لن ما ذلك هذا هذه');

/**
 * A subject of no name right after the verb (وأدان داعمون للاتفاقية، وطالب الابن الأكبر):
 * the verb has its own subject, so the last sentence's subject does not carry over.
 */
function unnamedSubjectAfter(view: SentenceView, i: number): boolean {
  const t = tok(view, i);
  if (!t || t.kind !== 'word' || NOT_SUBJECTS.has(t.norm) || TIME_WORDS.has(t.norm)) return false;
  if (t.segments?.some((g) => g.role === 'prep' || g.role === 'conj')) return false;
  // A pronoun on the verb is its object; an actor there is handled as a named subject.
  if (view.startsAt.has(i) || view.inside.has(i)) return false;
  const stem = t.segments?.find((g) => g.role === 'stem')?.norm ?? t.norm;
  // Nominative plurals and definite nouns: داعمون، المسؤولون، الابن.
  return /ون$/.test(stem) || t.norm.startsWith('ال');
}

const QUOTE_MARKS = /^["»”'’]$/;

/** An actor between commas within a few words of `from` (an apposition naming the noun before it). */
function appositionName(view: SentenceView, from: number): ActorSpot | null {
  for (let j = from; j < Math.min(view.to, from + 5); j++) {
    const t = view.doc.tokens[j];
    if (isClauseEnd(t)) return null;
    if (!isComma(t)) continue;
    const a = view.startsAt.get(j + 1);
    return a && isComma(tok(view, a.to)) && prepositionOf(view, a) === '' ? a : null;
  }
  return null;
}

/** The subject before a verb (SVO): an actor ending right before it, a parenthetical between commas stepped over. */
function subjectBefore(view: SentenceView, verb: number): ActorSpot | null {
  let j = verb - 1;
  if (isComma(tok(view, j))) {
    // «وزارة الداخلية، في بيان لها، أعلنت»: step back over the parenthetical.
    let k = j - 1;
    while (k > view.from && !isComma(tok(view, k)) && !isClauseEnd(tok(view, k)) && j - k < APPOSITION_WINDOW) k--;
    if (isComma(tok(view, k))) j = k - 1;
  }
  // «"داعش" يتبنى»: a closing quotation mark around the subject's name is stepped over.
  if (tok(view, j)?.kind === 'punct' && QUOTE_MARKS.test(tok(view, j)?.norm ?? '') && view.inside.has(j - 1)) j--;
  const a = view.inside.get(j);
  if (!a || a.to !== j + 1 || prepositionOf(view, a) !== '') return null;
  // The subject opens its clause: after the sentence start, punctuation, و/ف, or أن/إن/حيث.
  let k = a.from - 1;
  while (k >= view.from && view.titles.has(k)) k--;
  let before = tok(view, k);
  if (before && before.kind === 'punct' && /^["«“'‘]$/.test(before.norm) && k > view.from) before = tok(view, k - 1) ?? before;
  const opens = !before || before.kind === 'punct' || CLAUSE_OPENERS.has(before.norm) || /^[وف]/.test(view.doc.text[view.doc.tokens[a.from].start]);
  return opens ? a : null;
}

interface ObjectSearch {
  /** Prepositions that may introduce the target ('' = none: a direct object). */
  allowed: Set<string>;
  /** A direct object stands right after the verb (and subject): at most this many other words before it. */
  directGap?: number;
  exclude: ActorSpot[];
  /** How many tokens to look through (default OBJECT_WINDOW). */
  window?: number;
}

/** The first actor from `i` that the trigger's frame allows as its target, within the clause. */
function objectFrom(view: SentenceView, i: number, search: ObjectSearch): ActorSpot | null {
  let j = i;
  let words = 0;
  for (let steps = 0; j < view.to && steps < (search.window ?? OBJECT_WINDOW); steps++) {
    const t = view.doc.tokens[j];
    if (isClauseEnd(t)) return null;
    const a = view.startsAt.get(j);
    if (a) {
      const prep = prepositionOf(view, a);
      const excluded = search.exclude.some((x) => x === a || (x.entity && x.entity === a.entity));
      if (!excluded) {
        // A direct object is the first noun phrase after the verb: not one far behind other words
        // (and a place only when it is right there: a place further on is where, not whom).
        const gap = search.directGap ?? DIRECT_OBJECT_GAP;
        if (prep === '' && search.allowed.has('') && (words <= Math.min(gap, DIRECT_OBJECT_GAP) || (words <= gap && !isPlace(a)))) return a;
        if (prep !== '' && search.allowed.has(prep)) return a;
      }
      // A prepositional phrase (في حركة النهضة) does not take the object's place; a bare noun phrase does.
      if (prep === '' && !excluded) words++;
      j = skipApposition(view, a.to);
      continue;
    }
    if (t.kind === 'word' && PREPOSITIONS.has(t.norm)) {
      // في بيان: a prepositional phrase between the verb and its object is stepped over
      // (an actor after the preposition is looked at with it: على ثكنة عسكرية).
      j += view.startsAt.has(j + 1) ? 1 : 2;
      continue;
    }
    if (t.kind === 'word' && !TIME_WORDS.has(t.norm) && !view.titles.has(j) && !QUANTIFIERS.has(t.norm)) words++;
    j++;
  }
  return null;
}

/** Actors coordinated with `a`: «وX» right after it, or «إلى جانب X». */
function coordinated(view: SentenceView, a: ActorSpot, exclude: ActorSpot[]): ActorSpot[] {
  const out: ActorSpot[] = [];
  let j = skipApposition(view, a.to);
  for (let k = 0; k < 3 && j < view.to; k++) {
    const next = view.startsAt.get(j);
    const t = view.doc.tokens[j];
    const startsWithAnd = t.segments?.[0]?.role === 'conj' || (view.doc.text[t.start] === 'و' && next && next.mention.start > t.start);
    const besides = next && prepositionOf(view, next) === 'جانب';
    if (!next || !(startsWithAnd || besides) || exclude.includes(next) || out.includes(next)) break;
    out.push(next);
    j = skipApposition(view, next.to);
  }
  // «، إلى جانب X» after an apposition.
  if (!out.length) {
    for (let i = a.to; i < Math.min(view.to, a.to + APPOSITION_WINDOW); i++) {
      const x = view.startsAt.get(i);
      if (x && prepositionOf(view, x) === 'جانب' && !exclude.includes(x)) {
        out.push(x);
        break;
      }
      if (isClauseEnd(tok(view, i))) break;
    }
  }
  return out;
}

/** A passive verb's agent: the actor after من قبل / على يد / من طرف. */
function passiveAgent(view: SentenceView, from: number): ActorSpot | null {
  for (let j = from; j + 2 < view.to; j++) {
    if (isClauseEnd(tok(view, j))) return null;
    const a = view.doc.tokens[j].norm;
    const b = view.doc.tokens[j + 1].norm;
    if (AGENT_MARKERS.some(([x, y]) => x === a && y === b)) return view.startsAt.get(j + 2) ?? null;
  }
  return null;
}

function isPlace(a: ActorSpot): boolean {
  return a.mention.type === 'LOC';
}

/** The event's place: a place after في/ب/من that does not qualify an actor, nearest after the trigger. */
function findLocation(view: SentenceView, trigger: TriggerMatch, taken: (ActorSpot | null)[]): ActorSpot | null {
  let best: ActorSpot | null = null;
  let bestDistance = Infinity;
  for (const a of view.actors) {
    if (!isPlace(a) || taken.includes(a)) continue;
    const prep = prepositionOf(view, a);
    if (prep !== 'في' && prep !== 'ب' && prep !== 'من') continue;
    // «السفارة الأمريكية في طرابلس»: a place right after an actor (or a word of one) belongs to it.
    const before = view.inside.get(prep === 'ب' ? a.from - 1 : a.from - 2);
    if (before && !isPlace(before) && (before.mention.type !== 'PER' || before.entity?.id.startsWith('agent:'))) continue;
    const distance = a.from >= trigger.to ? a.from - trigger.to : (trigger.from - a.to) * 2 + 1;
    if (distance < bestDistance) {
      best = a;
      bestDistance = distance;
    }
  }
  return best;
}

/** The words a statement reports: a quotation after the verb, else the rest of the sentence from the cue. */
function quoteOf(view: SentenceView, trigger: TriggerMatch, speaker: ActorSpot | null): Span | null {
  const { doc } = view;
  const verbEnd = doc.tokens[trigger.from].end;
  const sentenceEnd = doc.tokens[view.to - 1].end;
  const q = doc.quotes.find((x) => x.start >= verbEnd && x.start < sentenceEnd);
  if (q) return { start: q.start + 1, end: q.end - 1 };
  // The reported words start after the verb, its cue and a speaker that follows the verb,
  // and after the words that introduce them (أن، إن، على أن، إلى أن، :).
  let fromToken = Math.min((trigger.tokens[0] ?? trigger.from) + 1, view.to - 1);
  if (speaker && speaker.from >= trigger.from && speaker.to > fromToken) fromToken = speaker.to;
  while (fromToken < view.to - 1 && (INTRODUCERS.has(doc.tokens[fromToken].norm) || (doc.tokens[fromToken].kind === 'punct' && doc.tokens[fromToken].norm !== '«'))) fromToken++;
  const from = doc.tokens[fromToken].start;
  let end = sentenceEnd;
  for (let j = fromToken; j < view.to; j++) {
    const t = doc.tokens[j];
    if (t.kind === 'punct' && (t.norm === '؛' || t.norm === ';')) {
      end = t.start;
      break;
    }
  }
  while (end > from && /[.!?؟…\s]/.test(doc.text[end - 1])) end--;
  return end > from ? { start: from, end } : null;
}

/** The actor a relative clause refers to: «X الذي/التي …» just before the verb. */
function relativeAntecedent(view: SentenceView, verb: number): ActorSpot | null {
  const rel = tok(view, verb - 1);
  if (!rel || !RELATIVES.has(rel.norm)) return null;
  const end = isComma(tok(view, verb - 2)) ? verb - 2 : verb - 1;
  const a = view.inside.get(end - 1);
  return a && a.to === end ? a : null;
}

/** An indefinite actor right before a verb, one adjective between at most (شابين وفتاة مراهقة اعتقلوا). */
function asyndeticAntecedent(view: SentenceView, verb: number): ActorSpot | null {
  for (let end = verb; end >= verb - 1 && end > view.from; end--) {
    const a = view.inside.get(end - 1);
    if (a && a.to === end) {
      const head = view.doc.tokens[a.from];
      const definite = head.norm.startsWith('ال') || !!head.segments?.some((g) => g.role === 'article');
      return !definite && a.mention.via === 'rule' ? a : null;
    }
    const adj = tok(view, end - 1);
    if (!adj || adj.kind !== 'word' || adj.norm.startsWith('ال')) return null;
  }
  return null;
}

/** Whether an actor can act: anything but a place that does not stand for a state. */
function canAct(a: ActorSpot): boolean {
  if (!isPlace(a)) return true;
  const id = a.mention.entity ?? '';
  return id.startsWith('country:') || id.startsWith('metonym:');
}

/** Completes the arguments once source and target are known: coordinated targets, place, quote. */
function finish(view: SentenceView, trigger: TriggerMatch, source: ActorSpot | null, target: ActorSpot | null): Arguments {
  // A place acts only as its state (مصر، واشنطن، القاهرة): a town or a region is where, not who.
  if (source && !canAct(source)) source = null;
  if (target && !canAct(target)) target = null;
  if (source && target && (source === target || (source.entity && source.entity === target.entity))) target = null;
  const moreTargets = target ? coordinated(view, target, [target, ...(source ? [source] : [])]).filter((x) => !isPlace(x) || prepositionOf(view, x) === '') : [];
  const location = findLocation(view, trigger, [source, target, ...moreTargets]);
  const quote = trigger.speech ? quoteOf(view, trigger, source) : null;
  return { source, target, moreTargets, location, quote, guessed: { source: false, target: false } };
}

/** Verbs that carry out the event, with it as their object pronoun: نفذه، شنه، ارتكبه، تبناه، عقده (a meeting). */
const PERPETRATION = /^(?:نفذ|شن|ارتكب|تبنا|تبني|قاد|اقترف|عقد|عقدت|اجري|اجرت|اجرا|نظم|نظمت)(?:ه|ها|هما|وه|وها)$/;
/** Where, within a few words after a verbal noun, a clause names who carried it out («الذي شنه»، «نفذه»). */
function perpetrationClause(view: SentenceView, from: number): number {
  for (let j = from; j < Math.min(view.to, from + 4); j++) {
    const t = view.doc.tokens[j];
    if (isClauseEnd(t)) return -1;
    if (t.kind === 'word' && PERPETRATION.test(t.norm.replace(/^[وف]/, ''))) return j;
  }
  return -1;
}

/** How far the nearest-actor fallback looks. */
const NEAREST_WINDOW = 8;

/** The nearest actor before (dir -1) or after (dir 1) a trigger within its clause, not a place. */
function nearestActor(view: SentenceView, trigger: TriggerMatch, dir: -1 | 1, other: ActorSpot | null): ActorSpot | null {
  const start = dir < 0 ? trigger.from - 1 : trigger.to;
  for (let j = start, steps = 0; j >= view.from && j < view.to && steps < NEAREST_WINDOW; j += dir, steps++) {
    if (isClauseEnd(tok(view, j))) return null;
    const a = view.inside.get(j);
    if (a && a !== other && !isPlace(a) && (!other || a.entity !== other.entity)) return a;
  }
  return null;
}

/** What argument finding carries from one trigger to the next in a sentence. */
export interface ArgumentContext {
  /** The last subject found: a verb coordinated with و/ف and no subject of its own shares it. */
  lastSubject: ActorSpot | null;
  /** In a headline «X : …», X: the actor of the headline's events that name none. */
  headline: ActorSpot | null;
  /** The last subject of the previous sentence of the paragraph (for «وأضاف…» with no subject). */
  previousSubject?: ActorSpot | null;
  /** The two parties of the last event between two actors, a few sentences back at most (for «واتفق الجانبان»). */
  lastPair?: { source: ActorSpot; target: ActorSpot } | null;
}

/** A past verb with the plural subject suffix (قتلوا، اعتقلوا، أطلقوا): its subject is in it. */
function carriesSubject(view: SentenceView, trigger: TriggerMatch, verb: number): boolean {
  const t = view.doc.tokens[verb];
  const stem = t.segments?.find((g) => g.role === 'stem')?.norm ?? t.norm.replace(/^[وف]/, '');
  const lemma = normalize(trigger.entry.lemma.split(' ')[0].split('|')[0]);
  return lemma.length >= 2 && (stem === lemma + 'وا' || (t.norm.replace(/^[وف]/, '') === lemma + 'وا'));
}

/** Verbs of result before a casualty noun (أسفر عن مقتل، أدى إلى إصابة، خلف). */
const RESULT_VERBS = /^[وف]?(?:ما)?(?:اسفر|اسفرت|يسفر|تسفر|ادي|ادت|يؤدي|تؤدي|خلف|خلفت|اوقع|اوقعت)$/;

function resultOfAct(view: SentenceView, noun: number): boolean {
  for (let j = noun - 1; j >= Math.max(view.from, noun - 3); j--) {
    const t = view.doc.tokens[j];
    if (t.kind !== 'word') return false;
    if (RESULT_VERBS.test(t.norm)) return true;
  }
  return false;
}

/**
 * An active participle in the accusative after the main clause (شدد الغنوشي … منوها
 * بدور الرئيس، رافضا، مؤكدا): a circumstantial clause whose subject is the main verb's.
 */
function circumstantial(view: SentenceView, trigger: TriggerMatch, verb: number): boolean {
  const w = view.doc.tokens[verb].norm.replace(/^[وف]/, '');
  const lemma = normalize(trigger.entry.lemma.split(' ')[0].split('|')[0]);
  return verb > view.from && /^م..+ا$/.test(w) && !lemma.startsWith('م');
}

/**
 * «لقاء بين X و Y»، «الاتفاق الذي تم التوصل إليه بين X و Y»: the first party after «بين»,
 * right after the noun or a short clause on it (no actor, no clause end on the way).
 */
function betweenParties(view: SentenceView, from: number): ActorSpot | undefined {
  const bayna = normalize('بين');
  for (let j = from; j < Math.min(view.to - 1, from + BETWEEN_REACH); j++) {
    const t = view.doc.tokens[j];
    if (isClauseEnd(t) || isComma(t) || view.inside.has(j)) return undefined;
    if (t.norm === bayna) return view.startsAt.get(j + 1);
  }
  return undefined;
}
/** How far after a noun its «بين X و Y» may stand. */
const BETWEEN_REACH = 6;

/** Nouns that take up the two parties just named: الجانبان، الطرفان، الوزيران… */
const PAIR_NOUNS = n('الجانبان الجانبين الطرفان الطرفين الوزيران الوزيرين البلدان البلدين الرئيسان الرئيسين الزعيمان الزعيمين المسؤولان المسؤولين الوفدان الوفدين');

/**
 * A verb whose subject is the pair just named: a dual with no subject of its own
 * (اتفقا، بحثا، يتفقان) or a pair noun after it (واتفق الجانبان).
 */
function pairSubject(view: SentenceView, trigger: TriggerMatch, verb: number): boolean {
  const next = tok(view, verb + 1);
  if (next && next.kind === 'word' && PAIR_NOUNS.has(next.norm)) return true;
  const t = view.doc.tokens[verb];
  const stem = t.segments?.find((g) => g.role === 'stem')?.norm ?? t.norm.replace(/^[وف]/, '');
  const lemma = normalize(trigger.entry.lemma.split(' ')[0].split('|')[0]);
  if (!lemma || lemma.length < 2) return false;
  return stem === lemma + 'ا' || stem === lemma + 'تا' || (/^[يت]/.test(stem) && stem.endsWith('ان') && stem.includes(lemma.slice(1, -1)));
}

/** «مصر : القضاء على منفذ الهجوم»، «سفيان طوبال : المعارضة تستغل…»: the actor before a colon in a title. */
export function headlineActor(view: SentenceView): ActorSpot | null {
  const block = view.doc.blocks[view.doc.sentences[view.index]?.block ?? -1];
  if (!block || (block.type !== 'title' && block.type !== 'heading')) return null;
  const first = view.actors[0];
  if (!first || first.from !== view.from) return null;
  const colon = view.doc.tokens[first.to];
  return colon && colon.kind === 'punct' && colon.norm === ':' ? first : null;
}

function startsWithConjunction(view: SentenceView, verb: number): boolean {
  const t = view.doc.tokens[verb];
  return t.segments?.[0]?.role === 'conj' || /^[وف]/.test(view.doc.text[t.start]);
}

/**
 * «أعلنت الوزارة أنها رفضت…»، «قال حفتر إنه سيلتقي…»: a complementizer with a
 * pronoun right before the verb says its subject is the speaker of the clause above.
 */
function subjectPronounBefore(view: SentenceView, verb: number): boolean {
  const t = tok(view, verb - 1);
  if (!t || t.kind !== 'word') return false;
  if (/^[وف]?ان(ه|ها|هم|هما)$/.test(t.norm)) return true;
  // «قال الجيش الأمريكي إن جنوده قتلوا…»، «إن طائراته قصفت…»: the speaker's own forces.
  const own = /^(جنود|قوات|طائرات|عناصر|مقاتلي|رجال|افراد|وحدات|مدفعيه|طيران|دبابات|سفن|بوارج)(ه|ها|هم)$/.exec(t.norm.replace(/^[وف]/, ''));
  const before = tok(view, verb - 2);
  return !!own && !!before && /^[وف]?[اإأ]?ن$/.test(before.norm);
}

/** Verbs whose object noun carries the event: قام ب، تقوم ب، شن، نفذ، أقدم على، باشر. */
const LIGHT_VERBS = /^(?:[وف]?)(?:تبني|تبنت|يتبني|تتبني|تبنوا|قام|قامت|يقوم|تقوم|قاموا|يقومون|شن|شنت|يشن|تشن|شنوا|نفذ|نفذت|ينفذ|تنفذ|نفذوا|اقدم|اقدمت|يقدم|تقدم|باشر|باشرت|تباشر|يباشر|اجرت|اجرى|تجري|يجري)$/;
/** How far before a verbal noun its light verb may stand (قامت الشرطة الفرنسية بمداهمة). */
const LIGHT_VERB_WINDOW = 5;

function lightVerbBefore(view: SentenceView, noun: number): number {
  for (let j = noun - 1; j >= Math.max(view.from, noun - LIGHT_VERB_WINDOW); j--) {
    const t = view.doc.tokens[j];
    if (isClauseEnd(t) || isComma(t)) return -1;
    if (t.kind === 'word' && LIGHT_VERBS.test(t.norm)) return j;
  }
  return -1;
}

/** Finds the arguments of one trigger in its sentence. */
export function findArguments(view: SentenceView, trigger: TriggerMatch, context: ArgumentContext = { lastSubject: null, headline: null }): Arguments {
  const { tokens } = view.doc;
  const args = trigger.args;
  const allowed = new Set<string>([...(args.preps ?? []).map((p) => normalize(p))]);
  if (args.target === 'object') allowed.add('');
  let source: ActorSpot | null = null;
  // A passive reading leaves the agent unsaid: no neighbour is guessed for it.
  let passive = false;
  // The target is known to be unnamed: none is guessed.
  let unguessedTarget = false;
  let target: ActorSpot | null = null;
  const verbal = trigger.pos === 'verb' || (trigger.pos === 'phrase' && trigger.entry.parts[0]?.kind === 'verb');

  if (verbal) {
    // The verb is the first matched token; a subject may stand inside a phrase's gap (أعرب حفتر عن).
    const verb = trigger.tokens[0] ?? trigger.from;
    const found = subjectAfter(view, verb + 1);
    // A word of the phrase itself (أطلق عليه الرصاص) is not its subject, unless it names
    // the agents (تجمع آلاف المتظاهرين: the protesters are a group the phrase expects).
    const ownWord = found && trigger.tokens.some((k) => k >= found.from && k < found.to);
    // «قتلوا خمسة مسلحين»: a verb that carries its plural subject has an object after it, not a subject.
    const afterVerb = (found && ownWord && found.mention.via === 'model') || carriesSubject(view, trigger, verb) ? null : found;
    // اغتالته إسرائيل: the verb carries its object; the actor after it is the subject, and the
    // object is what the relative clause hangs on (الرنتيسي الذي اغتالته).
    if (tokens[verb].segments?.some((g) => g.role === 'pron') && trigger.pos === 'verb') {
      const antecedent = relativeAntecedent(view, verb);
      return finish(view, trigger, afterVerb, antecedent);
    }
    // «الإرهابي، الذي استهدف نقطة التفتيش»: a verb right after a relative pronoun has the antecedent as subject.
    // An actor opening the clause right before the verb is its subject (SVO: «حفتر يستقبل قائد أفريكوم»).
    const svo = subjectBefore(view, verb);
    // «الإرهابي، الذي استهدف نقطة التفتيش»: right after a relative pronoun the verb's subject is
    // the antecedent, and the actor after it is its object.
    const afterRelative = !svo && RELATIVES.has(tok(view, verb - 1)?.norm ?? '');
    const relative = afterRelative ? relativeAntecedent(view, verb) : null;
    const after = svo || afterRelative ? null : afterVerb;
    const before = svo ?? relative ?? (after ? null : relativeAntecedent(view, verb));
    const conj = startsWithConjunction(view, verb);
    // A verb opening its sentence with و and no subject goes on with the previous sentence's subject.
    const ownSubject = !after && !before && unnamedSubjectAfter(view, trigger.to);
    // «وطالب الابن الأكبر لترامب، دونالد ترامب جونيور، …»: the unnamed subject is named in apposition.
    const named = ownSubject ? appositionName(view, trigger.to) : null;
    const carried = conj && verb === view.from && !ownSubject ? context.previousSubject ?? null : null;
    // «واتفق الجانبان»، «كما اتفقا»: the two parties of the last meeting or talks.
    const pair = !after && !before && context.lastPair && pairSubject(view, trigger, verb) ? context.lastPair : null;
    if (pair) {
      return finish(view, trigger, pair.source, args.target === 'none' ? null : pair.target);
    }
    const speaker = !after && !before && (subjectPronounBefore(view, verb) || circumstantial(view, trigger, verb)) ? context.lastSubject ?? context.previousSubject ?? null : null;
    source = after ?? before ?? named ?? speaker ?? (conj && !ownSubject ? context.lastSubject : null) ?? carried ?? (ownSubject ? null : context.headline);
    const start = Math.max(after ? skipApposition(view, after.to) : trigger.to, trigger.to);
    // With no actor right after the verb, its subject is a noun phrase of no name
    // (أدان داعمون للاتفاقية تحرك الرئيس): the object may stand a few words further.
    const directGap = after || before ? DIRECT_OBJECT_GAP : SUBJECTLESS_OBJECT_GAP;
    if (args.target !== 'none') target = objectFrom(view, start, { allowed, exclude: source ? [source] : [], directGap });
    // A passive (marked with vowels, or an often-passive verb followed by one actor only:
    // قُتل خمسة جنود) makes the word after the verb the target; the agent follows من قبل / على يد.
    const agent = passiveAgent(view, trigger.to);
    if (trigger.passiveMarked || agent) {
      target = after ?? target;
      source = agent;
      passive = !agent;
    } else if (after && args.passiveLikely && !target && !objectFollows(view, skipApposition(view, after.to))) {
      target = after;
      source = null;
      passive = true;
    } else if (!after && !before && args.passiveLikely && !target && asyndeticAntecedent(view, verb)) {
      // «إلى شابين وفتاة مراهقة اعتقلوا في مونبلييه»: an indefinite noun with a clause of no
      // relative pronoun; before an often-passive verb it is the one the verb was done to.
      target = asyndeticAntecedent(view, verb);
      source = null;
      passive = true;
    } else if (!after && before && args.passiveLikely && !target && before !== context.headline) {
      // «شابين وفتاة اعتقلوا في مونبلييه»: before an often-passive verb with no object, the noun is its patient.
      target = before;
      source = null;
      passive = true;
    }
    // «وكان هؤلاء الثلاثة قد اعتقلوا الجمعة»: an often-passive verb carrying its subject, with no
    // object, reads as a passive whose patient is not named: nothing around it is guessed.
    if (!target && !source && args.passiveLikely && carriesSubject(view, trigger, verb)) {
      passive = true;
      unguessedTarget = true;
    }
    if (args.subjectIsTarget && source) {
      const from = objectFrom(view, start, { allowed: new Set(['من']), exclude: [source] });
      [source, target] = [from, source];
    }
  } else {
    // A verbal noun: its genitive, then an actor after one of its prepositions, or بين X و Y.
    let genitive: ActorSpot | null = null;
    // انسحاب الولايات المتحدة من اتفاقية: an actor in the phrase's gap, right after the noun, is its genitive.
    const first = trigger.tokens[0] ?? trigger.from;
    const inner = trigger.pos === 'phrase' ? view.startsAt.get(first + 1) : undefined;
    if (inner && inner.to <= trigger.to && !trigger.tokens.includes(inner.from) && prepositionOf(view, inner) === '') genitive = inner;
    for (let j = trigger.to; !genitive && j < Math.min(view.to, trigger.to + GENITIVE_GAP + 1); j++) {
      const a = view.startsAt.get(j);
      if (a) {
        if (prepositionOf(view, a) === '') genitive = a;
        break;
      }
      const t = tokens[j];
      if (t.kind !== 'word' || !t.norm.startsWith('ال')) break;
    }
    // هجوم لندن: a city after the noun is where it happened, not who did it or suffered it.
    if (genitive && isPlace(genitive) && !genitive.mention.entity?.startsWith('country:')) genitive = null;
    // مداهمة منزل الإرهابي: the actor behind one possessed noun is the one acted upon.
    if (!genitive && args.target === 'genitive') {
      const t = tokens[trigger.to];
      const a = view.startsAt.get(trigger.to + 1);
      if (t && t.kind === 'word' && !view.inside.has(trigger.to) && a && prepositionOf(view, a) === '') genitive = a;
    }
    // «أشخاص تم إيقافهم»، «إيقافها»: a pronoun on the verbal noun is its object; with تم before it, the
    // noun phrase the clause hangs on is that object.
    if (!genitive && tokens[trigger.to - 1]?.segments?.some((g) => g.role === 'pron') && args.target === 'genitive') {
      const tam = tok(view, trigger.from - 1);
      const back = tam && /^تم|^يتم|^تمت/.test(tam.norm) ? trigger.from - 2 : trigger.from - 1;
      const a = view.inside.get(back) ?? relativeAntecedent(view, trigger.from);
      if (a && a.to === back + 1) genitive = a;
    }
    const afterGenitive = genitive ? skipApposition(view, genitive.to) : trigger.to;
    // A verbal noun takes its object with ل as well as with its own prepositions (استقبال حفتر لقائد أفريكوم).
    const prepActor = objectFrom(view, afterGenitive, { allowed: new Set([...allowed, 'ل'].filter(Boolean)), exclude: genitive ? [genitive] : [], window: NOUN_OBJECT_WINDOW });
    const between = betweenParties(view, trigger.to);
    if (between) {
      source = between;
      target = coordinated(view, between, [between])[0] ?? null;
    } else if (genitive && prepActor) {
      source = genitive;
      target = prepActor;
    } else if (genitive) {
      // استقبال خامنئي حشدا من المثقفين: with an object after it, the genitive is the agent.
      if (args.target === 'genitive' && !objectFollows(view, genitive.to)) target = genitive;
      else source = genitive;
    } else target = prepActor;
    // «الهجوم الذي شنه مقاتلو حزب العمال على ثكنة»، «هجوم مسلح نفذه مجهولون ضد مركز»: the
    // perpetrator follows a light verb in a clause on the noun, and the target comes after.
    if (!source) {
      const v = perpetrationClause(view, trigger.to);
      if (v >= 0) {
        const agent = subjectAfter(view, v + 1);
        if (agent) {
          source = agent;
          target ??= objectFrom(view, skipApposition(view, agent.to), { allowed: new Set([...allowed, 'ضد', 'علي', 'مع', 'ب'].filter(Boolean)), exclude: [agent] });
        }
      }
    }
    // «فجرت نفسها … ما أسفر عن مقتل ثمانية أشخاص»: the toll of an act is the actor's.
    if (!source && resultOfAct(view, trigger.from) && context.lastSubject && context.lastSubject !== target) source = context.lastSubject;
    // «وأوضح لوفين … عقب مباحثات مع موسكات»: talks «with» someone, told in a clause whose
    // subject is known, were held by that subject.
    if (!source && target && prepositionOf(view, target) === 'مع' && context.lastSubject && context.lastSubject !== target) source = context.lastSubject;
    // قامت الشرطة بمداهمة / شنت القوات هجوما: the light verb's subject is the noun's agent.
    if (!source && context.headline && context.headline !== target) source = context.headline;
    if (!source) {
      const light = lightVerbBefore(view, trigger.from);
      if (light >= 0) {
        const agent = subjectAfter(view, light + 1) ?? subjectBefore(view, light);
        if (agent && agent !== target) source = agent;
      }
    }
  }
  if (verbal && source && source.from >= view.from) context.lastSubject = source;
  // Nothing found by the grammar: the nearest actors around the trigger, in its clause (a fallback
  // the event's confidence does not count as an actor found).
  const guessed = { source: false, target: false };
  // A verbal noun with no actor of its own gets none by proximity (its neighbours are rarely its actors).
  if (!verbal && !source && !target) return { ...finish(view, trigger, source, target), guessed };
  if (!source && !passive) {
    source = nearestActor(view, trigger, -1, target);
    guessed.source = !!source;
  }
  if (!target && args.target !== 'none' && !unguessedTarget) {
    target = nearestActor(view, trigger, 1, source);
    guessed.target = !!target;
  }
  return { ...finish(view, trigger, source, target), guessed };
}
