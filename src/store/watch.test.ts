/** `marsad watch`: conditional polls (ETag), items never stored twice, back-off after errors, refused addresses. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasStack } from '../test-support/cli.js';
import { backoff } from '../cli/commands/watch.js';
import { Store } from './index.js';
import { getFeedState } from './feeds.js';
import { freshLocation, marsadAsync } from './testing.js';

const item = (n: number, text: string) => `<item><guid>urn:w:${n}</guid><title>خبر ${n}</title><link>https://w.example/${n}</link><content:encoded><![CDATA[<p>${text}</p>]]></content:encoded></item>`;
const feed = (items: string[]) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>w</title>${items.join('')}</channel></rss>`;
const ITEMS = [
  item(1, 'افتتح وزير التجهيز الطريق السيارة الرابطة بين صفاقس وقابس بحضور والي الجهة.'),
  item(2, 'أعلن البنك المركزي عن تخفيض نسبة الفائدة المديرية بخمسين نقطة أساسية.'),
];

describe('watch', () => {
  let server: http.Server;
  let url = '';
  let body = feed(ITEMS);
  let etag = '"v1"';
  let status = 200;
  const conditional: (string | undefined)[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      conditional.push(req.headers['if-none-match'] as string | undefined);
      if (status !== 200) return res.writeHead(status).end('server error');
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`;
  });
  after(() => server.close());

  it('polls with ETag, takes only new items, and backs off after errors', async () => {
    const { location, cleanup } = await freshLocation('sqlite');
    const poll = async () => {
      const r = await marsadAsync(['watch', url, '--once', '--allow-private', '--db', location, '--format', 'json', '--every', '10m']);
      assert.ok(!hasStack(r.stderr), r.stderr);
      return { status: r.status, line: JSON.parse((r.stdout || r.stderr).trim().split('\n').pop()!) };
    };
    try {
      const a = await poll();
      assert.deepEqual([a.status, a.line.status, a.line.new, a.line.duplicate], [0, 'new-items', 2, 0]);
      const b = await poll();
      assert.deepEqual([b.line.status, b.line.new], ['not-modified', 0]);
      assert.equal(conditional.at(-1), '"v1"');
      body = feed([...ITEMS, item(3, 'وقعت تونس والجزائر اتفاقية لتطوير المعابر الحدودية المشتركة.')]);
      etag = '"v2"';
      const c = await poll();
      assert.deepEqual([c.line.status, c.line.read, c.line.new, c.line.duplicate], ['new-items', 3, 1, 2]);
      status = 500;
      const d = await poll();
      assert.equal(d.status, 2);
      assert.equal(d.line.status, 'error');
      assert.match(d.line.error, /HTTP 500/);
      const store = await Store.open(location);
      try {
        const state = await getFeedState(store.db, url);
        assert.equal(state.errors, 1);
        assert.equal(state.items, 3);
        const wait = Date.parse(state.nextPoll!) - Date.parse(state.lastPolled!);
        assert.equal(wait, backoff(10 * 60_000, 1, 6 * 3_600_000));
        assert.equal((await store.stats()).articles, 3);
      } finally {
        await store.close();
      }
    } finally {
      status = 200;
      await cleanup();
    }
  });

  it('refuses a private feed address unless allowed, and URLs only', async () => {
    const { location, cleanup } = await freshLocation('sqlite');
    try {
      const r = await marsadAsync(['watch', url, '--once', '--db', location]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /refused to connect .*loopback/);
      const notUrl = await marsadAsync(['watch', 'feed.xml', '--once', '--db', location]);
      assert.equal(notUrl.status, 2);
      assert.match(notUrl.stderr, /not an http\(s\) URL/);
    } finally {
      await cleanup();
    }
  });

  it('doubles the wait after each error, up to the cap', () => {
    assert.deepEqual([0, 1, 2, 3].map((e) => backoff(1000, e, 5000)), [1000, 2000, 4000, 5000]);
    assert.equal(backoff(1000, 1000, 5000), 5000);
  });
});
