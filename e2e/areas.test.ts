/**
 * Area overlays in Chromium: the three templates (`area-index`, `area-layer`, `area`) from `data/atlas.json`, German
 * and English, at phone and desktop width through every check of the release gate (axe, keyboard, console, other
 * origins, storage, CSP, reflow), with screenshots in `test-results/screenshots/`; and one area page printed to A4
 * PDF (`test-results/print/area-*.pdf`) with print media: no navigation, the facility table's contact columns on
 * paper, and nothing wider than the A4 text area.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { auditPage, GATE_CHECKS, launchBrowser, newPageContext, VIEWPORTS, type PageAudit } from './harness/index.ts';

const baseUrl = inject('sozialatlasBaseUrl');
const atlas = (await (await fetch(`${baseUrl}/data/atlas.json`)).json()) as {
  pages: { type: string; url: string; lang: string }[];
};
const TYPES = ['area-index', 'area-layer', 'area'];
/** The first area page with the most facilities would be ideal; the first one of each type and language is enough. */
const pages = TYPES.flatMap((type) =>
  (['de', 'en'] as const).flatMap((lang) => atlas.pages.filter((p) => p.type === type && p.lang === lang).slice(0, 1)),
);

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const audits = new Map<string, Promise<PageAudit>>();
function audit(url: string, width: keyof typeof VIEWPORTS): Promise<PageAudit> {
  const key = `${url} ${width}`;
  let result = audits.get(key);
  if (!result) {
    if (!browser) throw new Error('browser not launched');
    result = auditPage(browser, `${baseUrl}${url}`, VIEWPORTS[width], { screenshotName: `areas ${url} ${width}` });
    audits.set(key, result);
  }
  return result;
}

it('atlas.json lists every area template in both languages', () => {
  expect(pages.map((p) => `${p.type} ${p.lang}`)).toEqual(TYPES.flatMap((t) => [`${t} de`, `${t} en`]));
});

for (const page of pages) {
  for (const width of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    for (const check of GATE_CHECKS) {
      it(`${page.type} (${page.lang}) at ${width} width ${check.sentence} [${page.url}]`, async () => {
        expect(check.problems(await audit(page.url, width))).toEqual([]);
      });
    }
  }
}

it('an area page prints on A4 without navigation, with phone and email columns inside the text area', async () => {
  const url = pages.find((p) => p.type === 'area' && p.lang === 'de')?.url;
  if (!browser || !url) throw new Error('no area page');
  const context = await newPageContext(browser, VIEWPORTS.desktop);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${url}`);
    await page.emulateMedia({ media: 'print' });
    // A4 (210 mm) minus 2 × 14 mm margins at 96 px per inch.
    const textWidth = Math.floor(((210 - 28) * 96) / 25.4);
    await page.setViewportSize({ width: textWidth, height: 1000 });
    const layout = await page.evaluate(`(() => {
      const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none');
      const wide = [...document.querySelectorAll('main *')].filter((e) => !(e.ownerSVGElement)).filter((e) => e.getBoundingClientRect().right > ${textWidth} + 1).map((e) => e.tagName + '.' + String(e.getAttribute('class')));
      const headers = [...document.querySelectorAll('.area-table thead th')].map((th) => th.textContent.trim());
      return { nav: visible('.main-nav') || visible('.breadcrumb'), wide: wide.slice(0, 5), headers: [...new Set(headers)] };
    })()`);
    expect(layout).toMatchObject({ nav: false, wide: [] });
    expect((layout as { headers: string[] }).headers).toEqual(expect.arrayContaining(['Telefon', 'E-Mail']));
    const dir = path.resolve('test-results', 'print');
    await mkdir(dir, { recursive: true });
    await page.pdf({
      path: path.join(dir, `area-${url.split('/').filter(Boolean).join('-')}.pdf`),
      format: 'A4',
      printBackground: false,
      preferCSSPageSize: true,
    });
    await page.screenshot({
      path: path.resolve('test-results', 'screenshots', 'areas-print-layout.png'),
      fullPage: true,
    });
  } finally {
    await context.close();
  }
});
