/**
 * The dashboard end to end, in Debian's Chromium against `marsad serve` on an
 * empty database: add the seed article through the UI, read it, follow an
 * event, filter the events, open the actor, find Benghazi on the map — in
 * Arabic, right to left, at desktop and phone widths, with no script error
 * and no CSP violation. Screenshots go to artifacts/screenshots/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { watchPage, type PageProblems } from './page-watch.js';
import { saveScreenshot } from './screenshots.js';
import { REPO_ROOT, startServer, type RunningServer } from './server.js';

const SEED = join(REPO_ROOT, 'examples', 'seed-haftar-africom.txt');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
/** Time for the analysis of one article and for a page's data. */
const ADD_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 15_000;
const BENGHAZI = { lat: 32.1, lon: 20.07, toleranceDegrees: 0.5 };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;

async function expectRtl(where: string) {
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl', `${where}: <html dir> should be rtl`);
  assert.equal(await page.getAttribute('html', 'lang'), 'ar', `${where}: <html lang> should be ar`);
}

/** A marker of the map near Benghazi, in the chart's own data and in the list of places under it. */
async function expectBenghaziMarker() {
  const near = (lat: number, lon: number) =>
    Math.abs(lat - BENGHAZI.lat) < BENGHAZI.toleranceDegrees && Math.abs(lon - BENGHAZI.lon) < BENGHAZI.toleranceDegrees;
  const markers = (await page.locator('.world-map').first().getAttribute('data-markers')) ?? '';
  const points = markers.split(';').filter(Boolean).map((m) => m.split(',').map(Number));
  assert.ok(points.some(([lon, lat]) => near(lat, lon)), `no map marker near Benghazi among ${markers || 'none'}`);
  const place = page.locator('.place-list li[data-place="بنغازي"]').first();
  await place.waitFor();
  assert.ok(near(Number(await place.getAttribute('data-lat')), Number(await place.getAttribute('data-lon'))));
}

/** The events table's rows once `ok` holds for them (the table reloads from the server after a filter). */
async function rowsWhen(ok: (rows: string[]) => boolean): Promise<string[]> {
  const end = Date.now() + STEP_TIMEOUT_MS;
  let rows: string[] = [];
  while (Date.now() < end) {
    rows = await page.locator('.events-table tbody tr').allTextContents();
    if (ok(rows)) return rows;
    await page.waitForTimeout(50);
  }
  return rows;
}

/** Follows a link of the main navigation (no page load: the app routes itself). */
async function nav(label: string) {
  await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: label }).click();
}

