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
import { BACKENDS, HAFTAR, BENGHAZI, consistencyProblems, freshLocation, haftarMeeting, tunisProtest } from './testing.js';
import { isMarsadError } from '../model/messages.js';
import { normalize } from '../arabic/index.js';
import { contentHash } from '../model/id.js';
import { clusterId } from '../analysis/clusters.js';
import type { Entity, MarsadDocument } from '../model/document.js';
import { prepareArticle, writeArticle } from './articles.js';
import type { PreparedArticle } from './records.js';

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

/** The entity id schema 1 gave: Wikidata id, else `kb:` and the knowledge-base id, else a hash of type and name. */
function schema1EntityId(e: Entity): string {
  if (e.wikidata) return e.wikidata;
  if (e.kb) return `kb:${e.kb}`;
  return `${e.type.toLowerCase()}:${contentHash(`${e.type}|${normalize(e.name)}`, 12)}`;
}

/** An article's rows as schema 1 wrote them: its entities under schema-1 ids, its events clustered by them. */
function asSchema1(doc: MarsadDocument): PreparedArticle {
  const p = prepareArticle(doc);
  const old = new Map(doc.entities.map((e) => [e.id, schema1EntityId(e)]));
  const re = (id: string | null) => (id ? old.get(id) ?? id : id);
  for (const e of p.entities) e.id = re(e.id)!;
  for (const m of p.mentions) m.entity = re(m.entity);
  for (const ev of p.events) {
    ev.source.entity = re(ev.source.entity);
    ev.target.entity = re(ev.target.entity);
    ev.location.entity = re(ev.location.entity);
    const key = { ...ev.cluster, sourceKey: ev.source.entity ?? ev.cluster.sourceKey, targetKey: ev.target.entity ?? ev.cluster.targetKey };
    ev.cluster = { ...key, id: clusterId(key) };
  }
  return p;
}

for (const backend of BACKENDS) {
  describe(`migrations (${backend})`, () => {
    it("migration 2 re-keys a schema-1 store's entities to the documents' ids, keeping events and their counts", async () => {
      const { location, cleanup } = await freshLocation(backend);
      try {
        const db = await openDb(location);
        let before: { id: string; seq: number }[];
        try {
          await migrate(db, MIGRATIONS.slice(0, 1));
          const docs = [haftarMeeting(), haftarMeeting('\nالمصدر: وكالة الأنباء.', 'https://news.example/2'), tunisProtest()];
          for (const doc of docs) await db.transaction((tx) => writeArticle(tx, asSchema1(doc)));
          assert.ok(await db.get('SELECT 1 AS x FROM entities WHERE id = ?', [HAFTAR.wikidata!]), 'schema 1 keyed Haftar by his Wikidata id');
          before = (await db.all<{ id: string; seq: number }>('SELECT id, seq FROM events ORDER BY seq')).map((r) => ({ id: r.id, seq: Number(r.seq) }));
          assert.deepEqual(await migrate(db), [2]);
        } finally {
          await db.close();
        }
        const store = await Store.open(location);
        try {
          assert.equal(await store.getEntity(HAFTAR.wikidata!), null);
          const haftar = await store.getEntity(HAFTAR.id);
          assert.ok(haftar, 'the entity is found by the id the documents give it');
          assert.deepEqual([haftar.articles, haftar.events, haftar.mentions], [2, 2, 2]);
          assert.ok(haftar.aliases.includes(normalize(HAFTAR.surface)));
          assert.equal(haftar.latestEvents.length, 2);
          assert.ok(haftar.related.some((r) => r.id === 'actor:africom'));
          const events = await store.listEvents({ limit: 10, sort: 'added', dir: 'asc' });
          assert.equal(events.total, 3);
          assert.deepEqual(events.items.map((e) => ({ id: e.id, seq: e.globalId })), before, 'GlobalEventIDs are kept');
          assert.ok(events.items.filter((e) => e.source).every((e) => e.source!.entity === HAFTAR.id));
          assert.ok(events.items.every((e) => e.location?.entity?.startsWith('place:')));
          assert.equal(events.items[0].location?.entity, BENGHAZI.id);
          assert.equal(events.items[0].location?.wikidata, BENGHAZI.wikidata);
          const meeting = events.items.filter((e) => e.cameo === '043');
          assert.deepEqual(meeting.map((e) => [e.cluster.numArticles, e.cluster.numSources]), [[2, 2], [2, 2]], 'one cluster across both copies');
          assert.equal(new Set(meeting.map((e) => e.cluster.id)).size, 1);
          assert.equal((await store.listClusters({})).total, 2);
          assert.deepEqual((await store.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM mentions WHERE entity_id LIKE 'Q%'")).map((r) => Number(r.n)), [0]);
          assert.deepEqual(await consistencyProblems(store), []);
          // A new article after the migration joins the same entity and cluster.
          await store.save(haftarMeeting('\nنقلا عن مصادر محلية.', 'https://third.example/3'));
          assert.equal((await store.getEntity(HAFTAR.id))?.articles, 3);
          assert.equal((await store.listClusters({ minArticles: 3 })).total, 1);
        } finally {
          await store.close();
        }
      } finally {
        await cleanup();
      }
    });


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
