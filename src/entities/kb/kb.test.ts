import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KbError, aliasKey, lastLoadInfo, loadKb, nisbaForms } from './index.js';
import type { Kb } from './index.js';

/** The shipped KB, loaded once for the tests that read it. */
let shipped: Kb | null = null;
function kb(): Kb {
  shipped ??= loadKb();
  return shipped;
}

/** Writes `text` to a fresh temporary file named `name` and returns its path. */
function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-kb-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The KbError thrown by `fn`, or a failure. */
function kbError(fn: () => unknown): KbError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KbError) return e;
    throw e;
  }
  assert.fail('expected a KbError');
}

test('the shipped KB loads with every ISO country and hundreds of actors', () => {
  const k = kb();
  assert.equal(k.countries.length, 249);
  assert.ok(k.actors.length >= 300, `only ${k.actors.length} actors`);
  assert.ok(k.places.length > 0, 'no places (run scripts/build-gazetteer.ts)');
  assert.equal(k.countryByIso3.get('LBY')?.name, 'ليبيا');
  assert.equal(k.countryByIso3.get('TUN')?.capital?.name, 'تونس');
  assert.ok(k.maxAliasTokens >= 3);
});

test('alias keys fold hamza, ta marbuta, alef maqsura, diacritics and spacing', () => {
  assert.equal(aliasKey('أمريكا'), aliasKey('امريكا'));
  assert.equal(aliasKey('الليبيّة'), 'الليبيه');
  assert.equal(aliasKey('  مجلس   الأمن\tالدولي '), 'مجلس الامن الدولي');
  assert.equal(aliasKey('مصطفى'), 'مصطفي');
  assert.equal(aliasKey(aliasKey('إيران')), aliasKey('إيران'), 'keys are idempotent');
});

test('spelling variants of the United States all lead to USA', () => {
  for (const name of ['أمريكا', 'أميركا', 'امريكا', 'الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية']) {
    const first = kb().lookup(name)[0];
    assert.equal(first?.kind, 'country', name);
    assert.equal(first?.actor, 'USA', name);
  }
  assert.equal(kb().lookup('المملكة المتحدة')[0]?.id, 'GBR');
  assert.equal(kb().lookup('بريطانيا')[0]?.id, 'GBR');
});

test('Haftar is found by surname, title and full name; AFRICOM by acronym and full name', () => {
  for (const name of ['حفتر', 'المشير خليفة حفتر', 'خليفة حفتر', 'Khalifa Haftar']) {
    const first = kb().lookup(name)[0];
    assert.equal(first?.id, 'khalifa-haftar', name);
    assert.equal(first?.actor, 'LBYMIL');
    assert.equal(first?.type, 'PER');
  }
  for (const name of ['أفريكوم', 'افريكوم', 'القيادة الأمريكية لأفريقيا', 'AFRICOM']) assert.equal(kb().lookup(name)[0]?.id, 'africom', name);
  assert.equal(kb().lookup('الجيش الوطني الليبي')[0]?.actor, 'LBYMIL');
});

test('metonyms stand for governments', () => {
  assert.equal(kb().lookup('البيت الأبيض')[0]?.actor, 'USAGOV');
  assert.equal(kb().lookup('الكرملين')[0]?.actor, 'RUSGOV');
  assert.equal(kb().lookup('قصر قرطاج')[0]?.actor, 'TUNGOV');
  assert.equal(kb().lookup('واشنطن')[0]?.actor, 'USA');
});

test('ambiguous names are flagged and ranked after unambiguous readings', () => {
  const mali = kb().lookup('مالي');
  assert.equal(mali[0]?.id, 'MLI');
  assert.equal(mali[0]?.ambiguous, true, 'مالي also means "financial"');
  const amman = kb().lookup('عمان');
  assert.equal(amman[0]?.country, 'JOR', 'bare عمان reads as Amman first');
  assert.ok(amman.some((c) => c.id === 'OMN' && c.ambiguous));
});

