/**
 * Release gate: one page of every template of the built site, at phone and desktop width, in real Chromium
 * (RELIABILITY.md §1.9 CSP, §4.5 axe, §5 privacy, keyboard). The pages come from `data/atlas.json` of the served
 * site; see `selectGatePages`. Screenshots go to `test-results/screenshots/`.
 *
 * `e2e/harness.test.ts` proves that every check below fails on a page with the matching defect.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  auditPage,
  firstUnitsByLevel,
  GATE_CHECKS,
  launchBrowser,
  selectGatePages,
  VIEWPORTS,
  type AtlasJson,
  type GatePage,
  type PageAudit,
} from './harness/index.ts';

const baseUrl = inject('sozialatlasBaseUrl');
const atlasResponse = await fetch(`${baseUrl}/data/atlas.json`);
if (!atlasResponse.ok) throw new Error(`GET /data/atlas.json answered ${atlasResponse.status}`);
const atlas = (await atlasResponse.json()) as AtlasJson;
// English unit pages the contract's pages[] does not list are still tested when the server has them.
const servedEnglishUnits = new Set<string>();
for (const { englishUrl } of firstUnitsByLevel(atlas)) {
  if ((await fetch(`${baseUrl}${englishUrl}`, { method: 'HEAD' })).status === 200) servedEnglishUnits.add(englishUrl);
}
const { pages, missing } = selectGatePages(atlas, servedEnglishUnits);

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const audits = new Map<string, Promise<PageAudit>>();
function audit(page: GatePage, width: keyof typeof VIEWPORTS): Promise<PageAudit> {
  const key = `${page.url} ${width}`;
  let result = audits.get(key);
  if (!result) {
    if (!browser) throw new Error('browser not launched');
    result = auditPage(browser, `${baseUrl}${page.url}`, VIEWPORTS[width], {
      screenshotName: `${page.label} ${width}`,
    });
    audits.set(key, result);
  }
  return result;
}

it('atlas.json lists a page of every template in both languages', () => {
  expect(missing).toEqual([]);
});

for (const page of pages) {
  for (const width of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    for (const check of GATE_CHECKS) {
      it(`${page.label} at ${width} width ${check.sentence} [${page.url}]`, async () => {
        expect(check.problems(await audit(page, width))).toEqual([]);
      });
    }
  }
}
