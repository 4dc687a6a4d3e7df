/**
 * The store, one suite run against both backends: an SQLite file and a real
 * PostgreSQL server (a fresh schema per run). Fails, never skips, when
 * PostgreSQL cannot be reached.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/analyze.js';
import { seedBytes } from '../test-support/seed.js';
import { SCHEMA_VERSION, type Store } from './index.js';
import { migrate, schemaVersion } from './migrate.js';
import { prepareArticle, writeArticle } from './articles.js';
import { MAX_ATTEMPTS, claim, enqueue, finishJob } from './jobs.js';
import { BACKENDS, BENGHAZI, HAFTAR, INJECTIONS, TUNIS, article, freshStore, haftarMeeting, tunisProtest } from './testing.js';


const SEED_QUERIES = ['الولايات المتحدة', 'وللولايات المتحدة', 'حفتر', 'أفريكوم', 'افريكوم', 'خليفه حفتر', 'خليفة حفتر'];

for (const backend of BACKENDS) {
  describe(`store (${backend})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    // The seed's own entities and events (whatever the stages find today) are left out, so counts are fixed.
    const seed = { ...analyze(seedBytes(), { path: 'examples/seed-haftar-africom.txt', date: '2025-05-19' }), mentions: [], entities: [], events: [] };
    const first = haftarMeeting();
    // The same report syndicated by another outlet, with a credit line added.
    const copy = haftarMeeting('\nالمصدر: وكالة الأنباء الليبية.', 'https://news.example/2');
    const sameOutlet = haftarMeeting('\nتابعونا على مواقع التواصل.', 'https://libya.example/a/3');
    const protest = tunisProtest();
    const abuDhabi = article({ text: 'وصل وفد ليبي إلى أبو ظبي لبحث التعاون الاقتصادي مع الإمارات.', date: '2025-04-01', url: 'https://gulf.example/x' });

    before(async () => {
      ({ store, cleanup } = await freshStore(backend));
    });
    after(async () => {
      await cleanup();
    });

    it('migrates a new database to the current schema, and again is a no-op', async () => {
      assert.equal(await schemaVersion(store.db), SCHEMA_VERSION);
      assert.deepEqual(await migrate(store.db), []);
    });

    it('stores an article once: the same text again is a duplicate', async () => {
      const a = await store.save(first);
      assert.equal(a.duplicate, false);
      assert.equal(a.events, 1);
      const b = await store.save(first);
      assert.equal(b.duplicate, true);
      assert.equal(b.id, a.id);
      assert.equal((await store.stats()).articles, 1);
    });

    it('keeps the stored document, tokens recomputed on demand', async () => {
      const doc = await store.getArticle(first.id);
      assert.ok(doc);
      assert.equal(doc.text, first.text);
      assert.deepEqual(doc.events, first.events);
      assert.deepEqual(doc.entities, first.entities);
      assert.equal(doc.tokens, undefined);
      const withTokens = await store.getArticle(first.id, { tokens: true });
      assert.deepEqual(withTokens?.tokens, first.tokens);
      assert.equal(await store.getArticle('no-such-id'), null);
    });

    it('puts a near-duplicate copy in the story of the first, and a different article in its own', async () => {
      const c = await store.save(copy);
      assert.equal(c.duplicate, false);
      assert.equal(c.nearDuplicate, true);
      assert.equal(c.story, first.id);
      const p = await store.save(protest);
      assert.equal(p.nearDuplicate, false);
      assert.equal(p.story, protest.id);
      const stories = await store.listStories();
      assert.equal(stories.total, 1);
      assert.deepEqual([stories.items[0].id, stories.items[0].articles], [first.id, 2]);
    });

    it('clusters one event across articles with GDELT counts (articles, distinct sources, mentions)', async () => {
      let events = (await store.listEvents({ code: '043' })).items;
      assert.equal(events.length, 2);
      assert.equal(events[0].cluster.id, events[1].cluster.id);
      assert.deepEqual([events[0].cluster.numArticles, events[0].cluster.numSources, events[0].cluster.numMentions], [2, 2, 4]);
      await store.save(sameOutlet);
      events = (await store.listEvents({ code: '043' })).items;
      assert.deepEqual([events[0].cluster.numArticles, events[0].cluster.numSources, events[0].cluster.numMentions], [3, 2, 6]);
      const clusters = await store.listClusters({ minArticles: 2 });
      assert.equal(clusters.total, 1);
      assert.equal(clusters.items[0].numArticles, 3);
    });

    it('finds the seed by its names across spelling variants and clitics, with snippets into the text', async () => {
      await store.save(seed);
      await store.save(abuDhabi);
      for (const query of SEED_QUERIES) {
        const r = await store.search({ query });
        assert.ok(r.items.some((h) => h.id === seed.id), `«${query}» should find the seed`);
        const hit = r.items.find((h) => h.id === seed.id)!;
        assert.equal(hit.snippet.text, seed.text.slice(hit.snippet.start, hit.snippet.end));
        assert.ok(hit.snippet.highlights.length > 0);
        for (const h of hit.snippet.highlights) assert.ok(h.start >= hit.snippet.start && h.end <= hit.snippet.end);
      }
      const ab = await store.search({ query: 'ابو ظبي' });
      assert.deepEqual(ab.items.map((h) => h.id), [abuDhabi.id]);
      const marked = ab.items[0].snippet.highlights.map((h) => abuDhabi.text.slice(h.start, h.end));
      assert.deepEqual(marked, ['أبو', 'ظبي']);
      assert.equal((await store.search({ query: 'كلمةغيرموجودة' })).total, 0);
    });

    it('filters search results by date, entity, event type and country', async () => {
      const all = await store.search({ query: 'أفريكوم' });
      assert.ok(all.total >= 3);
      assert.equal((await store.search({ query: 'أفريكوم', from: '2025-05-20' })).items.every((h) => h.date! >= '2025-05-20'), true);
      assert.equal((await store.search({ query: 'أفريكوم', to: '2025-05-19' })).items.map((h) => h.id).join(), seed.id);
      const byEntity = await store.search({ query: 'أفريكوم', entity: 'خليفه حفتر' });
      assert.deepEqual(byEntity.items.map((h) => h.id).sort(), [first.id, copy.id, sameOutlet.id].sort());
      assert.equal((await store.search({ query: 'تونس', type: '14' })).items.map((h) => h.id).join(), protest.id);
      assert.equal((await store.search({ query: 'تونس', type: 'protest' })).items.map((h) => h.id).join(), protest.id);
      assert.equal((await store.search({ query: 'المحتجون', country: 'TUN' })).items.map((h) => h.id).join(), protest.id);
    });

    it('lists articles newest first, with full-text and story filters and pages', async () => {
      const page = await store.listArticles({ limit: 2 });
      assert.equal(page.items.length, 2);
      assert.ok(page.total >= 5);
      assert.ok(page.items[0].date! >= page.items[1].date!);
      const story = await store.listArticles({ story: first.id });
      assert.equal(story.total, 3);
      assert.equal((await store.listArticles({ q: 'أبو ظبي' })).items[0].id, abuDhabi.id);
      const next = await store.listArticles({ limit: 2, offset: 2 });
      assert.ok(!next.items.some((a) => page.items.some((b) => b.id === a.id)));
    });

    it('filters events by actor (names in any spelling, codes), code prefix, PLOVER type, dates and country', async () => {
      const ids = async (f: Parameters<Store['listEvents']>[0]) => (await store.listEvents(f)).items.map((e) => e.articleId).sort();
      const haftarArticles = [first.id, copy.id, sameOutlet.id].sort();
      assert.deepEqual((await ids({ actor: 'خليفه حفتر', code: '043' })), haftarArticles);
      assert.deepEqual((await ids({ actor: 'حفتر', code: '04' })), haftarArticles);
      assert.deepEqual((await ids({ actor: 'LBY', code: '043' })), haftarArticles);
      assert.deepEqual((await ids({ actor: 'usamil', code: '043' })), haftarArticles);
      assert.deepEqual(await ids({ plover: 'protest' }), [protest.id]);
      assert.deepEqual(await ids({ code: '14' }), [protest.id]);
      assert.deepEqual(await ids({ country: 'tun' }), [protest.id]);
      assert.deepEqual(await ids({ from: '2025-06-01', code: '1' }), [protest.id]);
      assert.deepEqual(await ids({ to: '2025-05-01', code: '14' }), []);
      const e = (await store.listEvents({ article: first.id })).items[0];
      assert.equal(e.source?.name, 'خليفة حفتر');
      assert.equal(e.source?.actor, 'LBYMIL');
      assert.equal(e.location?.country, 'LBY');
      assert.equal(e.location?.lat, 32.1167);
      assert.equal(e.url, 'https://libya.example/a/1');
      const located = await store.listEvents({ located: true, code: '043' });
      assert.equal(located.total, 3);
    });

    it('counts entity mentions, articles and events across the store', async () => {
      const page = await store.listEntities({ q: 'خليفه حفتر' });
      const haftar = page.items.find((e) => e.id === HAFTAR.id);
      assert.ok(haftar, 'Haftar is one entity across articles (by the documents\' id)');
      assert.ok(haftar.articles >= 3);
      assert.ok(haftar.mentions >= 3);
      assert.equal(haftar.events, 3);
      const detail = await store.getEntity(haftar.id);
      assert.ok(detail?.aliases.includes('خليفه حفتر'));
      assert.ok(detail?.related.some((r) => r.name === 'القيادة الأمريكية لأفريقيا'));
      assert.equal(detail?.latestEvents.length, 3);
      assert.equal(await store.getEntity('nobody'), null);
      assert.deepEqual((await store.listEntities({ type: 'loc', country: 'TUN' })).items.map((e) => e.name), ['تونس']);
    });

    it('answers timeline, network and totals', async () => {
      const t = await store.timeline({ interval: 'month' });
      const may = t.points.find((p) => p.period === '2025-05');
      assert.ok(may);
      assert.equal(may.events, 3);
      assert.deepEqual(may.quad, [3, 0, 0, 0]);
      assert.ok(may.articles >= 3);
      const net = await store.network({ code: '043' });
      assert.equal(net.links.length, 1);
      assert.equal(net.links[0].events, 3);
      assert.deepEqual(net.nodes.map((x) => x.name).sort(), ['القيادة الأمريكية لأفريقيا', 'خليفة حفتر'].sort());
      const s = await store.stats();
      assert.equal(s.nearDuplicates, 2);
      assert.equal(s.sources, 5);
    });

    it('sorts events on any column, pages them with cursors, and filters by quad class and area', async () => {
      const order = async (f: Parameters<Store['listEvents']>[0]) => (await store.listEvents({ limit: 100, ...f })).items.map((e) => e.globalId);
      const all = await store.listEvents({ limit: 100 });
      const protestEvent = all.items.find((e) => e.articleId === protest.id)!;
      assert.equal(all.items[0].globalId, protestEvent.globalId, 'newest first by default');
      assert.equal((await order({ sort: 'date', dir: 'asc' })).at(-1), protestEvent.globalId);
      assert.equal((await order({ sort: 'goldstein', dir: 'asc' }))[0], protestEvent.globalId);
      assert.equal((await order({ sort: 'quadClass', dir: 'desc' }))[0], protestEvent.globalId);
      assert.equal((await order({ sort: 'location', dir: 'asc' })).at(-1), protestEvent.globalId, 'بنغازي before تونس');
      // Empty cells last, whichever the direction.
      assert.equal((await order({ sort: 'target', dir: 'asc' })).at(-1), protestEvent.globalId);
      assert.equal((await order({ sort: 'target', dir: 'desc' })).at(-1), protestEvent.globalId);
      for (const sort of ['date', 'source', 'target', 'trigger', 'location', 'cameo', 'plover', 'quadClass', 'goldstein', 'added'] as const)
        for (const dir of ['asc', 'desc'] as const) {
          const whole = await order({ sort, dir });
          const paged: number[] = [];
          let page = await store.listEvents({ sort, dir, limit: 1 });
          for (;;) {
            paged.push(...page.items.map((e) => e.globalId));
            assert.equal(page.total, whole.length);
            if (!page.next) break;
            page = await store.listEvents({ sort, dir, limit: 1, after: page.next });
          }
          assert.deepEqual(paged, whole, `${sort} ${dir}: cursor pages give the same order`);
        }
      assert.deepEqual(await order({ quad: 4 }), [protestEvent.globalId]);
      assert.equal((await order({ quad: 1 })).length, 3);
      assert.deepEqual(await order({ bbox: [9, 36, 11, 37] }), [protestEvent.globalId]);
      assert.equal((await order({ bbox: [170, -90, 25, 90] })).length, 4, 'a box across the antimeridian');
      assert.deepEqual(await order({ bbox: [-10, -10, 0, 0] }), []);
    });

    it('counts located events by place and the timeline by PLOVER type', async () => {
      const places = await store.places({});
      assert.deepEqual(places.items.map((p) => [p.id, p.name, p.events, p.articles]), [[BENGHAZI.id, 'بنغازي', 3, 3], [TUNIS.id, 'تونس', 1, 1]]);
      assert.deepEqual([places.total, places.events], [2, 4]);
      assert.deepEqual(places.items[1].quad, [0, 0, 0, 1]);
      assert.equal(places.items[0].lat, 32.1167);
      assert.deepEqual((await store.places({ quad: 4 })).items.map((p) => p.name), ['تونس']);
      assert.deepEqual((await store.places({ actor: 'حفتر' })).items.map((p) => p.name), ['بنغازي']);
      const t = await store.timeline({ interval: 'month', by: 'plover' });
      assert.equal(t.by, 'plover');
      assert.deepEqual(t.points.filter((p) => p.events).map((p) => [p.period, p.plover]), [['2025-05', { CONSULT: 3 }], ['2025-06', { PROTEST: 1 }]]);
      assert.equal((await store.timeline({ interval: 'month' })).points[0].plover, undefined);
    });

    it('counts events anew once one is added', async () => {
      assert.equal((await store.listEvents({ plover: 'THREATEN' })).total, 0);
      await store.save(article({ text: 'هدد خليفة حفتر باقتحام المدينة إذا لم تنسحب القوات.', date: '2025-07-10', entities: [HAFTAR], events: [{ cameo: '130', plover: 'THREATEN', quadClass: 3, goldstein: -4.4, trigger: 'هدد', source: HAFTAR.id }] }));
      assert.equal((await store.listEvents({ plover: 'THREATEN' })).total, 1);
    });

    it('treats injection strings in every filter as plain text', async () => {
      const before = await store.stats();
      for (const bad of INJECTIONS) {
        assert.equal((await store.listEvents({ actor: bad, code: bad, plover: bad, country: bad, article: bad, cluster: bad, entity: bad })).total, 0, bad);
        assert.equal((await store.listEvents({ actor: bad })).total, 0, bad);
        assert.equal((await store.listEvents({ code: bad })).total, 0, bad);
        assert.equal((await store.listEvents({ from: bad, to: bad })).total, 0, bad);
        assert.equal((await store.listArticles({ entity: bad, type: bad, country: bad, story: bad, source: bad })).total, 0, bad);
        assert.equal((await store.listArticles({ q: bad })).total, 0, bad);
        assert.equal((await store.search({ query: bad })).total, 0, bad);
        assert.equal((await store.search({ query: `حفتر ${bad}` })).total >= 0, true);
        assert.equal((await store.listEntities({ q: bad, type: bad, country: bad })).total, 0, bad);
        assert.equal(await store.getArticle(bad), null);
        assert.equal(await store.getEntity(bad), null);
        await store.listClusters({ root: bad, plover: bad, from: bad });
        await store.timeline({ actor: bad });
        await store.network({ actor: bad });
      }
      assert.deepEqual(await store.stats(), before);
    });

    it('leaves no trace of an article whose transaction fails half-way', async () => {
      const doc = article({ text: 'أعلن خليفة حفتر رفضه للمبادرة الجديدة في بنغازي.', date: '2025-07-01', entities: [HAFTAR], events: [{ cameo: '120', plover: 'REJECT', quadClass: 3, goldstein: -4, trigger: 'رفضه', source: 'actor:khalifa-haftar' }] });
      const before = await store.stats();
      const haftarBefore = (await store.getEntity(HAFTAR.id))!;
      await assert.rejects(
        store.db.transaction(async (tx) => {
          await writeArticle(tx, prepareArticle(doc));
          throw new Error('crash after writing everything');
        }),
        /crash/,
      );
      assert.equal(await store.has(doc.id), false);
      assert.deepEqual(await store.stats(), before);
      const haftarAfter = (await store.getEntity(HAFTAR.id))!;
      assert.deepEqual([haftarAfter.mentions, haftarAfter.articles, haftarAfter.events], [haftarBefore.mentions, haftarBefore.articles, haftarBefore.events]);
      assert.equal((await store.search({ query: 'المبادرة الجديدة' })).total, 0);
      const r = await store.save(doc);
      assert.equal(r.duplicate, false);
    });

    it('gives each queued job to one worker at a time, however many claim at once', async () => {
      const payloads = Array.from({ length: 60 }, (_, i) => ({ n: i }));
      await enqueue(store.db, null, 'test', payloads);
      const seen: number[] = [];
      const worker = async (name: string) => {
        for (;;) {
          const jobs = await claim<{ n: number }>(store.db, name, { batch: 3 });
          if (!jobs.length) return;
          for (const j of jobs) {
            seen.push(j.payload.n);
            await finishJob(store.db, j.id, { status: 'new' });
          }
        }
      };
      await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));
      assert.equal(seen.length, 60);
      assert.equal(new Set(seen).size, 60);
    });

    it('hands a job whose lease ran out to another worker, and gives up after repeated deaths', async () => {
      await enqueue(store.db, null, 'lease-test', [{ n: 1 }]);
      const a = await claim(store.db, 'dies', { leaseMs: 1 });
      assert.equal(a.length, 1);
      await new Promise((r) => setTimeout(r, 30));
      const b = await claim(store.db, 'takes-over', { leaseMs: 1 });
      assert.deepEqual([b[0]?.id, b[0]?.attempts], [a[0].id, 2]);
      for (let i = 2; i < MAX_ATTEMPTS; i++) {
        await new Promise((r) => setTimeout(r, 30));
        await claim(store.db, `again-${i}`, { leaseMs: 1 });
      }
      await new Promise((r) => setTimeout(r, 30));
      assert.deepEqual(await claim(store.db, 'last', { leaseMs: 1 }), []);
      const row = await store.db.get<{ status: string; error: string }>('SELECT status, error FROM jobs WHERE id = ?', [a[0].id]);
      assert.equal(row?.status, 'failed');
      assert.match(row!.error, /gave up after/);
    });
  });
}
