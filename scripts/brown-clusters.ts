/**
 * Learns the NER tagger's word resources from unlabelled text (a separate,
 * cacheable step of `train-ner`):
 *   <out>/lexicon.tsv   normalised word counts (for clitic stripping)
 *   <out>/clusters.tsv  Brown clusters of light stems: bit string, word, count
 *
 * node dist/scripts/brown-clusters.js [--ant ../shared/corpus/ant-news.jsonl]
 *   [--data ../shared/data/ner] [--out models/ner] [--clusters 256] [--vocab 50000] [--min-count 3]
 *
 * Only the training splits' text is added to the news (never the dev splits).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWordResources } from '../src/entities/ner/build-resources.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

const antPath = resolve(ROOT, arg('ant', '../shared/corpus/ant-news.jsonl'));
const dataDir = resolve(ROOT, arg('data', '../shared/data/ner'));
if (!existsSync(antPath)) {
  console.error(`missing the unlabelled news corpus: ${antPath}\n(pass --ant PATH to the ANT news JSON-lines file)`);
  process.exit(2);
}
buildWordResources({
  antPath,
  dataDir: existsSync(dataDir) ? dataDir : null,
  outDir: resolve(ROOT, arg('out', 'models/ner')),
  clusters: Number(arg('clusters', '256')),
  maxVocab: Number(arg('vocab', '50000')),
  minCount: Number(arg('min-count', '3')),
});
