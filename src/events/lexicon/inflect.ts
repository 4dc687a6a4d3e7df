/**
 * A small Arabic morphology for trigger words: the unvocalised, normalised surface
 * forms of a verb (perfect and imperfect, all persons that are cheap to produce)
 * and of a noun (singular, accusative, dual, plurals).
 *
 * Forms are stems without clitics: the matcher strips و ف س ب ل ك ال and pronoun
 * suffixes itself. Most passives need no generator: without vowel marks, قُتل is
 * قتل and يُستقبل is يستقبل, so the active forms are also passive forms (see
 * `hasPassiveMarks` for vocalised text). Hollow verbs are the exception (اغتال →
 * اُغتيل، يُقال؛ أدان → أُدين، يُدان) and so are defective verbs in ا (دعا → دُعي):
 * `passiveForms` adds those.
 */
import { normalize } from '../../arabic/normalize.js';

/** Inflection classes by the behaviour of the stem before suffixes. */
export type VerbClass = 'sound' | 'hollow' | 'defective' | 'doubled';

export const VERB_CLASSES: readonly VerbClass[] = ['sound', 'hollow', 'defective', 'doubled'];

/** What the generator needs to know about a verb. */
export interface VerbSpec {
  /** The perfect, 3rd person masculine singular (استقبل، زار، دعا، نفى، ردّ). */
  past: string;
  /** The imperfect, 3rd person masculine singular (يستقبل); derived when omitted. */
  present?: string;
  /** Default `sound`. */
  class?: VerbClass;
  /** Generate only perfect forms (the imperfect is a homograph of another verb: أضرب/يضرب "hits"). */
  pastOnly?: boolean;
  /** Generate only imperfect forms (the perfect is a homograph of a noun: ثمّن/ثمن "price"). */
  presentOnly?: boolean;
}

/** What the generator needs to know about a noun (usually a verbal noun). */
export interface NounSpec {
  /** The singular as written (keep ة: it decides the dual and the plural). */
  lemma: string;
  /** Plurals as written; for a noun in ة the sound plural in ات is added unless `plural` is given. */
  plural?: string[];
  /** Add no dual forms (ان/ين). */
  noDual?: boolean;
}

const IMPERFECT_PREFIXES = ['ي', 'ت', 'ن', 'ا'] as const;
const ALEF = 'ا';
const YEH = 'ي';
const WAW = 'و';
const TEH = 'ت';
const TEH_MARBUTA = 'ة';
const ISTA = 'است';
const LONG_VOWELS = new Set([ALEF, WAW, YEH]);

/** Suffixes of the perfect after a stem ending in a consonant: 3fs/1s/2s, 3md, 3fd, 3mp, 3fp, 2mp, 2d, 2fp, 1p. */
const PAST_SUFFIXES = ['', 'ت', 'ا', 'تا', 'وا', 'ن', 'تم', 'تما', 'تن', 'نا'];
/** Perfect suffixes that begin with a vowel (the stem keeps its long vowel or geminate). */
const PAST_VOWEL_SUFFIXES = ['', 'ت', 'ا', 'تا', 'وا'];
/** Perfect suffixes that begin with a consonant (hollow stems shorten, geminates split). */
const PAST_CONSONANT_SUFFIXES = ['ن', 'ت', 'تم', 'تما', 'تن', 'نا'];
/** Imperfect suffixes by prefix: indicative ون/ان/ين, subjunctive-jussive وا/ا/ي, feminine plural ن. */
const PRESENT_SUFFIXES: Record<string, string[]> = {
  ي: ['', 'ون', 'ان', 'وا', 'ا', 'ن'],
  ت: ['', 'ون', 'ان', 'ين', 'وا', 'ا', 'ي', 'ن'],
  ن: [''],
  ا: [''],
};

function unique(forms: Iterable<string>): string[] {
  return [...new Set(forms)].filter((f) => f.length > 0);
}

/**
 * The imperfect (3ms) of a normalised perfect, for the shapes where it is predictable:
 * derived forms (أفعل→يفعل، افتعل→يفتعل، استفعل→يستفعل، تفاعل→يتفاعل، فاعل→يفاعل),
 * doubled verbs, defective verbs and derived hollow verbs (أدان→يدين، اختار→يختار،
 * استقال→يستقيل). Form I hollow verbs (زار→يزور / سار→يسير) and verbs whose first
 * radical is hamza (أكد→يؤكد) are not predictable: give `present` for them.
 */
