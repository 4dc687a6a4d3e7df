/**
 * Match keys: the one form under which names are indexed and looked up, so
 * spellings that differ only by hamza, ى/ي, ة/ه, diacritics, tatweel or spacing
 * meet (أمريكا = امريكا, الليبية = الليبيه).
 */
import { normalize } from '../../arabic/normalize.js';

/** The Arabic definite article in normalised form. */
export const ARTICLE = 'ال';
/** ل + ال contracts to لل (لليبيين): the article after the preposition li-. */
export const LI_ARTICLE = 'لل';

const UTF16_UNITS = 0x10000;

/**
 * `normalize` of each UTF-16 code unit, filled on first use. `normalize` folds
 * unit by unit, so folding a string unit by unit through this table gives the
 * same result at a fraction of the cost (loading the KB keys ~20k names).
 */
const unitFold: (string | undefined)[] = new Array(UTF16_UNITS);

function foldUnit(code: number): string {
  let f = unitFold[code];
  if (f === undefined) {
    f = normalize(String.fromCharCode(code));
    unitFold[code] = f;
  }
  return f;
}

/** Whether a folded unit is whitespace (space, tab, newline, NBSP and other Unicode spaces). */
function isSpace(unit: string): boolean {
  return unit.length === 1 && (unit === ' ' || /\s/.test(unit));
}

/**
 * The key of a name: normalised with `normalize`, whitespace runs collapsed to
 * one space, trimmed. Idempotent, so keys may be passed again safely.
 */
export function aliasKey(name: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < name.length; i++) {
    const f = foldUnit(name.charCodeAt(i));
    if (f === '') continue;
    if (isSpace(f)) {
      pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += f;
  }
  return out;
}

/** Number of space-separated tokens of a key (0 for the empty key). */
export function keyTokens(key: string): number {
  if (key === '') return 0;
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
}

/** The key without a leading article (ال), or null when it has none or would become too short. */
export function withoutArticle(key: string): string | null {
  const MIN_STEM = 2;
  return key.startsWith(ARTICLE) && key.length - ARTICLE.length >= MIN_STEM ? key.slice(ARTICLE.length) : null;
}
