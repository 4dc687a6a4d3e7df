/**
 * Reads UniversalPetrarch's Arabic CAMEO verb dictionary (CAMEO.ar.0.5.txt, MIT,
 * PETRARCH syntax) and keeps the part that is usable in unvocalised news text.
 *
 * The dictionary was machine-built from the English one: blocks group Arabic
 * synonyms of an English verb (the gloss after `#`), and its patterns (`- * object
 * [code]`) often carry the code of another sense of the English verb ("slam a door"
 * under ندد "denounce"). The rules, applied in order, are:
 *
 *  0. the verb is one of `REVIEWED_VERBS`: a person checked that the seed's Arabic
 *     verb is a real MSA verb used in news in the sense of its English gloss (many
 *     are dictionary translations that are not: ندا "hold", كفح "defend");
 *  1. lemma: one Arabic word of at least three letters whose inflection can be
 *     predicted (no Form I hollow verb, no radical hamza) unless the hand lexicon
 *     gives its morphology;
 *  2. bare verbs (`verb [code]`): kept only when an English gloss of the verb is an
 *     event verb whose CAMEO roots contain the code's root, and the verb is not one
 *     of the very common, polysemous verbs listed in `AMBIGUOUS_VERBS`;
 *  3. patterns: only verb-first ones (`- * …`) whose code is a PLOVER event; they
 *     need one specific Arabic content word (not a preposition, a generic word or a
 *     currency name); the code's root must agree with the
 *     verb's gloss, or, for light verbs (put, hold, stage, express…), with the
 *     topic of a content word (`CONCEPT_ROOTS`);
 *  4. the hand lexicon wins: a seed bare verb with forms of a hand single word is
 *     dropped, and seed bare verbs whose forms meet with different PLOVER types
 *     are all dropped;
 *  5. one entry per lemma (verb and content words): of codes with the same PLOVER
 *     type the most specific stays; a lemma coded with two PLOVER types is dropped.
 */
import { normalize } from '../../arabic/normalize.js';
import { adjectiveForms, guessVerbClass, nounForms } from './inflect.js';
import type { Morphology } from './compile.js';
import type { AttachedPrep, LexiconEntry, LexiconPart, PloverType } from './types.js';

/** A verb line of a dictionary block. */
export interface SeedVerb {
  /** As written, `+` joining fixed words (ندد+ب، اطلق+نار+على). */
  raw: string;
  code?: string;
  glosses: string[];
}

/** A pattern line: the text between `-` and the code, and the verbs it is said to apply to. */
export interface SeedPattern {
  text: string;
  code: string;
  appliesTo: string[];
}

export interface SeedBlock {
  head: string;
  verbs: SeedVerb[];
  patterns: SeedPattern[];
}

export interface SeedDictionary {
  synsets: Map<string, string[]>;
  blocks: SeedBlock[];
}

const CODE = /\[([0-9]{2,4}|---)\]/;

/** Parses the dictionary text into synonym sets and verb blocks. */
export function parseSeedDictionary(text: string): SeedDictionary {
  const synsets = new Map<string, string[]>();
  const blocks: SeedBlock[] = [];
  let synset: string[] | undefined;
  let block: SeedBlock | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    if (line.startsWith('#')) { synset = undefined; continue; }
    if (line.startsWith('&') && !block) {
      synset = [];
      synsets.set(line.split(/\s+/)[0], synset);
      continue;
    }
    if (synset && /^[+_]/.test(line)) {
      synset.push(line.replace(/^[+_]+|[+_]+$/g, '').replace(/[_+]+/g, ' ').trim());
      continue;
    }
    const header = /^---\s+(\S+)\s+\[[^\]]*\]\s+---/.exec(line);
    if (header) {
      block = { head: header[1], verbs: [], patterns: [] };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    const [body, comment = ''] = splitComment(line);
    const code = CODE.exec(body)?.[1];
    if (line.startsWith('-')) {
      if (!code || code === '---') continue;
      const appliesTo = comment.split(',').map((s) => s.trim()).filter(Boolean);
      block.patterns.push({ text: body.replace(CODE, '').replace(/^-\s*/, '').trim(), code, appliesTo });
    } else {
      const raw = body.replace(CODE, '').trim();
      if (!raw) continue;
      const glosses = comment.split(',').map((s) => s.trim()).filter(Boolean);
      block.verbs.push({ raw, code: code && code !== '---' ? code : undefined, glosses });
    }
  }
  return { synsets, blocks };
}

