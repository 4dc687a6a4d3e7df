/**
 * Test helper run as a child process by migrate.test.ts: applies the real
 * migrations, then a deliberately slow one, so the test can kill it with
 * SIGKILL in the middle of that migration's transaction.
 *
 *   node dist/src/store/testing-migrate-child.js LOCATION
 */
import { isPostgresUrl } from './index.js';
import { SqliteDb } from './sqlite.js';
import { PostgresDb } from './postgres.js';
import { migrate } from './migrate.js';
import { MIGRATIONS, type Migration } from './schema.js';

/** Long enough to be killed in; short enough that a PostgreSQL backend left behind ends soon. */
const SLOW_SECONDS = 2;

export const SLOW_MIGRATION: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'test: a slow migration, killed half-way',
  statements: (d) => [
    'CREATE TABLE half_done (x INTEGER)',
    'INSERT INTO half_done (x) VALUES (1)',
    d === 'postgres' ? `SELECT pg_sleep(${SLOW_SECONDS})` : 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000000000) SELECT COUNT(*) AS n FROM c',
  ],
};

async function main(location: string): Promise<void> {
  const db = isPostgresUrl(location) ? await PostgresDb.open(location) : SqliteDb.open(location);
  await migrate(db, MIGRATIONS);
  process.stdout.write('migrating\n');
  await migrate(db, [...MIGRATIONS, SLOW_MIGRATION]);
  process.stdout.write('finished\n');
  await db.close();
}

if (process.argv[2]) void main(process.argv[2]);
