import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { normalize } from '../../arabic/normalize.js';
import { cameoTable, ploverOf } from './cameo.js';
import { compileHandSource, morphologyOf, phraseLemma, type TriggerSource } from './compile.js';
import { loadEventLexicon } from './loader.js';
import { eventDataPath } from './paths.js';
import { dropSeedConflicts, parseSeedDictionary, seedEntries } from './seed.js';

const source = parse(readFileSync(eventDataPath('triggers.yaml'), 'utf8')) as TriggerSource;

test('the compiled lexicon loads, and every code is in the table', () => {
  const lex = loadEventLexicon();
  assert.equal(lex.data.schema, 'marsad.event-lexicon/1');
  const MIN_HAND = 250;
  assert.ok(lex.data.entries.filter((e) => e.source === 'hand').length >= MIN_HAND);
  for (const e of lex.data.entries) {
    assert.ok(cameoTable().has(e.cameo), `${e.id}: ${e.cameo}`);
    assert.ok(e.parts.length > 0 && e.parts.every((p) => p.forms.length > 0), e.id);
    for (const p of e.parts) for (const f of p.forms) assert.equal(normalize(f), f, `${e.id}: ${f} is not normalised`);
  }
  for (const c of lex.data.cues) assert.ok(cameoTable().has(c.cameo));
  assert.equal(loadEventLexicon(), lex, 'cached');
});

test('no single form maps to two PLOVER types without a recorded reason', () => {
  const allowed = new Set((source.ambiguous ?? []).map((a) => normalize(a.form)));
  const owners = new Map<string, Map<string, string[]>>();
  for (const e of loadEventLexicon().data.entries) {
    const plover = ploverOf(e.cameo);
    if (e.parts.length !== 1 || !plover) continue;
    for (const f of e.parts[0].forms) {
      const byType = owners.get(f) ?? new Map<string, string[]>();
      byType.set(plover, [...(byType.get(plover) ?? []), e.id]);
      owners.set(f, byType);
    }
  }
  const clashes = [...owners].filter(([f, byType]) => byType.size > 1 && !allowed.has(f));
  assert.deepEqual(clashes.map(([f, byType]) => `${f}: ${JSON.stringify([...byType])}`), []);
  for (const a of source.ambiguous ?? []) assert.ok(a.reason.length > 0, a.form);
});

test('the hand source compiles deterministically and matches the compiled file', () => {
  const isCode = (c: string): boolean => cameoTable().has(c);
  const a = compileHandSource(source, isCode);
  const b = compileHandSource(source, isCode);
  assert.deepEqual(a, b);
  const compiled = loadEventLexicon().data.entries.filter((e) => e.source === 'hand');
  assert.deepEqual(compiled.map((e) => e.id), a.entries.map((e) => e.id), 'lexicon.json is stale: rebuild it');
});

test('phrase syntax: gaps, alternatives, attached prepositions, optional parts', () => {
  const src: TriggerSource = {
    schema: 'marsad.event-triggers/1',
    cueWindow: 4,
    verbs: { ألقى: { class: 'defective' } },
    entries: [
      { phrase: 'V:ألقى <3> القبض على?', cameo: '173' },
      { phrase: 'V:اتهم|N:اتهام <2> ب+N:تعذيب', cameo: '1122' },
    ],
  };
  const { entries } = compileHandSource(src, () => true);
  assert.equal(entries.length, 3, 'verb and noun variants of the second phrase');
  const [arrest, accuseVerb, accuseNoun] = entries;
  assert.equal(arrest.lemma, 'ألقى القبض على?');
  assert.equal(arrest.parts[1].gap, 3);
  assert.equal(arrest.parts[2].optional, true);
  assert.ok(arrest.parts[0].forms.includes('القت'));
  assert.equal(accuseVerb.parts[0].kind, 'verb');
  assert.equal(accuseNoun.parts[0].kind, 'noun');
  assert.equal(accuseVerb.parts[1].prep, 'ب');
  assert.ok(accuseVerb.parts[1].forms.includes('تعذيب'));
  assert.equal(phraseLemma('V:أعرب <4> عن N:رغبة'), 'أعرب عن رغبة');
  assert.throws(() => compileHandSource({ ...src, entries: [{ lemma: 'قتل', pos: 'verb', cameo: '999' }] }, (c) => c !== '999'));
});

// A made-up dictionary in PETRARCH syntax, to test the seed rules.
const SEED = `
&WEAPONRY
+صاروخ_
+قذيفة_

####### VERB PATTERNS #######
--- ندد [---] ---
ندد                             # denounce
شجب                   [111]     # denounce
- * عدوان [111] # ندد
- * قنبلة [193] # ندد
- * (ل) [111] # ندد
--- قصف [---] ---
قصف                   [190]     # bomb
ندا                   [190]     # hold
- * &WEAPONRY [195] # قصف
- * مؤتمر [040] # ندا
`;

test('seed rules: reviewed verbs, gloss agreement, specific content words', () => {
  const dict = parseSeedDictionary(SEED);
  assert.deepEqual(dict.synsets.get('&WEAPONRY'), ['صاروخ', 'قذيفة']);
  assert.equal(dict.blocks.length, 2);
  const isCode = (c: string): boolean => cameoTable().has(c);
  const { entries, stats } = seedEntries(dict, morphologyOf(source), isCode, ploverOf);
  const lemmas = entries.map((e) => `${e.lemma}:${e.cameo}`).sort();
  assert.deepEqual(lemmas, ['قصف صاروخ:195', 'قصف:190', 'ندد عدوان:111'].sort());
  assert.equal(stats['patterns: dropped, no specific content word (rule 3)'], 1);
  assert.ok(stats['pattern verbs: dropped, code disagrees (rule 3)'] >= 1, 'ندد + قنبلة [193] disagrees with "denounce"');
  const salvo = entries.find((e) => e.lemma === 'قصف صاروخ')!;
  assert.ok(salvo.parts[1].forms.includes('قذائف') || salvo.parts[1].forms.includes('قذيفه'));
  assert.ok(entries.every((e) => e.source === 'universalpetrarch'));
  const hand = compileHandSource(source, isCode).entries;
  const kept = dropSeedConflicts(entries, hand, ploverOf, stats);
  assert.ok(!kept.some((e) => e.lemma === 'قصف'), 'the hand entry for قصف wins');
});
