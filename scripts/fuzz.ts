/**
 * `npm run fuzz [-- --minutes N]`: long property-based fuzzing of the readers and
 * the text layer (outside CI). Each round runs every target on fresh random
 * inputs until the time is up; a failure prints its seed and counterexample.
 */
import fc from 'fast-check';
import { analyze } from '../src/pipeline/analyze.js';
import { decode } from '../src/ingest/decode.js';
import { readHtml } from '../src/ingest/html.js';
import { tokenize } from '../src/arabic/tokenize.js';
import { segmentTokens } from '../src/arabic/index.js';
import { checkDocument } from '../src/model/spans.js';
import { MarsadError } from '../src/model/messages.js';
import { messyArabic } from '../src/test-support/arbitraries.js';
import { argValue } from './util.js';

const minutes = Number(argValue('--minutes') ?? 2);
const deadline = Date.now() + minutes * 60_000;

/** Markup-shaped strings: tags, attributes, entities, comments, unclosed and deeply nested elements. */
const htmlish = () =>
  fc
    .array(
      fc.oneof(
        messyArabic(40),
        fc.constantFrom('<p>', '</p>', '<div class="ad">', '</div>', '<h2>', '</h2>', '<ul><li>', '</li></ul>', '<table><tr><td>', '</td></tr></table>', '<script>x()</script>', '<!-- c -->', '<br>', '&amp;', '&#1575;', '<![CDATA[', '<svg onload=1>', '<article>', '<nav>', '<meta charset="windows-1256">'),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));

function expectSoundOrRefused(run: () => ReturnType<typeof analyze>): void {
  try {
    const doc = run();
    const problems = checkDocument(doc);
    if (problems.length) throw new Error(`unsound document: ${problems.slice(0, 3).join('; ')}`);
  } catch (e) {
    if (!(e instanceof MarsadError)) throw e;
  }
}

type Target = [string, fc.IPropertyWithHooks<never> | fc.IProperty<never>];

/**
 * The targets with inputs of one fast-check size. The size is read when an
 * arbitrary is built, so each size gets its own arbitraries. At the default
 * ("small") inputs stay short (messyArabic(400): median 6 characters); at
 * "large" the median is about 250 characters, up to 600.
 */
function targetsOfSize(size: fc.Size): Target[] {
  fc.configureGlobal({ baseSize: size });
  const markup = htmlish();
  return [
    ['decode(bytes)', fc.property(fc.uint8Array({ maxLength: 4096 }), (b) => { try { decode(b); } catch (e) { if (!(e instanceof MarsadError)) throw e; } }) as never],
    ['readHtml(markup)', fc.property(markup, (h) => { readHtml(h); }) as never],
    ['tokenize+segment(text)', fc.property(messyArabic(400), (s) => { segmentTokens(s, tokenize(s)); }) as never],
    ['analyze(text)', fc.property(messyArabic(400), (s) => expectSoundOrRefused(() => analyze(s))) as never],
    ['analyze(html)', fc.property(markup, (h) => expectSoundOrRefused(() => analyze(h, { format: 'html' }))) as never],
    ['analyze(bytes)', fc.property(fc.uint8Array({ maxLength: 2048 }), (b) => expectSoundOrRefused(() => analyze(b))) as never],
  ];
}

/** Rounds cycle through these sizes, so both short and long inputs are tried. */
const SIZES: fc.Size[] = ['small', 'medium', 'large'];
const bySize = SIZES.map((size) => ({ size, targets: targetsOfSize(size) }));

const runs = new Map<string, number>(bySize[0].targets.map(([n]) => [n, 0]));
const rounds = new Map<fc.Size, number>(SIZES.map((s) => [s, 0]));
let round = 0;
while (Date.now() < deadline) {
  round++;
  const { size, targets } = bySize[round % bySize.length];
  rounds.set(size, (rounds.get(size) ?? 0) + 1);
  for (const [name, prop] of targets) {
    const seed = Date.now() ^ (round * 7919);
    const r = fc.check(prop, { numRuns: 100, seed });
    runs.set(name, (runs.get(name) ?? 0) + r.numRuns);
    if (r.failed) {
      console.error(`fuzz: ${name} failed (seed ${seed}, size ${size}): ${fc.defaultReportMessage(r)}`);
      process.exit(1);
    }
    if (Date.now() >= deadline) break;
  }
}
console.log(`fuzz: ${minutes} min, ${round} rounds (${SIZES.map((s) => `${rounds.get(s)} ${s}`).join(', ')}), no failure`);
for (const [name, n] of runs) console.log(`  ${name}: ${n} inputs`);
