/**
 * Normalisation for matching. `text` is never rewritten: these functions return a
 * new string, and `normalizeWithMap` also returns where each normalised character
 * came from, so a match in the normalised string maps back to an exact span.
 */
import {
  ALEF,
  ALEF_MAKSURA,
  ALEF_VARIANTS,
  ARABIC_DIACRITICS,
  ARABIC_PRESENTATION_FORMS,
  FARSI_YEH,
  HEH,
  INVISIBLE_FORMAT,
  KAF,
  KEHEH,
  TATWEEL,
  TEH_MARBUTA,
  YEH,
  asciiDigit,
} from './charsets.js';

export interface NormalizeOptions {
  /** Fold ة to ه (default true). Matching needs it; a few uses (segmentation) do not. */
  tehMarbuta?: boolean;
  /** Lower-case Latin letters (default true). */
  lowercase?: boolean;
}

const DEFAULTS: Required<NormalizeOptions> = { tehMarbuta: true, lowercase: true };

/** Folds one code unit; returns '' to drop it. Presentation forms are handled by the caller. */
function foldUnit(ch: string, tehMarbuta: boolean, lowercase: boolean): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return lowercase && c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  // Plain Arabic letters that need no folding: the bulk of the text, answered without a regex.
  if ((c >= 0x0626 && c <= 0x0628) || (c >= 0x062a && c <= 0x063a) || (c >= 0x0641 && c <= 0x0648) || c === 0x064a || c === 0x0621 || c === 0x0624) return ch;
  if (ch === TATWEEL || ARABIC_DIACRITICS.test(ch) || INVISIBLE_FORMAT.test(ch)) return '';
  if (ALEF_VARIANTS.test(ch)) return ALEF;
  if (ch === ALEF_MAKSURA || ch === FARSI_YEH) return YEH;
  if (ch === KEHEH) return KAF;
  if (tehMarbuta && ch === TEH_MARBUTA) return HEH;
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return asciiDigit(ch);
  if (lowercase && c < 0x250) return ch.toLowerCase();
  return ch;
}

/**
 * Folded form of every code unit, for the two option sets used in practice,
 * filled on first use: normalising a string is then one array lookup a unit.
 */
const UNITS = 0x10000;
const foldTables = new Map<string, (string | undefined)[]>();

function cachedFold(code: number, teh: boolean, lower: boolean): string {
  const key = `${teh}${lower}`;
  let table = foldTables.get(key);
  if (!table) {
    table = new Array(UNITS);
    foldTables.set(key, table);
  }
  let f = table[code];
  if (f === undefined) {
    const ch = String.fromCharCode(code);
    f = ARABIC_PRESENTATION_FORMS.test(ch) ? [...ch.normalize('NFKC')].map((p) => (p.length === 1 ? foldUnit(p, teh, lower) : p)).join('') : foldUnit(ch, teh, lower);
    table[code] = f;
  }
  return f;
}

/** A normalised string and, for each of its code units, the index in the original. */
export interface Aligned {
  norm: string;
  /** `map[i]` is the original index of `norm[i]`; `map[norm.length]` is the original length. */
  map: Int32Array;
}

/**
 * Normalises `s` and keeps an alignment back to it. A presentation-form ligature
 * (ﻻ, ﷽) expands to several characters that all point at the ligature.
 */
export function normalizeWithMap(s: string, options: NormalizeOptions = DEFAULTS): Aligned {
  const teh = options.tehMarbuta ?? true;
  const lower = options.lowercase ?? true;
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ARABIC_PRESENTATION_FORMS.test(ch)) {
      for (const part of ch.normalize('NFKC')) {
        const f = part.length === 1 ? foldUnit(part, teh, lower) : part;
        if (f) for (const u of f) { out.push(u); map.push(i); }
      }
      continue;
    }
    const f = foldUnit(ch, teh, lower);
    if (f.length === 1) { out.push(f); map.push(i); }
    else if (f.length > 1) for (const u of f) { out.push(u); map.push(i); }
  }
  map.push(s.length);
  return { norm: out.join(''), map: Int32Array.from(map) };
}

/** Normalises `s` for matching (see `normalizeWithMap`), without the alignment. */
export function normalize(s: string, options: NormalizeOptions = DEFAULTS): string {
  const teh = options.tehMarbuta ?? true;
  const lower = options.lowercase ?? true;
  let out = '';
  for (let i = 0; i < s.length; i++) out += cachedFold(s.charCodeAt(i), teh, lower);
  return out;
}

/** Removes diacritics and tatweel only: the light form shown in indexes and reports. */
export function stripMarks(s: string): string {
  let out = '';
  for (const ch of s) if (ch !== TATWEEL && !ARABIC_DIACRITICS.test(ch) && !INVISIBLE_FORMAT.test(ch)) out += ch;
  return out;
}

/**
 * Maps `[start, end)` of the normalised string back to the original string `s`.
 * The span grows over marks that normalisation dropped right after its last
 * character (a word's final haraka belongs to the word).
 */
export function originalSpan(s: string, aligned: Aligned, start: number, end: number): { start: number; end: number } {
  const from = aligned.map[start];
  if (end <= start) return { start: from, end: from };
  let to = aligned.map[end - 1] + 1;
  const limit = aligned.map[end];
  while (to < limit && normalize(s[to]) === '') to++;
  return { start: from, end: to };
}
