/**
 * Trains the statistical NER tagger and writes it to models/ner/.
 *
 * node dist/scripts/train-ner.js [--data ../shared/data/ner] [--ant ../shared/corpus/ant-news.jsonl]
 *   [--out models/ner] [--resources DIR] [--recluster] [--clusters 256]
 *   [--epochs 10] [--ensemble 5] [--seed 1] [--min-count 1] [--prune 0.6]
 *   [--gaz-folds 5] [--gaz-dropout 0.1] [--no-gaz-weak] [--doc-block 30] [--doc-dropout 0.3]
 *   [--corpora anercorp,aqmar] [--no-domain-augment] [--prefixes 4,6,10,20] [--window 2]
 *   [--no-bigrams] [--no-char-model] [--no-char-ngrams] [--no-alt-stem] [--no-doc] [--no-segmenter] [--no-clusters]
 *   [--algorithm perceptron|crf] [--kb] [--dev] [--no-save]
 *
 * Trains on anercorp-train.txt and aqmar-train.txt only. --dev scores the dev
 * splits after training (and --dev-every N epochs): for comparing configurations,
 * never for training. The word resources (lexicon.tsv, clusters.tsv) are reused
 * from --resources (default: --out) when present; otherwise (or with --recluster)
 * they are learnt from --ant first (scripts/brown-clusters.ts, a few minutes).
 *
 * With --kb, knowledge-base matches (data/kb, found as `marsad tag --conll` finds
 * them) are features of their own, in training as in tagging. Without it (the
 * shipped model) the tagger reads the caller's KB matches as it reads its own
 * gazetteer of training names: with --kb the dev scores through the CLI were
 * lower (ANERcorp 73.6 against 73.8, AQMAR 66.0 against 69.1, November 2026).
 * The model also gets a genre classifier (news / wiki) from the two corpora, so
 * tagging picks the domain itself; --dev measures that way, as the CLI does.
 *
 * The shipped model is `node dist/scripts/train-ner.js` with the defaults (about
 * a minute, after the word resources).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWordResources } from '../src/entities/ner/build-resources.js';
import { readConll, type LabelledSentence } from '../src/entities/ner/corpus.js';
import { formatScores, scoreSpans } from '../src/entities/ner/evaluate.js';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../src/entities/ner/features.js';
import { DOMAIN_ID, type NerDomain, type NerModel } from '../src/entities/ner/model.js';
import { WordResources } from '../src/entities/ner/resources.js';
import { DEFAULT_TRAIN_OPTIONS, train, type TrainSentence } from '../src/entities/ner/train.js';
import { documentOfTokens } from '../src/entities/conll.js';
import { entityResources } from '../src/entities/resources.js';
import { matchPhrases } from '../src/entities/phrase-match.js';
import { sentenceTokenRanges } from '../src/entities/tokens.js';

type KbTags = Array<string[] | undefined>;

/**
 * Knowledge-base matches of each sentence as the entity stage gives them to the
 * tagger (src/entities/recognize.ts: every alias match, 'B-/I-TYPE-gaz' on its
 * tokens), over documents of 64 sentences as `tag --conll` builds them.
 */
