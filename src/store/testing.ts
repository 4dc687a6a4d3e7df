/**
 * Test support for the store, ingest, export and API tests: a real SQLite file
 * in a temporary folder, a fresh schema in a real PostgreSQL per run (dropped
 * after), and hand-built documents with the entities and events a test needs,
 * independent of what the entity and event stages find today.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { BIN } from '../test-support/cli.js';
import type { Entity, MarsadDocument, MarsadEvent, Mention } from '../model/document.js';
import { analyze, defaultStages } from '../pipeline/analyze.js';
import { normalize } from '../arabic/index.js';
import { contentHash } from '../model/id.js';
import { Store } from './index.js';

export type Backend = 'sqlite' | 'postgres';

/** Strings that would change a query if they were spliced into SQL, LIKE or FTS syntax. */
export const INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE articles; --', '%', '_', '\\', "'", '*', 'NEAR(', '") OR ("', 'ا" OR "1'];
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres'];

/** The PostgreSQL the tests use: $MARSAD_TEST_PG, else the local server's `test` database. */
export const PG_TEST_URL = process.env.MARSAD_TEST_PG || 'postgres://127.0.0.1:5432/test';

function withUser(url: string): string {
  const u = new URL(url);
  if (!u.username) u.username = process.env.PGUSER || process.env.USER || userInfo().username;
  return u.toString();
}

async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: withUser(PG_TEST_URL), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_TEST_URL} (${(e as Error).message}). The store tests need it: start it ` +
        `(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start; .ci/run does this) or set MARSAD_TEST_PG.`,
    );
  }
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/**
 * Drops every server connection of one application (`application_name`), as a
 * PostgreSQL restart or an administrator would (`pg_terminate_backend`, from a
 * second connection). Returns how many it dropped.
 */
export async function dropConnections(applicationName: string): Promise<number> {
  const r = await adminQuery('SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [applicationName]);
  return Number(r.rows[0]?.n ?? 0);
}

/** A --db URL whose connections carry their own `application_name` (so a test can drop only those). */
export function withApplicationName(location: string, name: string): string {
  const u = new URL(location);
  u.searchParams.set('application_name', name);
  return u.toString();
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = 'marsad-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database location for a fresh, empty store of the given backend, and how to throw it away. */
export async function freshLocation(backend: Backend): Promise<{ location: string; cleanup(): Promise<void> }> {
  if (backend === 'sqlite') {
    const t = tempDir();
    return { location: join(t.dir, 'marsad.db'), cleanup: async () => t.remove() };
  }
  const schema = `marsad_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const u = new URL(PG_TEST_URL);
  u.searchParams.set('schema', schema);
  return { location: u.toString(), cleanup: async () => void (await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)) };
}

/** A fresh store of the given backend; `cleanup` closes it and removes its data. */
export async function freshStore(backend: Backend): Promise<{ store: Store; location: string; cleanup(): Promise<void> }> {
  const { location, cleanup } = await freshLocation(backend);
  const store = await Store.open(location);
  return {
    store,
    location,
    cleanup: async () => {
      await store.close().catch(() => {});
      await cleanup();
    },
  };
}

