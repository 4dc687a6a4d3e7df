/**
 * `marsad ingest` end to end (the real CLI, a real store of each backend):
 * folders of mixed files, JSONL with a broken line, feeds, binaries; idempotency;
 * a run killed with SIGKILL and run again; workers sharing a PostgreSQL queue,
 * one of them killed mid-run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, hasStack, marsad } from '../test-support/cli.js';
import { seedText } from '../test-support/seed.js';
import { Store } from './index.js';
import { buildServer } from '../api/server.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BACKENDS, type Backend, consistencyProblems, freshLocation, generatedJsonl, marsadAsync, tempDir, articleCount, until } from './testing.js';

interface Summary {
  read: number;
  new: number;
  duplicate: number;
  failed: { source: string; reason: string }[];
  /** Only with --near-duplicates. */
  nearDuplicate?: number;
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>موجز</title>
<item><title>اجتماع في طرابلس</title><guid>urn:feed:1</guid><link>https://feed.example/1</link><pubDate>Mon, 02 Jun 2025 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>اجتمع رئيس المجلس الرئاسي في طرابلس مع سفير إيطاليا لبحث ملف الهجرة غير النظامية.</p>]]></content:encoded></item>
<item><title>زيارة إلى قابس</title><guid>urn:feed:2</guid><link>https://feed.example/2</link>
<content:encoded><![CDATA[<p>أدى وزير الصحة زيارة إلى قابس للاطلاع على وضع المستشفى الجهوي والاستماع إلى مطالب الإطارات الطبية.</p>]]></content:encoded></item>
</channel></rss>`;

/** A folder of every kind of input ingest takes, and one it must skip. */
function mixedFolder(dir: string): void {
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'seed.txt'), seedText());
  writeFileSync(join(dir, 'page.html'), '<!doctype html><html lang="ar"><head><title>خبر</title></head><body><article><h1>افتتاح معرض الكتاب</h1><p>افتتح وزير الثقافة معرض تونس الدولي للكتاب بمشاركة ناشرين من عشرين دولة.</p></article></body></html>');
  writeFileSync(join(dir, 'article.json'), JSON.stringify({ title: 'أمطار غزيرة', text: 'شهدت ولايات الشمال الغربي أمطارا غزيرة تسببت في فيضانات محدودة.', date: '2025-01-10' }));
  writeFileSync(join(dir, 'sub', 'dump.jsonl'), [JSON.stringify({ id: 1, text: 'أعلنت الهيئة العليا المستقلة للانتخابات عن روزنامة الانتخابات البلدية.' }), '{"id": 2, "text": "سطر مكسور', JSON.stringify({ id: 3, text: 'استقبل رئيس الحكومة وفدا من البنك الدولي لبحث تمويل مشاريع البنية التحتية.' })].join('\n') + '\n');
  writeFileSync(join(dir, 'sub', 'deeper', 'news.rss'), RSS);
  writeFileSync(join(dir, 'sub', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'sub', 'data.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7]));
  writeFileSync(join(dir, '.hidden.txt'), 'ملف مخفي لا يقرأ');
}

function summaryOf(r: { stdout: string; stderr: string; status: number | null }): Summary {
  assert.ok(!hasStack(r.stderr), r.stderr);
  return JSON.parse(r.stdout) as Summary;
}

async function checkStore(location: string, articles: number): Promise<void> {
  const store = await Store.open(location);
  try {
    assert.deepEqual(await consistencyProblems(store), []);
    assert.equal((await store.stats()).articles, articles);
  } finally {
    await store.close();
  }
}

for (const backend of BACKENDS) {
  describe(`ingest (${backend})`, () => {
    it('reads a folder recursively: text, HTML, JSON, JSONL (a broken line reported by number), feeds; skips binaries; is idempotent', async () => {
      const t = tempDir();
      const { location, cleanup } = await freshLocation(backend);
      try {
        mixedFolder(t.dir);
        const first = summaryOf(marsad(['ingest', t.dir, '--db', location, '--format', 'json']));
        assert.deepEqual(Object.keys(first), ['read', 'new', 'duplicate', 'failed'], 'exactly the contract\'s summary');
        assert.equal(first.new, 7, JSON.stringify(first));
        assert.equal(first.duplicate, 0);
        const failed = first.failed.map((f) => f.source.slice(t.dir.length + 1)).sort();
        assert.deepEqual(failed, ['sub/data.bin', 'sub/dump.jsonl:2', 'sub/photo.png']);
        assert.match(first.failed.find((f) => f.source.endsWith(':2'))!.reason, /not valid JSON/);
        assert.match(first.failed.find((f) => f.source.endsWith('.png'))!.reason, /binary/);
        assert.equal(first.read, 10);
        const again = summaryOf(marsad(['ingest', t.dir, '--db', location, '--format', 'json', '--near-duplicates']));
        assert.deepEqual([again.new, again.duplicate, again.failed.length, again.nearDuplicate], [0, 7, 3, 0]);
        const text = marsad(['ingest', join(t.dir, 'seed.txt'), '--db', location]);
        assert.equal(text.status, 0);
        assert.match(text.stdout, /read 1 · new 0 .* duplicate 1 · failed 0/);
        await checkStore(location, 7);
        const found = JSON.parse(marsad(['search', 'خليفه حفتر', '--db', location]).stdout);
        assert.equal(found.total, 1);
      } finally {
        t.remove();
        await cleanup();
      }
    });

    it('fails with exit 2 and one line when nothing can be read', async () => {
      const { location, cleanup } = await freshLocation(backend);
      try {
        const r = marsad(['ingest', '/no/such/file.txt', '--db', location, '--format', 'json']);
        assert.equal(r.status, 2);
        assert.equal(r.stderr.trim().split('\n').length, 1);
        assert.match(r.stderr, /no such file/);
        assert.ok(!hasStack(r.stderr));
        assert.equal(summaryOf(r).failed.length, 1);
      } finally {
        await cleanup();
      }
    });

    it('survives kill -9 mid-run: the re-run stores the rest, with no duplicate and no half article', async () => {
      const t = tempDir();
      const { location, cleanup } = await freshLocation(backend);
      const total = 200;
      try {
        const file = join(t.dir, 'generated.jsonl');
        writeFileSync(file, generatedJsonl(total));
        // Create the schema first, so the poller below never races the migration.
        await (await Store.open(location)).close();
        const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', location, '--format', 'json'], { stdio: 'ignore' });
        const exited = new Promise((r) => child.once('exit', r));
        await until(async () => (await articleCount(location)) >= 30, 60_000, 'the first articles');
        child.kill('SIGKILL');
        await exited;
        const stored = await articleCount(location);
        assert.ok(stored >= 30 && stored < total, `killed after ${stored} articles`);
        await checkStore(location, stored);
        const rerun = summaryOf(marsad(['ingest', file, '--db', location, '--format', 'json']));
        assert.deepEqual([rerun.read, rerun.new, rerun.duplicate, rerun.failed.length], [total, total - stored, stored, 0]);
        await checkStore(location, total);
      } finally {
        t.remove();
        await cleanup();
      }
    });
  });
}

describe('workers (postgres)', () => {
  const backend: Backend = 'postgres';

  it('two workers share the queue: every article processed once', async () => {
    const t = tempDir();
    const { location, cleanup } = await freshLocation(backend);
    const total = 80;
    try {
      const file = join(t.dir, 'generated.jsonl');
      writeFileSync(file, generatedJsonl(total, 11));
      const r = summaryOf(marsad(['ingest', file, '--db', location, '--workers', '2', '--format', 'json']));
      assert.deepEqual([r.read, r.new, r.duplicate, r.failed.length], [total, total, 0, 0]);
      await checkStore(location, total);
      const store = await Store.open(location);
      try {
        const jobs = await store.db.all<{ status: string; attempts: number; n: number }>('SELECT status, attempts, COUNT(*) AS n FROM jobs GROUP BY status, attempts');
        assert.deepEqual(jobs.map((j) => [j.status, Number(j.attempts), Number(j.n)]), [['done', 1, total]]);
        const logged = await store.db.get<{ n: number; d: number }>("SELECT COUNT(*) AS n, COUNT(DISTINCT article_id) AS d FROM ingest_log WHERE status = 'new'");
        assert.deepEqual([Number(logged?.n), Number(logged?.d)], [total, total]);
      } finally {
        await store.close();
      }
    } finally {
      t.remove();
      await cleanup();
    }
  });

  it('a worker killed with kill -9 mid-run loses nothing: its jobs are taken over when the lease ends', async () => {
    const t = tempDir();
    const { location, cleanup } = await freshLocation(backend);
    const total = 120;
    try {
      const file = join(t.dir, 'generated.jsonl');
      writeFileSync(file, generatedJsonl(total, 13));
      await (await Store.open(location)).close();
      const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', location, '--workers', '2', '--lease', '2s', '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      const exited = new Promise<number | null>((r) => child.once('exit', r));
      const store = await Store.open(location);
      let victim = 0;
      try {
        await until(async () => {
          const w = await store.db.all<{ pid: number }>('SELECT pid FROM workers');
          const n = (await store.stats()).articles;
          if (w.length >= 2 && n >= 20) victim = Number(w[0].pid);
          return victim > 0;
        }, 60_000, 'two busy workers');
        process.kill(victim, 'SIGKILL');
      } finally {
        await store.close();
      }
      assert.equal(await exited, 0);
      const r = JSON.parse(out) as Summary;
      assert.deepEqual([r.read, r.new, r.duplicate, r.failed.length], [total, total, 0, 0]);
      await checkStore(location, total);
    } finally {
      t.remove();
      await cleanup();
    }
  });

  it('ingest only enqueues when workers are running elsewhere', async () => {
    const t = tempDir();
    const { location, cleanup } = await freshLocation(backend);
    try {
      await (await Store.open(location)).close();
      const worker = spawn(process.execPath, [BIN, 'worker', '--db', location, '--poll', '100ms'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      worker.stderr.on('data', (d: Buffer) => (err += d));
      const store = await Store.open(location);
      try {
        await until(async () => Number((await store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM workers'))?.n) === 1, 30_000, 'the worker to start');
        const file = join(t.dir, 'few.jsonl');
        writeFileSync(file, generatedJsonl(10, 17));
        const r = summaryOf(marsad(['ingest', file, '--db', location, '--format', 'json']));
        assert.deepEqual([r.new, r.failed.length], [10, 0]);
        const jobs = await store.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status = 'done'");
        assert.equal(Number(jobs?.n), 10);
        // The API hands uploads to the running worker too, and answers with its result.
        const app = await buildServer({ store, logLevel: false });
        const posted = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'افتتح والي صفاقس معرضا للصناعات التقليدية بمشاركة مئة حرفي من مختلف الجهات.' } });
        assert.equal(posted.statusCode, 201, posted.body);
        assert.match(String(posted.headers['x-marsad-job']), /^\d+$/);
        const again = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'افتتح والي صفاقس معرضا للصناعات التقليدية بمشاركة مئة حرفي من مختلف الجهات.' } });
        assert.deepEqual([again.statusCode, JSON.parse(again.body).duplicate], [200, true]);
        const empty = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: '   ' } });
        assert.deepEqual([empty.statusCode, JSON.parse(empty.body).error.code], [400, 'input.empty']);
        await app.close();
      } finally {
        await store.close();
      }
      worker.kill('SIGTERM');
      assert.equal(await new Promise((r) => worker.once('exit', r)), 0);
      assert.match(err, /13 jobs done/);
    } finally {
      t.remove();
      await cleanup();
    }
  });
});

describe('ingest of feeds and pages by URL', () => {
  const page = '<!doctype html><html lang="ar"><head><title>الصفحة الكاملة</title></head><body><article><h1>لقاء في الجزائر</h1><p>التقى وزير الخارجية الجزائري نظيره التونسي في الجزائر العاصمة لبحث التعاون الحدودي.</p><p>وأكد الجانبان أهمية التنسيق الأمني.</p></article></body></html>';
  let server: http.Server;
  let base = '';

  function rss(): string {
    return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>f</title>
      <item><guid>s1</guid><title>لقاء في الجزائر</title><link>${base}/page1</link><description>ملخص قصير فقط</description></item>
      <item><guid>s2</guid><title>كامل</title><link>${base}/page2</link><content:encoded><![CDATA[<p>أعلنت وزارة الفلاحة عن انطلاق موسم جني الزيتون في ولايات الوسط.</p>]]></content:encoded></item>
    </channel></rss>`;
  }

  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><item><title>&lol2;</title></item></channel></rss>`;

  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/feed') return res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss());
      if (req.url === '/bomb') return res.writeHead(200, { 'Content-Type': 'application/xml' }).end(bomb);
      if (req.url === '/page1') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('follows the links of summary-only items and reads their pages as HTML', async () => {
    const { location, cleanup } = await freshLocation('sqlite');
    try {
      const r = await marsadAsync(['ingest', `${base}/feed`, '--allow-private', '--db', location, '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      const s = JSON.parse(r.stdout) as Summary;
      assert.deepEqual([s.read, s.new, s.failed.length], [2, 2, 0]);
      const store = await Store.open(location);
      try {
        const hits = await store.search({ query: 'التنسيق الأمني' });
        assert.equal(hits.total, 1);
        const doc = await store.getArticle(hits.items[0].id);
        assert.equal(doc?.source.url, `${base}/page1`);
        assert.equal(doc?.source.format, 'html');
      } finally {
        await store.close();
      }
      const again = JSON.parse((await marsadAsync(['ingest', `${base}/feed`, '--allow-private', '--db', location, '--format', 'json'])).stdout) as Summary;
      assert.deepEqual([again.new, again.duplicate], [0, 2]);
    } finally {
      await cleanup();
    }
  });

  it('refuses private addresses without --allow-private, and XML bombs, with clear reasons', async () => {
    const { location, cleanup } = await freshLocation('sqlite');
    try {
      const refused = await marsadAsync(['ingest', `${base}/feed`, '--db', location, '--format', 'json']);
      assert.equal(refused.status, 2);
      assert.match(JSON.parse(refused.stdout).failed[0].reason, /refused to connect .* loopback address/);
      const bombed = await marsadAsync(['ingest', `${base}/bomb`, '--allow-private', '--db', location, '--format', 'json']);
      assert.equal(bombed.status, 2);
      assert.match(JSON.parse(bombed.stdout).failed[0].reason, /DOCTYPE/);
      assert.ok(!hasStack(bombed.stderr));
    } finally {
      await cleanup();
    }
  });
});
