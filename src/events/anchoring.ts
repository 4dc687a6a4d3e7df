/**
 * Is a trigger a report of something that happened, or a mention of a kind of
 * event? A verb reports. A verbal noun reports when the sentence anchors it to an
 * occurrence: a verb of occurrence or perpetration around it (وقع الهجوم، نفذه
 * مجهولون، تعرضت لهجوم، اندلعت مظاهرة), a casualty count (أسفر عن مقتل 15 شخصا),
 * or a time (أمس، صباح اليوم، الثلاثاء). A noun governed by a topic word
 * (جريمة اغتيال الحريري، ملف الاغتيال، مكافحة الإرهاب) or by «أي» is a topic,
 * and a clause dated to a past year (في عام 2002) is history.
 */
import type { EventMode, Token } from '../model/document.js';
import { normalize } from '../arabic/normalize.js';
import type { TriggerMatch } from './lexicon/index.js';
import type { SentenceView } from './sentence.js';

const n = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map((w) => normalize(w)));

/** Verbs (and their nouns) that put an event in the world: it happened, was carried out, was suffered. */
const OCCURRENCE = n(`
  وقع وقعت يقع تقع اندلع اندلعت تندلع يندلع شن شنت يشن تشن شنه شنها شنوا نفذ نفذت نفذه نفذها نفذوا ينفذ تنفذ
  جرى جرت يجري تجري حدث حدثت يحدث تحدث استهدف استهدفت يستهدف تستهدف اسفر اسفرت يسفر تسفر ادى ادت اودى اودت
  خلف خلفت اوقع اوقعت تعرض تعرضت يتعرض تتعرض تعرضوا تعرضا شهد شهدت تشهد يشهد تبنى تبنت يتبنى تتبنى
  خرج خرجت خرجوا نظم نظمت نظموا ينظم تنظم انطلق انطلقت تواصل تواصلت تجدد تجددت سقط سقطت تسبب تسببت نفذا
  قاد قادت قادوا دار دارت عاشت عاش اقتحم اقتحمت قام قامت يقوم تقوم قاموا اقدم اقدمت لقي لقوا تم تمت يتم وتم
`);
/** Words of a casualty report, counted (مقتل 15، 3 قتلى، إصابة شخصين). */
const CASUALTY = n('مقتل مصرع قتلى قتيل قتيلا قتيلان جرحى جريح جريحا جرحى اصابه اصيب اصيبوا اصيبت جرح جرحوا ضحايا ضحيه سقوط وفاه');
/** Times that make an event particular: أمس، اليوم، صباح، ليلة… */
const TIME = n('امس اليوم الليله ليله صباح مساء فجر ظهر عصر البارحه الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت');
/** Words that make what follows a topic, not a report (جريمة اغتيال، ملف الاغتيال، مكافحة الإرهاب). */
const TOPIC_HEADS = n(`
  جريمه جرائم ملف قضيه ذكرى متهم المتهمين متهمين المشتبه مشتبه محاكمه تحقيق تحقيقات لجنه
  فكره خطه مخطط تهمه تهم بتهمه مكافحه ضحايا مسؤوليه الوقايه منع تمهيد ثقافه موجه سلسله مسلسل قانون ادانه
  اي كل مثل نوع انواع اشكال ظاهره اعمال
`);
/**
 * Words of reaction to an event told elsewhere: condemning it, investigating it, dating something by it (أدان الهجوم، التحقيق في،
 * تعليقا على اغتيال، على خلفية، منذ اغتيال، عقب الهجوم). The event is referred to.
 */
const REACTION = n(`
  ادان ادانت يدين تدين ادانه ادانات استنكر استنكرت يستنكر تستنكر استنكار ندد نددت يندد تندد تنديد شجب شجبت
  التحقيقات التحقيق تحقيقات تحقيق معاينه تعليقا خلفيه
  ضحايا تعازي العزاء انزعاج مسؤوليتهم مسؤوليته مسؤوليتها بالضلوع الضلوع تورط متورط متورطا
`);
/** Words that date something by an event (منذ اغتيال، عقب الهجوم): a reference when the event is definite, the one known already. */
const TEMPORAL = n('منذ عقب اثر غداه جراء بسبب بعد قبل');
const YEAR = /^(1[89]\d\d|20\d\d)$/;
const YEAR_WORDS = n('عام سنه');
/** How close a time word must stand to the verbal noun it dates. */
const TIME_ADJACENCY = 2;
/** How far around a verbal noun its anchor may be. */
const ANCHOR_WINDOW = 8;
/** How far a clause is looked for on each side: a run-on "sentence" must not make this quadratic. */
const CLAUSE_REACH = 60;

function stemOf(t: Token): string {
  if (!t.segments) return t.norm;
  return t.segments.filter((s) => s.role === 'stem' || s.role === 'article').map((s) => s.norm).join('').replace(/^ال/, '');
}

function bare(t: Token): string {
  return t.norm.replace(/^[وف](?=..)/, '');
}

