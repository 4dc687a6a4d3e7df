/**
 * `node dist/scripts/bench-dashboard.js`: how long the dashboard's events page
 * and map take to load in Chromium over a store of real news (the 10,090 ANT
 * articles of ../shared/corpus/ant-news.jsonl, ingested once with
 * `marsad ingest` into tmp/bench-dashboard.db and kept for later runs).
 *
 * For each page, from the start of navigation: `rows`, the first table rows
 * are shown; `drawn`, the chart (timeline, map) has drawn as well; `complete`,
 * every event the page reads is in and drawn. On a cold browser cache, then
 * the median of warm runs. Figures vary with the machine and with what else
 * it is doing (run it on a quiet one); nothing is asserted (the README
 * reports them).
 *
 * Options: --db FILE, --corpus FILE.jsonl, --runs N (warm runs, default 5),
 * --reingest (start from an empty store), --format json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { argValue, hasFlag, projectRoot } from './util.js';
import { launchChromium } from '../src/web/e2e/chromium.js';
import { startServer } from '../src/web/e2e/server.js';

const DEFAULT_WARM_RUNS = 5;
/** Longest wait for one page to load before the run counts as failed. */
const PAGE_TIMEOUT_MS = 120_000;
const VIEWPORT = { width: 1280, height: 900 };
const MS_PER_S = 1000;
const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

const corpus = argValue('--corpus') ?? join(projectRoot, '..', 'shared', 'corpus', 'ant-news.jsonl');
const db = argValue('--db') ?? join(projectRoot, 'tmp', 'bench-dashboard.db');
const warmRuns = Number(argValue('--runs') ?? DEFAULT_WARM_RUNS);
const asJson = argValue('--format') === 'json';

/** What is timed on a page: the moments its selectors first match, from the start of navigation. */
interface Target {
  name: string;
  hash: string;
  marks: { name: MarkName; selector: string }[];
}

type MarkName = 'rows' | 'drawn' | 'complete';
const MARKS: MarkName[] = ['rows', 'drawn', 'complete'];

/** The first table rows (or the empty state). */
const ROWS = '.events-table tbody tr, .status-empty';
const TIMELINE_DRAWN = '.timeline:not(:has(.chart-timeline:not([data-rendered="true"])))';
const MAP_DRAWN = '.world-map .chart-map[data-rendered="true"]';
/** Every event the page reads is in (`aria-busy` turns false). */
const COMPLETE = 'main [aria-busy="false"]';

const TARGETS: Target[] = [
  { name: 'events', hash: '#/events', marks: [{ name: 'rows', selector: ROWS }, { name: 'drawn', selector: TIMELINE_DRAWN }, { name: 'complete', selector: `${COMPLETE} ${TIMELINE_DRAWN}` }] },
  { name: 'map', hash: '#/map', marks: [{ name: 'rows', selector: ROWS }, { name: 'drawn', selector: MAP_DRAWN }, { name: 'complete', selector: `${COMPLETE} ${MAP_DRAWN}` }] },
];

type Timing = Record<MarkName, number> & { summary: string };

function log(line: string): void {
  if (!asJson) console.log(line);
}

/** `marsad ingest CORPUS --db DB` (once: an existing store is reused unless --reingest). */
async function ensureStore(): Promise<{ ingestS: number | null; summary: unknown }> {
  if (hasFlag('--reingest')) for (const ext of SQLITE_SIDE_FILES) rmSync(db + ext, { force: true });
  if (existsSync(db)) return { ingestS: null, summary: 'reused' };
  if (!existsSync(corpus)) throw new Error(`corpus not found: ${corpus} (pass --corpus FILE.jsonl)`);
  mkdirSync(dirname(db), { recursive: true });
  log(`ingesting ${corpus} into ${db} (once)…`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'marsad'), 'ingest', corpus, '--db', db, '--format', 'json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code: number = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`marsad ingest exited with ${code}`);
  return { ingestS: (performance.now() - t0) / MS_PER_S, summary: JSON.parse(out || 'null') };
}

async function timeLoad(browser: Browser, url: string, target: Target): Promise<Timing> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ar' });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  const t0 = performance.now();
  await page.goto(url + '/' + target.hash);
  const timing = { summary: '' } as Timing;
  for (const mark of target.marks) {
    await page.locator(mark.selector).first().waitFor();
    timing[mark.name] = performance.now() - t0;
  }
  timing.summary = ((await page.locator('.summary').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  await context.close();
  return timing;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function describe(t: Record<MarkName, number>): string {
  return MARKS.map((m) => `${m} ${t[m].toFixed(0)} ms`).join(', ');
}

async function main(): Promise<void> {
  const store = await ensureStore();
  if (store.ingestS !== null) log(`ingest: ${store.ingestS.toFixed(1)} s ${JSON.stringify(store.summary)}`);
  const server = await startServer({ db });
  const browser = await launchChromium();
  const results: Record<string, { cold: Timing; warm: Record<MarkName, number> }> = {};
  try {
    // One browser for every run: the first run of a page fetches the assets (cold), later ones have them cached.
    for (const target of TARGETS) {
      const cold = await timeLoad(browser, server.url, target);
      const runs: Timing[] = [];
      for (let i = 0; i < warmRuns; i++) runs.push(await timeLoad(browser, server.url, target));
      const warm = Object.fromEntries(MARKS.map((m) => [m, median(runs.map((r) => r[m]))])) as Record<MarkName, number>;
      results[target.name] = { cold, warm };
      log(`${target.name}: ${cold.summary}`);
      log(`  cold:               ${describe(cold)}`);
      log(`  warm (median of ${warmRuns}): ${describe(warm)}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (asJson) console.log(JSON.stringify({ db, corpus, ingestS: store.ingestS, warmRuns, marks: { rows: 'first table rows', drawn: 'chart drawn (table shown)', complete: 'every event read and drawn' }, pages: results }, null, 2));
}

main().catch((e: unknown) => {
  console.error(`bench-dashboard: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
