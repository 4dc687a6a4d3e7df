/**
 * The work queue: one row per article to process. Workers claim jobs with
 * `FOR UPDATE SKIP LOCKED` (PostgreSQL) or under SQLite's single write lock, so
 * no two workers ever hold the same job. A claim is a lease: a worker killed
 * with `kill -9` stops renewing it, and the job goes back to the queue when it
 * expires. A job is marked done in the same transaction that stores its article
 * (see `writeArticle`), so a job is either done with its article stored, or not
 * done with nothing stored: never processed twice, never lost.
 *
 * Times are read from the database clock, so workers on several machines agree.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db, Dialect, Queryable, SqlValue } from './db.js';
import { insertMany } from './db.js';

/** How long a claim lasts without renewal. */
export const DEFAULT_LEASE_MS = 60_000;
/** Claims of a job before it is given up as failed (its worker died each time). */
export const MAX_ATTEMPTS = 3;
/** A worker is alive while its heartbeat is younger than this. */
export const WORKER_ALIVE_MS = 30_000;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job<P = unknown> {
  id: number;
  runId: number | null;
  kind: string;
  payload: P;
  attempts: number;
}

/** The result a job records: how its article ended. */
export interface JobResult {
  status: 'new' | 'duplicate' | 'failed';
  id?: string;
  events?: number;
  nearDuplicate?: boolean;
  story?: string | null;
  reason?: string;
  /** The error code of a failure (input.empty, fetch.refused…). */
  code?: string;
  source?: string;
}

/** The database's clock in milliseconds since 1970, as an SQL expression. */
export function nowMs(d: Dialect): string {
  return d === 'postgres' ? '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint' : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
}

/** A worker id that says where it runs: host, process and a random part. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Queues many jobs of one run, in one transaction. */
export async function enqueue(db: Db, runId: number | null, kind: string, payloads: readonly unknown[]): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    await insertMany(tx, 'jobs', ['run_id', 'kind', 'payload', 'status', 'created_at'], payloads.map((p): SqlValue[] => [runId, kind, JSON.stringify(p), 'queued', now]));
  });
}

/** Queues one job; returns its id. */
export async function enqueueOne(q: Queryable, runId: number | null, kind: string, payload: unknown): Promise<number> {
  const row = await q.get<{ id: number }>("INSERT INTO jobs (run_id, kind, payload, status, created_at) VALUES (?, ?, ?, 'queued', ?) RETURNING id", [runId, kind, JSON.stringify(payload), new Date().toISOString()]);
  return Number(row!.id);
}

/** A job's status and result, or null when there is no such job. */
export async function jobState(q: Queryable, id: number): Promise<{ status: JobStatus; result: JobResult | null } | null> {
  const row = await q.get<{ status: JobStatus; result: string | null; error: string | null }>('SELECT status, result, error FROM jobs WHERE id = ?', [id]);
  if (!row) return null;
  return { status: row.status, result: row.result ? (JSON.parse(row.result) as JobResult) : row.error ? { status: 'failed', reason: row.error } : null };
}

/**
 * Claims up to `batch` jobs for `worker` (of one run, when given). Jobs whose
 * lease ran out are claimable again; those already claimed MAX_ATTEMPTS times
 * are marked failed instead.
 */
export async function claim<P = unknown>(db: Db, worker: string, options: { batch?: number; leaseMs?: number; runId?: number | null } = {}): Promise<Job<P>[]> {
  const batch = options.batch ?? 1;
  const lease = options.leaseMs ?? DEFAULT_LEASE_MS;
  const now = nowMs(db.dialect);
  const run = options.runId != null ? ' AND run_id = ?' : '';
  const runParam: SqlValue[] = options.runId != null ? [options.runId] : [];
  const rows = await db.transaction(async (tx) => {
    await tx.run(
      `UPDATE jobs SET status = 'failed', error = ?, finished_at = ?, locked_by = NULL, locked_until = NULL,
         result = ?
       WHERE status = 'running' AND locked_until < ${now} AND attempts >= ?${run}`,
      [`gave up after ${MAX_ATTEMPTS} attempts: the worker stopped each time`, new Date().toISOString(), JSON.stringify({ status: 'failed', reason: `gave up after ${MAX_ATTEMPTS} attempts: the worker stopped each time` }), MAX_ATTEMPTS, ...runParam],
    );
    const lock = tx.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    return tx.all<Record<string, unknown>>(
      `UPDATE jobs SET status = 'running', locked_by = ?, locked_until = ${now} + ?, attempts = attempts + 1
       WHERE id IN (SELECT id FROM jobs WHERE (status = 'queued' OR (status = 'running' AND locked_until < ${now}))${run} ORDER BY id LIMIT ? ${lock})
       RETURNING id, run_id, kind, payload, attempts`,
      [worker, lease, ...runParam, batch],
    );
  });
  return rows
    .map((r) => ({ id: Number(r.id), runId: r.run_id == null ? null : Number(r.run_id), kind: String(r.kind), payload: JSON.parse(String(r.payload)) as P, attempts: Number(r.attempts) }))
    .sort((a, b) => a.id - b.id);
}

