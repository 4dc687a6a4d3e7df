/**
 * The scale-out backend: a PostgreSQL server through `pg`. Several processes
 * (workers, the API) share it; transactions that meet in a deadlock or a
 * serialisation failure are retried whole.
 *
 * `--db postgres://user@host:5432/db?schema=NAME` keeps Marsad's tables in the
 * schema NAME (created on first use), so one database can hold several stores
 * (the tests use a fresh schema per run).
 */
import pg from 'pg';
import { userInfo } from 'node:os';
import { MarsadError } from '../model/messages.js';
import { type Db, type Queryable, type Row, type RunResult, type SqlValue, type TransactionOptions, numberPlaceholders } from './db.js';

/** Connections a process keeps open: enough for the API's concurrent reads, few enough for many workers. */
const DEFAULT_POOL_SIZE = 4;
/** How long a connection attempt may take before the store is reported unavailable. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Retries of a transaction that hit a deadlock or serialisation failure. */
const DEFAULT_TX_RETRIES = 4;
const RETRY_BASE_DELAY_MS = 20;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
/** SQLSTATEs that mean "run the transaction again": serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
/** SQLSTATE classes of a server that went away or refuses connections. */
const UNAVAILABLE_CLASSES = ['08', '57P'];

export interface PostgresOptions {
  poolSize?: number;
  readOnly?: boolean;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Connection settings from a `postgres://` URL: the user defaults to the OS user, `schema=` is ours. */
export function postgresConfig(url: string): { connectionString: string; schema: string | null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MarsadError('input.invalid-argument', `--db "${redactUrl(url)}" is not a valid postgres:// URL`);
  }
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema))
    throw new MarsadError('input.invalid-argument', `schema "${schema.slice(0, 80)}" in --db must be a lower-case SQL name (a-z, 0-9, _)`);
  if (!u.username) u.username = process.env.PGUSER || process.env.USER || userInfo().username;
  return { connectionString: u.toString(), schema };
}

function typeParser(oid: number, format?: string): (value: string) => unknown {
  // Counts and ids fit in a double; the store never needs exact 64-bit integers.
  if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
  return pg.types.getTypeParser(oid, format as 'text');
}

/** Turns driver errors into errors a user can act on; others pass through. */
export function postgresError(e: unknown, location: string): unknown {
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH'].includes(code) || UNAVAILABLE_CLASSES.some((c) => code.startsWith(c)) || /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(err?.message ?? ''))
    return new MarsadError('store.unavailable', `cannot reach PostgreSQL (${code || err?.message})`, location);
  if (code === '28P01' || code === '28000' || code === '3D000')
    return new MarsadError('store.unavailable', `PostgreSQL refused the connection: ${err.message}`, location);
  if (code === '25006') return new MarsadError('store.read-only', 'the database is read-only', location);
  // disk_full: the article's transaction was rolled back; the run stops (after the usual retries) instead of failing every article.
  if (code === '53100')
    return new MarsadError('store.unavailable', `the PostgreSQL server's disk is full (${err.message}); nothing of the current article was kept; free some space and run again`, location);
  return e;
}

class PgQueryable implements Queryable {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly client: pg.Pool | pg.PoolClient,
    readonly location: string,
  ) {}

  private async query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    try {
      return await this.client.query(numberPlaceholders(sql), params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p)) as unknown[]);
    } catch (e) {
      throw postgresError(e, this.location);
    }
  }

  async all<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async get<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A PostgreSQL database through a small connection pool. */
export class PostgresDb extends PgQueryable implements Db {
  private constructor(
    private readonly pool: pg.Pool,
    location: string,
    readonly schema: string | null,
  ) {
    super(pool, location);
  }

  /** Connects (and checks the connection); creates the `schema=` schema when asked to. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresDb> {
    const { connectionString, schema } = postgresConfig(url);
    const location = redactUrl(url);
    const pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      types: { getTypeParser: typeParser } as pg.CustomTypesConfig,
      application_name: 'marsad',
      options: [schema ? `-c search_path=${schema}` : '', options.readOnly ? '-c default_transaction_read_only=on' : ''].filter(Boolean).join(' ') || undefined,
    });
    // An idle connection that the server drops must not crash the process.
    pool.on('error', () => {});
    const db = new PostgresDb(pool, location, schema);
    try {
      if (schema && !options.readOnly) await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      else await db.get('SELECT 1 AS ok');
    } catch (e) {
      await pool.end().catch(() => {});
      if (e instanceof MarsadError) throw e;
      // Two processes creating the same schema at once: one wins, the other finds it.
      if ((e as { code?: string }).code === '23505' && schema) return PostgresDb.open(url, options);
      throw e;
    }
    return db;
  }

  async exec(sql: string): Promise<void> {
    await this.run(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const retries = options.retries ?? DEFAULT_TX_RETRIES;
    for (let attempt = 0; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        throw postgresError(e, this.location);
      }
      let broken = false;
      // The server may drop the connection between two statements (a restart, pg_terminate_backend):
      // the client then emits 'error', which must not crash the process; the next statement fails instead.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(new PgQueryable(client, this.location));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        const code = (e as { code?: string })?.code ?? '';
        if (RETRYABLE.has(code) && attempt < retries) {
          await sleep(RETRY_BASE_DELAY_MS * 2 ** attempt * (1 + Math.random()));
          continue;
        }
        throw postgresError(e, this.location);
      } finally {
        // A broken client is thrown away and keeps the listener (it may still report its end).
        if (!broken) client.removeListener('error', onError);
        client.release(broken);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
