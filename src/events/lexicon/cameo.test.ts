import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cameoInfo, cameoTable, ploverOf, PLOVER_TYPES } from './cameo.js';

test('the table holds every CAMEO 1.1b3 code GDELT uses', () => {
  const table = cameoTable();
  const ROOTS = 20;
  const CODES = 311;
  assert.equal(table.size, CODES);
  assert.equal([...table.keys()].filter((c) => c.length === 2).length, ROOTS);
  for (const code of table.keys()) assert.ok(table.has(code.slice(0, 2)), `root of ${code}`);
  for (const code of table.keys()) if (code.length === 4) assert.ok(table.has(code.slice(0, 3)), `parent of ${code}`);
});

test('PLOVER types and quad classes', () => {
  assert.deepEqual(cameoInfo('043'), { code: '043', name: 'Host a visit', plover: 'CONSULT', quadClass: 1, goldstein: 2.8, root: '04' });
  const assault = cameoInfo('190')!;
  assert.equal(assault.plover, 'ASSAULT');
  assert.equal(assault.quadClass, 4);
  assert.equal(ploverOf('173'), 'COERCE');
  assert.equal(ploverOf('141'), 'PROTEST');
  assert.equal(ploverOf('163'), 'SANCTION', 'sanctions are SANCTION (Marsad convention)');
  assert.equal(ploverOf('057'), 'AGREE', 'deals are AGREE');
  assert.equal(ploverOf('100'), 'REQUEST', 'demands are REQUEST');
  assert.equal(ploverOf('111'), 'ACCUSE');
  assert.equal(ploverOf('0841'), 'RETREAT');
  assert.equal(ploverOf('010'), null, 'a plain statement is no event');
  assert.equal(ploverOf('999'), null);
  assert.equal(cameoInfo('020')!.quadClass, 1);
  assert.equal(cameoInfo('071')!.quadClass, 2);
  assert.equal(cameoInfo('112')!.quadClass, 3);
  const used = new Set([...cameoTable().values()].map((c) => c.plover).filter(Boolean));
  assert.deepEqual([...used].sort(), [...PLOVER_TYPES].sort(), 'every PLOVER type has codes');
});

test('Goldstein values of the GDELT table', () => {
  const expected: Record<string, number> = { '010': 0, '016': -2, '020': 3, '043': 2.8, '057': 8, '0874': 10, '130': -4.4, '145': -7.5, '163': -8, '173': -5, '190': -10, '182': -9.5, '1823': -10 };
  for (const [code, g] of Object.entries(expected)) assert.equal(cameoInfo(code)!.goldstein, g, code);
});
