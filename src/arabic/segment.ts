/**
 * Conservative clitic segmentation of one Arabic word.
 *
 * Proclitics (و ف, then ب ك ل or the future س, then the article ال / لل) and
 * pronoun enclitics (ه ها هم هما هن ك كم كما نا ني ي) are split off only with
 * evidence: the remaining stem is a known word at least about as often as the
 * whole form (word counts from unlabelled news), or the shape is unambiguous
 * (a proclitic before the article: وبال…، لل…), or the base is a closed-class
 * particle (له، عليها، أنه). So بنغازي, ليبيا, والي and وحدة stay whole.
 *
 * Segments are sub-spans of the word and tile it exactly.
 */
import type { SegmentRole } from '../model/document.js';
import { ARABIC_DIACRITICS, INVISIBLE_FORMAT, TATWEEL } from './charsets.js';
import { normalize } from './normalize.js';
import { type WordFrequencies, wordFrequencies } from './lexicon.js';

export interface SegmentPiece {
  role: SegmentRole;
  /** Offsets relative to the start of the word. */
  start: number;
  end: number;
  norm: string;
}

const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ك', 'ل'];
const FUTURE = 'س';
/** Imperfect-verb prefixes that the future س must be followed by (سيقول، ستعقد، سنعمل، سأزور). */
const IMPERFECT_PREFIXES = new Set(['ي', 'ت', 'ن', 'أ']);
const ARTICLE = 'ال';
/** Pronoun enclitics. The feminine plural كن is left out: rare in news, and it ends أماكن، تمكن. */
const PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'نا', 'ني', 'ي'];

/**
 * How readily each clitic attaches, relative to the bare stem: the expected count
 * of a form is this weight times the count of its stem. News puts و before speech
 * verbs far more often than not (وأضاف is ten times commoner than أضاف), so و weighs most; ك and
 * the first and second persons are rare in news and weigh little. The first
 * person ي is allowed on particles only: ليبي and تونسي are nisba adjectives.
 */
const ATTACHMENT: Record<string, number> = {
  و: 5, ف: 1, ب: 3, ك: 0.1, ل: 2, س: 0.33,
  ه: 0.5, ها: 0.5, هم: 0.5, هما: 0.67, هن: 0.33, نا: 0.13, ني: 0.17, 'pron:ك': 0.05, كم: 0.1, كما: 0.1, ي: 0,
};
/**
 * A form is read as clitics + stem when its own count is at most this many times
 * the count the reading predicts; beyond that the form is a word of its own
 * (وحدة "unity" is far commoner than و + حدة would explain).
 */
const EXPLAINED_BY_READING = 3;
/** Share of a form's own count that its definite form must reach to prove it a noun of its own. */
const LEXICAL_ARTICLE_SHARE = 0.05;
/** A stem must have been seen at least this often to count as a word. */
const MIN_STEM_COUNT = 3;
const MIN_STEM_LENGTH = 2;
/** Closed-class bases are words for sure: their weight stands in for a count. */
const PARTICLE_COUNT = 1e6;

/** Particles and prepositions that take a pronoun suffix: عليه، منها، أنه، لكنه. */
const PARTICLE_BASES = new Set([
  'في', 'على', 'علي', 'إلى', 'إلي', 'الى', 'الي', 'من', 'عن', 'مع', 'لدى', 'لدي', 'عند', 'أن', 'إن', 'ان', 'لأن', 'كأن', 'لكن',
  'بين', 'حول', 'ضد', 'دون', 'نحو', 'عبر', 'منذ', 'أمام', 'خلف', 'فوق', 'تحت', 'بعد', 'قبل', 'لدى', 'عليّ', 'إليّ',
]);
/** One-letter prepositions take a pronoun too; then the preposition is the stem: له، بها، لنا. */
const LETTER_PREPOSITIONS = new Set(['ب', 'ل', 'ك']);

/** Compound prepositions and adverbs built on ب/ل, split although the whole is commoner than its stem. */
const ALWAYS_SPLIT = new Set([
  'بسبب', 'بشأن', 'بخصوص', 'بفضل', 'بواسطة', 'بحسب', 'بمثابة', 'بشكل', 'بصورة', 'بالنسبة', 'بالإضافة', 'بالقرب', 'بالتحديد', 'بالتالي',
  'بالفعل', 'بالرغم', 'بالضبط', 'بالذات', 'بوسع', 'بدون', 'بجانب', 'بمناسبة', 'بهدف', 'بغية', 'بموجب', 'بمقتضى', 'بالتزامن', 'بالتعاون',
  'لأجل', 'لدرجة', 'لمدة', 'للأسف', 'لصالح', 'لحساب', 'لمصلحة',
]);

