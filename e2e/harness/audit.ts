/**
 * The whole audit of one page at one viewport ({@link auditPage}) and the release gate's checks over it
 * ({@link GATE_CHECKS}). Each check lives in its own module (axe.ts, keyboard.ts, csp.ts …) with the code that
 * collects what it asserts on.
 */
import type { Browser } from 'playwright-core';
import { axeCheck, runAxe, type AxeFinding } from './axe.ts';
import { newPageContext, type Viewport } from './browser.ts';
import { cellsCheck, readCrushedCells } from './cells.ts';
import { consoleCheck } from './console.ts';
import { cspCheck, cspMetaCheck, readCspMetas, type CspMeta, type CspViolation } from './csp.ts';
import { checkKeyboard, keyboardCheck, type KeyboardReport } from './keyboard.ts';
import { langCheck, readLang } from './lang.ts';
import { readOverflow, reflowCheck, type Overflow } from './reflow.ts';
import { requestsCheck, resourcesCheck } from './requests.ts';
import { screenshot } from './screenshot.ts';
import { storageCheck, type StorageFindings } from './storage.ts';
import { openPage, type PageRecord } from './visit.ts';

/** Everything the gate asserts on for one page at one viewport. */
export interface PageAudit {
  url: string;
  viewport: Viewport;
  status: number | undefined;
  record: PageRecord;
  axe: AxeFinding[];
  storage: StorageFindings;
  cspViolations: CspViolation[];
  cspMetas: CspMeta[];
  lang: string | null;
  overflow: Overflow | null;
  /** See cells.ts. */
  crushedCells: string[];
  keyboard: KeyboardReport;
  screenshot: string | undefined;
}

/**
 * Visits `url` in a fresh context and runs every check, in this order: load, CSP metas, `lang` and overflow, screenshot,
 * axe, keyboard; storage, CSP violations and console are read last so they cover the whole visit (which includes
 * no click: it is still a first visit).
 */
export async function auditPage(
  browser: Browser,
  url: string,
  viewport: Viewport,
  options: { screenshotName?: string; maxTabs?: number } = {},
): Promise<PageAudit> {
  const context = await newPageContext(browser, viewport);
  try {
    const visit = await openPage(context, url, viewport);
    const cspMetas = await readCspMetas(visit.page);
    const lang = await readLang(visit.page);
    const overflow = await readOverflow(visit.page);
    const crushedCells = await readCrushedCells(visit.page);
    const shot = options.screenshotName ? await screenshot(visit.page, options.screenshotName) : undefined;
    const axe = await runAxe(visit.page);
    const keyboard = await checkKeyboard(visit.page, options.maxTabs === undefined ? {} : { maxTabs: options.maxTabs });
    const storage = await visit.storage();
    const cspViolations = await visit.cspViolations();
    return {
      url,
      viewport,
      status: visit.response?.status(),
      record: visit.record,
      axe,
      storage,
      cspViolations,
      cspMetas,
      lang,
      overflow,
      crushedCells,
      keyboard,
      screenshot: shot,
    };
  } finally {
    await context.close();
  }
}

/** One assertion of the gate: a sentence ending and a function listing readable problems (empty = pass). */
export interface GateCheck {
  id: string;
  /** Completes "<page> at <width> width …", e.g. "has no axe violations". */
  sentence: string;
  problems(audit: PageAudit): string[];
}

export const statusCheck: GateCheck = {
  id: 'status',
  sentence: 'loads with HTTP 200',
  problems: (a) => (a.status === 200 ? [] : [`HTTP ${a.status ?? 'no response'}`]),
};

/** The checks of the release gate, in report order. `e2e/harness.test.ts` proves each can fail. */
export const GATE_CHECKS: readonly GateCheck[] = [
  statusCheck,
  axeCheck,
  consoleCheck,
  resourcesCheck,
  requestsCheck,
  storageCheck,
  cspCheck,
  cspMetaCheck,
  langCheck,
  reflowCheck,
  cellsCheck,
  keyboardCheck,
];
