/** Full-page screenshots into the gitignored `test-results/screenshots/`. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Folder for screenshots, relative to the working directory (gitignored `test-results/`). */
export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

/** Saves a full-page PNG to `test-results/screenshots/<name>.png` (name made file-safe); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe =
    name
      .toLowerCase()
      .replace(/[^a-z0-9äöüß._]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'page';
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}
