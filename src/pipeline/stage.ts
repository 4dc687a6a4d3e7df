/**
 * Stages and pipelines. A stage is a pure function over the document that
 * declares the layers it needs and the layers it adds; a pipeline checks, when
 * it is built, that every stage's needs are met by the reader or an earlier
 * stage, and stages can be left out by name.
 */
import type { Layer, MarsadDocument } from '../model/document.js';

export interface StageContext {
  /** Options of the analysis (dates, knowledge-base files…), read-only. */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface Stage {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly provides: readonly Layer[];
  run(doc: MarsadDocument, context: StageContext): MarsadDocument;
}

/** Layers every document has when it leaves a reader. */
export const READER_LAYERS: readonly Layer[] = ['text'];

export class PipelineError extends Error {
  override name = 'PipelineError';
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: MarsadDocument, context?: StageContext): MarsadDocument;
}

/** Builds a pipeline, checking the chain; `disable` leaves stages out by name. */
export function pipeline(stages: readonly Stage[], disable: readonly string[] = []): Pipeline {
  const unknown = disable.filter((n) => !stages.some((s) => s.name === n));
  if (unknown.length) throw new PipelineError(`unknown stage(s): ${unknown.join(', ')} (stages: ${stages.map((s) => s.name).join(', ')})`);
  const chosen = stages.filter((s) => !disable.includes(s.name));
  const have = new Set<Layer>(READER_LAYERS);
  for (const s of chosen) {
    const missing = s.requires.filter((l) => !have.has(l));
    if (missing.length) throw new PipelineError(`stage "${s.name}" needs ${missing.join(', ')}, which no earlier stage provides`);
    for (const l of s.provides) have.add(l);
  }
  return {
    stages: chosen,
    run(doc, context = { options: {} }) {
      let d = doc;
      for (const s of chosen) d = s.run(d, context);
      return d;
    },
  };
}
