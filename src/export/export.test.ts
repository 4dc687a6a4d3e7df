/** Event exports: CSV (BOM, RFC 4180), GDELT 2.0 (61 columns), PLOVER records, GeoJSON; and the CLI over them. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_COLUMNS, GDELT_COLUMNS, UTF8_BOM, csvField, exportChunks, gdeltRow, ploverMode, ploverRecord, type ExportFormat } from './index.js';
import { actorParts } from './actors.js';
import type { Store, StoredEvent } from '../store/index.js';
import { freshStore, haftarMeeting, tunisProtest, article, HAFTAR } from '../store/testing.js';
import { marsad } from '../test-support/cli.js';

async function collect(format: ExportFormat, events: StoredEvent[]): Promise<string> {
  async function* gen() {
    yield* events;
  }
  let out = '';
  for await (const c of exportChunks(format, gen())) out += c;
  return out;
}

/** Splits RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('exports', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let events: StoredEvent[];
  const tricky = article({
    title: 'تصريح، مع "علامات" تنصيص',
    text: 'قال خليفة حفتر، في بيان: "لن نقبل" =بأي تدخل\nوأضاف أن الحوار مستمر.',
    date: '2025-08-03',
    url: 'https://libya.example/q?a=1,2',
    entities: [HAFTAR],
    events: [{ cameo: '120', plover: 'REJECT', quadClass: 3, goldstein: -4, trigger: 'لن نقبل', source: 'actor:khalifa-haftar' }],
  });

  before(async () => {
    ({ store, cleanup } = await freshStore('sqlite'));
    await store.save(haftarMeeting());
    await store.save(haftarMeeting('\nالمصدر: وكالة.', 'https://other.example/2'));
    await store.save(tunisProtest());
    await store.save(tricky);
    events = (await store.listEvents({ limit: 100 })).items;
  });
  after(async () => {
    await cleanup();
  });

  it('writes CSV with a UTF-8 BOM, a header, CRLF rows and RFC 4180 quoting', async () => {
    const csv = await collect('csv', events);
    assert.ok(csv.startsWith(UTF8_BOM));
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[0], CSV_COLUMNS.map(([n]) => n));
    assert.equal(rows.length, events.length + 1);
    for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
    const reject = rows.find((r) => r[rows[0].indexOf('cameo')] === '120')!;
    assert.equal(reject[rows[0].indexOf('title')], 'تصريح، مع "علامات" تنصيص');
    assert.equal(reject[rows[0].indexOf('url')], 'https://libya.example/q?a=1,2');
    assert.equal(reject[rows[0].indexOf('goldstein')], '-4');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('سطر\nثان'), '"سطر\nثان"');
    assert.equal(csvField(null), '');
  });

  it('writes GDELT 2.0 event records: 61 tab-separated columns, dates, codes and counts in place', async () => {
    assert.equal(GDELT_COLUMNS.length, 61);
    const tsv = await collect('gdelt', events);
    const lines = tsv.trimEnd().split('\n');
    assert.equal(lines.length, events.length);
    for (const l of lines) assert.equal(l.split('\t').length, 61);
    const meeting = events.find((e) => e.cameo === '043')!;
    const row = gdeltRow(meeting);
    const col = (name: (typeof GDELT_COLUMNS)[number]) => row[GDELT_COLUMNS.indexOf(name)];
    assert.deepEqual([col('Day'), col('MonthYear'), col('Year'), col('FractionDate')], ['20250520', '202505', '2025', '2025.4658']);
    assert.deepEqual([col('Actor1Code'), col('Actor1Name'), col('Actor1CountryCode'), col('Actor1Type1Code')], ['LBYMIL', 'خليفة حفتر', 'LBY', 'MIL']);
    assert.deepEqual([col('Actor2Code'), col('Actor2CountryCode'), col('Actor2Type1Code')], ['USAMIL', 'USA', 'MIL']);
    assert.deepEqual([col('EventCode'), col('EventBaseCode'), col('EventRootCode'), col('QuadClass'), col('GoldsteinScale')], ['043', '043', '04', '1', '2.8']);
    assert.deepEqual([col('NumMentions'), col('NumSources'), col('NumArticles')], ['4', '2', '2']);
    assert.deepEqual([col('ActionGeo_Type'), col('ActionGeo_FullName'), col('ActionGeo_CountryCode'), col('ActionGeo_Lat'), col('ActionGeo_Long')], ['4', 'بنغازي', 'LBY', '32.1167', '20.0667']);
    assert.match(col('DATEADDED'), /^\d{14}$/);
    assert.match(col('SOURCEURL'), /^https:\/\//);
    assert.ok(!tsv.includes('\r'));
    const quoteRow = gdeltRow(events.find((e) => e.cameo === '120')!);
    assert.ok(quoteRow.every((f) => !/[\t\n]/.test(f)));
  });

  it('splits actor codes into country and type parts', () => {
    assert.deepEqual(actorParts('LBYMIL', 'LBY'), { code: 'LBYMIL', country: 'LBY', types: ['MIL'] });
    assert.deepEqual(actorParts('GOV', null), { code: 'GOV', country: '', types: ['GOV'] });
    assert.deepEqual(actorParts('TUNGOVLEG', null), { code: 'TUNGOVLEG', country: 'TUN', types: ['GOV', 'LEG'] });
    assert.deepEqual(actorParts(null, 'TUN'), { code: '', country: 'TUN', types: [] });
  });

  it('writes PLOVER records: event type, mode, actors, location, link to the cluster', async () => {
    const records = JSON.parse(await collect('plover', events));
    assert.equal(records.length, events.length);
    const r = ploverRecord(events.find((e) => e.cameo === '043')!);
    assert.deepEqual([r.event, r.event_type, r.mode, r.quad_code, r.event_scale, r.date], [['CONSULT'], 'CONSULT', ['host'], 1, 2.8, '2025-05-20']);
    assert.deepEqual(r.source, [{ code: 'LBY', sector: 'MIL', actor_text: 'خليفة حفتر', identifier_id: HAFTAR.wikidata, identifier_text: 'خليفة حفتر' }]);
    assert.equal(r.recipient[0].code, 'USA');
    assert.deepEqual(r.event_loc, { name: 'بنغازي', latitude: 32.1167, longitude: 20.0667, cc3: 'LBY', identifier_id: 'Q172546' });
    assert.equal(r.link, events.find((e) => e.cameo === '043')!.cluster.id);
    assert.equal(r.cite_info.language, 'ar');
    assert.equal(ploverMode('1823'), 'beat');
    assert.equal(ploverMode('010'), null);
  });

  it('writes valid GeoJSON: a FeatureCollection of located events, [longitude, latitude]', async () => {
    const g = JSON.parse(await collect('geojson', events));
    assert.equal(g.type, 'FeatureCollection');
    const located = events.filter((e) => e.location?.lat != null);
    assert.equal(g.features.length, located.length);
    for (const f of g.features) {
      assert.equal(f.type, 'Feature');
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90);
      assert.equal(typeof f.properties.cameo, 'string');
    }
    const tunis = g.features.find((f: { properties: { cameo: string } }) => f.properties.cameo === '141');
    assert.deepEqual(tunis.geometry.coordinates, [10.18, 36.8]);
    assert.deepEqual(JSON.parse(await collect('geojson', [])), { type: 'FeatureCollection', features: [] });
  });

  it('exports from the CLI with filters, in every format', async () => {
    const { location } = { location: store.location };
    const json = JSON.parse(marsad(['events', '--db', location, '--actor', 'خليفه حفتر']).stdout);
    assert.equal(json.length, 3);
    const csv = marsad(['events', '--db', location, '--format', 'csv', '--code', '14']);
    assert.equal(csv.status, 0);
    assert.ok(csv.stdout.startsWith(UTF8_BOM));
    assert.equal(parseCsv(csv.stdout.slice(1)).length, 2);
    const gdelt = marsad(['events', '--db', location, '--format', 'gdelt', '--from', '2025-05-01', '--to', '2025-05-31']);
    assert.equal(gdelt.stdout.trimEnd().split('\n').length, 2);
    assert.ok(gdelt.stdout.trimEnd().split('\n').every((l) => l.split('\t').length === 61));
    assert.equal(JSON.parse(marsad(['events', '--db', location, '--format', 'plover', '--plover', 'reject']).stdout).length, 1);
    assert.equal(JSON.parse(marsad(['events', '--db', location, '--format', 'geojson']).stdout).features.length, 3);
    const bad = marsad(['events', '--db', location, '--from', '2025-13-45']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--from "2025-13-45" is not a date/);
    assert.equal(marsad(['events', '--db', location, '--format', 'xml']).status, 2);
  });
});
