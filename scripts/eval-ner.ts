/**
 * Scores the NER tagger on the dev splits: precision, recall and F1 per type and
 * micro-averaged, exact span match (conlleval style).
 *
 * node dist/scripts/eval-ner.js [--data ../shared/data/ner] [--model models/ner]
 *   [--sets anercorp-dev,aqmar-dev] [--no-train-gazetteer] [--doc-window 30] [--speed ../shared/corpus/ant-news.jsonl]
 *
 * AQMAR is tagged with domain 'wiki', everything else with 'news'. Scores are given
 * sentence by sentence (`tag`) and, since the splits have no document boundaries,
 * with `tagDocument` over windows of --doc-window consecutive sentences (0: skip). --speed also
 * measures load time and tagging speed on the news corpus.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readConll, readNewsJsonl } from '../src/entities/ner/corpus.js';
import { formatScores, scoreSpans } from '../src/entities/ner/evaluate.js';
import { NerModel } from '../src/entities/ner/model.js';
import { splitSentences, tokenize } from '../src/entities/ner/tokenize.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
function arg(name: string, def: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : def;
}
const dataDir = resolve(ROOT, arg('data', '../shared/data/ner'));
const modelDir = resolve(ROOT, arg('model', 'models/ner'));
const sets = arg('sets', 'anercorp-dev,aqmar-dev').split(',');
const trainGazetteer = !argv.includes('--no-train-gazetteer');
const docWindow = Number(arg('doc-window', '30'));

if (!existsSync(join(modelDir, 'weights.bin'))) {
  console.error(`no model in ${modelDir} (train one: node dist/scripts/train-ner.js)`);
  process.exit(2);
}
const t0 = performance.now();
const model = NerModel.load(modelDir);
const loadMs = performance.now() - t0;
console.log(`model: ${modelDir} (${model.ids.length} weight rows), loaded in ${loadMs.toFixed(0)} ms`);
if (model.segmenterChanged()) console.warn('warning: src/arabic/segment.ts changed since this model was trained: retrain (node dist/scripts/train-ner.js)');

let ran = 0;
for (const name of sets) {
  const p = join(dataDir, name.endsWith('.txt') ? name : `${name}.txt`);
  if (!existsSync(p)) { console.error(`missing ${p} (pass --data DIR)`); continue; }
  const sents = readConll(p);
  const domain = /aqmar/i.test(name) ? 'wiki' : 'news';
  const gold = sents.map((s) => s.tags);
  const pred = sents.map((s) => model.tag(s.words, { domain, trainGazetteer }));
  console.log(formatScores(`${name} (sentence by sentence)`, scoreSpans(gold, pred)));
  if (docWindow > 0) {
    // The splits have no document boundaries: runs of consecutive sentences stand in for documents.
    const dpred: string[][] = [];
    for (let a = 0; a < sents.length; a += docWindow) {
      dpred.push(...model.tagDocument(sents.slice(a, a + docWindow).map((s) => s.words), { domain, trainGazetteer }));
    }
    console.log(formatScores(`${name} (tagDocument, ${docWindow}-sentence windows)`, scoreSpans(gold, dpred)));
  }
  ran++;
}
if (!ran) { console.error('no evaluation set found'); process.exit(2); }

const speedPath = argv.includes('--speed') ? resolve(ROOT, arg('speed', '../shared/corpus/ant-news.jsonl')) : null;
if (speedPath) {
  if (!existsSync(speedPath)) { console.error(`missing ${speedPath}`); process.exit(2); }
  const sentences = readNewsJsonl(speedPath).flatMap((t) => splitSentences(tokenize(t)).map((s) => s.map((x) => x.text)));
  let tokens = 0;
  // Warm-up on a slice, then a timed pass over everything on a fresh model (cold word cache).
  const fresh = NerModel.load(modelDir);
  const t1 = performance.now();
  for (const s of sentences) { fresh.tag(s); tokens += s.length; }
  const sec = (performance.now() - t1) / 1000;
  console.log(`speed: ${tokens} tokens in ${sec.toFixed(2)} s = ${Math.round(tokens / sec)} tokens/s (one core, cold cache)`);
  let tokens2 = 0;
  const t2 = performance.now();
  for (const s of sentences) { fresh.tag(s); tokens2 += s.length; }
  const sec2 = (performance.now() - t2) / 1000;
  console.log(`speed: ${Math.round(tokens2 / sec2)} tokens/s (second pass, warm word cache)`);
}
