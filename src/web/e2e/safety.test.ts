/**
 * Hostile articles stay inert. An article whose text carries a <script>, an
 * <img onerror>, an <svg onload> and javascript: links — pasted as text, and
 * posted as HTML — is read, listed, searched and shown with no script run: a
 * dialog handler and a global flag both stay untouched, the page holds no
 * element or link made from the article, and the CSP reports nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { watchPage, type PageProblems } from './page-watch.js';
import { saveScreenshot } from './screenshots.js';
import { startServer, type RunningServer } from './server.js';

/** Every payload sets `window.__pwned` or opens a dialog if it ever runs. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="window.__pwned=1;alert(2)">',
  '<svg onload="window.__pwned=3"></svg>',
  '<a href="javascript:window.__pwned=4;alert(4)">اضغط هنا</a>',
  'javascript:alert(5)',
];
const TITLE = 'خبر عن حفتر <img src=x onerror="window.__pwned=6">';
const BODY = [
  'قال المشير خليفة حفتر في بنغازي إن الجيش مستعد للحوار.',
  ...PAYLOADS.map((p) => `ونقلت الصحيفة ${p} دون تعليق.`),
].join('\n\n');
const HTML_ARTICLE = `<html><head><title>عنوان ${PAYLOADS[0]}</title><script>window.__pwned=7</script></head>
<body><h1>التقى حفتر بالسفير</h1><p onclick="window.__pwned=8">فقرة ${PAYLOADS[1]} و<a href="javascript:window.__pwned=9">رابط</a></p>
<iframe src="javascript:window.__pwned=10"></iframe></body></html>`;
const STEP_TIMEOUT_MS = 15_000;
const ADD_TIMEOUT_MS = 60_000;

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
/** The actor page of an entity of the hostile article, when it has one. */
let actorHref: string | null = null;

/** The page ran none of the payloads and made no element or link out of them. */
async function assertInert(where: string) {
  assert.equal(await page.evaluate('window.__pwned'), undefined, `${where}: a payload ran (window.__pwned is set)`);
  assert.deepEqual(problems.dialogs, [], `${where}: a dialog opened`);
  const injected = await page.evaluate(`[
    document.querySelectorAll('main script, main img, main svg:not(.chart svg), main iframe, main [onerror], main [onload], main [onclick]').length,
    [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
  ]`);
  assert.deepEqual(injected, [0, 0], `${where}: elements or javascript: links made from the article`);
}

describe('hostile article text in Chromium', { timeout: 3 * 60_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    problems = await watchPage(page);
    await page.goto(server.url + '/');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a pasted article with script, img onerror and javascript: links is stored', async () => {
    await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: 'أضف مقالًا' }).click();
    await page.locator('#paste-title').fill(TITLE);
    await page.locator('#paste-text').fill(BODY);
    await page.locator('#paste-date').fill('2024-05-01');
    await page.locator('#paste-url').fill('javascript:window.__pwned=11');
    await page.getByRole('button', { name: 'حلّل واحفظ' }).click();
    // The form takes http(s) addresses only, and so does the API.
    assert.equal(await page.evaluate("document.querySelector('#paste-url').validity.valid"), false);
    const refused = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: BODY, url: 'javascript:window.__pwned=12' }) });
    assert.equal(refused.status, 400);
    await page.locator('#paste-url').fill('');
    await page.getByRole('button', { name: 'حلّل واحفظ' }).click();
    await page.locator('.add-result[data-status="new"]').waitFor({ timeout: ADD_TIMEOUT_MS });
    await assertInert('add');
  });

  test('the reader shows the markup as plain text', async () => {
    await page.locator('.add-result[data-status="new"] a').first().click();
    await page.locator('.article-text').waitFor();
    const text = (await page.locator('.article-text').textContent()) ?? '';
    for (const payload of PAYLOADS) assert.ok(text.includes(payload), `the reader should show ${payload} as text`);
    assert.match((await page.locator('main h1').textContent()) ?? '', /<img src=x onerror=/);
    await page.locator('.article-text mark.mention').first().hover().catch(() => {});
    const firstEvent = page.locator('.event-item').first();
    if (await firstEvent.count()) await firstEvent.click();
    actorHref = await page.locator('.entity-link').first().getAttribute('href').catch(() => null);
    await saveScreenshot(page, '20-hostile-article');
    await assertInert('reader');
  });

  test('the article list, search snippets, events, map and actor pages stay inert', async () => {
    await page.goto(`${server.url}/#/articles?q=${encodeURIComponent('alert')}`);
    await page.locator('.article-card').first().waitFor();
    const snippets = (await page.locator('.snippet').allTextContents()).join(' ');
    assert.ok(snippets === '' || /alert/.test(snippets), 'snippets are text');
    await saveScreenshot(page, '21-hostile-search');
    await assertInert('search');
    for (const hash of ['#/articles', '#/events', '#/map', ...(actorHref ? [actorHref] : [])]) {
      await page.goto(`${server.url}/${hash}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await assertInert(hash);
    }
  });

  test('an HTML article posted to the API is shown as its text, without its scripts or handlers', async () => {
    const response = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: HTML_ARTICLE });
    const body = await response.text();
    assert.ok(response.ok, `POST text/html: ${response.status} ${body}`);
    const { id } = JSON.parse(body) as { id: string };
    await page.goto(`${server.url}/#/articles/${encodeURIComponent(id)}`);
    await page.locator('.article-text').waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /حفتر/);
    await saveScreenshot(page, '22-hostile-html-article');
    await assertInert('html reader');
  });

  test('no script error and no CSP violation', async () => {
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(await problems.cspViolations(), []);
  });
});
