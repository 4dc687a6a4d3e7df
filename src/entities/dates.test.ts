import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, hijriToGregorian } from './dates.js';
import { tokenize } from '../arabic/tokenize.js';
import { segmentTokens } from '../arabic/index.js';

const dates = (s: string, articleDate: string | null = '2017-03-16') =>
  findDates(s, segmentTokens(s, tokenize(s)), articleDate).map((d) => `${s.slice(d.start, d.end)}=${d.value ?? d.unresolved}`);

test('findDates: day month year in Egyptian, Maghrebi and Levantine names', () => {
  assert.deepEqual(dates('وصل يوم 14 مارس 2017 إلى تونس'), ['14 مارس 2017=2017-03-14']);
  assert.deepEqual(dates('الأربعاء 18 جانفي 2017'), ['الأربعاء 18 جانفي 2017=2017-01-18']);
  assert.deepEqual(dates('في 3 تشرين الثاني 2016'), ['3 تشرين الثاني 2016=2016-11-03']);
  assert.deepEqual(dates('بتاريخ 5 أفريل'), ['5 أفريل=2017-04-05']);
});

test('findDates: numeric dates in both orders', () => {
  assert.deepEqual(dates('صدر في 2017/03/14 وأيضا 15-03-2017'), ['2017/03/14=2017-03-14', '15-03-2017=2017-03-15']);
});

test('findDates: relative days against the article date, or null without one', () => {
  assert.deepEqual(dates('قال أمس إن الاجتماع سيعقد غدا'), ['أمس=2017-03-15', 'غدا=2017-03-17']);
  assert.deepEqual(dates('وصل الوفد الثلاثاء الماضي'), ['الثلاثاء الماضي=2017-03-14']);
  assert.deepEqual(dates('يلتقي يوم الخميس القادم'), ['يوم الخميس القادم=2017-03-23']);
  assert.deepEqual(dates('وصل أمس', null), ['أمس=relative']);
  assert.deepEqual(dates('عقد مؤخرًا في بنغازي'), ['مؤخرًا=vague']);
});

test('findDates: Hijri dates', () => {
  assert.deepEqual(dates('في 1 رمضان 1438 هـ'), ['1 رمضان 1438 هـ=2017-05-27']);
  assert.equal(hijriToGregorian(1445, 9, 1), '2024-03-11');
});
