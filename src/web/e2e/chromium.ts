/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser),
 * with the flags that work on the project's machines. A missing Chromium is
 * an error with the fix in its message: browser tests never skip silently.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (CI runs as root), and nothing that reaches for Google's servers. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get update && apt-get install -y chromium; .ci/run does) or set MARSAD_CHROMIUM to a Chromium binary`);
}

/** A new browser with a fresh, temporary profile (playwright gives each launch its own user data dir). */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
