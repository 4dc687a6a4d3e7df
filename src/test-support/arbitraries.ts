/** fast-check arbitraries of messy Arabic text, shared by property tests. */
import fc from 'fast-check';

const LETTERS = 'ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة'.split('');
const MARKS = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0640', '\u200C', '\u200F', '\uFEFF', '\uFEFB', '\uFDFD'];
const PUNCT = [' ', ' ', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '.', '..', '…', '؟', '!', '،', '؛', ':', '«', '»', '"', '-', '•', '1', '٣', '3.5', '|', '  • '];
const OTHER = ['😀', '👨‍👩‍👧', 'a', 'Z', 'é', 'www.x.ly', '\uD800', '\uDC00', '\u0000', '\u0007', '<p>', '&amp;'];

/** Strings mixing Arabic letters, diacritics, tatweel, BOMs, emoji, scripts, CR/LF and lone surrogates. */
export const messyArabic = (maxLength = 200) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...LETTERS) },
        { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
        { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
        { weight: 1, arbitrary: fc.constantFrom(...OTHER) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));
