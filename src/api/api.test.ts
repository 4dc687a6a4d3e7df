/**
 * The HTTP API: every endpoint of the contract and the dashboard's, JSON errors
 * for every kind of bad input, bearer-token writes, read-only mode, injection
 * strings in every filter, closed CORS, the dashboard with its CSP, and one
 * real listening server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerOptions } from './server.js';
import { ROUTES } from './routes.js';
import { SCHEMA_VERSION, type Store } from '../store/index.js';
import { HAFTAR, INJECTIONS, article, freshStore, haftarMeeting, tempDir, tunisProtest } from '../store/testing.js';
import { UTF8_BOM } from '../export/index.js';
import { seedText } from '../test-support/seed.js';

const TOKEN = 'correct horse battery staple';
const ARTICLE = 'استقبل رئيس الجمهورية قيس سعيد بقصر قرطاج وزير الخارجية الإيطالي وبحث معه ملف الهجرة غير النظامية.';

function json(res: LightMyRequestResponse): any {
  assert.match(String(res.headers['content-type']), /^application\/(?:json|geo\+json)/, `${res.statusCode} ${res.body.slice(0, 200)}`);
  return JSON.parse(res.body);
}

/** An error response: JSON `{error: {code, message}}`, no stack, no SQL. */
function assertError(res: LightMyRequestResponse, status: number, code: string | RegExp): void {
  assert.equal(res.statusCode, status, res.body.slice(0, 300));
  const body = json(res);
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message']);
  if (typeof code === 'string') assert.equal(body.error.code, code);
  else assert.match(body.error.code, code);
  assert.doesNotMatch(res.body, /\bat .+:\d+:\d+|SELECT |INSERT |sqlite|postgres|SQLITE_|node_modules/i);
}

