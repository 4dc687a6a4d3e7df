/**
 * Faults the store must survive besides `kill -9` (ingest.test.ts, migrate.test.ts):
 * a full disk under SQLite (a real size-limited tmpfs when this process may mount
 * one, and SQLite's own SQLITE_FULL path through `max_page_count` everywhere) and
 * under PostgreSQL (the store's tables on a tmpfs tablespace), and a PostgreSQL
 * server whose connections are dropped mid-run, with and without queue workers.
 * After each, the store is consistent (no half article), the run goes on or the
 * same command finishes it, and every article is stored exactly once.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { BIN, hasStack, marsad } from '../test-support/cli.js';
import { isMarsadError } from '../model/messages.js';
import { postgresError } from './postgres.js';
import { buildServer } from '../api/server.js';
import { Store } from './index.js';
import { ingest } from './ingest.js';
import { PG_TEST_URL, consistencyProblems, dropConnections, freshLocation, generatedJsonl, tempDir, withApplicationName, articleCount, until } from './testing.js';

interface Summary {
  read: number;
  new: number;
  duplicate: number;
  failed: { source: string; reason: string }[];
}

/** A tmpfs this small holds the schema and a few generated articles, not 200 (about 3.5 MB). */
const SMALL_DISK = '2m';
const LARGE_DISK = '32m';
/** SQLite pages allowed beyond the empty schema in the simulated full disk: room for a few articles. */
const SPARE_PAGES = 60;

