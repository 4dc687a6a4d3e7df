/**
 * `marsad worker`: takes ingest jobs from the queue in the store and processes
 * them. Start any number, on any machines that reach the same PostgreSQL
 * server; each job goes to one worker, and the jobs of a worker that dies are
 * taken over when their lease ends.
 */
import type { CommandSpec, Parsed } from '../args.js';
import { MarsadError } from '../../model/messages.js';
import { Store, dbLocation } from '../../store/index.js';
import { runWorker } from '../../store/worker.js';
import { DEFAULT_LEASE_MS, newWorkerId } from '../../store/jobs.js';
import { DB_OPTION, intOption, parseDuration } from './ingest.js';

/** Shortest lease accepted: renewals happen every third of it. */
const MIN_LEASE_MS = 1000;

export const workerSpec: CommandSpec = {
  name: 'worker',
  summary: 'Process queued ingest jobs (see ingest --workers). Run several, on one or many machines, against one PostgreSQL store.',
  usage: 'marsad worker [--db postgres://…] [--until-empty] [--run N] [--lease 60s]',
  positionals: { min: 0, max: 0, name: '' },
  options: [
    DB_OPTION,
    { name: 'until-empty', type: 'boolean', help: 'stop when no job is queued or running (default: wait for more)' },
    { name: 'run', type: 'string', valueName: 'N', help: 'only jobs of this ingest run' },
    { name: 'lease', type: 'string', valueName: 'DURATION', help: `how long a claimed job stays reserved without renewal (default ${DEFAULT_LEASE_MS / 1000}s)` },
    { name: 'batch', type: 'string', valueName: 'N', help: 'jobs claimed at once (default 2)' },
    { name: 'poll', type: 'string', valueName: 'DURATION', help: 'wait between looks at an empty queue (default 500ms)' },
    { name: 'quiet', type: 'boolean', help: 'no summary line at the end (errors are still reported)' },
  ],
};

/** Runs `marsad worker` until stopped (or until the queue is empty). */
export async function runWorkerCommand(p: Parsed): Promise<number> {
  const leaseMs = p.options.lease ? parseDuration(p.options.lease as string, 'lease') : DEFAULT_LEASE_MS;
  if (leaseMs < MIN_LEASE_MS) throw new MarsadError('input.invalid-argument', `--lease must be at least ${MIN_LEASE_MS / 1000} s`);
  const runId = p.options.run !== undefined ? intOption(p, 'run', 0, 1) : null;
  const store = await Store.open(dbLocation(p.options.db as string | undefined));
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const id = newWorkerId();
  try {
    const done = await runWorker(store, {
      id,
      runId,
      untilEmpty: !!p.options['until-empty'],
      leaseMs,
      batch: intOption(p, 'batch', 2, 1),
      pollMs: p.options.poll ? parseDuration(p.options.poll as string, 'poll') : undefined,
      signal: abort.signal,
      onError: (e) => process.stderr.write(`marsad worker ${id}: ${e.message.replace(/\s+/g, ' ')}; retrying\n`),
    });
    if (!p.options.quiet) process.stderr.write(`marsad worker ${id}: ${done} jobs done\n`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
  return 0;
}
