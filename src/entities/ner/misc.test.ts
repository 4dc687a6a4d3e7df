import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brownClusters } from './brown.js';
import { scoreSpans } from './evaluate.js';
import { Gazetteer } from './gazetteer.js';
import { tokenize, splitSentences } from './tokenize.js';

test('tokenizer splits punctuation and keeps clitics and numbers', () => {
  assert.deepEqual(tokenize('قال (الرئيس) إن 3.5% من "الناس"، وبالتالي..').map((t) => t.text),
    ['قال', '(', 'الرئيس', ')', 'إن', '3.5', '%', 'من', '"', 'الناس', '"', '،', 'وبالتالي', '..']);
  const s = splitSentences(tokenize('جملة أولى. جملة ثانية؟ ثالثة'));
  assert.equal(s.length, 3);
});

test('Brown clustering separates distributionally different words', () => {
  // Two word classes: names after "قال" and places after "في".
  const names = ['علي', 'محمد', 'سامي', 'هند'], places = ['تونس', 'سوسة', 'صفاقس', 'قابس'];
  const vocab = ['قال', 'في', 'ثم', ...names, ...places];
  const id = new Map(vocab.map((w, i) => [w, i]));
  const seq: number[] = [];
  for (let r = 0; r < 30; r++) {
    for (let k = 0; k < 4; k++) {
      seq.push(id.get('قال')!, id.get(names[(r + k) % 4])!, id.get('ثم')!, id.get('في')!, id.get(places[(r * 3 + k) % 4])!, -1);
    }
  }
  const bits = brownClusters(Int32Array.from(seq), vocab.length, { clusters: 5 });
  const cl = (w: string): string => bits[id.get(w)!];
  // All names share a cluster, all places share another.
  assert.equal(new Set(names.map(cl)).size, 1);
  assert.equal(new Set(places.map(cl)).size, 1);
  assert.notEqual(cl('علي'), cl('تونس'));
});

test('gazetteer matches on light stems, multiword, all types', () => {
  const g = new Gazetteer();
  g.addEntry({ name: 'قيس سعيد', type: 'PER' });
  g.addEntry({ name: 'تونس', type: 'LOC' });
  g.addEntry({ name: 'جامعة تونس', type: 'ORG' });
  assert.deepEqual(g.tag(['زار', 'قيس', 'سعيد', 'جامعة', 'وتونس']), [undefined, ['B-PER'], ['I-PER'], undefined, undefined]);
  assert.deepEqual(g.tag(['في', 'لتونس']), [undefined, undefined]);
  assert.deepEqual(g.tag(['جامعة', 'تونس']), [['B-ORG'], ['I-ORG', 'B-LOC']]);
});

test('conlleval-style scoring', () => {
  const gold = [['B-PER', 'I-PER', 'O', 'B-LOC']];
  const pred = [['B-PER', 'O', 'O', 'B-LOC']];
  const s = scoreSpans(gold, pred);
  assert.equal(s.micro.tp, 1);
  assert.equal(s.micro.fp, 1);
  assert.equal(s.micro.fn, 1);
  assert.equal(s.byType.LOC.f1, 1);
  assert.equal(s.byType.PER.f1, 0);
});

test('gazetteer binary round trip keeps entries, types and weak marks', () => {
  const g = new Gazetteer();
  g.addEntry({ name: 'قيس سعيد', type: 'PER' });
  g.addEntry({ name: 'عمان', type: 'LOC' });
  g.markWeak([{ keys: ['عمان'], spans: [] }, { keys: ['عمان'], spans: [] }]);
  const back = Gazetteer.fromBuffer(g.toBuffer());
  assert.equal(back.size, 2);
  assert.deepEqual(back.tag(['زار', 'قيس', 'سعيد', 'عمان']), [undefined, ['B-PER'], ['I-PER'], ['B-LOC', 'B-LOC~']]);
});