/** Asserts the store holds `articles` whole articles, each once (its log says "new" once). */
async function checkStore(location: string, articles: number): Promise<void> {
  const store = await Store.open(location);
  try {
    assert.deepEqual(await consistencyProblems(store), []);
    assert.equal((await store.stats()).articles, articles);
    const ids = await store.db.get<{ n: number; d: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS d FROM articles');
    assert.equal(Number(ids?.n), Number(ids?.d));
  } finally {
    await store.close();
  }
}

/** Mounts a tmpfs of `size` on `dir`; the reason it could not, else null. */
function mountTmpfs(dir: string, size: string): string | null {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? null : (r.stderr || r.error?.message || `mount exited with ${r.status}`).trim();
}

/** One statement on the test server, as its administrator. */
async function pgAdmin(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const u = new URL(PG_TEST_URL);
  if (!u.username) u.username = process.env.PGUSER || process.env.USER || userInfo().username;
  const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Why a tablespace on a tmpfs cannot be made for the test server, else null. */
async function tablespaceUnavailable(): Promise<string | null> {
  const host = new URL(PG_TEST_URL).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return `the test server (${host}) is not on this machine`;
  if (spawnSync('id', ['postgres']).status !== 0) return 'no postgres user here';
  const su = await pgAdmin('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  return su.rows[0]?.rolsuper ? null : 'the test role is not a superuser';
}

function remount(dir: string, size: string): void {
  const r = spawnSync('mount', ['-o', `remount,size=${size}`, dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

describe('a full disk (sqlite)', () => {
  it('on a real full filesystem (tmpfs): the CLI stops with exit 2 and one line, keeps whole articles only, and the same command finishes once space is freed', async (t) => {
    const inputs = tempDir();
    const disk = tempDir('marsad-disk-');
    const total = 200;
    const why = mountTmpfs(disk.dir, SMALL_DISK);
    if (why) {
      inputs.remove();
      disk.remove();
      t.skip(`cannot mount a tmpfs here (${why}); the max_page_count test below covers the same code path`);
      return;
    }
    try {
      const file = join(inputs.dir, 'generated.jsonl');
      writeFileSync(file, generatedJsonl(total, 23));
      const location = join(disk.dir, 'marsad.db');
      const full = marsad(['ingest', file, '--db', location, '--format', 'json']);
      assert.equal(full.status, 2, full.stderr);
      assert.ok(!hasStack(full.stderr), full.stderr);
      assert.equal(full.stderr.trim().split('\n').length, 1, full.stderr);
      assert.match(full.stderr, /the disk is full/);
      assert.match(full.stderr, /run the same command again/);
      const stored = await articleCount(location);
      assert.ok(stored < total, `the disk held all ${stored} articles: make SMALL_DISK smaller`);
      t.diagnostic(`the disk was full after ${stored} of ${total} articles`);
      await checkStore(location, stored);
      // Space freed: the same command stores the rest, each once.
      remount(disk.dir, LARGE_DISK);
      const rerun = marsad(['ingest', file, '--db', location, '--format', 'json']);
      assert.equal(rerun.status, 0, rerun.stderr);
      const s = JSON.parse(rerun.stdout) as Summary;
      assert.deepEqual([s.read, s.new, s.duplicate, s.failed.length], [total, total - stored, stored, 0]);
      await checkStore(location, total);
    } finally {
      spawnSync('umount', [disk.dir]);
      disk.remove();
      inputs.remove();
    }
  });

  it('SQLITE_FULL (max_page_count): the run stops with store.unavailable, not retried, nothing half-written; more room and the same run finishes', async () => {
    const t = tempDir();
    const { location, cleanup } = await freshLocation('sqlite');
    const total = 60;
    try {
      const file = join(t.dir, 'generated.jsonl');
      writeFileSync(file, generatedJsonl(total, 29));
      let store = await Store.open(location);
      try {
        const pages = Number((await store.db.get<{ page_count: number }>('PRAGMA page_count'))?.page_count);
        await store.db.exec(`PRAGMA max_page_count = ${pages + SPARE_PAGES}`);
        const retries: number[] = [];
        const began = Date.now();
        const err = await ingest(store, [file], { onRetry: (_e, n) => retries.push(n) }).then(
          () => assert.fail('the run finished on a full disk'),
          (e: unknown) => e,
        );
        assert.ok(isMarsadError(err), String(err));
        assert.equal(err.code, 'store.unavailable');
        assert.match(err.message, /the disk is full/);
        assert.match(err.message, /\d+ new and 0 duplicate articles were stored before it stopped/);
        assert.deepEqual(retries, [], 'a full disk is not retried');
        assert.ok(Date.now() - began < 20_000, 'and not waited on');
        // The API on the same full store: writes answer 503 with the store's code, reads still work.
        const app = await buildServer({ store, logLevel: false });
        try {
          const posted = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'افتتح وزير النقل الطريق السيارة الجديدة بين صفاقس وقابس بحضور ممثلين عن الجهات.'.repeat(200) } });
          assert.equal(posted.statusCode, 503, posted.body);
          assert.equal(JSON.parse(posted.body).error.code, 'store.unavailable');
          assert.ok(!hasStack(posted.body));
          const listed = await app.inject({ method: 'GET', url: '/api/articles?limit=5' });
          assert.equal(listed.statusCode, 200, listed.body);
        } finally {
          await app.close();
        }
      } finally {
        await store.close();
      }
      const stored = await articleCount(location);
      assert.ok(stored > 0 && stored < total, `${stored} of ${total} articles fit`);
      await checkStore(location, stored);
      // A new connection has no page limit: the room is back, and the same run finishes.
      store = await Store.open(location);
      try {
        const s = await ingest(store, [file]);
        assert.deepEqual([s.read, s.new, s.duplicate, s.failed.length], [total, total - stored, stored, 0]);
      } finally {
        await store.close();
      }
      await checkStore(location, total);
    } finally {
      t.remove();
      await cleanup();
    }
  });
});

describe('a full disk (postgres)', () => {
  it('maps disk_full (53100) to store.unavailable with a clear message', () => {
    const e = postgresError({ code: '53100', message: 'could not extend file "base/1/2": No space left on device' }, 'postgres://db');
    assert.ok(isMarsadError(e));
    assert.equal(e.code, 'store.unavailable');
    assert.match(e.message, /disk is full .*No space left on device.*nothing of the current article was kept/);
  });

  it("the server's disk full (the store's tables on a tmpfs tablespace): the run waits, goes on once space is freed, and stores each article once", async (t) => {
    const why = await tablespaceUnavailable();
    const disk = tempDir('marsad-pgdisk-');
    const mounted = why ?? mountTmpfs(disk.dir, SMALL_DISK);
    if (mounted) {
      disk.remove();
      t.skip(`cannot put a tablespace on a tmpfs (${mounted}); the disk_full mapping is tested above`);
      return;
    }
    const inputs = tempDir();
    const tablespace = `marsad_test_full_${randomBytes(4).toString('hex')}`;
    const { location, cleanup } = await freshLocation('postgres');
    const total = 200;
    try {
      assert.equal(spawnSync('chown', ['postgres:postgres', disk.dir]).status, 0);
      await pgAdmin(`CREATE TABLESPACE ${tablespace} LOCATION '${disk.dir}'`);
      // The fresh schema's tables and indexes (only them) move to the small disk.
      await (await Store.open(location)).close();
      const schema = new URL(location).searchParams.get('schema');
      const relations = await pgAdmin("SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'i')", [schema]);
      for (const r of relations.rows) await pgAdmin(`ALTER ${r.relkind === 'r' ? 'TABLE' : 'INDEX'} ${schema}."${r.relname}" SET TABLESPACE ${tablespace}`);
      const file = join(inputs.dir, 'generated.jsonl');
      writeFileSync(file, generatedJsonl(total, 37));
      const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', location, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      let running = true;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => ((running = false), r(code))));
      await until(async () => !running || /disk is full.*trying again/.test(err), 90_000, 'the disk to fill');
      assert.ok(running, `the run ended before the disk was full: ${err}${out}`);
      const stored = await articleCount(location);
      t.diagnostic(`the server's disk was full after ${stored} of ${total} articles`);
      await checkStore(location, stored);
      remount(disk.dir, LARGE_DISK);
      assert.equal(await exited, 0, err);
      assert.ok(!hasStack(err), err);
      const s = JSON.parse(out) as Summary;
      // An article whose COMMIT failed for want of space was not stored: its retry stores it.
      assert.deepEqual([s.read, s.new + s.duplicate, s.failed.length], [total, total, 0], out);
      await checkStore(location, total);
    } finally {
      await cleanup();
      await pgAdmin(`DROP TABLESPACE IF EXISTS ${tablespace}`).catch(() => {});
      spawnSync('umount', [disk.dir]);
      disk.remove();
      inputs.remove();
    }
  });
});

describe('the database going away (postgres)', () => {
  it('connections dropped three times mid-run (pg_terminate_backend): the run retries and finishes, or stops clearly and the re-run finishes; every article stored once', async (tc) => {
    const t = tempDir();
    const { location: base, cleanup } = await freshLocation('postgres');
    const app = `marsad-fault-${randomBytes(4).toString('hex')}`;
    const location = withApplicationName(base, app);
    const total = 200;
    try {
      const file = join(t.dir, 'generated.jsonl');
      writeFileSync(file, generatedJsonl(total, 31));
      await (await Store.open(base)).close();
      const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', location, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      let running = true;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => ((running = false), r(code))));
      let dropped = 0;
      for (const mark of [30, 80, 130]) {
        await until(async () => !running || (await articleCount(base)) >= mark, 90_000, `${mark} articles`);
        if (!running) break;
        dropped += await dropConnections(app);
      }
      const status = await exited;
      tc.diagnostic(`${dropped} connections dropped; the run exited with ${status} after ${(err.match(/trying again/g) ?? []).length} retries`);
      assert.ok(dropped > 0, 'no connection was dropped');
      assert.ok(!hasStack(err), err);
      let done = 0;
      if (status === 0) {
        const s = JSON.parse(out) as Summary;
        // An article whose COMMIT was cut off may have been stored: its retry finds it (a duplicate).
        assert.deepEqual([s.read, s.new + s.duplicate, s.failed.length], [total, total, 0], out);
        assert.match(err, /cannot reach PostgreSQL.*trying again/);
      } else {
        assert.equal(status, 2, err);
        assert.match(err, /run the same command again/);
        done = await articleCount(base);
        await checkStore(base, done);
      }
      const rerun = marsad(['ingest', file, '--db', location, '--format', 'json']);
      assert.equal(rerun.status, 0, rerun.stderr);
      const s = JSON.parse(rerun.stdout) as Summary;
      assert.deepEqual([s.read, s.new, s.duplicate, s.failed.length], [total, status === 0 ? 0 : total - done, status === 0 ? total : done, 0]);
      await checkStore(base, total);
    } finally {
      t.remove();
      await cleanup();
    }
  });

  it('with two queue workers, connections dropped twice mid-run: workers and the run wait for the server, every job done once, every article stored once', async (tc) => {
    const t = tempDir();
    const { location: base, cleanup } = await freshLocation('postgres');
    const app = `marsad-fault-${randomBytes(4).toString('hex')}`;
    const location = withApplicationName(base, app);
    const total = 120;
    try {
      const file = join(t.dir, 'generated.jsonl');
      writeFileSync(file, generatedJsonl(total, 41));
      await (await Store.open(base)).close();
      const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', location, '--workers', '2', '--lease', '2s', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      let running = true;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => ((running = false), r(code))));
      let dropped = 0;
      for (const mark of [20, 60]) {
        await until(async () => !running || (await articleCount(base)) >= mark, 90_000, `${mark} articles`);
        if (!running) break;
        dropped += await dropConnections(app);
      }
      const status = await exited;
      tc.diagnostic(`${dropped} connections dropped (the run's and its workers'); exit ${status}`);
      assert.ok(dropped > 1, 'the connections of the run and of its workers were dropped');
      assert.equal(status, 0, err);
      assert.ok(!hasStack(err), err);
      const s = JSON.parse(out) as Summary;
      assert.deepEqual([s.read, s.new + s.duplicate, s.failed.length], [total, total, 0], out);
      await checkStore(base, total);
      const store = await Store.open(base);
      try {
        const jobs = await store.db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status');
        assert.deepEqual(jobs.map((j) => [j.status, Number(j.n)]), [['done', total]]);
      } finally {
        await store.close();
      }
    } finally {
      t.remove();
      await cleanup();
    }
  });
});
