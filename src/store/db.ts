/**
 * The one database interface both backends implement: parameterised SQL with
 * `?` placeholders, rows as plain objects, and transactions. SQL is written once
 * in the dialect both engines share (SQLite ≥ 3.35 and PostgreSQL ≥ 12: upserts,
 * RETURNING, CTEs); the few dialect-specific statements ask `db.dialect`.
 *
 * Values are always bound as parameters, never spliced into SQL text.
 */

export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

export type Row = Record<string, unknown>;

/** What a statement run outside a query returns. */
export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** Something statements can run on: the database itself or an open transaction. */
export interface Queryable {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
}

export interface TransactionOptions {
  /** Retry the whole transaction this many times on a deadlock or serialisation failure (PostgreSQL). */
  retries?: number;
}

export interface Db extends Queryable {
  /** Where the database is, for messages (a file path or a URL without password). */
  readonly location: string;
  /** Runs several statements (DDL) at once. Never with user values. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: everything it writes is committed together or
   * not at all. On SQLite the write lock is taken at the start (BEGIN IMMEDIATE),
   * so a busy database fails before any work rather than in the middle.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** Largest number of bound parameters put in one multi-row INSERT (both engines allow more). */
const MAX_PARAMS_PER_STATEMENT = 30_000;

/**
 * Inserts many rows. On PostgreSQL, with as few statements as the parameter
 * limit allows (each is a round trip); on SQLite, one cached single-row
 * statement per row (in-process calls are cheap, preparing a new statement
 * for every row count is not). `suffix` is appended to every statement (e.g.
 * `ON CONFLICT DO NOTHING`).
 */
export async function insertMany(q: Queryable, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], suffix = ''): Promise<void> {
  if (!rows.length) return;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  if (q.dialect === 'sqlite') {
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuple} ${suffix}`;
    for (const r of rows) await q.run(sql, r);
    return;
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: SqlValue[] = [];
    for (const r of chunk) params.push(...r);
    await q.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`, params);
  }
}

/**
 * Rewrites `?` placeholders as `$1, $2, …` (PostgreSQL), leaving question marks
 * inside quoted strings and identifiers alone.
 */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') out += `$${++n}`;
    else out += ch;
  }
  return out;
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** A `?, ?, ?` list for an IN clause of `n` values (n ≥ 1). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
