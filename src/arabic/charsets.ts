/**
 * Named Arabic character classes. Logic elsewhere refers to these names, never to
 * bare code points.
 */

/** Harakat, tanwin, shadda, sukun, small marks and Quranic annotation signs. */
export const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08D3-\u08FF]/;
export const ARABIC_DIACRITICS_GLOBAL = new RegExp(ARABIC_DIACRITICS.source, 'g');

export const TATWEEL = '\u0640';
/** Zero-width joiner/non-joiner and direction marks that may sit inside words. */
export const INVISIBLE_FORMAT = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/;

/** Alef with hamza above/below, madda, wasla: folded to bare alef for matching. */
export const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/;
export const ALEF = '\u0627';
export const ALEF_MAKSURA = '\u0649';
export const YEH = '\u064A';
export const TEH_MARBUTA = '\u0629';
export const HEH = '\u0647';
/** Persian/Urdu letters seen in Arabic text that mean the Arabic letter. */
export const FARSI_YEH = '\u06CC';
export const KEHEH = '\u06A9';
export const KAF = '\u0643';

/** Arabic letters proper (the base block plus extended letters). */
export const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9]/;
/** Arabic presentation forms (ligatures and contextual shapes), folded by NFKC. */
export const ARABIC_PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]/;

export const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/;
export const EXTENDED_ARABIC_INDIC_DIGIT = /[\u06F0-\u06F9]/;
export const ARABIC_DECIMAL_SEPARATOR = '\u066B';
export const ARABIC_THOUSANDS_SEPARATOR = '\u066C';

export const ARABIC_COMMA = '\u060C';
export const ARABIC_SEMICOLON = '\u061B';
export const ARABIC_QUESTION_MARK = '\u061F';
export const ARABIC_FULL_STOP = '\u06D4';
export const ELLIPSIS = '\u2026';

/** Characters that end a sentence. `؛` is deliberately absent: it joins clauses. */
export const SENTENCE_TERMINALS = new Set(['.', '!', '?', ARABIC_QUESTION_MARK, ARABIC_FULL_STOP, ELLIPSIS, '\u203C', '\u2047', '\u2048', '\u2049']);

/** Opening and closing quotation marks, paired. */
export const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['\u00AB', '\u00BB'], // « »
  ['\u201C', '\u201D'], // “ ”
  ['\u201D', '\u201C'], // ” “ (right-to-left typing often swaps them)
  ['"', '"'],
  ['\u2039', '\u203A'],
];

/** Bullet characters that open a list item in plain text. */
export const BULLETS = new Set(['\u2022', '\u25CF', '\u25E6', '\u25AA', '\u25A0', '\u2023', '\u2043', '\u2219', '-', '*', '\u2013', '\u2014', '\u25BA', '\u27A2', '\u2714', '\u2713', '\u00B7']);

export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER.test(ch);
}

export function isDiacritic(ch: string): boolean {
  return ARABIC_DIACRITICS.test(ch);
}

/** True when the code unit is part of an Arabic word (letter, mark, tatweel, presentation form). */
export function isArabicWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  // The common case first: the basic Arabic letters, marks and tatweel.
  if (c >= 0x0621 && c <= 0x065f) return true;
  if (c < 0x0600) return false;
  return ARABIC_LETTER.test(ch) || ARABIC_DIACRITICS.test(ch) || ARABIC_PRESENTATION_FORMS.test(ch);
}

export function isDigit(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || ARABIC_INDIC_DIGIT.test(ch) || EXTENDED_ARABIC_INDIC_DIGIT.test(ch);
}

/** The ASCII value of an ASCII, Arabic-Indic or extended Arabic-Indic digit. */
export function asciiDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 48);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 48);
  return ch;
}
