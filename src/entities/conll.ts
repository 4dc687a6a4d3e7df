/**
 * Named entities over pre-tokenised text (CoNLL): the entity stage run on a
 * document whose tokens are exactly the given ones, its mentions read back as
 * BIO tags over PER ORG LOC MISC, one tag per input token.
 */
import type { MarsadDocument, Sentence, Token, TokenKind } from '../model/document.js';
import { SCHEMA } from '../model/document.js';
import { normalize } from '../arabic/normalize.js';
import { segmentTokens } from '../arabic/index.js';
import { tokenize } from '../arabic/tokenize.js';
import { recognizeEntities } from './index.js';
import type { StageContext } from '../pipeline/stage.js';

const NER_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);
/** Mentions found by rule (agents, titles) are not names in the CoNLL sense. */
const NAME_SOURCES = new Set(['model', 'kb', 'gazetteer', 'coref']);

function kindOf(word: string): TokenKind {
  const sub = tokenize(word);
  if (sub.some((t) => t.kind === 'word')) return 'word';
  return sub[0]?.kind ?? 'symbol';
}

/** A document whose tokens are the given sentences' tokens, one sentence a line. */
export function documentOfTokens(sentences: readonly (readonly string[])[]): MarsadDocument {
  const parts: string[] = [];
  const tokens: Token[] = [];
  const spans: Sentence[] = [];
  let at = 0;
  for (const words of sentences) {
    const start = at;
    words.forEach((w, i) => {
      if (i) {
        parts.push(' ');
        at++;
      }
      const kind = kindOf(w);
      tokens.push({ start: at, end: at + w.length, kind, norm: kind === 'punct' || kind === 'symbol' ? w : normalize(w) });
      parts.push(w);
      at += w.length;
    });
    spans.push({ start, end: at });
    parts.push('\n');
    at++;
  }
  const text = parts.join('');
  return {
    schema: SCHEMA, id: '', text, source: { encoding: 'utf-8', format: 'text' }, date: null, title: null, blocks: [],
    sentences: spans.filter((s) => s.end > s.start), quotes: [], tokens: segmentTokens(text, tokens), mentions: [], entities: [], events: [], messages: [],
  };
}

/** BIO tags (PER ORG LOC MISC) for each token of each sentence. */
export function tagSentences(sentences: readonly (readonly string[])[], context?: StageContext): string[][] {
  // A NER benchmark's conventions are the tagger's: the KB links its names but adds none.
  const doc = recognizeEntities(documentOfTokens(sentences), { options: { ...(context?.options ?? {}), kbNames: false } });
  const tags = doc.tokens.map(() => 'O');
  let k = 0;
  for (const m of doc.mentions) {
    if (!NER_TYPES.has(m.type) || !NAME_SOURCES.has(m.via ?? 'model')) continue;
    while (k < doc.tokens.length && doc.tokens[k].end <= m.start) k++;
    for (let i = k; i < doc.tokens.length && doc.tokens[i].start < m.end; i++) tags[i] = `${i === k ? 'B' : 'I'}-${m.type}`;
  }
  const out: string[][] = [];
  let i = 0;
  for (const words of sentences) {
    out.push(tags.slice(i, i + words.length));
    i += words.length;
  }
  return out;
}
