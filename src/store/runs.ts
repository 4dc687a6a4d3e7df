/**
 * The ingest log: one row per run (what was asked, what came of it) and one per
 * article or failure. Article lines are written in the article's transaction
 * (`writeArticle`); failures and run totals here.
 */
import type { Queryable } from './db.js';

export type RunKind = 'ingest' | 'watch' | 'api' | 'worker';

/** The totals of a run, as `ingest --format json` prints them (plus the near duplicates). */
export interface RunSummary {
  read: number;
  new: number;
  duplicate: number;
  nearDuplicate: number;
  failed: { source: string; reason: string }[];
}

/** Records the start of a run; returns its id. */
export async function startRun(q: Queryable, kind: RunKind, inputs: readonly string[]): Promise<number> {
  const row = await q.get<{ id: number }>("INSERT INTO ingest_runs (kind, inputs, started_at, status) VALUES (?, ?, ?, 'running') RETURNING id", [kind, JSON.stringify(inputs), new Date().toISOString()]);
  return Number(row!.id);
}

/** Records the end of a run with its totals. */
export async function finishRun(q: Queryable, runId: number, s: RunSummary, status: 'done' | 'interrupted' = 'done'): Promise<void> {
  await q.run(
    'UPDATE ingest_runs SET finished_at = ?, status = ?, read_count = ?, new_count = ?, duplicate_count = ?, near_duplicate_count = ?, failed_count = ? WHERE id = ?',
    [new Date().toISOString(), status, s.read, s.new, s.duplicate, s.nearDuplicate, s.failed.length, runId],
  );
}

/** Records an item of a run that could not be ingested, and why. */
export async function logFailure(q: Queryable, runId: number | null, source: string, reason: string): Promise<void> {
  if (runId == null) return;
  await q.run("INSERT INTO ingest_log (run_id, at, source, status, article_id, reason) VALUES (?, ?, ?, 'failed', NULL, ?)", [runId, new Date().toISOString(), source, reason]);
}
