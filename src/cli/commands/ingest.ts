/** `marsad ingest`: files, folders, JSONL dumps, feeds and pages into the store. */
import { statSync } from 'node:fs';
import type { CommandSpec, OptionSpec, Parsed } from '../args.js';
import { MarsadError } from '../../model/messages.js';
import { parseSize } from '../io.js';
import { Store, dbLocation, isPostgresUrl } from '../../store/index.js';
import { type AnalysisSettings, STORE_RETRY_DELAYS_MS, ingest } from '../../store/ingest.js';
import { ingestQueued } from '../../store/worker.js';
import { liveWorkers } from '../../store/jobs.js';
import type { RunSummary } from '../../store/runs.js';
import { ProgressLine } from '../../store/progress.js';
import { isUrl, type SourceOptions } from '../../ingest/sources.js';
import { isoDate } from '../../ingest/index.js';

/** The --db option, shared by every command that opens the store. */
export const DB_OPTION: OptionSpec = { name: 'db', type: 'string', valueName: 'FILE|URL', help: 'the store: a SQLite file, or postgres://… (default: $MARSAD_DB, else ./marsad.db)' };
/** Fetching private addresses: for local test servers and intranet feeds. */
export const ALLOW_PRIVATE_OPTION: OptionSpec = { name: 'allow-private', type: 'boolean', help: 'allow fetching loopback, private and link-local addresses (refused by default)' };
const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "15m", "30s", "1h", "500ms", "2d" → milliseconds. */
export function parseDuration(s: string, option = 'duration'): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/i.exec(s.trim());
  if (!m) throw new MarsadError('input.invalid-argument', `--${option} "${s}" is not a duration (e.g. 30s, 15m, 1h)`);
  return Math.round(Number(m[1]) * UNITS_MS[m[2].toLowerCase()]);
}

/** A whole number option, or the default; a bad value is a user error. */
export function intOption(p: Parsed, name: string, fallback: number, min = 0): number {
  const raw = p.options[name] as string | undefined;
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new MarsadError('input.invalid-argument', `--${name} must be a whole number ≥ ${min}, not "${raw}"`);
  return n;
}

/** A --from/--to date, checked. */
export function dateOption(p: Parsed, name: string): string | undefined {
  const raw = p.options[name] as string | undefined;
  if (raw === undefined) return undefined;
  const d = isoDate(raw);
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(raw.trim())) throw new MarsadError('input.invalid-argument', `--${name} "${raw}" is not a date (want YYYY-MM-DD)`);
  return d;
}

/** Most local workers `--workers` starts. */
const MAX_WORKERS = 64;

export const ingestSpec: CommandSpec = {
  name: 'ingest',
  summary: 'Analyse and store articles: files, folders (recursive), .jsonl dumps (one article a line), RSS/Atom feeds (file or URL) and web pages.\nIdempotent: an article already stored is reported as a duplicate, not stored again.',
  usage: 'marsad ingest PATH|URL... [--db FILE|URL] [--format text|json] [--workers N]',
  positionals: { min: 1, max: Infinity, name: 'PATH or URL' },
  options: [
    DB_OPTION,
    { name: 'format', type: 'string', choices: ['text', 'json'], help: 'summary: a readable line (default) or {read, new, duplicate, failed}' },
    { name: 'near-duplicates', type: 'boolean', help: 'with --format json, add "nearDuplicate": new articles that joined a stored story' },
    { name: 'workers', type: 'string', valueName: 'N', help: 'process through the job queue with N worker processes (PostgreSQL: workers elsewhere help too)' },
    { name: 'inline', type: 'boolean', help: 'process here even when workers are running' },
    { name: 'lease', type: 'string', valueName: 'DURATION', help: 'with --workers: how long a worker may hold a job without renewing it (default 60s)' },
    ALLOW_PRIVATE_OPTION,
    { name: 'max-size', type: 'string', valueName: 'SIZE', help: 'largest article or file read (default 16M)' },
    { name: 'kb', type: 'list', valueName: 'FILE', help: 'an extra actor knowledge base (YAML or JSON); may repeat' },
    { name: 'disable', type: 'list', valueName: 'STAGE', help: 'leave an analysis stage out; may repeat' },
  ],
};

/** Reading and fetching rules from the options. */
export function sourceOptions(p: Parsed): SourceOptions {
  const maxBytes = p.options['max-size'] ? parseSize(p.options['max-size'] as string) : undefined;
  return { fetch: { allowPrivate: !!p.options['allow-private'], maxBytes }, maxFileBytes: maxBytes };
}

