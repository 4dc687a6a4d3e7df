/** Rewrites the golden documents of test/fixtures/analyze/ (review the diff before committing). */
import { writeFileSync } from 'node:fs';
import { goldenCases, goldenDocument } from '../src/pipeline/golden.js';

for (const c of goldenCases()) {
  writeFileSync(c.golden, JSON.stringify(goldenDocument(c), null, 1) + '\n');
  console.log(`wrote ${c.golden}`);
}