/** Words whose first or last letters look like clitics but are not. */
const NEVER_SPLIT = new Set([
  'ذلك', 'تلك', 'هناك', 'هنالك', 'كذلك', 'أولئك', 'اولئك', 'كما', 'كلما', 'لما', 'فيما', 'ربما', 'إنما', 'انما', 'ملك', 'فحسب',
  'الله', 'الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي', 'الآن', 'الان', 'الى', 'الي',
  'هنا', 'أنا', 'انا', 'نحن', 'هذه', 'هذا', 'هؤلاء', 'لدى', 'ليس', 'ليست', 'كل', 'كلا', 'فقط', 'بل', 'لا', 'لن', 'لم', 'لو',
  'كي', 'لكي', 'لقد', 'لذا', 'بينما', 'سوف', 'حيث', 'مما', 'عما', 'لكن', 'بي', 'لي',
]);

/** One way of reading a word: its clitics, in light (unmarked) characters. */
interface Reading {
  conj: string;
  prep: string;
  /** 'ال', or 'ل' for the alef-less article after ل (للسلطة), or ''. */
  article: string;
  stem: string;
  pron: string;
  /** Expected count of the whole form under this reading. */
  expected: number;
  /** The shape alone proves the clitics (a proclitic before the article: وبالـ). */
  structural: boolean;
}

/** The word without marks, and where each of its characters is in the original. */
function lighten(word: string): { light: string; at: number[] } {
  let light = '';
  const at: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === TATWEEL || ARABIC_DIACRITICS.test(ch) || INVISIBLE_FORMAT.test(ch)) continue;
    light += ch;
    at.push(i);
  }
  return { light, at };
}

/** Spellings a stem takes when a suffix follows it: حياتنا → حياة، عليها → على، ارتداؤه → ارتداء. */
function stemSpellings(stem: string): string[] {
  const out = [stem];
  if (stem.endsWith('ت')) out.push(stem.slice(0, -1) + 'ة');
  if (stem.endsWith('ي')) out.push(stem.slice(0, -1) + 'ى');
  if (stem.endsWith('ؤ') || stem.endsWith('ئ')) out.push(stem.slice(0, -1) + 'ء');
  return out;
}

function stemCount(freq: WordFrequencies, stem: string, suffixed: boolean): number {
  if (suffixed && PARTICLE_BASES.has(stem)) return PARTICLE_COUNT;
  let best = 0;
  for (const s of suffixed ? stemSpellings(stem) : [stem]) best = Math.max(best, freq.count(s));
  return best;
}

/** Every structurally possible reading of `light` that has at least one clitic. */
function readings(freq: WordFrequencies, light: string): Reading[] {
  const out: Reading[] = [];
  const conjOptions = ['', ...CONJUNCTIONS.filter((c) => light.startsWith(c))];
  for (const conj of conjOptions) {
    const afterConj = light.slice(conj.length);
    const prepOptions = [''];
    for (const p of PREPOSITIONS) if (afterConj.startsWith(p)) prepOptions.push(p);
    if (afterConj.startsWith(FUTURE) && IMPERFECT_PREFIXES.has(afterConj[1])) prepOptions.push(FUTURE);
    for (const prep of prepOptions) {
      const body = afterConj.slice(prep.length);
      const weight = (conj ? ATTACHMENT[conj] : 1) * (prep ? ATTACHMENT[prep] : 1);
      // لها، بهم: a one-letter preposition with a pronoun and nothing else.
      if (LETTER_PREPOSITIONS.has(prep) && PRONOUNS.includes(body) && body !== 'ي') {
        out.push({ conj, prep: '', article: '', stem: prep, pron: body, expected: weight * PARTICLE_COUNT, structural: true });
        continue;
      }
      // The article: ال, or ل after the preposition ل.
      const article = prep === 'ل' && body.startsWith('ل') && !body.startsWith(ARTICLE) ? 'ل' : body.startsWith(ARTICLE) ? ARTICLE : '';
      if (article && prep !== FUTURE && body.length - article.length >= MIN_STEM_LENGTH) {
        const stem = body.slice(article.length);
        const count = freq.count(ARTICLE + stem);
        const structural = (conj !== '' || prep !== '') && freq.count(light) === 0 && stem.length >= MIN_STEM_LENGTH;
        out.push({ conj, prep, article, stem, pron: '', expected: weight * count, structural: structural || (article === 'ل' && count > 0) });
      }
      for (const pron of ['', ...PRONOUNS.filter((p) => body.endsWith(p))]) {
        if (!conj && !prep && !pron) continue;
        const stem = body.slice(0, body.length - pron.length);
        if (stem.length < MIN_STEM_LENGTH) continue;
        if (pron === 'ي' && !PARTICLE_BASES.has(stem)) continue;
        if (!pron && prep === 'ل' && article) continue; // للسلطة is read with the article above
        const pw = pron ? ATTACHMENT[pron === 'ك' ? 'pron:ك' : pron] : 1;
        const count = stemCount(freq, stem, pron !== '');
        if (count < MIN_STEM_COUNT) continue;
        out.push({ conj, prep, article: '', stem, pron, expected: weight * pw * count, structural: false });
      }
    }
  }
  return out;
}

