/**
 * Statistical named-entity tagger for Arabic news: an averaged structured
 * perceptron over words, stems, affixes, Brown clusters, cue words and gazetteer
 * matches, decoded with constrained Viterbi. Trained by scripts/train-ner.ts on
 * ANERcorp and AQMAR; the weights ship in models/ner/ (CC BY-SA, see NOTICE.md).
 *
 *   const ner = loadNerModel();
 *   ner.tag(['التقى', 'الرئيس', 'قيس', 'سعيد']); // ['O', 'O', 'B-PER', 'I-PER']
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { NerModel } from './model.js';
import { spansOf, type LabelSpan } from './labels.js';
import { splitSentences, tokenize, type RawToken } from './tokenize.js';
import type { TagOptions } from './model.js';

export { NerModel } from './model.js';
export type { TagOptions, NerDomain, ModelHeader } from './model.js';
export { LABELS, TYPES, spansOf, canonicalTag } from './labels.js';
export type { NerType, LabelSpan } from './labels.js';
export { Gazetteer, gazKey } from './gazetteer.js';
export type { GazetteerEntry } from './gazetteer.js';
export { tokenize, splitSentences } from './tokenize.js';
export type { RawToken } from './tokenize.js';
export { scoreSpans, formatScores } from './evaluate.js';
export type { Scores, PRF } from './evaluate.js';

/**
 * The shipped model folder. From dist/src/entities/ner/ (compiled) or
 * src/entities/ner/ the project root is the first ancestor holding models/ner.
 */
export function defaultModelDir(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 6; i++) {
    const cand = resolve(dir, 'models', 'ner');
    if (existsSync(resolve(cand, 'weights.bin'))) return cand;
    dir = resolve(dir, '..');
  }
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', '..', 'models', 'ner');
}

const loaded = new Map<string, NerModel>();

/** Loads (once per folder) the tagger; default: the shipped `models/ner/`. */
export function loadNerModel(dir?: string): NerModel {
  const d = resolve(dir ?? defaultModelDir());
  let m = loaded.get(d);
  if (!m) {
    if (!existsSync(resolve(d, 'weights.bin'))) throw new Error(`no NER model in ${d} (run: node dist/scripts/train-ner.js)`);
    m = NerModel.load(d);
    loaded.set(d, m);
  }
  return m;
}

export interface TextEntity extends LabelSpan {
  /** UTF-16 offsets in the text. */
  charStart: number;
  charEnd: number;
  text: string;
}

/** Tokenizes, splits sentences and tags a raw text; returns entity spans with offsets. */
export function tagText(model: NerModel, text: string, options?: Omit<TagOptions, 'gazetteer'>): TextEntity[] {
  const out: TextEntity[] = [];
  for (const sent of splitSentences(tokenize(text))) {
    const tags = model.tag(sent.map((t: RawToken) => t.text), options);
    for (const sp of spansOf(tags)) {
      const charStart = sent[sp.start].start, charEnd = sent[sp.end - 1].end;
      out.push({ ...sp, charStart, charEnd, text: text.slice(charStart, charEnd) });
    }
  }
  return out;
}
