/**
 * Builds `data/arabic/wordfreq.txt`: Arabic word forms (diacritics and tatweel
 * stripped, spelling otherwise kept) with their counts in an unlabelled news
 * corpus. The clitic segmenter uses it as evidence that a stem is a word.
 *
 *   node dist/scripts/build-wordfreq.js [--corpus ../shared/corpus/ant-news.jsonl] [--min 3]
 */
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { tokenize } from '../src/arabic/tokenize.js';
import { stripMarks } from '../src/arabic/normalize.js';
import { projectRoot, argValue } from './util.js';

const corpus = argValue('--corpus') ?? join(projectRoot, '..', 'shared', 'corpus', 'ant-news.jsonl');
const minCount = Number(argValue('--min') ?? 3);
if (!existsSync(corpus)) {
  console.error(`build-wordfreq: corpus not found: ${corpus} (pass --corpus FILE.jsonl)`);
  process.exit(2);
}

const counts = new Map<string, number>();
let articles = 0;
const lines = createInterface({ input: createReadStream(corpus, 'utf8'), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const a = JSON.parse(line) as { title?: string; text?: string };
  articles++;
  for (const part of [a.title ?? '', a.text ?? '']) {
    for (const t of tokenize(part)) {
      if (t.kind !== 'word') continue;
      const w = stripMarks(part.slice(t.start, t.end));
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
}
const kept = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = join(projectRoot, 'data', 'arabic', 'wordfreq.txt');
writeFileSync(out, `# word counts from ${articles} articles of the ANT corpus v1.1 (JawharaFM); see data/arabic/NOTICE.md\n` + kept.map(([w, c]) => `${w}\t${c}`).join('\n') + '\n');
console.log(`build-wordfreq: ${kept.length} forms (of ${counts.size}) from ${articles} articles -> ${out}`);
