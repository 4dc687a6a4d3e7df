/**
 * The embedded backend: one SQLite file through better-sqlite3, in WAL mode so
 * that readers (the API) never block the writer (an ingest) and a `kill -9`
 * loses nothing committed. Another process holding the write lock is waited for
 * up to the busy timeout; past it the caller gets `store.busy`, never a crash.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MarsadError } from '../model/messages.js';
import type { Db, Queryable, Row, RunResult, SqlValue, TransactionOptions } from './db.js';

/** How long a statement waits for another process's write lock before failing with store.busy ($MARSAD_BUSY_TIMEOUT_MS overrides). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

function busyTimeout(given?: number): number {
  const env = Number(process.env.MARSAD_BUSY_TIMEOUT_MS);
  return given ?? (Number.isFinite(env) && env >= 0 ? env : SQLITE_BUSY_TIMEOUT_MS);
}
/** Prepared statements kept per connection (the store uses a few dozen distinct statements). */
const STATEMENT_CACHE_SIZE = 256;

export interface SqliteOptions {
  readOnly?: boolean;
  busyTimeoutMs?: number;
}

type Statement = Database.Statement<unknown[], unknown>;

function bindable(params: readonly SqlValue[]): unknown[] {
  // better-sqlite3 binds no booleans.
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/** Turns SQLite's errors into errors a user can act on; others pass through. */
export function sqliteError(e: unknown, location: string): unknown {
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_'))
    return new MarsadError('store.busy', 'database is busy: another process kept it locked; try again', location);
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
    return new MarsadError('store.read-only', 'the database is read-only', location);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new MarsadError('store.unavailable', `cannot open the database (${(e as Error).message})`, location);
  if (code === 'SQLITE_FULL')
    return new MarsadError('store.unavailable', 'the disk is full: cannot write the database (nothing of the current article was kept; free some space and run again)', location);
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_'))
    return new MarsadError('store.unavailable', `cannot write the database (${(e as Error).message}; the disk may be full or failing); nothing of the current article was kept`, location);
  return e;
}

class SqliteQueryable implements Queryable {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Statement>();

  constructor(
    protected readonly conn: Database.Database,
    readonly location: string,
  ) {}

  protected statement(sql: string): Statement {
    let st = this.cache.get(sql);
    if (!st) {
      if (this.cache.size >= STATEMENT_CACHE_SIZE) this.cache.clear();
      st = this.conn.prepare(sql);
      this.cache.set(sql, st);
    }
    return st;
  }

  protected wrap<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw sqliteError(e, this.location);
    }
  }

  async all<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.wrap(() => this.statement(sql).all(...bindable(params)) as T[]);
  }

  async get<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.wrap(() => this.statement(sql).get(...bindable(params)) as T | undefined);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.wrap(() => {
      const st = this.statement(sql);
      if (!st.reader) return { changes: st.run(...bindable(params)).changes };
      // A statement with RETURNING is a reader; its changes are its rows.
      return { changes: st.all(...bindable(params)).length };
    });
  }
}

/**
 * A SQLite database. Calls are synchronous underneath; a transaction holds a
 * mutex so that other callers in the same process (API requests) wait for it
 * rather than slipping their statements into it.
 */
export class SqliteDb extends SqliteQueryable implements Db {
  private lock: Promise<void> = Promise.resolve();
  private inTransaction = false;
  /** The view a transaction's callback writes through (it bypasses the mutex it holds). */
  private readonly inner: SqliteQueryable;

  private constructor(conn: Database.Database, location: string) {
    super(conn, location);
    this.inner = new SqliteQueryable(conn, location);
  }

  static open(file: string, options: SqliteOptions = {}): SqliteDb {
    const path = file === ':memory:' ? file : resolve(file);
    let conn: Database.Database;
    try {
      if (path !== ':memory:' && !options.readOnly) mkdirSync(dirname(path), { recursive: true });
      conn = new Database(path, { readonly: options.readOnly ?? false, fileMustExist: options.readOnly ?? false, timeout: busyTimeout(options.busyTimeoutMs) });
    } catch (e) {
      const err = sqliteError(e, file);
      if (err instanceof MarsadError) throw err;
      throw new MarsadError('store.unavailable', `cannot open the database (${(e as Error).message})`, file);
    }
    try {
      if (!options.readOnly) {
        conn.pragma('journal_mode = WAL');
        // NORMAL in WAL mode survives a killed process; only a power cut can lose the last commits.
        conn.pragma('synchronous = NORMAL');
      }
      conn.pragma('foreign_keys = ON');
    } catch (e) {
      conn.close();
      throw sqliteError(e, file);
    }
    return new SqliteDb(conn, file);
  }

  private async waitTurn(): Promise<() => void> {
    let release!: () => void;
    const previous = this.lock;
    this.lock = new Promise<void>((r) => (release = r));
    await previous;
    return release;
  }

  override async all<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (this.inTransaction) await this.lock;
    return super.all<T>(sql, params);
  }

  override async get<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    if (this.inTransaction) await this.lock;
    return super.get<T>(sql, params);
  }

  override async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    if (this.inTransaction) {
      // Outside statements wait for the open transaction, then run on their own.
      const release = await this.waitTurn();
      try {
        return await super.run(sql, params);
      } finally {
        release();
      }
    }
    return super.run(sql, params);
  }

  async exec(sql: string): Promise<void> {
    this.wrap(() => this.conn.exec(sql));
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    const release = await this.waitTurn();
    this.inTransaction = true;
    const tx = this.inner;
    try {
      this.wrap(() => this.conn.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(tx);
        this.wrap(() => this.conn.exec('COMMIT'));
        return result;
      } catch (e) {
        try {
          if (this.conn.inTransaction) this.conn.exec('ROLLBACK');
        } catch {
          // The transaction is gone already (SQLite rolls back itself on a full disk or an I/O error).
        }
        throw e;
      }
    } finally {
      this.inTransaction = false;
      release();
    }
  }

  async close(): Promise<void> {
    if (this.conn.open) this.conn.close();
  }
}