test('nisba stems inflect into every gender, number and article form', () => {
  const forms = new Set(nisbaForms('ليبي').map((f) => f.form));
  for (const w of ['ليبي', 'ليبية', 'ليبيان', 'ليبيتان', 'ليبيون', 'ليبيين', 'ليبيات', 'الليبي', 'الليبية', 'الليبيون', 'لليبيين']) {
    assert.ok(forms.has(aliasKey(w)), w);
  }
  const korean = new Set(nisbaForms('كوري شمالي').map((f) => f.form));
  assert.ok(korean.has(aliasKey('الكورية الشمالية')));
  assert.ok(korean.has(aliasKey('الكوريون الشماليون')));
});

test('nisbaCountry maps nationality adjectives to ISO3', () => {
  const cases: Array<[string, string]> = [
    ['الليبية', 'LBY'], ['الأمريكي', 'USA'], ['الأميركي', 'USA'], ['التونسيين', 'TUN'], ['المصريون', 'EGY'],
    ['ليبيتان', 'LBY'], ['الفرنسية', 'FRA'], ['الأتراك', 'TUR'], ['الروس', 'RUS'], ['الكوري الشمالي', 'PRK'],
  ];
  for (const [word, iso3] of cases) assert.equal(kb().nisbaCountry(aliasKey(word)), iso3, word);
  const reading = kb().nisbaOf('التونسيات');
  assert.deepEqual([reading?.gender, reading?.number, reading?.definite], ['f', 'pl', true]);
});

test('group nouns are MISC, not countries; ambiguous stems do not resolve', () => {
  assert.equal(kb().nisbaCountry('الكردية'), null);
  assert.equal(kb().nisbaOf('الأكراد')?.group, 'kurds');
  assert.equal(kb().nisbaOf('العرب')?.group, 'arabs');
  assert.equal(kb().lookup('الأكراد')[0]?.type, 'MISC');
  assert.equal(kb().nisbaCountry('المالية'), null, 'المالية is "the finance", not Malian');
  assert.equal(kb().nisbaOf('المالية')?.ambiguous, true);
});

test('roleOf gives the role of titles, groups and organisation heads, with or without ال', () => {
  const role = (p: string): [string | null, string] | null => {
    const r = kb().roleOf(aliasKey(p));
    return r ? [r.role, r.kind] : null;
  };
  assert.deepEqual(role('الرئيس'), ['GOV', 'title']);
  assert.deepEqual(role('المشير'), ['MIL', 'title']);
  assert.deepEqual(role('وزير الدفاع'), ['GOVMIL', 'title']);
  assert.deepEqual(role('القائم بأعمال السفارة'), ['DIP', 'title']);
  assert.deepEqual(role('الجيش'), ['MIL', 'group']);
  assert.deepEqual(role('جيش'), ['MIL', 'org-head']);
  assert.deepEqual(role('المتظاهرين'), ['OPP', 'group']);
  assert.deepEqual(role('الحرس الوطني'), ['COP', 'group']);
  assert.deepEqual(role('حزب'), [null, 'org-head']);
  assert.equal(role('شجرة'), null);
});

test('places come from the gazetteer with coordinates', () => {
  const benghazi = kb().lookup('بنغازي').find((c) => c.kind === 'place');
  assert.equal(benghazi?.country, 'LBY');
  assert.ok(benghazi && benghazi.lat !== null && Math.abs(benghazi.lat - 32.1) < 0.5);
  assert.equal(kb().lookup('السوق').filter((c) => c.kind === 'place').length, 0, 'common words are not places');
});

test('a user YAML file adds actors; an existing id is replaced', () => {
  const path = tempFile('my-kb.yaml', [
    '- id: test-mayor',
    '  name: عمدة المدينة التجريبية',
    '  nameEn: Test Mayor',
    '  type: PER',
    '  actor: TUNGOV',
    '  country: TUN',
    '  aliases: [العمدة التجريبي]',
    '- {id: khalifa-haftar, name: خليفة حفتر, nameEn: Khalifa Haftar, type: PER, actor: LBYGOV, country: LBY, aliases: [حفتر]}',
    '',
  ].join('\n'));
  const withUser = loadKb({ extraFiles: [path] });
  assert.equal(withUser.lookup('العمدة التجريبي')[0]?.id, 'test-mayor');
  assert.equal(withUser.lookup('حفتر')[0]?.actor, 'LBYGOV');
  assert.equal(withUser.actors.filter((a) => a.id === 'khalifa-haftar').length, 1);
});

