import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { goldenCases, goldenDocument } from './golden.js';
import { checkDocument } from '../model/spans.js';

for (const c of goldenCases()) {
  test(`golden: ${c.name} matches its reviewed document (npm run fixtures:update to rewrite)`, () => {
    const doc = goldenDocument(c);
    assert.deepEqual(checkDocument(doc), []);
    assert.ok(existsSync(c.golden), `no golden file ${c.golden}: run npm run fixtures:update`);
    const golden = JSON.parse(readFileSync(c.golden, 'utf8'));
    assert.deepEqual(JSON.parse(JSON.stringify(doc)), golden);
  });
}
