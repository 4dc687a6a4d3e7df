/** Migrations: versioned, transactional, safe against a kill -9 half-way, and refusing a newer schema. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { Store, SCHEMA_VERSION, isPostgresUrl } from './index.js';
import { SqliteDb } from './sqlite.js';
import { PostgresDb } from './postgres.js';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './schema.js';
import { SLOW_MIGRATION } from './testing-migrate-child.js';
import { BACKENDS, freshLocation } from './testing.js';
import { isMarsadError } from '../model/messages.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'testing-migrate-child.js');
/** Time the child spends in the slow migration before it is killed. */
const KILL_AFTER_MS = 800;

async function openDb(location: string) {
  return isPostgresUrl(location) ? PostgresDb.open(location) : SqliteDb.open(location);
}

async function tableExists(location: string, name: string): Promise<boolean> {
  const db = await openDb(location);
  try {
    const sql = db.dialect === 'postgres' ? 'SELECT 1 AS x FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?' : "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?";
    return !!(await db.get(sql, [name]));
  } finally {
    await db.close();
  }
}

for (const backend of BACKENDS) {
  describe(`migrations (${backend})`, () => {
    it('a migration killed with SIGKILL half-way leaves the previous version, and the next run applies it', async () => {
      const { location, cleanup } = await freshLocation(backend);
      try {
        const child = spawn(process.execPath, [CHILD, location], { stdio: ['ignore', 'pipe', 'inherit'] });
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (d: Buffer) => {
            if (d.toString().includes('migrating')) setTimeout(resolve, KILL_AFTER_MS);
          });
          child.on('exit', () => reject(new Error('the child ended before it could be killed')));
        });
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        const db = await openDb(location);
        try {
          assert.equal(await schemaVersion(db), SCHEMA_VERSION);
          assert.equal(await tableExists(location, 'half_done'), false);
          const fast = { ...SLOW_MIGRATION, statements: () => ['CREATE TABLE half_done (x INTEGER)'] };
          assert.deepEqual(await migrate(db, [...MIGRATIONS, fast]), [fast.version]);
          assert.equal(await schemaVersion(db), fast.version);
        } finally {
          await db.close();
        }
      } finally {
        await cleanup();
      }
    });

    it('refuses a database whose schema is newer than this program', async () => {
      const { location, cleanup } = await freshLocation(backend);
      try {
        const db = await openDb(location);
        await migrate(db, [...MIGRATIONS, { ...SLOW_MIGRATION, statements: () => ['CREATE TABLE future (x INTEGER)'] }]);
        await db.close();
        await assert.rejects(Store.open(location), (e: unknown) => isMarsadError(e) && e.code === 'store.schema' && /newer/.test(e.message));
      } finally {
        await cleanup();
      }
    });
  });
}
