/**
 * The embedded store under concurrent use: a CLI ingest writing while the API
 * reads the same file, and a writer locked out past the busy timeout getting a
 * clear "database is busy" (exit 2, or 503 from the API) instead of a crash.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, hasStack } from '../test-support/cli.js';
import { buildServer } from '../api/server.js';
import { Store } from './index.js';
import { consistencyProblems, freshLocation, generatedJsonl, marsadAsync, tempDir } from './testing.js';

describe('sqlite under concurrent use', () => {
  it('serves reads while a CLI ingest writes the same file; nothing is corrupted', async () => {
    const t = tempDir();
    const { location, cleanup } = await freshLocation('sqlite');
    const total = 80;
    try {
      const file = join(t.dir, 'gen.jsonl');
      writeFileSync(file, generatedJsonl(total, 21));
      const store = await Store.open(location);
      const app = await buildServer({ store, logLevel: false });
      const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', location, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      let done = false;
      const exited = new Promise<number | null>((r) => child.once('exit', (c) => { done = true; r(c); }));
      let reads = 0;
      let lastTotal = 0;
      while (!done) {
        for (const url of ['/api/articles?limit=5', '/api/search?q=' + encodeURIComponent('الحكومة'), '/api/stats', '/api/events']) {
          const res = await app.inject(url);
          assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
          reads++;
        }
        const n = (JSON.parse((await app.inject('/api/stats')).body) as { articles: number }).articles;
        assert.ok(n >= lastTotal, 'the article count never goes back');
        lastTotal = n;
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(await exited, 0);
      assert.equal(JSON.parse(out).new, total);
      assert.ok(reads > 0);
      assert.deepEqual(await consistencyProblems(store), []);
      assert.equal((await store.stats()).articles, total);
      await app.close();
      await store.close();
    } finally {
      t.remove();
      await cleanup();
    }
  });

  it('reports "database is busy" (exit 2, one line; 503 from the API) when another process holds the write lock too long', async () => {
    const t = tempDir();
    const { location, cleanup } = await freshLocation('sqlite');
    try {
      await (await Store.open(location)).close();
      const file = join(t.dir, 'one.txt');
      writeFileSync(file, 'أعلنت وزارة التربية عن موعد العودة المدرسية في منتصف سبتمبر.');
      const holder = new Database(location);
      holder.exec('BEGIN IMMEDIATE');
      try {
        const r = await marsadAsync(['ingest', file, '--db', location], { MARSAD_BUSY_TIMEOUT_MS: '300' });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /database is busy/);
        assert.equal(r.stderr.trim().split('\n').length, 1);
        assert.ok(!hasStack(r.stderr));
        process.env.MARSAD_BUSY_TIMEOUT_MS = '300';
        const store = await Store.open(location);
        delete process.env.MARSAD_BUSY_TIMEOUT_MS;
        const app = await buildServer({ store, logLevel: false });
        const res = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'خبر عاجل عن انطلاق الموسم الفلاحي في الشمال الغربي.' } });
        assert.equal(res.statusCode, 503);
        assert.equal(JSON.parse(res.body).error.code, 'store.busy');
        assert.equal((await app.inject('/api/articles')).statusCode, 200, 'reads go on while a writer holds the lock');
        await app.close();
        await store.close();
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      const after = await marsadAsync(['ingest', file, '--db', location, '--format', 'json']);
      assert.equal(JSON.parse(after.stdout).new, 1);
    } finally {
      t.remove();
      await cleanup();
    }
  });
});
