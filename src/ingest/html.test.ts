import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml, looksLikeHtml } from './html.js';
import { plainStructure } from '../structure/plain.js';
import { escapeHtml } from '../output/html.js';
import { seedText } from '../test-support/seed.js';
import { analyze } from '../pipeline/analyze.js';
import { checkDocument } from '../model/spans.js';

/** The seed as a web page: its blocks as h1/h2/p/ul/table, plus a nav, a script, an ad and a comment. */
function seedPage(): string {
  const text = seedText();
  const { blocks } = plainStructure(text);
  const body = blocks
    .map((b) => {
      const t = escapeHtml(text.slice(b.start, b.end));
      if (b.type === 'title') return `<h1>${t}</h1>`;
      if (b.type === 'heading') return `<h2>${t}</h2>`;
      if (b.type === 'list') return `<ul>${(b.items ?? []).map((i) => `<li>${escapeHtml(i.text)}</li>`).join('\n')}</ul>`;
      if (b.type === 'table')
        return `<table><thead><tr>${(b.header ?? []).map((c) => `<th>${escapeHtml(c.text)}</th>`).join('')}</tr></thead><tbody>${(b.rows ?? [])
          .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c.text)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
      return `<p>${t}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(text.split('\n')[0])} - موقع الأخبار</title>
<meta property="article:published_time" content="2025-05-20T10:00:00Z"><link rel="canonical" href="https://news.example.ly/a/1">
<script>var tracking = "لا تظهر هذه الجملة";</script><style>.x{color:red}</style></head>
<body><nav class="main-menu"><ul><li><a href="/">الصفحة الأولى</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<div class="ad-banner">إعلان: اشترك الآن</div><!-- تعليق مخفي -->
<article>${body}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

test('readHtml: the seed page gives the same title, headings, list items and table cells as the text', () => {
  const plain = analyze(seedText());
  const html = analyze(seedPage());
  assert.equal(html.source.format, 'html');
  assert.equal(html.title?.text, plain.title?.text);
  const pick = (d: typeof plain) => ({
    headings: d.blocks.filter((b) => b.type === 'heading').map((b) => d.text.slice(b.start, b.end)),
    items: d.blocks.filter((b) => b.type === 'list').flatMap((b) => (b.items ?? []).map((i) => i.text)),
    header: d.blocks.filter((b) => b.type === 'table').flatMap((b) => (b.header ?? []).map((c) => c.text)),
    cells: d.blocks.filter((b) => b.type === 'table').flatMap((b) => (b.rows ?? []).map((r) => r.map((c) => c.text))),
  });
  assert.deepEqual(pick(html), pick(plain));
  assert.equal(html.date, '2025-05-20');
  assert.equal(html.source.url, 'https://news.example.ly/a/1');
  assert.deepEqual(checkDocument(html), []);
});

test('readHtml: scripts, styles, navigation, ads, footers and comments are dropped', () => {
  const r = readHtml(seedPage());
  for (const gone of ['tracking', 'لا تظهر', 'الصفحة الأولى', 'اشترك الآن', 'تعليق مخفي', 'جميع الحقوق', 'color:red']) assert.ok(!r.text.includes(gone), gone);
  assert.ok(r.messages.some((m) => m.code === 'html.boilerplate-removed'));
});

test('readHtml: a page without <article> uses the body; broken markup is read as a browser would', () => {
  const r = readHtml('<html><body><h1>عنوان الخبر</h1><p>فقرة أولى <b>مهمة<p>فقرة ثانية</body>');
  assert.equal(r.title?.text, 'عنوان الخبر');
  assert.deepEqual(r.blocks.map((b) => `${b.type}:${r.text.slice(b.start, b.end)}`), ['title:عنوان الخبر', 'paragraph:فقرة أولى مهمة', 'paragraph:فقرة ثانية']);
});

test('readHtml: og:title gives the title when the page has no h1', () => {
  const r = readHtml('<html><head><meta property="og:title" content="عنوان من الميتا"></head><body><p>نص.</p></body></html>');
  assert.equal(r.title?.text, 'عنوان من الميتا');
  assert.equal(r.text.slice(0, r.title?.end), 'عنوان من الميتا');
});

test('readHtml: very deep nesting is read without overflowing the stack', () => {
  const depth = 100_000;
  const r = readHtml(`<html><body>${'<div>'.repeat(depth)}<p>نص عميق</p>${'</div>'.repeat(depth)}</body></html>`);
  assert.ok(r.text.includes('نص عميق'));
});

test('looksLikeHtml: tells pages from text', () => {
  assert.ok(looksLikeHtml('<!doctype html><p>x</p>'));
  assert.ok(looksLikeHtml('  <div class="a">نص</div>'));
  assert.ok(!looksLikeHtml('خبر عن <b> في النص'));
});