export function derivePresent(past: string, cls: VerbClass = 'sound'): string {
  const p = normalize(past);
  const dropAlef = p.startsWith(ALEF) ? p.slice(1) : p;
  switch (cls) {
    case 'sound':
    case 'doubled':
      return YEH + dropAlef;
    case 'defective':
      // دعا → يدعو (final و); نفى/التقى/تلقى → ينفي/يلتقي/يتلقى (ى is ي once normalised).
      return p.endsWith(ALEF) && !p.startsWith(ALEF) ? YEH + p.slice(0, -1) + WAW : YEH + dropAlef;
    case 'hollow':
      return deriveHollowPresent(p);
  }
}

function deriveHollowPresent(p: string): string {
  const FORM_IV_LENGTH = 4;
  const FORM_VIII_LENGTH = 5;
  const FORM_X_LENGTH = 6;
  if (p.length === FORM_IV_LENGTH && p[0] === ALEF && p[2] === ALEF) return YEH + p[1] + YEH + p[3]; // أدان → يدين
  if (p.length === FORM_VIII_LENGTH && p[0] === ALEF && p[3] === ALEF) return YEH + p.slice(1); // اختار → يختار
  if (p.length === FORM_X_LENGTH && p.startsWith(ISTA) && p[4] === ALEF) return 'يست' + p[3] + YEH + p[5]; // استقال → يستقيل
  throw new Error(`derivePresent: give the imperfect of the hollow verb ${p}`);
}

/** Perfect forms of a normalised stem. */
function pastForms(p: string, cls: VerbClass): string[] {
  switch (cls) {
    case 'sound':
      return PAST_SUFFIXES.map((s) => p + s);
    case 'hollow': {
      // زار: زارت زارا زاروا / زرن زرت زرنا — the long ا drops before consonant suffixes.
      const i = p.lastIndexOf(ALEF);
      const short = i > 0 ? p.slice(0, i) + p.slice(i + 1) : p;
      return [...PAST_VOWEL_SUFFIXES.map((s) => p + s), ...PAST_CONSONANT_SUFFIXES.map((s) => short + s)];
    }
    case 'doubled': {
      // ردّ: ردت ردوا / رددن رددت رددنا — the geminate splits before consonant suffixes.
      const split = p + p[p.length - 1];
      return [...PAST_VOWEL_SUFFIXES.map((s) => p + s), ...PAST_CONSONANT_SUFFIXES.map((s) => split + s)];
    }
    case 'defective': {
      const base = p.slice(0, -1);
      if (p.endsWith(ALEF)) {
        // دعا: دعت دعتا دعوا دعون دعوت دعونا دعوتم (root-final و).
        return [p, base + 'ت', base + 'تا', base + 'وا', base + 'ون', base + 'وت', base + 'ونا', base + 'وتم'];
      }
      // نفى/التقى: نفت نفتا نفيا نفوا نفين نفيت نفينا نفيتم.
      return [p, base + 'ت', base + 'تا', base + 'يا', base + 'وا', base + 'ين', base + 'يت', base + 'ينا', base + 'يتم'];
    }
  }
}

/**
 * Imperfect forms from the normalised 3ms imperfect. The short jussive of hollow
 * verbs (لم يقل، لم يزر) is left out: يقل/تقل/نقل are far more often "is less" and
 * "transferred".
 */
