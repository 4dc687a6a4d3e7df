/**
 * Scale-out: workers take ingest jobs from the queue in the database and
 * process them; `ingest --workers N` fills the queue and starts N workers. On
 * PostgreSQL the workers may run on any number of machines that reach the
 * server; each job is claimed by one worker at a time, and a job whose worker
 * dies goes back to the queue when its lease runs out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../model/paths.js';
import { ingestItems } from '../ingest/sources.js';
import type { Store } from './index.js';
import { DEFAULT_LEASE_MS, claim, enqueue, enqueueOne, heartbeat, jobState, liveWorkers, newWorkerId, releaseClaims, retire, runProgress, runResults, type JobResult } from './jobs.js';
import { MarsadError, isMarsadError } from '../model/messages.js';
import { type IngestJob, type IngestOptions, Tally, processItem, withStoreRetry } from './ingest.js';
import { type RunSummary, finishRun, startRun } from './runs.js';

/** Longest wait between retries when the database is unreachable or busy. */
const MAX_RETRY_DELAY_MS = 30_000;
/** How often a queued API upload is checked for its result. */
const RESULT_POLL_MS = 50;

/** How often an idle worker looks for new jobs. */
const DEFAULT_POLL_MS = 500;
/** Jobs claimed at once: few, so a dead worker strands few and the others stay busy. */
const DEFAULT_CLAIM_BATCH = 2;
/** Jobs put in the queue per transaction while filling it. */
const ENQUEUE_BATCH = 200;
/** How often `ingest` checks the progress of queued work. */
const PROGRESS_POLL_MS = 250;
/** Times a local worker that died is replaced before the run gives up on local workers. */
const MAX_WORKER_RESTARTS = 8;

export interface WorkerOptions {
  id?: string;
  /** Only jobs of this ingest run. */
  runId?: number | null;
  /** Stop when no job is queued or running (of the run, or at all). */
  untilEmpty?: boolean;
  leaseMs?: number;
  pollMs?: number;
  batch?: number;
  signal?: AbortSignal;
  onResult?: (r: JobResult) => void;
  /** Called when the database is unreachable or busy (the worker waits and retries). */
  onError?: (e: Error) => void;
}

