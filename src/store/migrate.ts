/**
 * The migration runner. Each pending migration runs in its own transaction with
 * the `schema_migrations` row that records it: a process killed in the middle
 * leaves the previous version, and the next start applies it again from the top.
 * Concurrent starters (several workers) serialise on a lock and re-read the
 * version once they hold it.
 */
import { MarsadError } from '../model/messages.js';
import type { Db, Queryable } from './db.js';
import { MIGRATIONS, type Migration } from './schema.js';

/** Key of the PostgreSQL advisory lock that serialises migrations ("MRSD"). */
const MIGRATION_LOCK_KEY = 0x4d525344;

async function ensureTable(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
}

async function versionIn(q: Queryable): Promise<number> {
  const row = await q.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return Number(row?.v ?? 0);
}

/** The schema version of the database (0 for a new one). */
export async function schemaVersion(db: Db): Promise<number> {
  try {
    return await versionIn(db);
  } catch {
    return 0;
  }
}

function checkNotNewer(version: number, migrations: readonly Migration[], location: string): void {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (version > latest)
    throw new MarsadError('store.schema', `the database has schema version ${version}, newer than this marsad knows (${latest}); upgrade marsad`, location);
}

/**
 * Brings the database to the latest schema version. Returns the versions applied.
 * `migrations` is for tests; the store always uses `MIGRATIONS`.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await ensureTable(db);
  const applied: number[] = [];
  const current = await versionIn(db);
  checkNotNewer(current, migrations, db.location);
  for (const m of migrations) {
    // Already there: no transaction, so opening a store does not wait for another process's writes.
    if (m.version <= current) continue;
    const done = await db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
      // Another process may have applied it while this one waited for the lock.
      if ((await versionIn(tx)) >= m.version) return false;
      for (const sql of m.statements(tx.dialect)) await tx.run(sql);
      if (m.data) await m.data(tx);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      return true;
    }, { retries: 0 });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Fails unless the database is at exactly the version this program writes (read-only opens). */
export async function requireCurrent(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const version = await schemaVersion(db);
  checkNotNewer(version, migrations, db.location);
  const latest = migrations[migrations.length - 1].version;
  if (version < latest)
    throw new MarsadError('store.schema', `the database has schema version ${version}, older than ${latest}; open it once without --read-only to upgrade it`, db.location);
}
