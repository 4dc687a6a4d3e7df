import { join } from 'node:path';
import { evalSegmentation } from './eval/segmentation.js';
import { argValue, projectRoot } from './util.js';
const path = argValue('--ud') ?? join(projectRoot, '..', 'shared', 'data', 'ud', 'ar_pud-ud-test.conllu');
const r = evalSegmentation(path);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`segmentation (UD Arabic-PUD, ${r.sentences} sentences, ${r.skipped} skipped): words P ${pct(r.words.precision)} R ${pct(r.words.recall)} F1 ${pct(r.words.f1)}; clitic words P ${pct(r.clitics.precision)} R ${pct(r.clitics.recall)} F1 ${pct(r.clitics.f1)} (gold ${r.clitics.gold}); token accuracy ${pct(r.tokenAccuracy)}`);