function splitComment(line: string): [string, string] {
  const i = line.indexOf('#');
  return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
}

type Roots = readonly string[];
const VIOLENCE: Roots = ['18', '19', '20'];

/**
 * English glosses of event verbs and the CAMEO roots they can carry. A gloss not
 * here is either light (see `LIGHT_GLOSSES`) or too vague to trust.
 */
export const GLOSS_ROOTS: Readonly<Record<string, Roots>> = {
  appeal: ['02', '10'], ask: ['02'], request: ['02'], urge: ['02'], invite: ['02', '04'], lobby: ['02'], seek: ['02'],
  recommend: ['02'], advise: ['02'],
  pledge: ['03'], vow: ['03', '13'], promise: ['03'], offer: ['03'], agree: ['03', '05'], accept: ['03', '08'],
  assure: ['03'], commit: ['03'], propose: ['03'],
  meet: ['04'], host: ['04'], visit: ['04'], discuss: ['04'], talk: ['04'], consult: ['04'], negotiate: ['04'],
  mediate: ['04'], convene: ['04'], broker: ['03', '04'], haggle: ['04'], receive: ['04'],
  praise: ['05'], endorse: ['05'], support: ['05', '07'], back: ['05'], applaud: ['05'], hail: ['05'], defend: ['05'],
  favor: ['05'], uphold: ['05'], approve: ['03', '05'], appreciate: ['05'], recognize: ['05'], apologize: ['05'],
  forgive: ['05'], sign: ['05'], celebrate: ['05'], encourage: ['05'],
  cooperate: ['06'], share: ['06'], trade: ['06'], invest: ['06'], train: ['06'],
  aid: ['07'], help: ['07'], assist: ['07'], supply: ['07'], donate: ['07'], provide: ['07'], grant: ['05', '07'],
  airlift: ['07'], finance: ['07'],
  release: ['08'], free: ['08'], return: ['08'], withdraw: ['08', '16'], retreat: ['08'], yield: ['08'],
  surrender: ['08'], ease: ['08'], lift: ['08'], evacuate: ['08'], exonerate: ['08'],
  investigate: ['09'], probe: ['09'],
  demand: ['10'], press: ['10'], insist: ['10'],
  condemn: ['11'], denounce: ['11'], censure: ['11'], criticize: ['11'], slam: ['11'], blame: ['11'], accuse: ['11'],
  charge: ['11', '17'], indict: ['11', '17'], convict: ['11', '17'], complain: ['11'], mock: ['11'], lament: ['11'],
  sue: ['11'],
  reject: ['12'], refuse: ['12'], rebuff: ['12'], veto: ['12'], oppose: ['12'], deny: ['01', '12'], refute: ['01', '12'],
  dispute: ['12'], defy: ['12'], resist: ['12'], disagree: ['12'],
  threaten: ['13'], warn: ['13'], caution: ['13'],
  protest: ['14'], march: ['14'], rally: ['14'], demonstrate: ['14'], boycott: ['14', '16'], chant: ['14'],
  deploy: ['15'], mobilise: ['15'], alert: ['15'], patrol: ['15'], reinforce: ['15'], gird: ['15'],
  expel: ['16', '17'], sever: ['16'], recall: ['16'], halt: ['16'], suspend: ['16'], withhold: ['16'],
  arrest: ['17'], detain: ['17'], seize: ['17', '19'], capture: ['17', '19'], confiscate: ['17'], restrict: ['17', '19'],
  quell: ['17'], disperse: ['17'], ransack: ['17'], destroy: ['17'], raid: ['17', '18', '19'],
  abduct: ['18'], kidnap: ['18'], snatch: ['18'], assassinate: ['18'], torture: ['18'],
  attack: VIOLENCE, ambush: VIOLENCE, bomb: VIOLENCE, blast: VIOLENCE, blitz: ['19'], shoot: VIOLENCE, kill: VIOLENCE,
  clash: ['19'], fight: ['19'], battle: ['19'], overrun: ['19'], occupy: ['19'], recapture: ['19'], blockade: ['19'],
  surround: ['19'], explode: ['18'], hurl: ['18'], pelt: ['14', '18'],
};