function presentForms(present: string, cls: VerbClass): string[] {
  const stem = present.slice(1);
  const out: string[] = [];
  for (const prefix of IMPERFECT_PREFIXES) {
    const suffixes = PRESENT_SUFFIXES[prefix];
    if (cls === 'defective') {
      // يدعو/ينفي/يلتقي: the final weak letter drops before ون ين وا and stays before ان.
      const base = stem.slice(0, -1);
      out.push(prefix + stem);
      // The jussive drops the weak letter (لم يلتق، لن يلتقي): kept for derived verbs only,
      // where the short form is not another common word (Form I يدع "leaves").
      if (stem.length >= MIN_JUSSIVE_STEM) out.push(prefix + base);
      if (suffixes.length > 1) out.push(prefix + base + 'ون', prefix + base + 'ين', prefix + base + 'وا', prefix + stem + 'ان', prefix + stem + 'ا');
      continue;
    }
    for (const s of suffixes) {
      if (s === 'ن' && cls === 'hollow') out.push(prefix + shortenHollow(stem) + s); // يزرن
      else if (s === 'ن' && cls === 'doubled') out.push(prefix + stem + stem[stem.length - 1] + s); // يرددن
      else out.push(prefix + stem + s);
    }
  }
  return out;
}

/** Shortest imperfect stem (without prefix) whose jussive is generated: التقى → يلتق. */
const MIN_JUSSIVE_STEM = 4;

/** يزور → يزر: removes the long vowel before the last radical. */
function shortenHollow(stem: string): string {
  const i = stem.length - 2;
  return i >= 0 && LONG_VOWELS.has(stem[i]) ? stem.slice(0, i) + stem.slice(i + 1) : stem;
}

/**
 * The passive forms that differ from the active ones once unvocalised: hollow verbs
 * (اغتيل اغتيلت اغتيلوا، يغتال/يقال/يدان) and the perfect of defective verbs in ا
 * (دعي دعيت). The imperfect يُدعى is left out: as يدعي it means "claims".
 */
export function passiveForms(past: string, present: string, cls: VerbClass): string[] {
  if (cls === 'defective' && past.endsWith(ALEF)) {
    const base = past.slice(0, -1);
    return [base + 'ي', base + 'يت', base + 'يا', base + 'يتا'];
  }
  if (cls !== 'hollow') return [];
  const i = past.lastIndexOf(ALEF);
  if (i <= 0) return [];
  const p = past.slice(0, i) + YEH + past.slice(i + 1);
  const out = PAST_VOWEL_SUFFIXES.map((s) => p + s);
  const stem = present.slice(1);
  const j = stem.length - 2;
  const passiveStem = j >= 0 && LONG_VOWELS.has(stem[j]) ? stem.slice(0, j) + ALEF + stem.slice(j + 1) : stem;
  // Only the 3rd masculine: تُشاد (praised) is also تشاد (Chad).
  for (const s of ['', 'ون', 'ان', 'وا']) out.push(YEH + passiveStem + s);
  return out;
}

/** All normalised forms of a verb: perfect and imperfect (active and passive), every person the suffix tables cover. */
export function verbForms(spec: VerbSpec): string[] {
  const cls = spec.class ?? 'sound';
  const past = normalize(spec.past);
  const present = normalize(spec.present ?? derivePresent(spec.past, cls));
  const out: string[] = [];
  if (!spec.presentOnly && !spec.pastOnly) out.push(...passiveForms(past, present, cls));
  if (!spec.presentOnly) out.push(...pastForms(past, cls));
  if (!spec.pastOnly) out.push(...presentForms(present, cls));
  return unique(out);
}

/**
 * A best guess of the class of a bare perfect (for dictionary entries without
 * morphology), or null when the imperfect cannot be predicted (Form I hollow verbs
 * such as قال/زار, verbs with a radical hamza). The raw spelling matters: بدأ ends in
 * a hamza, not in the weak ا of دعا.
 */
export function guessVerbClass(rawPast: string): VerbClass | null {
  const p = normalize(rawPast);
  const MIN_LETTERS = 2;
  if (p.length < MIN_LETTERS) return null;
  if (/[أإآ]$/.test(rawPast)) return null; // radical hamza: spelling varies (بدأوا/بدؤوا)
  if (/^[أإآ]/.test(rawPast) && p.length === 3) return null; // Form I with radical hamza: أخذ→يأخذ
  if (p.length === MIN_LETTERS) return 'doubled';
  if (p.endsWith(YEH) || p.endsWith(ALEF)) return 'defective';
  const FORM_I_LENGTH = 3;
  if (p.length === FORM_I_LENGTH && p[1] === ALEF) return null; // قال/سار/نام: vowel of the imperfect unknown
  try {
    if (p.length > FORM_I_LENGTH && p[p.length - 2] === ALEF && /^(ا|است)/.test(p) && p[1] !== ALEF) {
      deriveHollowPresent(p);
      return 'hollow';
    }
  } catch {
    // not a derived hollow shape: fall through
  }
  return 'sound';
}

