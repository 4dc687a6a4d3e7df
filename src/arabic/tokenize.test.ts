import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize } from './tokenize.js';
import { segmentTokens } from './index.js';
import { messyArabic } from '../test-support/arbitraries.js';

const kinds = (s: string) => tokenize(s).map((t) => `${t.kind}:${s.slice(t.start, t.end)}`);

test('tokenize: Arabic words, punctuation and numbers', () => {
  assert.deepEqual(kinds('قال حفتر، إن 3.5 مليون «شخص»؟'), [
    'word:قال', 'word:حفتر', 'punct:،', 'word:إن', 'number:3.5', 'word:مليون', 'punct:«', 'word:شخص', 'punct:»', 'punct:؟',
  ]);
});

test('tokenize: Arabic-Indic digits, dates and times are one number', () => {
  assert.deepEqual(kinds('٣٫٥ في 19/04/2017 الساعة 14:30'), ['number:٣٫٥', 'word:في', 'number:19/04/2017', 'word:الساعة', 'number:14:30']);
});

test('tokenize: URLs and e-mails keep their dots; a final dot is punctuation', () => {
  assert.deepEqual(kinds('انظر https://example.ly/a?b=1. وراسل info@news.tn'), ['word:انظر', 'url:https://example.ly/a?b=1', 'punct:.', 'word:وراسل', 'email:info@news.tn']);
});

test('tokenize: runs of the same mark are one token, diacritics and tatweel stay in the word', () => {
  assert.deepEqual(kinds('عسكري.. مُؤتَمـــر!!'), ['word:عسكري', 'punct:..', 'word:مُؤتَمـــر', 'punct:!!']);
});

test('tokenize: emoji sequences and Latin words with apostrophes', () => {
  assert.deepEqual(kinds("Demain Dès l'Aube 👨‍👩‍👧 ✌🏽"), ["latin:Demain", 'latin:Dès', "latin:l'Aube", 'symbol:👨‍👩‍👧', 'symbol:✌🏽']);
});

test('tokenize: norm is the matching form', () => {
  const [t] = tokenize('أفريكوم');
  assert.equal(t.norm, 'افريكوم');
});

test('tokenize (property): tokens are sorted, disjoint, in range, and cover all non-space text', () => {
  fc.assert(
    fc.property(messyArabic(), (s: string) => {
      const tokens = segmentTokens(s, tokenize(s));
      const covered = new Uint8Array(s.length);
      let prevEnd = 0;
      for (const t of tokens) {
        assert.ok(t.start >= prevEnd && t.end > t.start && t.end <= s.length);
        prevEnd = t.end;
        covered.fill(1, t.start, t.end);
        if (t.segments) {
          assert.equal(t.segments[0].start, t.start);
          assert.equal(t.segments[t.segments.length - 1].end, t.end);
          for (let k = 1; k < t.segments.length; k++) assert.equal(t.segments[k].start, t.segments[k - 1].end);
        }
      }
      for (let i = 0; i < s.length; i++) {
        if (!covered[i]) assert.match(s[i], /[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/, `uncovered ${JSON.stringify(s[i])} at ${i}`);
      }
    }),
    { numRuns: 500 },
  );
});