/** An entity of a hand-built document: where it is named, and what the knowledge base says. */
export interface EntitySpec {
  id: string;
  /** The words naming it in the text (every occurrence becomes a mention). */
  surface: string;
  name?: string;
  type: Entity['type'];
  actor?: string | null;
  country?: string | null;
  wikidata?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface EventSpec {
  cameo: string;
  plover: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  trigger: string;
  source?: string | null;
  target?: string | null;
  location?: string | null;
  date?: string | null;
  mentions?: number;
}

export interface ArticleSpec {
  text: string;
  title?: string;
  date?: string | null;
  url?: string | null;
  entities?: EntitySpec[];
  events?: EventSpec[];
}

function spanOf(text: string, surface: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(surface, from);
  if (start < 0) throw new Error(`"${surface}" is not in the text`);
  return { start, end: start + surface.length };
}

/**
 * A document analysed by the real pipeline (text, structure, tokens), with the
 * entities, mentions and events of the spec instead of the stages' own.
 */
export function article(spec: ArticleSpec): MarsadDocument {
  // The entity and event stages are left out: the spec gives their layers.
  const disable = defaultStages().map((s) => s.name).filter((n) => n === 'entities' || n === 'events');
  const doc = analyze({ text: spec.text, title: spec.title ?? null, date: spec.date ?? null, url: spec.url ?? null }, { disable });
  const text = doc.text;
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  for (const e of spec.entities ?? []) {
    let from = 0;
    let count = 0;
    for (;;) {
      const at = text.indexOf(e.surface, from);
      if (at < 0) break;
      mentions.push({ start: at, end: at + e.surface.length, text: e.surface, type: e.type, entity: e.id });
      from = at + e.surface.length;
      count++;
    }
    if (!count) throw new Error(`entity "${e.surface}" is not in the text`);
    entities.push({ id: e.id, name: e.name ?? e.surface, nameEn: null, type: e.type, actor: e.actor ?? null, country: e.country ?? null, wikidata: e.wikidata ?? null, mentions: count, aliases: [normalize(e.surface)], lat: e.lat ?? null, lon: e.lon ?? null });
  }
  mentions.sort((a, b) => a.start - b.start);
  const byId = new Map((spec.entities ?? []).map((e) => [e.id, e]));
  const events: MarsadEvent[] = (spec.events ?? []).map((ev, i) => {
    const trigger = { text: ev.trigger, ...spanOf(text, ev.trigger) };
    const arg = (id: string | null | undefined) => {
      const e = id ? byId.get(id) : undefined;
      return e ? { entity: e.id, text: e.surface, ...spanOf(text, e.surface), actor: e.actor ?? null } : null;
    };
    const loc = ev.location ? byId.get(ev.location) : undefined;
    return {
      id: contentHash(`${doc.id}:${i}`, 12),
      cameo: ev.cameo,
      plover: ev.plover,
      quadClass: ev.quadClass,
      goldstein: ev.goldstein,
      source: arg(ev.source),
      target: arg(ev.target),
      location: loc ? { entity: loc.id, text: loc.surface, ...spanOf(text, loc.surface), country: loc.country ?? null, lat: loc.lat ?? null, lon: loc.lon ?? null } : null,
      date: ev.date ?? doc.date,
      trigger,
      sentence: Math.max(0, doc.sentences.findIndex((s) => s.start <= trigger.start && trigger.end <= s.end)),
      quote: null,
      mode: 'asserted',
      mentions: ev.mentions ?? 1,
    };
  });
  return { ...doc, entities, mentions, events };
}

/** The entities most test articles use. */
export const HAFTAR: EntitySpec = { id: 'actor:khalifa-haftar', surface: 'خليفة حفتر', type: 'PER', actor: 'LBYMIL', country: 'LBY', wikidata: 'Q1173410' };
export const AFRICOM: EntitySpec = { id: 'actor:africom', surface: 'أفريكوم', name: 'القيادة الأمريكية لأفريقيا', type: 'ORG', actor: 'USAMIL', country: 'USA', wikidata: 'Q1350893' };
export const BENGHAZI: EntitySpec = { id: 'place:geonames:88319', surface: 'بنغازي', type: 'LOC', country: 'LBY', lat: 32.1167, lon: 20.0667, wikidata: 'Q172546' };
export const TUNIS: EntitySpec = { id: 'place:geonames:2464470', surface: 'تونس', type: 'LOC', country: 'TUN', lat: 36.8, lon: 10.18, wikidata: 'Q3572' };

/** Haftar hosts AFRICOM in Benghazi: one CONSULT event, with a date and a place. */
export function haftarMeeting(variant = '', url = 'https://libya.example/a/1', date = '2025-05-20'): MarsadDocument {
  return article({
    title: 'حفتر يستقبل قائد أفريكوم',
    text: `استقبل المشير خليفة حفتر قائد أفريكوم في بنغازي يوم الاثنين، وبحث الجانبان التعاون الأمني ومكافحة الإرهاب في ليبيا. وأكد قائد أفريكوم دعم الولايات المتحدة للاستقرار.${variant}`,
    date,
    url,
    entities: [HAFTAR, AFRICOM, BENGHAZI],
    events: [{ cameo: '043', plover: 'CONSULT', quadClass: 1, goldstein: 2.8, trigger: 'استقبل', source: 'actor:khalifa-haftar', target: 'actor:africom', location: 'place:geonames:88319', mentions: 2 }],
  });
}

/** A Tunisian protest article: one PROTEST event in Tunis. */
export function tunisProtest(): MarsadDocument {
  return article({
    title: 'احتجاجات في تونس',
    text: 'تظاهر مئات المواطنين في تونس العاصمة للمطالبة بالتشغيل وتحسين ظروف العيش، ورفع المحتجون شعارات ضد غلاء الأسعار أمام مقر الحكومة.',
    date: '2025-06-02',
    url: 'https://tunis.example/news/7',
    entities: [TUNIS],
    events: [{ cameo: '141', plover: 'PROTEST', quadClass: 4, goldstein: -6.5, trigger: 'تظاهر', location: 'place:geonames:2464470' }],
  });
}

/** A small deterministic generator, so generated corpora are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const WORDS = (
  'وزير الخارجية الرئيس الحكومة البرلمان الجيش الشرطة المعارضة الاقتصاد الميزانية الانتخابات المواطنين المدينة الولاية ' +
  'استقبل التقى أعلن أكد طالب رفض ندد دعا وقع زار بحث ناقش اتفاق مشروع قانون قرار اجتماع مؤتمر لقاء حوار ملف التعاون ' +
  'الأمن التنمية التعليم الصحة الفلاحة السياحة النقل الطاقة المياه الشباب المرأة الثقافة الرياضة تونس ليبيا الجزائر المغرب ' +
  'مصر فرنسا إيطاليا صفاقس سوسة بنزرت قابس نابل القيروان طرابلس بنغازي يوم الاثنين الثلاثاء الأربعاء الخميس الجمعة مساء صباح'
).split(' ');

/** JSONL of `n` short, distinct generated articles (no corpus data). */
export function generatedJsonl(n: number, seed = 7): string {
  const rnd = prng(seed);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 40 }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(JSON.stringify({ id: `gen-${i}`, title: `خبر ${i}: ${words.slice(0, 5).join(' ')}`, date: `2024-03-${day}`, url: `https://gen${i % 5}.example/${i}`, text: `${words.join(' ')}.` }));
  }
  return lines.join('\n') + '\n';
}