/** Glosses of verbs that take their meaning from the object (hold talks, stage a march, express concern). */
export const LIGHT_GLOSSES: ReadonlySet<string> = new Set([
  'put', 'set', 'place', 'take', 'give', 'make', 'hold', 'stage', 'arrange', 'launch', 'open', 'issue', 'deliver',
  'conduct', 'carry', 'lay', 'use', 'start', 'begin', 'establish', 'present', 'extend', 'raise', 'cast', 'file',
  'lodge', 'submit', 'send', 'impose', 'reach', 'enter', 'embark', 'engage', 'declare', 'announce', 'express',
  'voice', 'say', 'confirm', 'affirm', 'stress', 'reiterate', 'reaffirm', 'emphasize', 'convey', 'signal',
  'renew', 'resume', 'step', 'redouble', 'tighten', 'increase', 'boost', 'expand', 'strengthen', 'organize',
]);

/** Topics of content words (normalised lemmas) and the roots an event about them can have. */
export const CONCEPT_ROOTS: Readonly<Record<string, Roots>> = (() => {
  const groups: [string[], Roots][] = [
    [['مظاهره', 'تظاهره', 'احتجاج', 'مسيره', 'اعتصام', 'اضراب', 'عصيان', 'شغب', 'اعتراض'], ['14', '17', '13']],
    [['هجوم', 'هجمه', 'غاره', 'ضربه', 'قصف', 'قنبله', 'صاروخ', 'نار', 'رصاص', 'حرب', 'معركه', 'اغتيال', 'تفجير',
      'كمين', 'عدوان', 'غزو', 'قذيفه', 'مدفعيه'], [...VIOLENCE, '13', '15']],
    [['اعتقال', 'احتجاز', 'سجن', 'محاكمه', 'حبس', 'تهمه', 'اتهام'], ['17', '11', '10', '02', '08']],
    [['عقوبه', 'عقوبات', 'حظر', 'مقاطعه', 'حصار'], ['16', '13', '17', '19', '08', '10', '12', '02']],
    [['مساعده', 'معونه', 'اغاثه', 'هبه', 'قرض', 'دعم'], ['07', '02', '03', '05', '06', '10', '12', '16']],
    [['اتفاق', 'اتفاقيه', 'معاهده', 'ميثاق', 'هدنه', 'صفقه', 'سلام', 'تسويه'], ['03', '05', '08', '12']],
    [['مفاوضه', 'مفاوضات', 'محادثات', 'حوار', 'اجتماع', 'مؤتمر', 'مشاوره', 'قمه', 'وساطه', 'لقاء', 'زياره',
      'مباحثات'], ['04', '03', '02', '10', '12', '16']],
    [['قوات', 'جيش', 'جنود', 'جندي', 'كتيبه', 'عسكري', 'تعزيزات', 'قوه'], ['15', '19', '07', '08', '16']],
    [['تاهب', 'استنفار'], ['15']],
    [['ادانه', 'انتقاد'], ['11']],
    [['اعتذار'], ['05']],
    [['تعاون'], ['06', '03', '02', '12']],
    [['تحقيق'], ['09', '10', '02']],
    [['لجوء'], ['07', '02']],
    [['سراح', 'افراج', 'عفو'], ['08', '02', '10', '03', '12']],
  ];
  const out: Record<string, Roots> = {};
  for (const [words, roots] of groups) for (const w of words) out[w] = roots;
  return out;
})();

/** Very common or polysemous verbs that never trigger on their own (they may still head a pattern). */
export const AMBIGUOUS_VERBS: ReadonlySet<string> = new Set(
  ('كان قال عمل قام وضع وقع قدم اخذ جعل ضرب حدث عرض وجد وصل لقي القي دفع نشر اعد عاد اعاد رجع طلع بدا راي ظهر ' +
    'حول جري اجري مسك عقد حد قصر ندا سلم عطي رسل ارسل صدر وجه تبع قوي شد ربط حضر اطلق طلق فصل شعل لغي لقب بني ' +
    'خلي برز حمل رفع فتح قطع حكم ترك منع سمح قبل صدق امن ظن عبر جاز نظر سال مثل ضم شمل بلغ ذهب خرج دخل جاء اتي ' +
    'بقي زال تم حصل سعي حاول جرب نقل مشي تقدم انتقل رد اصاب سقط نزل جمع اغلق غلق صرف همل جهل عقد هجن')
    .split(/\s+/),
);

/**
 * Seed verbs (normalised) reviewed as real news verbs in the sense of their gloss.
 * Light verbs among them (نظم، عقد، أجرى، أصدر، وجه…) still need a matching topic.
 */
