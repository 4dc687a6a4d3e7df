/**
 * The event lexicon: the CAMEO code table, the Arabic trigger lexicon and the
 * trigger matcher.
 *
 *   const lex = loadEventLexicon();            // once; cached
 *   const hits = findTriggers(doc.tokens, {from, to}, {text: doc.text});
 *   cameoInfo(hits[0].cameo)                    // {name, plover, quadClass, goldstein, root}
 */
export { cameoInfo, cameoTable, isCameoCode, ploverOf, PLOVER_TYPES } from './cameo.js';
export { loadEventLexicon, indexLexicon, type EventLexicon } from './loader.js';
export { findTriggers, type FindTriggersOptions } from './matcher.js';
export { analyseToken, type Analysis } from './clitics.js';
export { verbForms, nounForms, adjectiveForms, derivePresent, hasPassiveMarks, type VerbClass, type VerbSpec } from './inflect.js';
export type * from './types.js';
