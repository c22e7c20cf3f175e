/** Browser launch for every browser test: Debian's Chromium through playwright-core, and a fresh context per visit. */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Chromium flags for a quiet, offline-friendly, root-safe headless run. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/** Viewports of the gate: a phone (iPhone 14-ish) and a desktop. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

export interface Viewport {
  width: number;
  height: number;
}

/** Path of the Chromium binary: `CHROMIUM_PATH`, default Debian's `/usr/bin/chromium`. Never downloaded. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/**
 * Launches headless Chromium. playwright-core refuses a `--user-data-dir` argument; its `launch()` creates a fresh
 * temporary profile (`$TMPDIR/playwright_chromiumdev_profile-*`) and deletes it on `browser.close()`. Every page of
 * the gate then gets its own new incognito-like context (see {@link newPageContext}), so each visit is a first visit.
 * @throws with a hint when the binary is missing (install it with `apt-get install chromium`).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    throw new Error(`cannot launch Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`, {
      cause: error,
    });
  }
}

/** A fresh context: no cookies, storage or service workers from earlier visits; German locale, Berlin time. */
export async function newPageContext(browser: Browser, viewport: Viewport): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
  });
}