export const REVIEWED_VERBS: ReadonlySet<string> = new Set(
  ('طلب رفض نبذ ابي ناشد دعا شجع دعم اتهم هجم انسحب نظم وضع وافق ساعد تبرا انكر نفي ادان نبه حذر تراجع اغار ' +
    'هاجم سحب اطلق نشر حرر ابدي قتل ذبح ضغط اعتقل طرد وجه وفر هدم دمر خرب رفع اعاد منح اعاق قذف رشق التزم ' +
    'تعهد صادق اتفق تخلي تظاهر اختطف هتف احرق زود عقد مول اعترض احتج عارض اجري حاصر فرض هجر قصف احتل توصل امضي ' +
    'ثمن شارك حشد قيد قاطع خطف داهم قاوم ارسل بعث استخدم اوصي اصر الح اشتكي شكا ندد استنكر')
    .split(/\s+/),
);

const PREPOSITIONS: ReadonlySet<string> = new Set(
  ['في', 'على', 'من', 'الي', 'عن', 'مع', 'ضد', 'نحو', 'حول', 'خلال', 'بين', 'تحت', 'فوق', 'عبر', 'بعد', 'قبل', 'لدي', 'عند', 'امام', 'خلف'],
);
/** Content words too generic to carry an event (and PETRARCH's pronoun placeholder هوو). */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  ['عمل', 'فعل', 'تصرف', 'شيء', 'امر', 'قضيه', 'مساله', 'حد', 'يوم', 'مجال', 'طريق', 'جانب', 'نفس', 'هو', 'هوو',
    'مقدم', 'اماما', 'موعد', 'ميعاد', 'حر', 'مكان', 'وقت', 'شخص', 'ناس', 'دور', 'مستقبل', 'مصلحه', 'صالح'],
);
/** Synonym sets whose members are no event cues (currency names). */
const EXCLUDED_SYNSETS: ReadonlySet<string> = new Set(['&CURRENCY']);
const ARABIC_WORD = /^[\u0621-\u064A]+$/;
const ONE_LETTER_PREPS: ReadonlySet<string> = new Set(['ب', 'ل', 'ك']);
const MIN_LEMMA = 3;
const MIN_CONTENT = 3;
const FIRST_GAP = 3;
const NEXT_GAP = 2;
const BARE_VERB_CONFIDENCE = 0.5;
const PATTERN_CONFIDENCE = 0.6;

/** Counts of what the rules kept and dropped, by rule. */
export type SeedStats = Record<string, number>;

interface Group {
  words: { word: string; prep?: AttachedPrep }[];
}

/** Splits a pattern body into groups: `{a b}` compounds and `(p w)` prepositional phrases stay together. */
function patternGroups(text: string, synsets: Map<string, string[]>): Group[] | null {
  if (!text.startsWith('*')) return null; // subject-first patterns are not kept
  const body = text.slice(1).replace(/[{}()]/g, (m) => ` ${m} `).replace(/[$+]/g, ' ').replace(/\s-\s/g, ' ');
  const tokens = body.split(/\s+/).filter(Boolean);
  const groups: Group[] = [];
  let depth = 0;
  let current: Group | undefined;
  let pendingPrep: AttachedPrep | undefined;
  for (const t of tokens) {
    if (t === '(' || t === '{') { if (depth++ === 0) current = { words: [] }; continue; }
    if (t === ')' || t === '}') { if (--depth === 0 && current) { groups.push(current); current = undefined; } continue; }
    if (t === '*' || t === '-') continue;
    const target = current ?? { words: [] };
    const norm = normalize(t);
    if (ONE_LETTER_PREPS.has(norm)) { pendingPrep = norm as AttachedPrep; continue; }
    if (t.startsWith('&')) {
      if (EXCLUDED_SYNSETS.has(t)) return null;
      const members = synsets.get(t);
      if (!members) return null;
      const singles = members.map((m) => normalize(m)).filter((m) => m && !m.includes(' '));
      if (!singles.length) return null;
      target.words.push({ word: singles.join('|'), prep: pendingPrep });
    } else {
      if (!ARABIC_WORD.test(norm)) return null; // English left in the pattern
      target.words.push({ word: norm, prep: pendingPrep });
    }
    pendingPrep = undefined;
    if (!current) groups.push(target);
  }
  return depth === 0 ? groups : null;
}

function partForWord(word: string, prep: AttachedPrep | undefined, gap: number): LexiconPart {
  const alternatives = word.split('|');
  const isPrep = alternatives.every((w) => PREPOSITIONS.has(w));
  const forms = isPrep
    ? alternatives
    : [...new Set(alternatives.flatMap((w) => (w.endsWith('ي') ? adjectiveForms(w) : nounForms({ lemma: w }))))];
  const part: LexiconPart = { forms, kind: isPrep ? 'word' : 'noun', gap };
  if (prep) part.prep = prep;
  return part;
}

