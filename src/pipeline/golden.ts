/**
 * Golden files: whole documents for the articles in `test/fixtures/analyze/`,
 * written by `npm run fixtures:update` and reviewed as a diff.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageRoot } from '../model/paths.js';
import { analyze } from './analyze.js';
import type { MarsadDocument } from '../model/document.js';

export const GOLDEN_DIR = join(packageRoot, 'test', 'fixtures', 'analyze');

export interface GoldenCase {
  name: string;
  input: string;
  golden: string;
}

/** Every input of the golden set (plus the bundled seed) and where its golden document lives. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [{ name: 'seed-haftar-africom', input: join(packageRoot, 'examples', 'seed-haftar-africom.txt'), golden: join(GOLDEN_DIR, 'seed-haftar-africom.golden.json') }];
  for (const f of readdirSync(GOLDEN_DIR).sort()) {
    if (f.endsWith('.golden.json')) continue;
    const name = f.replace(/\.[^.]+$/, '');
    cases.push({ name, input: join(GOLDEN_DIR, f), golden: join(GOLDEN_DIR, `${name}.golden.json`) });
  }
  return cases;
}

/** The document of a golden case, with a path that does not depend on the checkout. */
export function goldenDocument(c: GoldenCase): MarsadDocument {
  return analyze(readFileSync(c.input), { path: basename(c.input), date: c.name === 'seed-haftar-africom' ? '2025-05-20' : null });
}