function clauseBounds(view: SentenceView, from: number, to: number): { start: number; end: number } {
  const tokens = view.doc.tokens;
  const isEnd = (t: Token) => t.kind === 'punct' && /^[؛;.:!?؟]/.test(t.norm);
  const lo = Math.max(view.from, from - CLAUSE_REACH);
  const hi = Math.min(view.to, to + CLAUSE_REACH);
  let start = from;
  while (start > lo && !isEnd(tokens[start - 1])) start--;
  let end = to;
  while (end < hi && !isEnd(tokens[end])) end++;
  return { start, end };
}

/** True when tokens [i, i + 3) hold a count (a number or a number word): مقتل 15، 3 قتلى. */
function counted(tokens: readonly Token[], i: number, limit: number): boolean {
  for (let j = Math.max(0, i - 3); j < Math.min(limit, i + 4); j++) if (tokens[j].kind === 'number' || /^(عشرات|مئات|الاف|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره|عشرين|ثلاثين)$/.test(tokens[j].norm)) return true;
  return false;
}

/** Prepositions a purpose adverbial governs (احتجاجا على، تنديدا ب، تضامنا مع). */
const ADVERBIAL_PREPS = n('علي ضد مع');

/**
 * A verbal noun in the indefinite accusative before its preposition (احتجاجا على
 * القرار، تنديدا بالهجوم، تضامنا مع) says why someone acted: the action happened,
 * so the noun is anchored like a verb.
 */
function adverbialAccusative(view: SentenceView, trigger: TriggerMatch): boolean {
  if (trigger.to - trigger.from !== 1) return false;
  const t = view.doc.tokens[trigger.from];
  if (trigger.clitics.article || trigger.clitics.prep || t.norm.startsWith('ال')) return false;
  const stem = t.segments?.find((g) => g.role === 'stem')?.norm ?? t.norm;
  if (!/[^ا]ا$/.test(stem) || t.segments?.some((g) => g.role === 'pron')) return false;
  const next = view.doc.tokens[trigger.to];
  if (!next || trigger.to >= view.to || next.kind !== 'word') return false;
  return ADVERBIAL_PREPS.has(next.norm) || !!next.segments?.some((g) => g.role === 'prep' && /^[بل]$/.test(g.norm));
}

export interface Evidence {
  /** The sentence ties the event to an occurrence (verb, casualties, time). */
  anchored: boolean;
  /** The mode this reading gives, when it is not a plain report ('generic', 'historical'). */
  mode: EventMode | null;
}

/** What the sentence says about whether the trigger reports an event. */
export function reportEvidence(view: SentenceView, trigger: TriggerMatch, nounHeaded: boolean): Evidence {
  const tokens = view.doc.tokens;
  const { start, end } = clauseBounds(view, trigger.from, trigger.to);

  // A past year in the clause: history told as background (في عام 2002 قتل…).
  for (let j = start; j < end; j++) {
    if (tokens[j].kind === 'number' && YEAR.test(tokens[j].norm) && j > start && YEAR_WORDS.has(stemOf(tokens[j - 1]) || tokens[j - 1].norm)) {
      const year = Number(tokens[j].norm);
      const docYear = view.doc.date ? Number(view.doc.date.slice(0, 4)) : null;
      if (docYear === null || year < docYear) return { anchored: false, mode: 'historical' };
    }
  }

  if (!nounHeaded) return { anchored: true, mode: null };

  // A noun governed by a topic word (within two words before it) is a topic; one in a
  // reaction to it (condemned, claimed, investigated, «since the assassination») is referred to.
  for (let j = trigger.from - 1; j >= Math.max(start, trigger.from - 3); j--) {
    const t = tokens[j];
    if (t.kind !== 'word') break;
    if (j >= trigger.from - 2 && (TOPIC_HEADS.has(stemOf(t)) || TOPIC_HEADS.has(bare(t)))) return { anchored: false, mode: 'generic' };
    if (REACTION.has(stemOf(t)) || REACTION.has(bare(t)) || REACTION.has(t.norm)) return { anchored: false, mode: 'generic' };
    const definite = trigger.clitics.article || tokens[trigger.from].norm.startsWith('ال');
    if (definite && (TEMPORAL.has(bare(t)) || TEMPORAL.has(t.norm))) return { anchored: false, mode: 'generic' };
  }
  if (adverbialAccusative(view, trigger)) return { anchored: true, mode: null };
  const lo = Math.max(start, trigger.from - ANCHOR_WINDOW);
  const hi = Math.min(end, trigger.to + ANCHOR_WINDOW);
  for (let j = lo; j < hi; j++) {
    if (j >= trigger.from && j < trigger.to) continue;
    const t = tokens[j];
    if (t.kind !== 'word') continue;
    const w = bare(t);
    const s = stemOf(t);
    if (OCCURRENCE.has(w) || OCCURRENCE.has(s) || OCCURRENCE.has(w.replace(/(ه|ها|هم)$/, ''))) return { anchored: true, mode: null };
    if ((CASUALTY.has(w) || CASUALTY.has(s)) && counted(tokens, j, end)) return { anchored: true, mode: null };
    // A time word anchors only the noun it stands next to (هجمات الأمس، تفجير صباح اليوم).
    if ((TIME.has(w) || TIME.has(s)) && Math.abs(j - (j < trigger.from ? trigger.from - 1 : trigger.to)) <= TIME_ADJACENCY) return { anchored: true, mode: null };
  }
  return { anchored: false, mode: null };
}