/** Analysis settings from the options (they travel with queued jobs). */
export function analysisSettings(p: Parsed): AnalysisSettings {
  return {
    kb: p.options.kb as string[] | undefined,
    disable: p.options.disable as string[] | undefined,
    maxBytes: p.options['max-size'] ? parseSize(p.options['max-size'] as string) : undefined,
  };
}

function workerCount(p: Parsed): number | null {
  const raw = p.options.workers as string | undefined;
  if (raw === undefined) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new MarsadError('input.invalid-argument', `--workers must be a whole number from 1 to ${MAX_WORKERS}, not "${raw}"`);
  return n;
}

/** Total bytes of the local inputs, for the progress ETA (null when URLs make it unknowable). */
function inputBytes(inputs: readonly string[]): number | null {
  let total = 0;
  for (const i of inputs) {
    if (isUrl(i)) return null;
    try {
      const st = statSync(i);
      if (st.isDirectory()) return null;
      total += st.size;
    } catch {
      // A missing input becomes a failure entry; it adds nothing.
    }
  }
  return total || null;
}

/** The human summary. */
export function summaryText(s: RunSummary): string {
  const lines = [`read ${s.read} · new ${s.new} (${s.nearDuplicate} near duplicates of stored stories) · duplicate ${s.duplicate} · failed ${s.failed.length}`];
  for (const f of s.failed) lines.push(`  failed: ${f.source}: ${f.reason}`);
  return lines.join('\n');
}

/** The contract's JSON summary, exactly `{read, new, duplicate, failed}` (near duplicates are in the text summary). */
export function summaryJson(s: RunSummary, nearDuplicates = false): string {
  return JSON.stringify({ read: s.read, new: s.new, duplicate: s.duplicate, failed: s.failed, ...(nearDuplicates ? { nearDuplicate: s.nearDuplicate } : {}) });
}

/** Runs `marsad ingest`: in this process, or through the queue with workers. */
export async function runIngest(p: Parsed): Promise<number> {
  const inputs = p.positionals;
  const workers = workerCount(p);
  const location = dbLocation(p.options.db as string | undefined);
  const store = await Store.open(location);
  const progress = new ProgressLine();
  const total = inputBytes(inputs);
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let summary: RunSummary;
  let bytes = 0;
  try {
    const sources = sourceOptions(p);
    const analysis = analysisSettings(p);
    const onRetry = (e: Error, attempt: number) => {
      progress.done();
      process.stderr.write(`marsad ingest: ${e.message.replace(/\s+/g, ' ')}; trying again (${attempt}/${STORE_RETRY_DELAYS_MS.length})\n`);
    };
    const external = !p.options.inline && isPostgresUrl(location) ? await liveWorkers(store.db) : 0;
    if (workers !== null || external > 0) {
      summary = await ingestQueued(store, inputs, {
        sources, analysis, signal: abort.signal, workers: workers ?? 0, dbLocation: location, onRetry,
        leaseMs: p.options.lease ? parseDuration(p.options.lease as string, 'lease') : undefined,
        onProgress: (finished, all) => progress.update(finished, `${all - finished} queued or running`, all ? finished / all : undefined),
      });
    } else {
      summary = await ingest(store, inputs, {
        sources, analysis, signal: abort.signal, onRetry,
        onItem: (item, _r, tally) => {
          if (item.kind === 'article') bytes += item.article.text.length * 2;
          else if (item.kind === 'bytes') bytes += (item.base64.length * 3) / 4;
          const s = tally.summary;
          progress.update(s.read, `${s.new} new, ${s.duplicate} duplicate, ${s.failed.length} failed`, total ? Math.min(1, bytes / total) : undefined);
        },
      });
    }
  } finally {
    progress.done();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
  process.stdout.write((p.options.format === 'json' ? summaryJson(summary, !!p.options['near-duplicates']) : summaryText(summary)) + '\n');
  if (abort.signal.aborted) {
    process.stderr.write('marsad ingest: interrupted; run the same command again to finish (stored articles are kept)\n');
    return 130;
  }
  if (summary.read > 0 && summary.new + summary.duplicate === 0) {
    const first = summary.failed[0];
    process.stderr.write(`marsad ingest: nothing could be ingested (${summary.failed.length} failed; first: ${first.source}: ${first.reason.replace(/\s+/g, ' ')})\n`);
    return 2;
  }
  return 0;
}
