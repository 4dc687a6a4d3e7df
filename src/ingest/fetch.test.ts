/**
 * Safe fetching: loopback, private, link-local and metadata addresses are
 * refused on the resolved address of every hop (literals, DNS names, redirects),
 * unless allowed; bodies, decompression, redirects and time are bounded.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { USER_AGENT, forbiddenRange, safeFetch } from './fetch.js';
import { isMarsadError } from '../model/messages.js';

const refused = (e: unknown) => isMarsadError(e) && e.code === 'fetch.refused';
/** Uncompressed size of the gzip bomb: far over the cap. */
const BOMB_BYTES = 64 * 1024 * 1024;

describe('safe fetching', () => {
  let server: http.Server;
  let port = 0;
  const hits: string[] = [];
  let userAgent = '';
  const bomb = zlib.gzipSync(Buffer.alloc(BOMB_BYTES), { level: 9 });

  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      userAgent = String(req.headers['user-agent']);
      switch (req.url) {
        case '/ok': res.end('مرحبا'); break;
        case '/redirect-local': res.writeHead(302, { Location: `http://127.0.0.1:${port}/secret` }).end(); break;
        case '/redirect-relative': res.writeHead(301, { Location: '/ok' }).end(); break;
        case '/loop': res.writeHead(302, { Location: '/loop' }).end(); break;
        case '/big': res.end(Buffer.alloc(100_000, 0x61)); break;
        case '/bomb': res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/plain' }).end(bomb); break;
        case '/slow': break; // never answers
        case '/missing': res.writeHead(404).end('no'); break;
        default: res.end('secret');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('classifies addresses by range, IPv4-mapped forms included', () => {
    for (const a of ['127.0.0.1', '127.9.9.9', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fc00::1', 'fd00:ec2::254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:a00:1', '100.64.0.1', '224.0.0.1'])
      assert.notEqual(forbiddenRange(a), null, a);
    for (const a of ['8.8.8.8', '196.203.1.1', '172.32.0.1', '2001:4860:4860::8888']) assert.equal(forbiddenRange(a), null, a);
  });

  it('refuses loopback, private, link-local and metadata literals without connecting', async () => {
    const before = hits.length;
    for (const url of [`http://127.0.0.1:${port}/ok`, `http://[::1]:${port}/ok`, `http://[::ffff:127.0.0.1]:${port}/ok`, 'http://10.0.0.1/', 'http://172.16.0.1/', 'http://192.168.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0/', 'http://[fc00::1]/', `http://2130706433:${port}/ok`])
      await assert.rejects(safeFetch(url, { timeoutMs: 2000 }), refused, url);
    assert.equal(hits.length, before);
  });

  it('refuses a DNS name that resolves to a private address (checked on the resolved address)', async () => {
    await assert.rejects(safeFetch(`http://localhost:${port}/ok`), refused);
    const toPrivate = async () => [{ address: '10.1.2.3', family: 4 }];
    await assert.rejects(safeFetch('http://innocent.example/', { resolver: toPrivate }), (e: unknown) => refused(e) && /10\.1\.2\.3/.test((e as Error).message));
    const mixed = async () => [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }];
    await assert.rejects(safeFetch(`http://rebind.example:${port}/ok`, { resolver: mixed }), refused);
  });

  it('refuses a redirect to 127.0.0.1 from an allowed host', async () => {
    const toLoopback = async () => [{ address: '127.0.0.1', family: 4 }];
    const before = hits.length;
    await assert.rejects(safeFetch(`http://feed.test:${port}/redirect-local`, { resolver: toLoopback, allowHosts: ['feed.test'] }), refused);
    assert.deepEqual(hits.slice(before), ['/redirect-local']);
  });

  it('fetches private addresses when allowed, following relative redirects, with a polite User-Agent', async () => {
    const r = await safeFetch(`http://127.0.0.1:${port}/redirect-relative`, { allowPrivate: true });
    assert.equal(r.status, 200);
    assert.equal(r.body.toString('utf8'), 'مرحبا');
    assert.equal(r.url, `http://127.0.0.1:${port}/ok`);
    assert.deepEqual(r.redirects, [`http://127.0.0.1:${port}/redirect-relative`]);
    assert.equal(userAgent, USER_AGENT);
  });

  it('stops redirect loops, oversize bodies, gzip bombs and slow servers', async () => {
    const allow = { allowPrivate: true };
    await assert.rejects(safeFetch(`http://127.0.0.1:${port}/loop`, allow), (e: unknown) => isMarsadError(e) && e.code === 'fetch.failed' && /redirects/.test(e.message));
    await assert.rejects(safeFetch(`http://127.0.0.1:${port}/big`, { ...allow, maxBytes: 1000 }), (e: unknown) => isMarsadError(e) && e.code === 'fetch.too-large');
    const t = Date.now();
    const heap = process.memoryUsage().heapUsed;
    await assert.rejects(safeFetch(`http://127.0.0.1:${port}/bomb`, { ...allow, maxBytes: 1024 * 1024 }), (e: unknown) => isMarsadError(e) && e.code === 'fetch.too-large' && /decompression/.test(e.message));
    assert.ok(Date.now() - t < 5000);
    assert.ok(process.memoryUsage().heapUsed - heap < BOMB_BYTES / 4, 'the bomb was not inflated in memory');
    await assert.rejects(safeFetch(`http://127.0.0.1:${port}/slow`, { ...allow, timeoutMs: 300 }), (e: unknown) => isMarsadError(e) && e.code === 'fetch.failed' && /timed out/.test(e.message));
    await assert.rejects(safeFetch(`http://127.0.0.1:${port}/missing`, allow), (e: unknown) => isMarsadError(e) && /HTTP 404/.test(e.message));
  });

  it('fetches only http and https', async () => {
    await assert.rejects(safeFetch('file:///etc/passwd'), refused);
    await assert.rejects(safeFetch('ftp://example.com/x'), refused);
    await assert.rejects(safeFetch('http://user:pw@example.com/'), refused);
  });
});
