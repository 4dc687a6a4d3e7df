import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildKb, compileIndex } from './kb.js';
import { parseJsonWithPositions } from './json-positions.js';
import { parseEntries } from './source.js';
import { readActor } from './validate.js';
import { KbError } from './errors.js';
import type { KbRecords } from './records.js';
import type { Country, KbActor, Place } from './types.js';

/** A small hand-written KB: one country, one actor, two places sharing a key. */
function tinyRecords(): KbRecords {
  const libya: Country = {
    iso3: 'LBY', iso2: 'LY', cameo: 'LBY', name: 'ليبيا', nameEn: 'Libya', sovereign: true, variants: ['دولة ليبيا'],
    ambiguousNames: [], capital: { name: 'طرابلس', nameEn: 'Tripoli', lat: 32.9, lon: 13.2 }, lat: 26.3, lon: 17.2,
    nisba: ['ليبي'], nisbaPlural: [], nisbaAmbiguous: [], metonyms: [], where: 't:1',
  };
  const haftar: KbActor = {
    id: 'khalifa-haftar', name: 'خليفة حفتر', nameEn: 'Khalifa Haftar', type: 'PER', actor: 'LBYMIL', country: 'LBY',
    wikidata: null, aliases: ['حفتر', 'حَفتر'], where: 't:2',
  };
  const place = (name: string, population: number, source: string): Place => ({
    name, key: name, kind: 'city', country: 'LBY', lat: 32, lon: 13, population, source, aliases: [], where: source,
  });
  return {
    countries: [libya], regions: [], groups: [], roles: [], actors: [haftar],
    places: [place('الزاويه', 1000, 'p:small'), place('الزاويه', 200000, 'p:big')],
  };
}

test('compiling and building: actors, countries, capitals, nisba', () => {
  const kb = buildKb(tinyRecords());
  assert.equal(kb.lookup('حفتر').length, 1, 'a spelling variant that keys the same is indexed once');
  assert.equal(kb.lookup('دولة ليبيا')[0]?.id, 'LBY');
  assert.equal(kb.lookup('طرابلس')[0]?.kind, 'capital');
  assert.equal(kb.nisbaCountry('الليبيين'), 'LBY');
  assert.equal(kb.maxAliasTokens, 2);
});

test('places sharing a key are ranked by population', () => {
  const kb = buildKb(tinyRecords());
  assert.deepEqual(kb.lookup('الزاوية').map((c) => c.id), ['p:big', 'p:small']);
});

test('the compiled index survives a JSON round trip', () => {
  const records = tinyRecords();
  const compiled = JSON.parse(JSON.stringify(compileIndex(records)));
  const kb = buildKb(records, compiled);
  assert.equal(kb.lookup('حفتر')[0]?.actor, 'LBYMIL');
  assert.equal(kb.nisbaOf('ليبيات')?.number, 'pl');
});

test('JSON positions: element lines and syntax errors', () => {
  const root = parseJsonWithPositions('[\n {"a": 1},\n\n {"b": [2, 3]}\n]', 'x.json');
  assert.deepEqual(root.items?.map((n) => n.start), [3, 15]);
  assert.throws(() => parseJsonWithPositions('{\n "a": 1\n "b": 2\n}', 'x.json'), (e: unknown) => e instanceof KbError && e.line === 3);
});

test('validation messages name the field line of a YAML entry', () => {
  const entries = parseEntries('- id: a-b\n  name: أحمد\n  nameEn: Ahmed\n  type: PER\n  actor: LBYMIL\n  wikidata: 42\n', 'yaml', 'actors', 'k.yaml');
  assert.throws(() => readActor(entries[0], new Set(['LBY'])), /^KbError: k\.yaml:6: actor "a-b" has malformed wikidata 42/);
  const typo = parseEntries('- {id: a-b, name: أحمد, nameEn: Ahmed, type: PER, actor: null, alias: [x]}\n', 'yaml', 'actors', 'k.yaml');
  assert.throws(() => readActor(typo[0], new Set()), /has unknown field "alias"/);
});
