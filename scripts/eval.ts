/**
 * `npm run eval`: accuracy on the development data in ../shared/data.
 * Each part says what it needs and is skipped with a note when that is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evalSegmentation } from './eval/segmentation.js';
import { argValue, projectRoot } from './util.js';

const shared = argValue('--shared') ?? join(projectRoot, '..', 'shared');
const pct = (x: number) => (100 * x).toFixed(1);

function section(title: string, needs: string[], run: () => void): void {
  console.log(`\n## ${title}`);
  const missing = needs.filter((p) => !existsSync(p));
  if (missing.length) {
    console.log(`skipped: missing ${missing.join(', ')}`);
    return;
  }
  run();
}

const ud = join(shared, 'data', 'ud', 'ar_pud-ud-test.conllu');
section('Clitic segmentation (UD Arabic-PUD)', [ud], () => {
  const r = evalSegmentation(ud);
  console.log(`sentences ${r.sentences} (skipped ${r.skipped}); the article ال is merged into its stem as in UD`);
  console.log(`words:        P ${pct(r.words.precision)}  R ${pct(r.words.recall)}  F1 ${pct(r.words.f1)}  (gold ${r.words.gold})`);
  console.log(`clitic words: P ${pct(r.clitics.precision)}  R ${pct(r.clitics.recall)}  F1 ${pct(r.clitics.f1)}  (gold ${r.clitics.gold})`);
  console.log(`orthographic tokens segmented exactly: ${pct(r.tokenAccuracy)} %`);
});
