/**
 * The structure stage: blocks (unless the reader already found them, as the HTML
 * reader does), the title, sentences and quotations.
 */
import type { MarsadDocument } from '../model/document.js';
import type { Stage } from '../pipeline/stage.js';
import { plainStructure } from './plain.js';
import { splitSentences } from './sentences.js';
import { findQuotes } from './quotes.js';

export { plainStructure } from './plain.js';
export { splitSentences, splitRange } from './sentences.js';
export { findQuotes } from './quotes.js';

export function structure(doc: MarsadDocument): MarsadDocument {
  let { blocks, title } = doc;
  const messages = [...doc.messages];
  if (!blocks.length) {
    const found = plainStructure(doc.text, title);
    blocks = found.blocks;
    title = found.title;
    messages.push(...found.messages);
  }
  return { ...doc, title, blocks, sentences: splitSentences(doc.text, blocks), quotes: findQuotes(doc.text, blocks), messages };
}

export const structureStage: Stage = {
  name: 'structure',
  requires: ['text'],
  provides: ['title', 'blocks', 'sentences', 'quotes'],
  run: (doc) => structure(doc),
};
