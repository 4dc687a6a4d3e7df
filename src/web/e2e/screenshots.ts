/** Screenshots of each page the browser tests visit, kept as CI artefacts in artifacts/screenshots/. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './server.js';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'artifacts', 'screenshots');

/** Saves `artifacts/screenshots/NAME.png` (the whole page) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