/** Waits `ms`, or less when `signal` aborts. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** Runs a worker until it is stopped (or the queue is empty, with `untilEmpty`). Returns the jobs it finished. */
export async function runWorker(store: Store, options: WorkerOptions = {}): Promise<number> {
  const id = options.id ?? newWorkerId();
  const lease = options.leaseMs ?? DEFAULT_LEASE_MS;
  let done = 0;
  await heartbeat(store.db, id, lease, done);
  // Renewing leases well before they end; a worker that stops renewing has died.
  const beat = setInterval(() => void heartbeat(store.db, id, lease, done).catch(() => {}), Math.max(1, Math.floor(lease / 3)));
  let failures = 0;
  /** Jobs this worker claimed but could not finish because the database went away. */
  let stranded = false;
  try {
    while (!options.signal?.aborted) {
      if (stranded) {
        // The database is back: give the unfinished jobs back to the queue now rather than when their leases end.
        try {
          await releaseClaims(store.db, id);
          stranded = false;
        } catch (e) {
          if (!isMarsadError(e) || !e.code.startsWith('store.')) throw e;
          failures++;
          options.onError?.(e);
          await sleep(Math.min(MAX_RETRY_DELAY_MS, (options.pollMs ?? DEFAULT_POLL_MS) * 2 ** failures), options.signal);
          continue;
        }
      }
      let jobs: Awaited<ReturnType<typeof claim<IngestJob>>>;
      try {
        jobs = await claim<IngestJob>(store.db, id, { batch: options.batch ?? DEFAULT_CLAIM_BATCH, leaseMs: lease, runId: options.runId ?? null });
        failures = 0;
      } catch (e) {
        // The database went away or is locked: wait and try again (a restarted server is picked up).
        if (!isMarsadError(e) || !e.code.startsWith('store.')) throw e;
        failures++;
        options.onError?.(e);
        await sleep(Math.min(MAX_RETRY_DELAY_MS, (options.pollMs ?? DEFAULT_POLL_MS) * 2 ** failures), options.signal);
        continue;
      }
      if (!jobs.length) {
        if (options.untilEmpty) {
          const pending = options.runId != null ? await runProgress(store.db, options.runId) : null;
          const left = pending ? pending.queued + pending.running : Number((await store.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')"))?.n ?? 0);
          if (!left) break;
        }
        await sleep(options.pollMs ?? DEFAULT_POLL_MS, options.signal);
        continue;
      }
      for (const job of jobs) {
        const p = job.payload;
        try {
          const result = await processItem(store, p.item, { runId: job.runId, jobId: job.id, analysis: p.analysis, sources: p.sources });
          done++;
          options.onResult?.(result);
        } catch (e) {
          // A store error mid-job: nothing of the job was committed (or all of it, if only the answer was lost).
          if (!isMarsadError(e) || !e.code.startsWith('store.')) throw e;
          options.onError?.(e);
          stranded = true;
          failures++;
          await sleep(Math.min(MAX_RETRY_DELAY_MS, (options.pollMs ?? DEFAULT_POLL_MS) * 2 ** failures), options.signal);
          break;
        }
      }
    }
  } finally {
    clearInterval(beat);
    await retire(store.db, id).catch(() => {});
  }
  return done;
}

export interface QueuedIngestOptions extends IngestOptions {
  /** Local worker processes to start (0: rely on workers already running elsewhere). */
  workers: number;
  /** The --db value the workers open (the same database). */
  dbLocation: string;
  leaseMs?: number;
  /** Called while waiting, with the run's finished and total jobs. */
  onProgress?: (finished: number, total: number) => void;
}

function startLocalWorker(dbLocation: string, runId: number, leaseMs: number | undefined): ChildProcess {
  const args = [join(packageRoot, 'bin', 'marsad'), 'worker', '--db', dbLocation, '--run', String(runId), '--until-empty', '--quiet'];
  if (leaseMs) args.push('--lease', `${Math.ceil(leaseMs / 1000)}s`);
  return spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Ingests through the queue: every item becomes a job of a new run, `workers`
 * local worker processes are started (others may help from elsewhere), and the
 * summary is read from the jobs' results once all are finished.
 */
export async function ingestQueued(store: Store, inputs: readonly string[], options: QueuedIngestOptions): Promise<RunSummary> {
  // A PostgreSQL server that goes away for a moment (restart, dropped connections) is waited for.
  const retry = <T>(fn: () => Promise<T>) => withStoreRetry(store, fn, options.onRetry);
  const runId = await retry(() => startRun(store.db, options.kind ?? 'ingest', inputs));
  let total = 0;
  let batch: IngestJob[] = [];
  const flush = async () => {
    // A batch whose commit was lost is queued again: its items are found stored (duplicates), never twice.
    if (batch.length) await retry(() => enqueue(store.db, runId, 'ingest', batch));
    total += batch.length;
    batch = [];
  };
  for await (const item of ingestItems(inputs, options.sources)) {
    batch.push({ item, analysis: options.analysis, sources: options.sources });
    if (batch.length >= ENQUEUE_BATCH) await flush();
  }
  await flush();

  const children = new Set<ChildProcess>();
  let restarts = 0;
  let died = 0;
  const launch = () => {
    const child = startLocalWorker(options.dbLocation, runId, options.leaseMs);
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) died++;
    });
  };
  for (let i = 0; i < options.workers; i++) launch();
  try {
    for (;;) {
      const p = await retry(() => runProgress(store.db, runId));
      const finished = p.done + p.failed;
      options.onProgress?.(finished, total);
      if (finished >= total) break;
      if (options.signal?.aborted) break;
      // A local worker that died (killed, crashed) is replaced; its jobs come back when their leases end.
      // With no worker left anywhere (the external ones stopped), one local worker finishes the run.
      const orphaned = !children.size && (await retry(() => liveWorkers(store.db))) === 0;
      if (died > restarts || orphaned) {
        if (restarts >= MAX_WORKER_RESTARTS && orphaned)
          throw new MarsadError('store.unavailable', `the workers stopped ${died} times and none is left; run \`marsad worker\` to see why (queued jobs are kept)`);
        if (restarts < MAX_WORKER_RESTARTS) {
          restarts++;
          launch();
        }
      }
      await sleep(PROGRESS_POLL_MS, options.signal);
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
  }
  const tally = new Tally();
  for (const r of await retry(() => runResults(store.db, runId))) tally.add(r);
  await retry(() => finishRun(store.db, runId, tally.summary, options.signal?.aborted ? 'interrupted' : 'done'));
  return tally.summary;
}

/**
 * Hands one item to the workers and waits for its result (the API does this
 * when workers are running, so analysis happens on them). Resolves with null
 * when `timeoutMs` passes first; the job stays queued and will be done.
 */
export async function submitAndWait(store: Store, job: IngestJob, timeoutMs: number): Promise<{ jobId: number; result: JobResult | null }> {
  const jobId = await enqueueOne(store.db, null, 'api', job);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const state = await jobState(store.db, jobId);
    if (state && (state.status === 'done' || state.status === 'failed')) return { jobId, result: state.result };
    await sleep(RESULT_POLL_MS);
  }
  return { jobId, result: null };
}

/** Whether to hand work to workers: a PostgreSQL store with live workers. */
export async function workersAvailable(store: Store): Promise<boolean> {
  return store.dialect === 'postgres' && (await liveWorkers(store.db)) > 0;
}