/**
 * Problems of a store that a crash could cause: an article without all of its
 * rows (mentions, entities, events, search entry, LSH buckets), or rows without
 * their article. Empty when consistent.
 */
export async function consistencyProblems(store: Store): Promise<string[]> {
  const q = store.db;
  const problems: string[] = [];
  const count = async (sql: string) => Number((await q.get<{ n: number }>(sql))?.n ?? 0);
  const articles = await count('SELECT COUNT(*) AS n FROM articles');
  const check = async (what: string, sql: string) => {
    const n = await count(sql);
    if (n) problems.push(`${n} ${what}`);
  };
  await check('articles whose mention rows do not match their count', 'SELECT COUNT(*) AS n FROM articles a WHERE a.mention_count <> (SELECT COUNT(*) FROM mentions m WHERE m.article_seq = a.seq)');
  await check('articles whose event rows do not match their count', 'SELECT COUNT(*) AS n FROM articles a WHERE a.event_count <> (SELECT COUNT(*) FROM events e WHERE e.article_seq = a.seq)');
  await check('articles whose entity rows do not match their count', 'SELECT COUNT(*) AS n FROM articles a WHERE a.entity_count <> (SELECT COUNT(*) FROM article_entities x WHERE x.article_seq = a.seq)');
  await check('articles with a signature but not all LSH buckets', 'SELECT COUNT(*) AS n FROM articles a WHERE a.signature IS NOT NULL AND (SELECT COUNT(*) FROM article_buckets b WHERE b.article_seq = a.seq) <> 20');
  await check('articles whose story is missing', 'SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)');
  await check('event clusters whose counts are stale', 'SELECT COUNT(*) AS n FROM event_clusters c WHERE c.num_events <> (SELECT COUNT(*) FROM events e WHERE e.cluster_id = c.id)');
  await check('new-article log lines for the same article', "SELECT COUNT(*) AS n FROM (SELECT article_id FROM ingest_log WHERE status = 'new' GROUP BY article_id HAVING COUNT(*) > 1) d");
  if (q.dialect === 'sqlite') {
    const fts = await count('SELECT COUNT(*) AS n FROM article_fts');
    if (fts !== articles) problems.push(`${fts} search entries for ${articles} articles`);
  } else await check('articles without search terms', "SELECT COUNT(*) AS n FROM articles WHERE terms = ''");
  return problems;
}

/**
 * Runs the real `bin/marsad` without blocking this process (tests that serve
 * HTTP to it from here cannot use spawnSync).
 */
export function marsadAsync(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Polls until `test` is true (or fails after `ms`). */
export async function until(test: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Articles in a store, read through a read-only connection. */
export async function articleCount(location: string): Promise<number> {
  const store = await Store.open(location, { readOnly: true });
  try {
    return (await store.stats()).articles;
  } finally {
    await store.close();
  }
}