function kbTagsOf(sentences: readonly (readonly string[])[]): KbTags[] {
  const res = entityResources();
  const out: KbTags[] = [];
  for (let a = 0; a < sentences.length; a += 64) {
    const batch = sentences.slice(a, a + 64);
    const doc = documentOfTokens(batch);
    const ranges = sentenceTokenRanges(doc.tokens, doc.sentences);
    ranges.forEach((r, s) => {
      const g: KbTags = new Array(batch[s].length);
      if (r.to - r.from !== batch[s].length) throw new Error(`sentence ${a + s}: ${r.to - r.from} tokens for ${batch[s].length} words`);
      for (const m of matchPhrases(doc.text, doc.tokens, r.from, r.to, res.aliases)) {
        const type = m.value[0].type;
        for (let i = m.from; i < m.to; i++) g[i - r.from] = [`${i === m.from ? 'B' : 'I'}-${type}-gaz`];
      }
      out.push(g);
    });
  }
  return out;
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
function arg(name: string, def: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : def;
}
const flag = (name: string): boolean => argv.includes(`--${name}`);

const dataDir = resolve(ROOT, arg('data', '../shared/data/ner'));
const antPath = resolve(ROOT, arg('ant', '../shared/corpus/ant-news.jsonl'));
const outDir = resolve(ROOT, arg('out', 'models/ner'));
const resDir = resolve(ROOT, arg('resources', arg('out', 'models/ner')));
const corpora = arg('corpora', 'anercorp,aqmar').split(',');
const CORPUS_DOMAIN: Record<string, NerDomain> = { anercorp: 'news', aqmar: 'wiki' };

const missing = corpora.map((c) => join(dataDir, `${c}-train.txt`)).filter((p) => !existsSync(p));
if (missing.length) {
  console.error(`missing training data: ${missing.join(', ')}\n(pass --data DIR with ${corpora.map((c) => `${c}-train.txt`).join(', ')})`);
  process.exit(2);
}

const lexPath = join(resDir, 'lexicon.tsv'), clPath = join(resDir, 'clusters.tsv');
if (flag('recluster') || !existsSync(lexPath) || !existsSync(clPath)) {
  if (!existsSync(antPath)) {
    console.error(`missing word resources (${lexPath}, ${clPath}) and the corpus to learn them: ${antPath}\n(pass --ant PATH or --resources DIR)`);
    process.exit(2);
  }
  buildWordResources({ antPath, dataDir, outDir: resDir, clusters: Number(arg('clusters', '256')), maxVocab: 50000, minCount: 3 });
}
const res = WordResources.load(lexPath, clPath);

const cfg: FeatureConfig = {
  ...DEFAULT_FEATURE_CONFIG,
  clusterPrefixes: arg('prefixes', DEFAULT_FEATURE_CONFIG.clusterPrefixes.join(',')).split(',').filter(Boolean).map(Number),
  window: Number(arg('window', String(DEFAULT_FEATURE_CONFIG.window))),
  domainAugment: !flag('no-domain-augment'),
  domainAll: flag('domain-all'),
  bigrams: !flag('no-bigrams'),
  charModel: !flag('no-char-model'),
  conjunctions: flag('conjunctions'),
  docFeatures: !flag('no-doc'),
  segmenter: !flag('no-segmenter'),
  charNgrams: !flag('no-char-ngrams'),
  altStem: !flag('no-alt-stem'),
  kbFeatures: flag('kb'),
};
if (flag('no-clusters')) cfg.clusterPrefixes = [];

const sentences: TrainSentence[] = [];
// --repeat aqmar=2 shows a corpus that many times per epoch.
const repeat = new Map(arg('repeat', '').split(',').filter(Boolean).map((x) => { const [c, n] = x.split('='); return [c, Number(n)] as [string, number]; }));
for (const c of corpora) {
  const domain = DOMAIN_ID[CORPUS_DOMAIN[c] ?? 'news'];
  const sents = readConll(join(dataDir, `${c}-train.txt`));
  const kb = cfg.kbFeatures ? kbTagsOf(sents.map((s) => s.words)) : null;
  for (let r = 0; r < (repeat.get(c) ?? 1); r++) sents.forEach((s, i) => sentences.push({ words: s.words, tags: s.tags, domain, gazetteer: kb?.[i] }));
}

const dev: Array<{ name: string; sents: LabelledSentence[]; kb: KbTags[] | null }> = [];
if (flag('dev')) {
  for (const c of ['anercorp', 'aqmar']) {
    const p = join(dataDir, `${c}-dev.txt`);
    if (!existsSync(p)) continue;
    const sents = readConll(p);
    dev.push({ name: c, sents, kb: cfg.kbFeatures ? kbTagsOf(sents.map((s) => s.words)) : null });
  }
}
function measure(model: NerModel, verbose: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  const pct = (x: number): number => Math.round(x * 10000) / 100;
  for (const d of dev) {
    const gold = d.sents.map((s) => s.tags);
    const kb = d.kb;
    const pred = d.sents.map((s, i) => model.tag(s.words, { gazetteer: kb ? (j) => kb[i][j] : undefined }));
    const sc = scoreSpans(gold, pred);
    out[d.name] = pct(sc.micro.f1);
    if (verbose) console.log(formatScores(`${d.name}-dev (sentence by sentence)`, sc));
    if (cfg.docFeatures) {
      // As `tag --conll` does: documents of 64 sentences, the genre judged per document.
      const dp: string[][] = [];
      for (let a = 0; a < d.sents.length; a += 64) {
        dp.push(...model.tagDocument(d.sents.slice(a, a + 64).map((s) => s.words), { gazetteer: kb ? (s, j) => kb[a + s][j] : undefined }));
      }
      const ds = scoreSpans(gold, dp);
      out[`${d.name}-doc`] = pct(ds.micro.f1);
      if (verbose) console.log(formatScores(`${d.name}-dev (tagDocument, 64-sentence documents)`, ds));
    }
  }
  return out;
}

const opts = {
  ...DEFAULT_TRAIN_OPTIONS,
  epochs: Number(arg('epochs', String(DEFAULT_TRAIN_OPTIONS.epochs))),
  minCount: Number(arg('min-count', String(DEFAULT_TRAIN_OPTIONS.minCount))),
  gazFolds: Number(arg('gaz-folds', String(DEFAULT_TRAIN_OPTIONS.gazFolds))),
  gazDropout: Number(arg('gaz-dropout', String(DEFAULT_TRAIN_OPTIONS.gazDropout))),
  bag: Number(arg('bag', '1')),
  gazWeak: !flag('no-gaz-weak'),
  docBlock: Number(arg('doc-block', '30')),
  docDropout: Number(arg('doc-dropout', '0.3')),
  ensemble: Number(arg('ensemble', String(DEFAULT_TRAIN_OPTIONS.ensemble ?? 1))),
  wordDropout: Number(arg('word-dropout', String(DEFAULT_TRAIN_OPTIONS.wordDropout ?? 0))),
  prune: Number(arg('prune', String(DEFAULT_TRAIN_OPTIONS.prune))),
  seed: Number(arg('seed', String(DEFAULT_TRAIN_OPTIONS.seed))),
  algorithm: arg('algorithm', DEFAULT_TRAIN_OPTIONS.algorithm ?? 'perceptron') as 'perceptron' | 'crf',
  c2: Number(arg('c2', String(DEFAULT_TRAIN_OPTIONS.c2 ?? 1))),
  eta0: Number(arg('eta0', String(DEFAULT_TRAIN_OPTIONS.eta0 ?? 0.1))),
  log: (m: string) => console.log(m),
  onEpoch: dev.length ? (e: number, snap: () => NerModel) => {
    if (e % Number(arg('dev-every', '1')) === 0) console.log(`  dev micro-F1 after epoch ${e}:`, JSON.stringify(measure(snap(), false)));
  } : undefined,
};
const t0 = Date.now();
const info = {
  trainedOn: corpora.map((c) => `${c}-train.txt`),
  epochs: opts.epochs,
  minCount: opts.minCount,
  gazFolds: opts.gazFolds,
  gazDropout: opts.gazDropout,
  wordDropout: opts.wordDropout,
  algorithm: opts.algorithm,
  date: new Date().toISOString().slice(0, 10),
};
const model = train(sentences, res, cfg, opts, info);
console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${model.ids.length} weight rows`);
if (dev.length) console.log('FINAL', JSON.stringify(measure(model, true)));
if (!flag('no-save')) {
  mkdirSync(outDir, { recursive: true });
  if (resolve(resDir) !== resolve(outDir)) { copyFileSync(lexPath, join(outDir, 'lexicon.tsv')); copyFileSync(clPath, join(outDir, 'clusters.tsv')); }
  const { bytes } = model.save(outDir);
  console.log(`wrote ${outDir}/weights.bin (${(bytes / 1e6).toFixed(2)} MB)`);
  writeFileSync(join(outDir, 'training.json'), JSON.stringify({ features: cfg, ...info }, null, 2) + '\n');
}