function rootOf(code: string): string {
  return code.slice(0, 2);
}

/** Whether the verb's glosses (or, for a light verb, the content words) agree with the code's root. */
function agrees(glosses: string[], contentWords: string[], code: string): 'gloss' | 'concept' | null {
  const root = rootOf(code);
  const specific = glosses.filter((g) => GLOSS_ROOTS[g]);
  if (specific.length) return specific.some((g) => GLOSS_ROOTS[g].includes(root)) ? 'gloss' : null;
  if (!glosses.some((g) => LIGHT_GLOSSES.has(g))) return null;
  return contentWords.some((w) => w.split('|').some((x) => CONCEPT_ROOTS[x]?.includes(root))) ? 'concept' : null;
}

/** Verb forms for a seed lemma, or null when its inflection cannot be predicted (rule 1). */
function seedVerbForms(raw: string, morph: Morphology): string[] | null {
  const lemma = normalize(raw);
  if (!/^[\u0621-\u064A]+$/.test(lemma) || lemma.length < MIN_LEMMA) return null;
  if (morph.knowsVerb(raw)) return morph.verbForms(raw);
  return guessVerbClass(raw) ? morph.verbForms(raw) : null;
}

function bump(stats: SeedStats, key: string): void {
  stats[key] = (stats[key] ?? 0) + 1;
}

/**
 * Converts the dictionary into lexicon entries by rules 1–3 and 5 (rule 4 needs the
 * hand lexicon: see `dropSeedConflicts`). `isCode` validates CAMEO codes.
 */
export function seedEntries(
  dict: SeedDictionary,
  morph: Morphology,
  isCode: (code: string) => boolean,
  ploverOf: (code: string) => PloverType | null,
): { entries: LexiconEntry[]; stats: SeedStats } {
  const stats: SeedStats = {};
  const byKey = new Map<string, LexiconEntry>();
  const contradicted = new Set<string>();
  // Rule 5: one entry per lemma; of two codes with the same PLOVER type the more
  // specific one stays, two PLOVER types for one lemma drop it altogether.
  const add = (e: LexiconEntry, key: string): void => {
    const old = byKey.get(key);
    if (!old) { byKey.set(key, e); return; }
    bump(stats, 'patterns: duplicate lemma');
    if (ploverOf(old.cameo) !== ploverOf(e.cameo)) contradicted.add(key);
    else if (e.cameo.length > old.cameo.length) byKey.set(key, e);
  };
  for (const block of dict.blocks) {
    const glossesOf = new Map<string, string[]>();
    for (const v of block.verbs) {
      const key = normalize(v.raw.split('+')[0]);
      glossesOf.set(key, [...(glossesOf.get(key) ?? []), ...v.glosses]);
    }
    for (const v of block.verbs) {
      if (!v.code) continue;
      bump(stats, 'bare verbs: read');
      const [head, ...fixed] = v.raw.split('+');
      if (!REVIEWED_VERBS.has(normalize(head))) { bump(stats, 'bare verbs: dropped, verb not reviewed (rule 0)'); continue; }
      const forms = v.raw.includes(' ') ? null : seedVerbForms(head, morph);
      if (!forms) { bump(stats, 'bare verbs: dropped, lemma (rule 1)'); continue; }
      if (!isCode(v.code)) { bump(stats, 'bare verbs: dropped, unknown code'); continue; }
      if (AMBIGUOUS_VERBS.has(normalize(head)) && !fixed.length) { bump(stats, 'bare verbs: dropped, ambiguous verb (rule 2)'); continue; }
      if (agrees(v.glosses, [], v.code) !== 'gloss') { bump(stats, 'bare verbs: dropped, gloss disagrees with code (rule 2)'); continue; }
      const parts: LexiconPart[] = [{ forms, kind: 'verb', gap: 0 }];
      fixed.forEach((w, i) => parts.push(partForWord(normalize(w), undefined, i === 0 ? NEXT_GAP : 0)));
      const lemma = [head, ...fixed].join(' ');
      add(seedEntry(`up:${lemma}`, lemma, fixed.length ? 'phrase' : 'verb', v.code, parts, BARE_VERB_CONFIDENCE, v.glosses), normalize(lemma));
      bump(stats, 'bare verbs: kept');
    }
    for (const p of block.patterns) {
      bump(stats, 'patterns: read');
      if (!isCode(p.code)) { bump(stats, 'patterns: dropped, unknown code'); continue; }
      if (!ploverOf(p.code)) { bump(stats, 'patterns: dropped, code is no PLOVER event (rule 3)'); continue; }
      const groups = patternGroups(p.text, dict.synsets);
      if (!groups) { bump(stats, 'patterns: dropped, not verb-first or unreadable (rule 3)'); continue; }
      const content = groups.flatMap((g) => g.words.map((w) => w.word)).filter((w) => !PREPOSITIONS.has(w));
      const specific = content.filter((w) => w.split('|').some((x) => x.length >= MIN_CONTENT && !GENERIC_WORDS.has(x)));
      if (!specific.length) { bump(stats, 'patterns: dropped, no specific content word (rule 3)'); continue; }
      const verbs = p.appliesTo.map((a) => normalize(a.split(/[_\s]/)[0])).filter((a) => glossesOf.has(a));
      if (!verbs.length) { bump(stats, 'patterns: dropped, verbs not in block (rule 3)'); continue; }
      let kept = false;
      for (const verb of new Set(verbs)) {
        const raw = block.verbs.find((v) => normalize(v.raw.split('+')[0]) === verb)!.raw.split('+')[0];
        if (!REVIEWED_VERBS.has(verb)) { bump(stats, 'pattern verbs: dropped, verb not reviewed (rule 0)'); continue; }
        const forms = seedVerbForms(raw, morph);
        if (!forms) { bump(stats, 'pattern verbs: dropped, lemma (rule 1)'); continue; }
        if (!agrees(glossesOf.get(verb)!, content, p.code)) { bump(stats, 'pattern verbs: dropped, code disagrees (rule 3)'); continue; }
        const parts: LexiconPart[] = [{ forms, kind: 'verb', gap: 0 }];
        groups.forEach((g, gi) => g.words.forEach((w, wi) => {
          const gap = wi > 0 ? 0 : gi === 0 ? FIRST_GAP : NEXT_GAP;
          parts.push(partForWord(w.word, w.prep, gap));
        }));
        const text = groups.map((g) => g.words.map((w) => (w.prep ? w.prep + '+' : '') + w.word.split('|')[0]).join(' ')).join(' ');
        const lemma = `${raw} ${text}`;
        add(seedEntry(`up:${lemma}`, lemma, 'phrase', p.code, parts, PATTERN_CONFIDENCE, glossesOf.get(verb)!), normalize(lemma));
        kept = true;
      }
      bump(stats, kept ? 'patterns: kept' : 'patterns: dropped, no verb left');
    }
  }
  for (const key of contradicted) { byKey.delete(key); bump(stats, 'patterns: dropped, one lemma with two PLOVER types (rule 5)'); }
  return { entries: [...byKey.values()], stats };
}