test('a user JSON file with an actors list works too', () => {
  const path = tempFile('kb.json', JSON.stringify({ actors: [{ id: 'json-actor', name: 'فاعل تجريبي', nameEn: 'Test actor', type: 'ORG', actor: null, country: null }] }, null, 2));
  assert.equal(loadKb({ extraFiles: [path] }).lookup('فاعل تجريبي')[0]?.id, 'json-actor');
});

test('a malformed YAML entry is reported with its file and line', () => {
  const path = tempFile('my-kb.yaml', [
    '# my actors',
    '- id: good-one',
    '  name: فاعل سليم',
    '  nameEn: Good one',
    '  type: ORG',
    '  actor: TUNGOV',
    '  country: TUN',
    '- id: x',
    '  name: شخص ما',
    '  nameEn: Someone',
    '  type: PERSON',
    '  actor: TUNGOV',
    '  country: TUN',
  ].join('\n'));
  const err = kbError(() => loadKb({ extraFiles: [path] }));
  assert.equal(err.line, 11);
  assert.equal(err.message, `${path}:11: actor "x" has unknown type "PERSON" (expected PER, ORG, LOC or MISC)`);
});

test('a malformed JSON entry is reported with the line computed from its offset', () => {
  const path = tempFile('bad.json', [
    '[',
    '  {"id": "a-one", "name": "أ", "nameEn": "A", "type": "ORG", "actor": "TUNGOV", "country": "TUN"},',
    '  {"id": "b-two", "name": "ب", "nameEn": "B", "type": "ORG",',
    '   "actor": "tungov", "country": "TUN"}',
    ']',
  ].join('\n'));
  const err = kbError(() => loadKb({ extraFiles: [path] }));
  assert.equal(err.line, 4);
  assert.match(err.message, /bad\.json:4: actor "b-two" has malformed actor "tungov"/);
});

test('JSON syntax errors and unknown countries name their line', () => {
  const broken = tempFile('broken.json', '[\n  {"id": "a", "name": "أ",}\n]');
  assert.equal(kbError(() => loadKb({ extraFiles: [broken] })).line, 2);
  const unknown = tempFile('unknown.yaml', '- {id: a-b, name: أ, nameEn: A, type: ORG, actor: XXXGOV, country: XXX}\n');
  assert.match(kbError(() => loadKb({ extraFiles: [unknown] })).message, /unknown\.yaml:1: actor "a-b" has unknown country "XXX"/);
  const dup = tempFile('dup.yaml', '- {id: a-b, name: أ, nameEn: A, type: ORG, actor: null}\n- {id: a-b, name: ب, nameEn: B, type: ORG, actor: null}\n');
  assert.match(kbError(() => loadKb({ extraFiles: [dup] })).message, /dup\.yaml:2: duplicate actor id "a-b"/);
});

test('the cache and the YAML sources give the same KB', () => {
  const fromYaml = loadKb({ useCache: false });
  const a = kb();
  assert.equal(fromYaml.aliasIndex.size, a.aliasIndex.size);
  assert.deepEqual(fromYaml.lookup('حفتر').map((c) => c.id), a.lookup('حفتر').map((c) => c.id));
  assert.equal(fromYaml.nisbaCountry('الليبية'), a.nisbaCountry('الليبية'));
});

test('the shipped cache is current (else loading falls back to YAML, ~10× slower)', (t) => {
  loadKb();
  if (lastLoadInfo?.fromCache !== true) {
    t.diagnostic('data/kb/kb-cache.json is stale or missing: run `npm run build && node dist/scripts/build-gazetteer.js --cache-only`');
  }
});
