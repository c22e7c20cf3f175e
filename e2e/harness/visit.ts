/** Visiting a page: opens it in a context and records, from page events, everything the gate checks afterwards. */
import type { BrowserContext, Page, Response } from 'playwright-core';
import type { Viewport } from './browser.ts';
import { recordConsole } from './console.ts';
import { CSP_LISTENER, readCspViolations, type CspViolation } from './csp.ts';
import { recordFailedResources, recordOtherOriginRequests } from './requests.ts';
import { readStorage, type StorageFindings } from './storage.ts';

/** Live records of one visit, filled by page events. All entries are readable one-line strings. */
export interface PageRecord {
  /** `console.error` messages and uncaught exceptions, except Content-Security-Policy messages. */
  consoleErrors: string[];
  /** Console messages about the Content Security Policy (blocked inline scripts, ignored directives …). */
  cspConsoleMessages: string[];
  /** Requests to any origin but the site's, e.g. `GET https://fonts.example/x.css (stylesheet)`. */
  otherOriginRequests: string[];
  /** Same-origin requests that failed or answered ≥ 400, e.g. `404 /assets/x.png`. */
  failedResources: string[];
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Response of the main document (null for about:blank-like urls). */
  response: Response | null;
  /** Site origin, e.g. `http://127.0.0.1:43127`. */
  origin: string;
  record: PageRecord;
  /** Reads CSP violation events recorded so far. */
  cspViolations(): Promise<CspViolation[]>;
  /** Reads cookies, web storage keys, IndexedDB names, Cache Storage keys and service worker scopes now. */
  storage(): Promise<StorageFindings>;
}

/**
 * Opens `url` in a new page of `context` at the given viewport and records console errors, page errors,
 * other-origin requests, failed same-origin requests and CSP violation events. Waits for `load`, then for the
 * network to be idle (≤ 10 s) and for fonts.
 *
 * Other-origin requests are recorded and answered locally with an empty 204, so a test never reaches the network
 * and a blocked request causes no follow-up console error. Requests a page's CSP blocks never start; they show up
 * as CSP violations instead.
 */
export async function openPage(context: BrowserContext, url: string, viewport: Viewport): Promise<OpenedPage> {
  const origin = new URL(url).origin;
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const record: PageRecord = {
    consoleErrors: [],
    cspConsoleMessages: [],
    otherOriginRequests: [],
    failedResources: [],
  };
  await page.addInitScript({ content: CSP_LISTENER });
  await recordOtherOriginRequests(page, origin, record);
  recordConsole(page, record);
  recordFailedResources(page, origin, record);
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.evaluate('document.fonts ? document.fonts.ready.then(() => true) : true');
  return {
    page,
    context,
    response,
    origin,
    record,
    cspViolations: () => readCspViolations(page),
    storage: () => readStorage(page, context),
  };
}
