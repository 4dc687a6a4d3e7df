/**
 * `npm run bench`: speed of the pipeline on real news (../shared/corpus/ant-news.jsonl):
 * articles/s and MB/s of `analyze --jsonl` (the real CLI, output discarded), the cost
 * of each stage in-process, how cost grows with article size, and peak memory; then
 * the store and API part (`bench-store.js`, also `npm run bench:store`): ingest
 * throughput on SQLite and PostgreSQL, and the API under concurrent reads and
 * writes from a second process (throughput, p50/p99 latency, errors, and a check
 * of the store afterwards). Figures vary with the machine; no test asserts them.
 *
 *   node dist/scripts/bench.js [--corpus FILE] [--limit N] [--skip-store] [bench-store options: --sizes, --skip-pg, --skip-api, --api-seconds, …]
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { argValue, hasFlag, projectRoot } from './util.js';
import { read, defaultStages } from '../src/pipeline/analyze.js';
import { NerModel } from '../src/entities/ner/model.js';
import { defaultModelDir } from '../src/entities/ner/index.js';
import type { MarsadDocument } from '../src/model/document.js';

const corpus = argValue('--corpus') ?? join(projectRoot, '..', 'shared', 'corpus', 'ant-news.jsonl');
const limit = Number(argValue('--limit') ?? Infinity);
if (!existsSync(corpus)) {
  console.error(`bench: corpus not found: ${corpus} (pass --corpus FILE.jsonl)`);
  process.exit(2);
}

/** The CLI over the whole file: wall time, throughput and the child's peak RSS. */
async function cliBatch(): Promise<void> {
  const bytes = statSync(corpus).size;
  const t0 = performance.now();
  // GNU time reports the child's peak RSS; without it the figure is left out.
  const args = [join(projectRoot, 'bin', 'marsad'), 'analyze', '--jsonl', corpus, '--no-tokens'];
  const timed = existsSync('/usr/bin/time');
  const child = timed ? spawn('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let errors = 0;
  let stderr = '';
  child.stdout.setEncoding('utf8');
  let rest = '';
  child.stdout.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) {
      lines++;
      if (p.startsWith('{"error"')) errors++;
    }
  });
  child.stderr.on('data', (d) => (stderr += d));
  const code: number = await new Promise((r) => child.on('close', r));
  const s = (performance.now() - t0) / 1000;
  const peakKb = timed ? Number(stderr.trim().split('\n').pop()) : NaN;
  const peak = Number.isFinite(peakKb) ? `, peak RSS ${(peakKb / 1024).toFixed(0)} MB` : '';
  console.log(`analyze --jsonl (CLI, one process): ${lines} articles (${errors} errors, exit ${code}) in ${s.toFixed(1)} s: ${(lines / s).toFixed(0)} articles/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s${peak}`);
}

/** Articles whose sentences time the NER tagger alone. */
const TAGGER_ARTICLES = 2000;

function sentencesOf(doc: MarsadDocument): string[][] {
  return doc.sentences.map((s) => doc.tokens.filter((t) => t.start >= s.start && t.end <= s.end).map((t) => doc.text.slice(t.start, t.end)));
}

/** The NER model's load time (a fresh load) and tagging speed (two passes, as the entity stage tags). */
function tagger(docs: string[][][]): void {
  let t = performance.now();
  const model = NerModel.load(defaultModelDir());
  const loadMs = performance.now() - t;
  let n = 0;
  t = performance.now();
  for (const sentences of docs) {
    model.tagDocument(sentences);
    for (const s of sentences) n += s.length;
  }
  const s = (performance.now() - t) / 1000;
  console.log(`  NER tagger: model loaded in ${loadMs.toFixed(0)} ms; ${n} tokens of ${docs.length} articles tagged at ${(n / s / 1000).toFixed(0)} k tokens/s (one core, both passes)`);
}

/** In-process: the time each stage takes over the corpus. */
async function stages(): Promise<void> {
  const articles: { text: string; title?: string }[] = [];
  const lines = createInterface({ input: createReadStream(corpus, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) articles.push(JSON.parse(line));
    if (articles.length >= limit) break;
  }
  const all = defaultStages();
  const time = new Map<string, number>(all.map((s) => [s.name, 0]));
  let readMs = 0;
  let tokens = 0;
  const tagged: string[][][] = [];
  let chars = 0;
  for (const a of articles) {
    let t = performance.now();
    let doc = read(a);
    readMs += performance.now() - t;
    chars += doc.text.length;
    for (const s of all) {
      t = performance.now();
      doc = s.run(doc, { options: {} });
      time.set(s.name, (time.get(s.name) ?? 0) + performance.now() - t);
    }
    tokens += doc.tokens.length;
    if (tagged.length < TAGGER_ARTICLES) tagged.push(sentencesOf(doc));
  }
  const total = readMs + [...time.values()].reduce((a, b) => a + b, 0);
  console.log(`in-process over ${articles.length} articles, ${tokens} tokens, ${(chars / 1e6).toFixed(1)} M chars: ${(articles.length / (total / 1000)).toFixed(0)} articles/s, ${(tokens / (total / 1000) / 1000).toFixed(0)} k tokens/s`);
  console.log(`  read: ${readMs.toFixed(0)} ms`);
  for (const [name, ms] of time) console.log(`  ${name}: ${ms.toFixed(0)} ms (${((100 * ms) / total).toFixed(0)} %)`);

  tagger(tagged);

  // How cost grows with size: one long article made of 1, 4, 16, 64 copies of the corpus's articles.
  const sample = articles.slice(0, 64).map((a) => a.text).join('\n\n');
  for (const copies of [1, 4, 16]) {
    const text = Array.from({ length: copies }, () => sample).join('\n\n');
    const t = performance.now();
    let doc = read(text);
    for (const s of all) doc = s.run(doc, { options: {} });
    const ms = performance.now() - t;
    console.log(`  one article of ${(text.length / 1e6).toFixed(2)} M chars: ${ms.toFixed(0)} ms (${((ms / text.length) * 1e6).toFixed(0)} ms per M chars)`);
  }
  console.log(`  peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

/**
 * The store and API bench in a child process (its own memory figures stay its
 * own), with this command's options passed on; `--limit` is the analysis bench's.
 */
async function storeBench(): Promise<number> {
  const args: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--limit') i++;
    else if (argv[i] !== '--skip-store') args.push(argv[i]);
  }
  console.log('# store and API');
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'scripts', 'bench-store.js'), ...args], { stdio: 'inherit' });
  return new Promise((r) => child.on('close', (code) => r(code ?? 1)));
}

console.log(`# bench on ${corpus} (${(statSync(corpus).size / 1e6).toFixed(1)} MB)`);
await cliBatch();
await stages();
if (!hasFlag('--skip-store')) process.exitCode = await storeBench();
