/**
 * `analyze`: one article in, one `marsad.document/1` out. Reads the input
 * (bytes, string or article object), then runs the stages in order.
 */
import type { MarsadDocument } from '../model/document.js';
import { type ArticleInput, type ReadOptions, fromArticle, readBytes, readString } from '../ingest/index.js';
import { structureStage } from '../structure/index.js';
import { arabicStage } from '../arabic/index.js';
import { entitiesStage } from '../entities/index.js';
import { eventsStage } from '../events/index.js';
import { type Pipeline, type Stage, pipeline } from './stage.js';

export interface AnalyzeOptions extends ReadOptions {
  /** Stages to leave out, by name (e.g. ['events']). */
  disable?: string[];
  /** Extra knowledge-base files (YAML or JSON) for the entity stage. */
  kb?: string[];
}

/** The stages of a full analysis, in order. */
export function defaultStages(): Stage[] {
  return [structureStage, arabicStage, entitiesStage, eventsStage];
}

const pipelines = new Map<string, Pipeline>();

function pipelineFor(options: AnalyzeOptions): Pipeline {
  const key = (options.disable ?? []).join(',');
  let p = pipelines.get(key);
  if (!p) {
    p = pipeline(defaultStages(), options.disable ?? []);
    pipelines.set(key, p);
  }
  return p;
}

/** Reads the input into a document with `text` (and what the reader found). */
export function read(input: string | Uint8Array | ArticleInput, options: AnalyzeOptions = {}): MarsadDocument {
  if (input instanceof Uint8Array) return readBytes(input, options);
  if (typeof input === 'string') return readString(input, options);
  return fromArticle(input, options);
}

/**
 * Analyses one article: plain text, HTML or a JSON article as bytes or a string,
 * or an article object `{text, title?, date?, url?, id?}`.
 */
export function analyze(input: string | Uint8Array | ArticleInput, options: AnalyzeOptions = {}): MarsadDocument {
  const doc = read(input, options);
  return pipelineFor(options).run(doc, { options: { ...options } });
}