/** Extends the leases of every job `worker` holds, and records its heartbeat. */
export async function heartbeat(db: Db, worker: string, leaseMs = DEFAULT_LEASE_MS, jobsDone = 0): Promise<void> {
  const now = nowMs(db.dialect);
  await db.run(`UPDATE jobs SET locked_until = ${now} + ? WHERE locked_by = ? AND status = 'running'`, [leaseMs, worker]);
  const [host, pid] = worker.split(':');
  await db.run(
    `INSERT INTO workers (id, host, pid, started_at, heartbeat, jobs_done) VALUES (?, ?, ?, ?, ${now}, ?)
     ON CONFLICT (id) DO UPDATE SET heartbeat = excluded.heartbeat, jobs_done = excluded.jobs_done`,
    [worker, host ?? hostname(), Number(pid) || process.pid, new Date().toISOString(), jobsDone],
  );
}

/** Removes a worker that stops cleanly, and gives back the jobs it still holds. */
export async function retire(db: Db, worker: string): Promise<void> {
  await db.run(`UPDATE jobs SET status = 'queued', locked_by = NULL, locked_until = NULL, attempts = attempts - 1 WHERE locked_by = ? AND status = 'running'`, [worker]);
  await db.run('DELETE FROM workers WHERE id = ?', [worker]);
}

/**
 * Gives back the jobs `worker` holds without ending it (it lost the database in
 * the middle of them): they are queued again at once, their attempt not counted.
 */
export async function releaseClaims(db: Db, worker: string): Promise<void> {
  await db.run(`UPDATE jobs SET status = 'queued', locked_by = NULL, locked_until = NULL, attempts = attempts - 1 WHERE locked_by = ? AND status = 'running'`, [worker]);
}

/** How many workers have sent a heartbeat recently. */
export async function liveWorkers(q: Queryable): Promise<number> {
  const row = await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM workers WHERE heartbeat > ${nowMs(q.dialect)} - ?`, [WORKER_ALIVE_MS]);
  return Number(row?.n ?? 0);
}

/** Records the end of a job that stored nothing (its article failed), unless it was done meanwhile. */
export async function finishJob(q: Queryable, jobId: number, result: JobResult): Promise<void> {
  await q.run(`UPDATE jobs SET status = ?, result = ?, error = ?, finished_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND status <> 'done'`, [
    result.status === 'failed' ? 'failed' : 'done',
    JSON.stringify(result),
    result.reason ?? null,
    new Date().toISOString(),
    jobId,
  ]);
}

/** Jobs of a run by status. */
export async function runProgress(q: Queryable, runId: number): Promise<Record<JobStatus, number>> {
  const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of await q.all<{ status: JobStatus; n: number }>('SELECT status, COUNT(*) AS n FROM jobs WHERE run_id = ? GROUP BY status', [runId])) out[r.status] = Number(r.n);
  return out;
}

/** The results of a run's finished jobs, in queue order. */
export async function runResults(q: Queryable, runId: number): Promise<JobResult[]> {
  const rows = await q.all<{ result: string | null; error: string | null }>("SELECT result, error FROM jobs WHERE run_id = ? AND status IN ('done', 'failed') ORDER BY id", [runId]);
  return rows.map((r) => (r.result ? (JSON.parse(r.result) as JobResult) : { status: 'failed', reason: r.error ?? 'failed' }));
}

/** Jobs waiting or running, of all runs. */
export async function pendingJobs(q: Queryable): Promise<number> {
  const row = await q.get<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')");
  return Number(row?.n ?? 0);
}