function seedEntry(id: string, lemma: string, pos: 'verb' | 'phrase', cameo: string, parts: LexiconPart[], confidence: number, glosses: string[]): LexiconEntry {
  return {
    id,
    lemma,
    pos,
    cameo,
    speech: false,
    args: { target: 'object' },
    confidence,
    source: 'universalpetrarch',
    parts,
    gloss: [...new Set(glosses)].join(', '),
  };
}

/**
 * Rule 4: drops seed single words whose forms belong to a hand single word (the
 * hand entry wins), and seed single words whose forms meet another seed single
 * word of a different PLOVER type.
 */
export function dropSeedConflicts(
  seeds: LexiconEntry[],
  hand: LexiconEntry[],
  ploverOf: (code: string) => PloverType | null,
  stats: SeedStats,
): LexiconEntry[] {
  const handForms = new Set(hand.filter((e) => e.parts.length === 1).flatMap((e) => e.parts[0].forms));
  const owners = new Map<string, Set<string>>();
  for (const e of seeds) {
    if (e.parts.length !== 1) continue;
    for (const f of e.parts[0].forms) owners.set(f, (owners.get(f) ?? new Set()).add(String(ploverOf(e.cameo))));
  }
  return seeds.filter((e) => {
    if (e.parts.length !== 1) return true;
    const forms = e.parts[0].forms;
    if (forms.some((f) => handForms.has(f))) { bump(stats, 'bare verbs: dropped, covered by the hand lexicon (rule 4)'); return false; }
    if (forms.some((f) => (owners.get(f)?.size ?? 0) > 1)) { bump(stats, 'bare verbs: dropped, contradicts another seed verb (rule 4)'); return false; }
    return true;
  });
}
