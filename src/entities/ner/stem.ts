/**
 * Conservative clitic stripping for features (the tagger's own, frozen with the
 * model so that training and tagging see the same stems).
 *
 * - Article words: (و|ف)?(ب|ك|ل)?ال+stem and (و|ف)?لل+stem, the stem keeping at
 *   least two letters ("والي" stays whole).
 * - Other words: a proclitic (و ف ب ل ك, or و/ف + ب/ل/ك) is stripped only when a
 *   word-count lexicon (from the unlabelled corpus) says the rest is a much more
 *   frequent word than the whole ("وتونس" → "تونس", but "وزير", "بريطانيا", "لبنان"
 *   stay whole).
 *
 * Input is a `normalize()`d word. Pronoun suffixes are not stripped (names end in
 * ه, ها…); suffix features cover them.
 */

export interface StemLexicon {
  /** How often the normalised word was seen in the unlabelled corpus (0 when unknown). */
  count(word: string): number;
}

export interface Stemmed {
  /** Proclitics stripped, as written: '', 'و', 'وب', 'ل'… */
  proclitics: string;
  /** Whether the word carries the article (ال, or لل after ل). */
  article: boolean;
  /** Article and proclitics stripped. */
  stem: string;
  /** Proclitics stripped, article kept ("للرئيس" → "الرئيس"). */
  light: string;
}

const CONJ = 'وف';
const PREP = 'بكل';

/** Ratio by which the remainder must be more frequent than the whole word. */
const RATIO = 4;
/** Minimum count of the remainder. */
const MIN_REST = 5;

export function stemWord(w: string, lex?: StemLexicon): Stemmed {
  const n = w.length;
  if (n >= 4) {
    let i = 0;
    if (CONJ.includes(w[0])) i = 1;
    // لل: ل + (ا)ل
    if (w[i] === 'ل' && w[i + 1] === 'ل' && n - (i + 2) >= 2) {
      const stem = w.slice(i + 2);
      return { proclitics: w.slice(0, i + 1), article: true, stem, light: 'ال' + stem };
    }
    let j = i;
    if (PREP.includes(w[j]) && w[j + 1] === 'ا' && w[j + 2] === 'ل') j++;
    if (w[j] === 'ا' && w[j + 1] === 'ل' && n - (j + 2) >= 2) {
      const stem = w.slice(j + 2);
      return { proclitics: w.slice(0, j), article: true, stem, light: w.slice(j) };
    }
    // A conjunction before ال with no further prefix was handled above (j === i).
  }
  if (lex && n >= 4) {
    const whole = lex.count(w);
    let best = '';
    let bestCount = 0;
    const c0 = w[0];
    const cands: number[] = [];
    if (CONJ.includes(c0)) {
      if (PREP.includes(w[1])) cands.push(2);
      cands.push(1);
    } else if (PREP.includes(c0)) cands.push(1);
    for (const k of cands) {
      if (n - k < 3) continue;
      const rest = w.slice(k);
      const rc = lex.count(rest);
      if (rc >= MIN_REST && rc >= RATIO * (whole + 1) && rc > bestCount) {
        best = w.slice(0, k);
        bestCount = rc;
      }
    }
    if (best) {
      const rest = w.slice(best.length);
      // The rest may itself carry the article ("وبالتالي" is handled above; "فالرئيس" too).
      return { proclitics: best, article: false, stem: rest, light: rest };
    }
  }
  return { proclitics: '', article: false, stem: w, light: w };
}