describe('dashboard in Chromium', { timeout: 5 * 60_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: DESKTOP, locale: 'ar' });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    problems = await watchPage(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an empty database shows an empty, right-to-left article list', async () => {
    await page.goto(server.url + '/');
    await page.locator('.status-empty').waitFor();
    await expectRtl('articles (empty)');
    assert.equal(await page.locator('h1').textContent(), 'المقالات');
    await saveScreenshot(page, '01-articles-empty');
  });

  test('the seed article is added through the UI, with progress, and listed without a reload', async () => {
    await page.evaluate('window.__marsadNoReload = true');
    await nav('أضف مقالًا');
    await expectRtl('add');
    await page.getByRole('tab', { name: 'ارفع ملفًّا' }).click();
    await page.locator('#add-files').setInputFiles(SEED);
    await page.getByRole('button', { name: 'ارفع وحلّل' }).click();
    const result = page.locator('.add-result').first();
    await result.waitFor({ timeout: ADD_TIMEOUT_MS });
    assert.equal(await result.getAttribute('data-status'), 'new', `adding failed: ${await result.textContent()}\n${server.log()}`);
    assert.equal(await page.locator('progress').first().getAttribute('max'), '1');
    await saveScreenshot(page, '02-add-article');
    await nav('المقالات');
    await page.locator('.article-card').first().waitFor();
    assert.match(await page.locator('.article-card').first().textContent() ?? '', /حفتر/);
    assert.equal(await page.evaluate('window.__marsadNoReload'), true, 'the page reloaded');
  });

  test('the reader marks حفتر as a person and shows his actor code on hover', async () => {
    await page.locator('.article-card a').first().click();
    await page.locator('.article-text').waitFor();
    await expectRtl('reader');
    const haftar = page.locator('.article-text mark.mention[data-type="PER"]', { hasText: 'حفتر' }).first();
    await haftar.waitFor();
    await haftar.hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    assert.match(await tip.textContent() ?? '', /حفتر/);
    assert.match(await tip.textContent() ?? '', /LBYMIL/);
    await saveScreenshot(page, '03-reader');
  });

  test('clicking the meeting event highlights its trigger, actors and بنغازي', async () => {
    const meeting = page.locator('.event-item', { hasText: 'بنغازي' }).first();
    await meeting.click();
    await page.locator('.event-item[aria-pressed="true"]', { hasText: 'بنغازي' }).first().waitFor();
    assert.equal(await meeting.getAttribute('aria-pressed'), 'true');
    const place = page.locator('.article-text [data-roles~="location"]');
    await place.first().waitFor();
    assert.equal((await place.allTextContents()).join(''), 'بنغازي');
    assert.ok(await page.locator('.article-text [data-roles~="trigger"]').count() > 0, 'the trigger is highlighted');
    assert.match((await page.locator('.article-text [data-roles~="source"]').allTextContents()).join(''), /حفتر/);
    assert.ok(await page.locator('.article-text [data-roles~="location"]').first().isVisible(), 'the sentence is scrolled into view');
    assert.match(page.url(), /event=/, 'the chosen event is in the address');
    await saveScreenshot(page, '04-reader-event');
  });

  test("the reader's entity list leads to the actor's page", async () => {
    const articleUrl = page.url();
    await page.locator('.reader-entities .entity-link', { hasText: 'حفتر' }).first().click();
    await page.locator('.actor-page h1').waitFor();
    assert.match(await page.locator('.actor-page h1').textContent() ?? '', /حفتر/);
    await page.goto(articleUrl);
    await page.locator('.article-text').waitFor();
  });

  test('the events table filters by actor', async () => {
    await nav('الأحداث');
    await page.locator('.events-table tbody tr').first().waitFor();
    await expectRtl('events');
    const all = await page.locator('.events-table tbody tr').count();
    await page.getByLabel('الفاعل', { exact: true }).fill('حفتر');
    await page.getByRole('button', { name: 'طبّق' }).click();
    await page.waitForURL(/actor=/);
    const rows = await rowsWhen((texts) => texts.length > 0 && texts.every((row) => /حفتر/.test(row)));
    assert.ok(rows.length > 0 && rows.length <= all);
    for (const row of rows) assert.match(row, /حفتر/, `a row without حفتر: ${row}`);
    for (const format of ['json', 'csv', 'gdelt', 'plover', 'geojson']) {
      const href = await page.locator(`.exports a[data-format="${format}"]`).getAttribute('href');
      assert.match(href ?? '', new RegExp(`^/api/events\\?.*actor=.*format=${format}`));
    }
    await saveScreenshot(page, '05-events-by-actor');
    await page.getByLabel('الفاعل', { exact: true }).fill('لا-يوجد-فاعل-بهذا-الاسم');
    await page.getByRole('button', { name: 'طبّق' }).click();
    await page.locator('.status-empty').waitFor();
  });

  test("Haftar's actor page shows his codes, network and Benghazi on its map", async () => {
    await page.getByLabel('الفاعل', { exact: true }).fill('حفتر');
    await page.getByRole('button', { name: 'طبّق' }).click();
    await page.locator('.events-table tbody tr').first().waitFor();
    await page.locator('.events-table .col-source a', { hasText: 'حفتر' }).first().click();
    await page.locator('.actor-page h1').waitFor();
    await expectRtl('actor');
    assert.match(await page.locator('.actor-page h1').textContent() ?? '', /حفتر/);
    assert.match(await page.locator('.facts').textContent() ?? '', /LBYMIL/);
    await page.locator('.chart-network[data-rendered="true"]').waitFor();
    await page.locator('.world-map .chart-map[data-rendered="true"]').waitFor();
    await expectBenghaziMarker();
    await saveScreenshot(page, '06-actor-haftar');
  });

  test('the map has a marker in Benghazi, and choosing it filters the table', async () => {
    await nav('الخريطة');
    await page.locator('.chart-map[data-rendered="true"]').waitFor();
    await expectRtl('map');
    await expectBenghaziMarker();
    await page.locator('.place-list li[data-place="بنغازي"] button').click();
    await page.waitForURL(/area=/);
    // The server filters the table by the place's area.
    const rows = await rowsWhen((texts) => texts.length > 0 && texts.every((row) => /بنغازي/.test(row)));
    for (const row of rows) assert.match(row, /بنغازي/);
    await saveScreenshot(page, '07-map');
  });

  test('the interface switches to English and back', async () => {
    await page.getByRole('button', { name: 'Switch the interface to English' }).click();
    // The language is applied to <html> after the render: wait for it (bounded by the step timeout).
    await page.waitForFunction('document.documentElement.dir === "ltr"');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('link', { name: 'Events', exact: true }).waitFor();
    await saveScreenshot(page, '08-map-english');
    await page.getByRole('button', { name: 'حوّل الواجهة إلى العربية' }).click();
    await page.waitForFunction('document.documentElement.dir === "rtl"');
    await expectRtl('after switching back');
  });

  test('every page reads at 360 px wide with no sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    for (const [name, label] of [['09-phone-articles', 'المقالات'], ['10-phone-events', 'الأحداث'], ['11-phone-map', 'الخريطة'], ['12-phone-add', 'أضف مقالًا']] as const) {
      await nav(label);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await expectRtl(name);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      assert.ok((overflow as number) <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
      await saveScreenshot(page, name);
    }
    await nav('المقالات');
    await page.locator('.article-card a').first().click();
    await page.locator('.article-text').waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok((overflow as number) <= 0, `reader: the page scrolls sideways by ${overflow}px`);
    await saveScreenshot(page, '13-phone-reader');
  });

  test('keyboard: the skip link, focus styles and a mention reached by Tab', async () => {
    await page.setViewportSize(DESKTOP);
    await page.reload();
    await page.locator('.article-text').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement.className'), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement.id'), 'main');
    await page.locator('.article-text mark.mention').first().focus();
    await page.getByRole('tooltip').waitFor();
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    assert.notEqual(outline, 'none', 'a focused mention shows a focus outline');
  });

  test('nothing went wrong in the page: no script error, no dialog, no CSP violation', async () => {
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.dialogs, []);
    assert.deepEqual(await problems.cspViolations(), []);
  });
});
