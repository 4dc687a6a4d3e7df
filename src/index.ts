/**
 * Marsad as a library:
 *
 *   import { analyze } from 'marsad';
 *   const doc = analyze('استقبل المشير خليفة حفتر ...');
 *
 * `analyze` returns a `marsad.document/1` (see `MarsadDocument`).
 */
export { analyze, read, defaultStages, type AnalyzeOptions } from './pipeline/analyze.js';
export { pipeline, type Pipeline, type Stage, type StageContext } from './pipeline/stage.js';
export type * from './model/document.js';
export { SCHEMA } from './model/document.js';
export { MarsadError, MESSAGES, type MessageCode } from './model/messages.js';
export { checkDocument } from './model/spans.js';
export type { ArticleInput, InputFormat, ReadOptions } from './ingest/index.js';
export { normalize, normalizeWithMap, tokenize, segmentWord } from './arabic/index.js';
