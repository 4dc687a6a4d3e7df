/**
 * `marsad serve` as a child process on a fresh database and a free port, for
 * the browser tests and the bench. Its output is kept to explain a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is dist/src/web/e2e/server.js once built). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MARSAD = join(REPO_ROOT, 'bin', 'marsad');
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;
const POLL_MS = 100;
const STOP_GRACE_MS = 5_000;
const LOG_TAIL_CHARS = 4_000;

export interface RunningServer {
  url: string;
  db: string;
  /** What the server wrote so far (stdout and stderr), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The built dashboard must exist: `npm run build` makes it. */
export function assertDashboardBuilt(): void {
  const index = join(REPO_ROOT, 'dist', 'web', 'index.html');
  if (!existsSync(index)) throw new Error(`the dashboard is not built (${index} is missing): run \`npm run build\``);
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `marsad serve --db DB --port PORT` and waits for `/api/health`. With no
 * `db`, a new empty database in a temporary folder, removed on `stop()`.
 * `MARSAD_E2E_URL` points the tests at a server already running instead
 * (for working on the dashboard; it must start from an empty database too).
 */
export async function startServer(options: { db?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer> {
  const external = process.env.MARSAD_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), db: '', log: () => '(external server: MARSAD_E2E_URL)', stop: async () => {} };
  assertDashboardBuilt();
  const scratch = options.db ? null : mkdtempSync(join(tmpdir(), 'marsad-e2e-'));
  const db = options.db ?? join(scratch as string, 'e2e.db');
  const port = await freePort();
  const child = spawn(process.execPath, [MARSAD, 'serve', '--db', db, '--host', HOST, '--port', String(port)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://${HOST}:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited(child);
      clearTimeout(timer);
    }
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`marsad serve exited with ${child.exitCode} before answering:\n${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`marsad serve did not answer /api/health within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return { url, db, log: () => output, stop };
}
