import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../model/document.js';
import { drawableMentions, piecesOf, runsOf } from './spans.js';

const text = 'التقى المشير خليفة حفتر في بنغازي';
const mention = (word: string, type: Mention['type'], entity: string | null = null): Mention => {
  const start = text.indexOf(word);
  return { start, end: start + word.length, text: word, type, entity };
};

test('spans: drawableMentions keeps the outer of nested mentions and drops overlaps', () => {
  const mentions = [mention('المشير خليفة حفتر', 'PER', 'haftar'), mention('خليفة حفتر', 'PER', 'haftar'), mention('بنغازي', 'LOC')];
  assert.deepEqual(drawableMentions({ start: 0, end: text.length }, mentions), [0, 2]);
});

test('spans: drawableMentions leaves out mentions outside the range', () => {
  const mentions = [mention('التقى', 'MISC'), mention('بنغازي', 'LOC')];
  assert.deepEqual(drawableMentions({ start: 6, end: text.length }, mentions), [1]);
});

test('spans: piecesOf alternates plain text and mentions and covers the range exactly', () => {
  const mentions = [mention('خليفة حفتر', 'PER', 'haftar'), mention('بنغازي', 'LOC')];
  const pieces = piecesOf({ start: 0, end: text.length }, mentions);
  assert.deepEqual(pieces.map((p) => [text.slice(p.start, p.end), p.mention]), [
    ['التقى المشير ', null], ['خليفة حفتر', 0], [' في ', null], ['بنغازي', 1],
  ]);
  assert.equal(pieces.map((p) => text.slice(p.start, p.end)).join(''), text);
});

test('spans: runsOf cuts at highlight edges and lists every covering role', () => {
  const trigger = { start: 0, end: 5, role: 'trigger' as const };
  const sentence = { start: 0, end: text.length, role: 'sentence' as const };
  const runs = runsOf({ start: 0, end: 12 }, [sentence, trigger]);
  assert.deepEqual(runs.map((r) => [text.slice(r.start, r.end), r.roles]), [
    ['التقى', ['sentence', 'trigger']], [' المشير', ['sentence']],
  ]);
});

test('spans: a highlight crossing a mention edge splits inside the mention', () => {
  const mentions = [mention('خليفة حفتر', 'PER')];
  const haftar = text.indexOf('حفتر');
  const pieces = piecesOf({ start: 0, end: text.length }, mentions, [{ start: haftar, end: text.length, role: 'source' }]);
  const inMention = pieces.find((p) => p.mention === 0)!;
  assert.deepEqual(inMention.runs.map((r) => [text.slice(r.start, r.end), r.roles]), [['خليفة ', []], ['حفتر', ['source']]]);
});

test('spans: an empty range gives no pieces', () => {
  assert.deepEqual(piecesOf({ start: 3, end: 3 }, []), []);
});