/** All normalised forms of a noun: singular, accusative with tanwin alif, dual, plurals. */
export function nounForms(spec: NounSpec): string[] {
  const raw = spec.lemma.trim();
  const out: string[] = [raw];
  if (raw.endsWith('ات')) {
    // A plural lemma (محادثات): no tanwin alif, no dual.
  } else if (raw.endsWith(TEH_MARBUTA)) {
    const stem = raw.slice(0, -1);
    if (!spec.noDual) out.push(stem + 'تان', stem + 'تين');
    if (!spec.plural) out.push(stem + 'ات');
  } else {
    // لقاء takes no tanwin alif; اعتقال → اعتقالا; nisba adjectives (إنساني) take ة.
    if (!/[اءى]$/.test(raw)) out.push(raw + 'ا');
    if (!spec.noDual) out.push(raw + 'ان', raw + 'ين');
    if (raw.endsWith('ي')) out.push(raw + TEH_MARBUTA, raw + 'ين', raw + 'ات');
  }
  for (const p of spec.plural ?? []) out.push(p);
  return unique(out.map((f) => normalize(f)));
}

/** All normalised forms of an adjective: masculine and feminine, singular, dual, plural (جوي → جوية، جويين). */
export function adjectiveForms(lemma: string): string[] {
  const m = lemma.trim();
  const f = m + TEH_MARBUTA;
  const forms = [m, m + 'ا', m + 'ان', m + 'ين', m + 'ون', f, m + 'تان', m + 'تين', m + 'ات'];
  return unique(forms.map((x) => normalize(x)));
}

/** Forms with the other seat of a medial hamza (مسؤولية/مسئولية), which writers mix. */
export function hamzaSeatVariants(form: string): string[] {
  const out = [form];
  if (form.includes('ؤو')) out.push(form.replace('ؤو', 'ئو'));
  if (form.includes('ئو')) out.push(form.replace('ئو', 'ؤو'));
  return out;
}

const DAMMA = '\u064F';
const FATHA = '\u064E';
const KASRA = '\u0650';
const MARKS = /[\u064B-\u065F\u0670]/;

/**
 * Whether vowel marks show a passive verb: يُستقبَل / يُقتَل (imperfect: damma on the
 * prefix, fatha and no kasra after it) or قُتِل / أُطلِق / اُعتُقِل / استُقبِل (perfect:
 * damma on the first radical). Unvocalised text gives false: the form is then
 * ambiguous, not active.
 */
export function hasPassiveMarks(raw: string): boolean {
  const letters: { ch: string; marks: string }[] = [];
  for (const ch of raw) {
    if (MARKS.test(ch)) {
      if (letters.length) letters[letters.length - 1].marks += ch;
    } else if (/[\u0621-\u064A]/.test(ch)) letters.push({ ch, marks: '' });
  }
  if (!letters.length) return false;
  const rest = letters.slice(1);
  const laterKasra = rest.some((l) => l.marks.includes(KASRA));
  const laterFatha = rest.some((l) => l.marks.includes(FATHA));
  const first = letters[0];
  if (first.marks.includes(DAMMA)) {
    if (laterFatha && !laterKasra) return true; // يُقتَل، يُستقبَل، قُتَل is no word
    // يُعلِن/تُعلِن are active imperfects of Forms II–IV; أُطلِق is the Form IV passive
    // perfect in news (the 1st person imperfect looks the same but is rare).
    if ('يتن'.includes(first.ch)) return false;
    return laterKasra || !laterFatha; // قُتِل، أُطلِق
  }
  // Hamzat al-wasl is usually unmarked: اعتُقل، استُقبل، انتُخب.
  const WASL_SPAN = 3;
  if (first.ch === 'ا' || first.ch === 'إ') {
    return letters.slice(1, WASL_SPAN + 1).some((l) => l.marks.includes(DAMMA));
  }
  return false;
}
