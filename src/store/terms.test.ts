/** Search terms: the same Arabic pipeline on both sides, spelling variants and clitics meeting. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fts5Query, indexTerms, matchSpans, queryWords, strippedForms, tsQuery } from './terms.js';
import { tokenize } from '../arabic/index.js';
import { snippet } from './snippets.js';

function finds(text: string, query: string): boolean {
  const index = new Set(indexTerms({ text, tokens: [] }).split(' '));
  return queryWords(query).every((w) => w.alternatives.some((a) => index.has(a)));
}

describe('search terms', () => {
  it('match across hamza forms, ta marbuta, alef maqsura, diacritics, tatweel and clitics', () => {
    assert.ok(finds('وأكد دعم وللولايات المتحدة', 'الولايات المتحدة'));
    assert.ok(finds('وصل الوفد إلى أبو ظبي', 'ابو ظبي'));
    assert.ok(finds('قائد أفريكوم', 'افريكوم'));
    assert.ok(finds('بالتعاون مع لأفريكوم', 'أفريكوم'));
    assert.ok(finds('المشير خليفة حفتر', 'خليفه حفتر'));
    assert.ok(finds('مستشفى المدينة', 'مستشفي'));
    assert.ok(finds('الـــرئيسُ', 'الرئيس'));
    assert.ok(!finds('المشير خليفة حفتر', 'السراج'));
  });

  it('strips leading clitics only down to three letters', () => {
    assert.deepEqual(strippedForms('وللولايات').sort(), ['للولايات', 'لولايات', 'ولايات', 'وللولايات'].sort());
    assert.deepEqual(strippedForms('ولد'), ['ولد']);
  });

  it('quotes every term in FTS5 and tsquery syntax', () => {
    const words = queryWords('حفتر OR "x" \'y\'');
    assert.equal(fts5Query(queryWords('خليفه حفتر')), '("خليفه" OR "خليف") AND ("حفتر")');
    assert.ok(!/[^"]OR[^"]/.test(fts5Query(words).replace(/\) OR \(|" OR "/g, '')));
    assert.equal(tsQuery(queryWords('حفتر')), "('حفتر')");
    assert.deepEqual(queryWords("' OR 1=1 --").map((w) => w.alternatives), [['or'], ['1'], ['1']]);
    assert.deepEqual(queryWords('%_\\'), []);
  });

  it('highlights the matched words with offsets into the text', () => {
    const text = 'استقبل المشير خليفة حفتر في بنغازي قائد أفريكوم.';
    const spans = matchSpans(text, tokenize(text), queryWords('خليفه افريكوم'));
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['خليفة', 'أفريكوم']);
    const s = snippet(text, spans);
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.deepEqual(s.highlights, spans);
  });

  it('cuts long texts to a window around the densest matches, at word edges', () => {
    const filler = 'كلمة '.repeat(200);
    const text = `${filler}حفتر التقى حفتر ${filler}`;
    const spans = matchSpans(text, tokenize(text), queryWords('حفتر'));
    const s = snippet(text, spans);
    assert.ok(s.end - s.start < 300);
    assert.equal(s.highlights.length, 2);
    assert.ok(s.start === 0 || /\s/.test(text[s.start - 1]));
  });
});