/** Chooses the reading of a light (unmarked) word; the whole word when none is licensed. */
function read(freq: WordFrequencies, light: string): Reading {
  const whole: Reading = { conj: '', prep: '', article: '', stem: light, pron: '', expected: 0, structural: false };
  if (light.length < 2 || NEVER_SPLIT.has(light)) return whole;
  let best: Reading | undefined;
  for (const r of readings(freq, light)) {
    if (r.article && NEVER_SPLIT.has(ARTICLE + r.stem)) continue;
    if (!best || r.expected > best.expected || (r.expected === best.expected && r.structural && !best.structural)) best = r;
  }
  if (!best) return whole;
  const observed = freq.count(light);
  if (ALWAYS_SPLIT.has(light) || ALWAYS_SPLIT.has(light.slice(1))) return best;
  // A form that itself takes the article is a noun of its own: البحر, الفكرة, البنك
  // (a proclitic cannot follow the article), so بحر is not ب + حر.
  const definite = light.startsWith(ARTICLE) ? 0 : freq.exact(ARTICLE + light);
  if (!best.article && !best.structural && (best.conj || best.prep) && definite >= Math.max(MIN_STEM_COUNT, LEXICAL_ARTICLE_SHARE * observed)) {
    return best.pron && !best.conj && !best.prep ? best : whole;
  }
  if (best.structural || (best.expected > 0 && observed <= EXPLAINED_BY_READING * best.expected)) return best;
  // No clitic is licensed; the bare article still marks a definite noun.
  if (light.startsWith(ARTICLE) && light.length - ARTICLE.length >= MIN_STEM_LENGTH) return { ...whole, article: ARTICLE, stem: light.slice(2) };
  return whole;
}

/**
 * Segments one word. Always returns at least one piece; exactly one has the role
 * `stem` (for له the preposition is the stem). Offsets are relative to `word`.
 */
export function segmentWord(word: string, freq?: WordFrequencies): SegmentPiece[] {
  if (freq) return segmentUncached(word, freq);
  // Words repeat a great deal in news: the shipped table's answers are cached.
  let pieces = cache.get(word);
  if (!pieces) {
    pieces = segmentUncached(word, wordFrequencies());
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(word, pieces);
  }
  return pieces;
}

/** Entries kept by the segmentation cache before it starts over. */
const CACHE_SIZE = 200_000;
const cache = new Map<string, SegmentPiece[]>();

function segmentUncached(word: string, freq: WordFrequencies): SegmentPiece[] {
  const { light, at } = lighten(word);
  if (light.length === 0) return [{ role: 'stem', start: 0, end: word.length, norm: normalize(word) }];
  const r = read(freq, light);
  const cuts: { role: SegmentRole; len: number; norm?: string }[] = [];
  if (r.conj) cuts.push({ role: 'conj', len: 1 });
  if (r.prep) cuts.push({ role: r.prep === FUTURE ? 'future' : 'prep', len: 1 });
  if (r.article) cuts.push({ role: 'article', len: r.article.length, norm: 'ال' });
  const prefixLen = cuts.reduce((n, c) => n + c.len, 0);
  const stemLen = light.length - prefixLen - r.pron.length;
  if (stemLen <= 0) return [{ role: 'stem', start: 0, end: word.length, norm: normalize(word) }];
  cuts.push({ role: 'stem', len: stemLen });
  if (r.pron) cuts.push({ role: 'pron', len: r.pron.length });

  // Map light-character cuts back to the word: marks stay with the letter before them.
  const pieces: SegmentPiece[] = [];
  let li = 0;
  let start = 0;
  cuts.forEach((c, k) => {
    li += c.len;
    const end = k === cuts.length - 1 ? word.length : at[li];
    const surface = word.slice(start, end);
    pieces.push({ role: c.role, start, end, norm: c.norm ?? normalize(surface) });
    start = end;
  });
  return pieces;
}

/** True when segmentation found at least one clitic or the article. */
export function hasClitics(pieces: SegmentPiece[]): boolean {
  return pieces.length > 1;
}

/** The normalised stem of a word (clitics and article removed). */
export function stemOf(word: string, freq?: WordFrequencies): string {
  const pieces = segmentWord(word, freq);
  return (pieces.find((p) => p.role === 'stem') as SegmentPiece).norm;
}
