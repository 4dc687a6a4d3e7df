/**
 * `npm run eval`: accuracy on the development data in ../shared/data.
 * Each part says what it needs and is skipped with a note when that is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evalSegmentation } from './eval/segmentation.js';
import { evalDetection, evalGold, evalSpans } from './eval/events.js';
import { evalNer } from './eval/ner.js';
import { argValue, projectRoot } from './util.js';

const shared = argValue('--shared') ?? join(projectRoot, '..', 'shared');
const pct = (x: number) => (100 * x).toFixed(1);

async function section(title: string, needs: string[], run: () => void | Promise<void>): Promise<void> {
  console.log(`\n## ${title}`);
  const missing = needs.filter((p) => !existsSync(p));
  if (missing.length) {
    console.log(`skipped: missing ${missing.join(', ')}`);
    return;
  }
  await run();
}

const ud = join(shared, 'data', 'ud', 'ar_pud-ud-test.conllu');
await section('Clitic segmentation (UD Arabic-PUD)', [ud], () => {
  const r = evalSegmentation(ud);
  console.log(`sentences ${r.sentences} (skipped ${r.skipped}); the article ال is merged into its stem as in UD`);
  console.log(`words:        P ${pct(r.words.precision)}  R ${pct(r.words.recall)}  F1 ${pct(r.words.f1)}  (gold ${r.words.gold})`);
  console.log(`clitic words: P ${pct(r.clitics.precision)}  R ${pct(r.clitics.recall)}  F1 ${pct(r.clitics.f1)}  (gold ${r.clitics.gold})`);
  console.log(`orthographic tokens segmented exactly: ${pct(r.tokenAccuracy)} %`);
});

for (const set of ['anercorp-dev', 'aqmar-dev']) {
  const path = join(shared, 'data', 'ner', `${set}.txt`);
  await section(`Named entities: ${set} (through tag --conll; exact spans, conlleval)`, [path], () => {
    const r = evalNer(path);
    for (const [type, x] of Object.entries(r.byType)) console.log(`${type.padEnd(5)} P ${pct(x.precision)}  R ${pct(x.recall)}  F1 ${pct(x.f1)}  (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`);
    console.log(`micro P ${pct(r.micro.precision)}  R ${pct(r.micro.recall)}  F1 ${pct(r.micro.f1)}  (${r.sentences} sentences, ${r.tokens} tokens, ${r.seconds.toFixed(1)} s)`);
  });
}

const events = join(shared, 'data', 'events');
await section('Event detection (GSR dev sentences, through analyze --jsonl)', [join(events, 'gsr-assault-detect-dev.csv')], async () => {
  for (const type of ['ASSAULT', 'PROTEST']) {
    const r = await evalDetection(join(events, `gsr-${type.toLowerCase()}-detect-dev.csv`), type);
    console.log(`${type.padEnd(8)} P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}; ${r.items} sentences, ${r.skipped} ambiguous skipped)`);
  }
});
await section('Event arguments (GSR dev spans: an argument agrees when it shares a content word with the coders\' consensus)', [join(events, 'gsr-assault-spans-dev.json')], async () => {
  for (const type of ['ASSAULT', 'PROTEST']) {
    const r = await evalSpans(join(events, `gsr-${type.toLowerCase()}-spans-dev.json`), type);
    console.log(`${type.padEnd(8)} ${r.items} items, ${r.withEvent} with a ${type} event; source agrees ${r.source.agree}/${r.source.gold} (${pct(r.source.agree / Math.max(1, r.source.gold))} %), target agrees ${r.target.agree}/${r.target.gold} (${pct(r.target.agree / Math.max(1, r.target.gold))} %)`);
  }
});
await section('Event F1 (marsad-gold-dev articles)', [join(events, 'marsad-gold-dev.json')], async () => {
  const r = await evalGold(join(events, 'marsad-gold-dev.json'));
  console.log(`P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}  (${r.tp} of ${r.predicted} predicted events match; ${r.happenings - r.fn} of ${r.happenings} happenings found)`);
  for (const [type, b] of Object.entries(r.byType).sort((a, b) => b[1].happenings - a[1].happenings))
    console.log(`  ${type.padEnd(10)} predicted ${String(b.predicted).padStart(3)}  matched ${String(b.matched).padStart(3)}  happenings ${String(b.happenings).padStart(3)}  found ${String(b.found).padStart(3)}`);
});
