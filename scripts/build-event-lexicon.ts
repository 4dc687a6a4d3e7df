/**
 * Builds `data/events/lexicon.json` from the hand-written `data/events/triggers.yaml`
 * and the usable part of UniversalPetrarch's Arabic CAMEO dictionary (MIT).
 *
 *   npm run build && node dist/scripts/build-event-lexicon.js \
 *     [--seed ../shared/data/lexicons/universalpetrarch-ar/CAMEO.ar.0.5.txt] [--hand-only]
 *     [--audit data/arabic/wordfreq.txt]   (prints the most frequent forms of each entry)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseCameoTable } from '../src/events/lexicon/cameo.js';
import { compileHandSource, morphologyOf, type TriggerSource } from '../src/events/lexicon/compile.js';
import { dropSeedConflicts, parseSeedDictionary, seedEntries } from '../src/events/lexicon/seed.js';
import { normalize } from '../src/arabic/normalize.js';
import type { CompiledLexicon, LexiconEntry } from '../src/events/lexicon/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const eventsDir = join(root, 'data', 'events');
const seedPath = arg('--seed') ?? join(root, '..', 'shared', 'data', 'lexicons', 'universalpetrarch-ar', 'CAMEO.ar.0.5.txt');
const handOnly = argv.includes('--hand-only');

const table = parseCameoTable(readFileSync(join(eventsDir, 'cameo.tsv'), 'utf8'));
const isCode = (code: string): boolean => table.has(code);
const ploverOf = (code: string) => table.get(code)?.plover ?? null;

const source = parse(readFileSync(join(eventsDir, 'triggers.yaml'), 'utf8')) as TriggerSource;
const morph = morphologyOf(source);
const hand = compileHandSource(source, isCode, morph);

let seeds: LexiconEntry[] = [];
let seedStats: Record<string, number> = {};
if (!handOnly) {
  if (!existsSync(seedPath)) {
    console.error(`build-event-lexicon: UniversalPetrarch dictionary not found: ${seedPath}\n` +
      '  pass --seed PATH/CAMEO.ar.0.5.txt, or --hand-only to build from triggers.yaml alone');
    process.exit(2);
  }
  const dict = parseSeedDictionary(readFileSync(seedPath, 'utf8'));
  const out = seedEntries(dict, morph, isCode, ploverOf);
  seedStats = out.stats;
  seeds = dropSeedConflicts(out.entries, hand.entries, ploverOf, seedStats);
}

const entries = [...hand.entries, ...seeds];
const forms = new Set(entries.flatMap((e) => e.parts.flatMap((p) => p.forms)));
const lexicon: CompiledLexicon = {
  schema: 'marsad.event-lexicon/1',
  cueWindow: source.cueWindow,
  falseFriends: [...new Set((source.falseFriends ?? []).map((w) => normalize(w)))],
  entries,
  cues: hand.cues,
  stats: {
    cameoCodes: table.size,
    handSourceItems: source.entries.length,
    handEntries: hand.entries.length,
    seedEntries: seeds.length,
    entries: entries.length,
    cues: hand.cues.length,
    distinctForms: forms.size,
    anchorForms: new Set(entries.flatMap((e) => e.parts[0].forms)).size,
    ...Object.fromEntries(Object.entries(seedStats).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [`seed ${k}`, v])),
  },
};

writeFileSync(join(eventsDir, 'lexicon.json'), JSON.stringify(lexicon) + '\n');
for (const [k, v] of Object.entries(lexicon.stats)) console.log(`${k}: ${v}`);

const auditPath = arg('--audit');
if (auditPath) audit(auditPath, entries);

/** Prints, for each single-word entry, its forms seen most often in a word-frequency list. */
function audit(path: string, list: LexiconEntry[]): void {
  const TOP = 6;
  const freq = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [w, n] = line.split('\t');
    if (w && n && !w.startsWith('#')) freq.set(normalize(w), (freq.get(normalize(w)) ?? 0) + Number(n));
  }
  for (const e of list) {
    const seen = e.parts[0].forms.map((f) => [f, freq.get(f) ?? 0] as const).filter(([, n]) => n > 0);
    seen.sort((a, b) => b[1] - a[1]);
    console.log(`${e.id}\t${e.cameo}\t${seen.slice(0, TOP).map(([f, n]) => `${f}:${n}`).join(' ')}`);
  }
}