describe('HTTP API', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  const web = tempDir();
  const servers: FastifyInstance[] = [];
  const first = haftarMeeting();
  const protest = tunisProtest();

  async function server(extra: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
    const s = await buildServer({ store, logLevel: false, webRoot: null, ...extra });
    servers.push(s);
    return s;
  }

  before(async () => {
    ({ store, cleanup } = await freshStore('sqlite'));
    await store.save(first);
    await store.save(haftarMeeting('\nالمصدر: وكالة.', 'https://other.example/2'));
    await store.save(protest);
    app = await server();
    mkdirSync(join(web.dir, 'assets'));
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
    writeFileSync(join(web.dir, 'assets', 'app.js'), 'console.log("dashboard")');
  });
  after(async () => {
    for (const s of servers) await s.close();
    await cleanup();
    web.remove();
  });

  it('answers health and describes every endpoint in OpenAPI 3', async () => {
    assert.deepEqual(json(await app.inject('/api/health')), { ok: true, backend: 'sqlite', readOnly: false, schema: SCHEMA_VERSION });
    const doc = json(await app.inject('/api/openapi.json'));
    assert.match(doc.openapi, /^3\./);
    for (const r of ROUTES) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      assert.ok(op, `${r.method} ${r.url} is described`);
      assert.ok(op.responses.default);
    }
    const events = doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of ['actor', 'code', 'plover', 'from', 'to', 'country', 'limit', 'offset', 'format']) assert.ok(events.includes(name), name);
    assert.ok(doc.paths['/api/articles'].post.requestBody.content['text/html']);
    assert.deepEqual(doc.paths['/api/articles'].post.security, [{ bearer: [] }, {}]);
    assert.ok(doc.components.schemas.Error);
  });

  it('POST /api/articles stores a JSON article (201), and the same again is a duplicate (200)', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE, title: 'زيارة', date: '2025-09-01', url: 'https://tn.example/1' } });
    assert.equal(a.statusCode, 201);
    const created = json(a);
    assert.deepEqual(Object.keys(created).slice(0, 3), ['id', 'duplicate', 'events']);
    assert.equal(created.duplicate, false);
    const b = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE, title: 'زيارة', date: '2025-09-01', url: 'https://tn.example/1' } });
    assert.equal(b.statusCode, 200);
    assert.deepEqual([json(b).id, json(b).duplicate, json(b).events], [created.id, true, created.events]);
  });

  it('POST /api/articles takes raw text/plain and text/html', async () => {
    const t = await app.inject({ method: 'POST', url: '/api/articles?date=2025-09-02', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: seedText() });
    assert.equal(t.statusCode, 201);
    const h = await app.inject({ method: 'POST', url: '/api/articles?url=https://x.example/p', headers: { 'content-type': 'text/html' }, payload: '<html><body><article><h1>عنوان الخبر</h1><p>افتتح وزير الثقافة معرض الكتاب في العاصمة.</p></article></body></html>' });
    assert.equal(h.statusCode, 201);
    const doc = json(await app.inject(`/api/articles/${json(h).id}`));
    assert.equal(doc.source.format, 'html');
    assert.equal(doc.source.url, 'https://x.example/p');
    assert.equal(json(await app.inject(`/api/articles/${json(t).id}`)).date, '2025-09-02');
  });

  it('GET /api/articles pages stored articles newest first; GET /api/articles/:id gives the document', async () => {
    const page = json(await app.inject('/api/articles?limit=2&offset=0'));
    assert.deepEqual(Object.keys(page), ['total', 'limit', 'offset', 'items']);
    assert.equal(page.items.length, 2);
    assert.ok(page.total >= 6);
    assert.deepEqual(Object.keys(page.items[0]).slice(0, 5), ['id', 'title', 'date', 'url', 'source']);
    assert.ok(page.items[0].counts);
    const filtered = json(await app.inject('/api/articles?q=' + encodeURIComponent('أفريكوم') + '&from=2025-05-01&to=2025-05-31'));
    assert.equal(filtered.total, 2);
    const doc = json(await app.inject(`/api/articles/${first.id}`));
    assert.equal(doc.schema, 'marsad.document/1');
    assert.equal(doc.text, first.text);
    assert.ok(Array.isArray(json(await app.inject(`/api/articles/${first.id}?tokens=true`)).tokens));
    assertError(await app.inject('/api/articles/0000000000000000'), 404, 'api.not-found');
  });

  it('GET /api/events filters events and exports them in every format', async () => {
    const page = json(await app.inject('/api/events?actor=' + encodeURIComponent('خليفه حفتر') + '&code=04&plover=consult&from=2025-05-01&to=2025-05-31&country=LBY&limit=10&offset=0'));
    assert.equal(page.total, 2);
    assert.ok(page.items.every((e: { articleId: string }) => typeof e.articleId === 'string'));
    const csv = await app.inject('/api/events?format=csv');
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.body.startsWith(UTF8_BOM));
    const gdelt = await app.inject('/api/events?format=gdelt&limit=2');
    assert.equal(gdelt.body.trimEnd().split('\n').length, 2);
    assert.ok(gdelt.body.trimEnd().split('\n').every((l) => l.split('\t').length === 61));
    assert.equal(json(await app.inject('/api/events?format=plover&code=14'))[0].event_type, 'PROTEST');
    const geo = json(await app.inject('/api/events?format=geojson'));
    assert.equal(geo.type, 'FeatureCollection');
    assert.ok(geo.features.length >= 3);
    assertError(await app.inject('/api/events?format=xml'), 400, 'api.invalid-request');
  });

  it('POST /api/articles and /api/feeds take http(s) URLs only', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://files.example/a', 'data:text/html,<b>x</b>', 'http://', 'https:///path', ' http://x.example/', '//x.example/a', 'x.example/a']) {
      assertError(await app.inject({ method: 'POST', url: '/api/articles', payload: { text: `${ARTICLE} ${url}`, url } }), 400, 'api.invalid-request');
      assertError(await app.inject({ method: 'POST', url: `/api/articles?url=${encodeURIComponent(url)}`, headers: { 'content-type': 'text/plain' }, payload: `${ARTICLE} ${url}` }), 400, 'api.invalid-request');
      assertError(await app.inject({ method: 'POST', url: '/api/feeds', payload: { url } }), 400, 'api.invalid-request');
    }
    const ok = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: `${ARTICLE} رابط`, url: 'HTTPS://Tn.Example/ok?a=1#b' } });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(json(await app.inject({ method: 'POST', url: '/api/articles', payload: { text: `${ARTICLE} بلا رابط`, url: null } })).duplicate, false);
  });

  it('GET /api/events sorts on the server and pages with cursors; a JSON page holds at most 1000 events', async () => {
    const all = json(await app.inject('/api/events?limit=100&sort=goldstein&dir=asc'));
    assert.equal(all.items[0].plover, 'PROTEST');
    assert.equal(all.next, null, 'one page holds them all');
    const ids: number[] = [];
    let page = json(await app.inject('/api/events?limit=1&sort=goldstein&dir=asc'));
    for (;;) {
      ids.push(...page.items.map((e: { globalId: number }) => e.globalId));
      assert.equal(page.total, all.total);
      if (!page.next) break;
      assert.match(page.next, /^[A-Za-z0-9_-]+$/);
      page = json(await app.inject(`/api/events?limit=1&sort=goldstein&dir=asc&cursor=${page.next}`));
    }
    assert.deepEqual(ids, all.items.map((e: { globalId: number }) => e.globalId));
    const cursor = json(await app.inject('/api/events?limit=1')).next;
    assertError(await app.inject(`/api/events?limit=1&sort=goldstein&cursor=${cursor}`), 400, 'api.invalid-request');
    for (const bad of ['sort=evil', 'sort=seq', 'dir=up', 'cursor=not-a-cursor', 'cursor=' + Buffer.from('[1,2,3]').toString('base64url'), 'cursor=a%2Bb', 'quad=5', 'quad=0', 'bbox=1,2,3', 'bbox=200,0,10,10', 'bbox=0,50,10,40', 'bbox=a,b,c,d'])
      assertError(await app.inject(`/api/events?${bad}`), 400, 'api.invalid-request');
    assert.equal(json(await app.inject('/api/events?limit=5000')).limit, 1000, 'clamped, and the page says so');
    assert.equal(json(await app.inject('/api/events?quad=4')).items.length, 1);
    assert.equal(json(await app.inject('/api/events?bbox=9,36,11,37')).items[0].plover, 'PROTEST');
    const limit = json(await app.inject('/api/openapi.json')).paths['/api/events'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    assert.equal(limit.schema['x-json-maximum'], 1000);
    assert.equal(limit.schema.maximum, 100_000);
    assert.match(limit.description, /clamped to 1000/);
  });

  it('GET /api/places counts located events by place; /api/stats/timeline breaks them down by PLOVER type', async () => {
    // The articles posted through the API are analysed for real: count only the hand-made ones' places.
    const places = json(await app.inject('/api/places?from=2025-05-20&to=2025-06-02&code=14'));
    assert.deepEqual(places.items.map((p: { name: string; events: number; quad: number[] }) => [p.name, p.events, p.quad]), [['تونس', 1, [0, 0, 0, 1]]]);
    const everywhere = json(await app.inject('/api/places'));
    assert.ok(everywhere.items.find((p: { name: string }) => p.name === 'بنغازي').events >= 2);
    assert.equal(everywhere.events, everywhere.items.reduce((n: number, p: { events: number }) => n + p.events, 0));
    const counts = everywhere.items.map((p: { events: number }) => p.events);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most events first');
    assert.deepEqual(json(await app.inject('/api/places?quad=4&limit=1&country=TUN')).items.map((p: { name: string }) => p.name), ['تونس']);
    assertError(await app.inject('/api/places?limit=100000'), 400, 'api.invalid-request');
    const tl = json(await app.inject('/api/stats/timeline?by=plover&interval=month'));
    assert.equal(tl.by, 'plover');
    assert.ok(tl.points.find((p: { period: string }) => p.period === '2025-05').plover.CONSULT >= 2);
    assert.deepEqual(tl.points.find((p: { period: string }) => p.period === '2025-06').plover.PROTEST, 1);
    assertError(await app.inject('/api/stats/timeline?by=actor'), 400, 'api.invalid-request');
  });

  it("GET /api/entities/:id takes the ids documents give, however they are spelled", async () => {
    const odd = { id: 'metonym:LBY/طرابلس', surface: 'طرابلس', type: 'LOC' as const, country: 'LBY' };
    const agent = { id: 'agent:القائم باعمال السفاره', surface: 'القائم بأعمال السفارة', type: 'PER' as const };
    await store.save(article({ text: 'أعلنت طرابلس أن القائم بأعمال السفارة غادر البلاد.', date: '2025-08-01', entities: [odd, agent] }));
    for (const e of [odd, agent]) {
      const detail = json(await app.inject(`/api/entities/${encodeURIComponent(e.id)}`));
      assert.equal(detail.id, e.id);
    }
    const doc = json(await app.inject(`/api/articles/${first.id}`));
    for (const e of doc.entities) assert.equal(json(await app.inject(`/api/entities/${encodeURIComponent(e.id)}`)).id, e.id, 'every entity a document names is found by its id');
  });

  it('GET /api/entities lists canonical entities with counts; /api/entities/:id details one', async () => {
    const page = json(await app.inject('/api/entities?q=' + encodeURIComponent('حفتر') + '&type=PER'));
    const haftar = page.items.find((e: { id: string }) => e.id === HAFTAR.id);
    assert.equal(haftar.name, 'خليفة حفتر');
    // The seed posted above names Haftar too: one entity, by the id every document gives him.
    assert.ok(haftar.events >= 2 && haftar.articles >= 3, JSON.stringify(haftar));
    assert.ok(page.items.every((e: { type: string }) => e.type === 'PER'));
    const detail = json(await app.inject(`/api/entities/${encodeURIComponent(haftar.id)}`));
    assert.ok(detail.aliases.length >= 1);
    assert.equal(detail.latestEvents.length, haftar.events);
    assertError(await app.inject('/api/entities/nobody'), 404, 'api.not-found');
  });

  it('GET /api/search ranks matches across spelling variants, with snippets', async () => {
    const r = json(await app.inject('/api/search?q=' + encodeURIComponent('افريكوم')));
    assert.ok(r.total >= 3);
    const hit = r.items[0];
    assert.ok(hit.snippet.highlights.length > 0);
    assert.equal(typeof hit.score, 'number');
    assertError(await app.inject('/api/search'), 400, 'api.invalid-request');
    assertError(await app.inject('/api/search?q='), 400, 'api.invalid-request');
  });

  it('answers the dashboard endpoints: stats, timeline, network, clusters, stories', async () => {
    const stats = json(await app.inject('/api/stats'));
    assert.ok(stats.articles >= 6);
    const tl = json(await app.inject('/api/stats/timeline?interval=month'));
    assert.ok(tl.points.some((p: { period: string; events: number }) => p.period === '2025-05' && p.events === 2));
    const net = json(await app.inject('/api/network?links=10'));
    assert.ok(net.links.length >= 1 && net.nodes.length >= 2);
    const clusters = json(await app.inject('/api/clusters?minArticles=2'));
    assert.ok(clusters.items[0].numArticles >= 2);
    const stories = json(await app.inject('/api/stories'));
    assert.ok(stories.items[0].articles >= 2);
  });

  it('answers bad input with JSON errors: malformed JSON, wrong types, huge bodies, unknown routes and media types', async () => {
    assertError(await app.inject({ method: 'POST', url: '/api/articles', headers: { 'content-type': 'application/json' }, payload: '{"text": ' }), 400, 'api.invalid-request');
    assertError(await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 123 } }), 400, 'api.invalid-request');
    assertError(await app.inject({ method: 'POST', url: '/api/articles', payload: { title: 'no text' } }), 400, 'api.invalid-request');
    assertError(await app.inject({ method: 'POST', url: '/api/articles', payload: { text: '   ' } }), 400, /^input\./);
    assertError(await app.inject({ method: 'POST', url: '/api/articles', headers: { 'content-type': 'application/json' }, payload: '{"text": "x", "__proto__": {"admin": true}}' }), 400, 'api.invalid-request');
    assertError(await app.inject({ method: 'POST', url: '/api/articles', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }), 415, 'api.unsupported-media-type');
    assertError(await app.inject('/api/events?limit=abc'), 400, 'api.invalid-request');
    assertError(await app.inject('/api/events?limit=0'), 400, 'api.invalid-request');
    assertError(await app.inject('/api/events?from=2025-99'), 400, 'api.invalid-request');
    assertError(await app.inject('/api/nothing-here'), 404, 'api.not-found');
    assertError(await app.inject({ method: 'POST', url: '/api/nothing-here', payload: {} }), 404, 'api.not-found');
    assertError(await app.inject({ method: 'DELETE', url: '/api/articles' }), 404, 'api.not-found');
    const small = await server({ bodyLimit: 1024 });
    assertError(await small.inject({ method: 'POST', url: '/api/articles', payload: { text: 'ا'.repeat(5000) } }), 413, 'api.too-large');
  });

  it('needs the bearer token for writes when one is set (constant-time check), not for reads', async () => {
    const guarded = await server({ token: TOKEN });
    const post = (auth?: string) => guarded.inject({ method: 'POST', url: '/api/articles', headers: auth ? { authorization: auth } : {}, payload: { text: `${ARTICLE} ثانية` } });
    const missing = await post();
    assertError(missing, 401, 'api.unauthorized');
    assert.match(String(missing.headers['www-authenticate']), /^Bearer/);
    assertError(await post('Bearer wrong'), 401, 'api.unauthorized');
    assertError(await post(`Bearer ${TOKEN}x`), 401, 'api.unauthorized');
    assertError(await post(`Basic ${TOKEN}`), 401, 'api.unauthorized');
    assertError(await guarded.inject({ method: 'POST', url: '/api/feeds', payload: { url: 'http://127.0.0.1/' } }), 401, 'api.unauthorized');
    assert.equal((await post(`Bearer ${TOKEN}`)).statusCode, 201);
    assert.equal((await guarded.inject('/api/events')).statusCode, 200);
  });

  it('refuses every write in read-only mode', async () => {
    const ro = await server({ readOnly: true });
    assertError(await ro.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE } }), 403, 'store.read-only');
    assert.equal((await ro.inject('/api/articles')).statusCode, 200);
  });

  it('treats injection strings in every filter as text: normal answers, nothing changed', async () => {
    const before = json(await app.inject('/api/stats'));
    const endpoints: [string, string[]][] = [
      ['/api/events', ['actor', 'code', 'plover', 'country', 'article', 'cluster', 'entity', 'from', 'to', 'sort', 'dir', 'cursor', 'quad', 'bbox', 'format']],
      ['/api/articles', ['q', 'entity', 'type', 'country', 'story', 'source', 'from']],
      ['/api/search', ['q', 'entity', 'type', 'country']],
      ['/api/entities', ['q', 'country', 'type']],
      ['/api/stats/timeline', ['actor', 'code', 'country', 'by', 'interval', 'quad', 'bbox']],
      ['/api/places', ['actor', 'entity', 'country', 'quad', 'bbox']],
      ['/api/network', ['actor', 'plover']],
      ['/api/clusters', ['plover', 'root']],
    ];
    for (const bad of INJECTIONS)
      for (const [path, params] of endpoints)
        for (const p of params) {
          const extra = path === '/api/search' && p !== 'q' ? '&q=x' : '';
          const res = await app.inject(`${path}?${p}=${encodeURIComponent(bad)}${extra}`);
          assert.ok(res.statusCode === 200 || res.statusCode === 400, `${path}?${p}=${bad}: ${res.statusCode}`);
          const body = json(res);
          if (res.statusCode === 400) assert.equal(body.error.code, 'api.invalid-request');
          else if ('total' in body) assert.equal(body.total, 0, `${path}?${p}=${bad}`);
        }
    for (const bad of INJECTIONS) {
      assertError(await app.inject(`/api/articles/${encodeURIComponent(bad)}`), 404, 'api.not-found');
      assertError(await app.inject(`/api/entities/${encodeURIComponent(bad)}`), 404, 'api.not-found');
    }
    assert.deepEqual(json(await app.inject('/api/stats')), before);
  });

  it('keeps CORS closed by default, and open to one configured origin only', async () => {
    const res = await app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assertError(await app.inject({ method: 'OPTIONS', url: '/api/articles', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }), 404, 'api.not-found');
    const open = await server({ corsOrigin: 'https://dash.example' });
    assert.equal((await open.inject({ url: '/api/health', headers: { origin: 'https://dash.example' } })).headers['access-control-allow-origin'], 'https://dash.example');
    assert.equal((await open.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } })).headers['access-control-allow-origin'], undefined);
    assert.equal((await open.inject({ method: 'OPTIONS', url: '/api/articles', headers: { origin: 'https://dash.example' } })).statusCode, 204);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('serves the built dashboard with a strict CSP, and says when it is not built', async () => {
    const notBuilt = await app.inject('/');
    assert.equal(notBuilt.statusCode, 200);
    assert.match(notBuilt.body, /not built/);
    const dash = await server({ webRoot: web.dir });
    const page = await dash.inject('/');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const js = await dash.inject('/assets/app.js');
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    assert.equal((await dash.inject('/timeline')).statusCode, 200);
    assertError(await dash.inject('/assets/missing.js'), 404, 'api.not-found');
    // Nothing outside the dashboard folder, however the path is spelled.
    for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/%2e%2e/package.json']) {
      const res = await dash.inject(path);
      assert.doesNotMatch(res.body, /root:|"name": "marsad"/, path);
      assert.ok(res.statusCode === 404 || /<!doctype html>/.test(res.body), path);
    }
    assertError(await dash.inject('/..%2f..%2fpackage.json'), 404, 'api.not-found');
    assertError(await dash.inject('/api/unknown'), 404, 'api.not-found');
  });

  it('POST /api/feeds ingests a feed URL, refusing private addresses unless allowed', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
      <item><guid>g1</guid><title>خبر</title><content:encoded><![CDATA[<p>${ARTICLE} من الخلاصة</p>]]></content:encoded></item></channel></rss>`;
    const feedServer = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss));
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
    try {
      assertError(await app.inject({ method: 'POST', url: '/api/feeds', payload: { url } }), 422, 'fetch.refused');
      const allowing = await server({ fetch: { allowPrivate: true } });
      const r = json(await allowing.inject({ method: 'POST', url: '/api/feeds', payload: { url } }));
      assert.deepEqual([r.read, r.new, r.failed.length], [1, 1, 0]);
      assert.equal(json(await allowing.inject({ method: 'POST', url: '/api/feeds', payload: { url } })).duplicate, 1);
      assertError(await allowing.inject({ method: 'POST', url: '/api/feeds', payload: { url: 'file:///etc/passwd' } }), 400, 'api.invalid-request');
    } finally {
      feedServer.close();
    }
  });

  it('works as a real listening server', async () => {
    const live = await server({ token: TOKEN });
    await live.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(live.server.address() as AddressInfo).port}`;
    assert.deepEqual(await (await fetch(`${base}/api/health`)).json(), { ok: true, backend: 'sqlite', readOnly: false, schema: SCHEMA_VERSION });
    const denied = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ARTICLE }) });
    assert.equal(denied.status, 401);
    assert.equal(((await denied.json()) as { error: { code: string } }).error.code, 'api.unauthorized');
    const ok = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, body: `${ARTICLE} مباشرة` });
    assert.equal(ok.status, 201);
    const big = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ text: 'ب'.repeat(18 * 1024 * 1024) }) }).catch(() => null);
    if (big) assert.equal(big.status, 413);
  });
});
