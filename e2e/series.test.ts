/**
 * Key figures and series on unit pages of the built demo, in Chromium (issues 9 and 10): the context values beside a
 * key figure against the raw MSS files, the change that never spans a break, chart text readable on a 390 px phone
 * (measured: font size times the SVG's scale on screen), editions placed at their real distances on the time axis,
 * and the list of breaks on /daten/. Screenshots at 390 and 1280 px go to `test-results/screenshots/`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPageContext, SCREENSHOT_DIR, VIEWPORTS } from './harness/index.ts';

const baseUrl = inject('sozialatlasBaseUrl');
const REUTERKIEZ = '/planungsraum/08010301/';
const REUTERSTRASSE = '/bezirksregion/080103/';
/** Smallest rendered size of chart text on a phone, in CSS px. */
const MIN_CHART_PX = 11;

/** A raw cell of a source file, read with papaparse (no type conversion). */
async function rawCell(file: string, id: string, column: string): Promise<number> {
  const text = (await readFile(path.resolve(file), 'utf8')).replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const value = rows.find((r) => r.id === id)?.[column];
  if (value === undefined) throw new Error(`${file}: no ${column} for ${id}`);
  return Number(value);
}
const de1 = (v: number) => `${v.toFixed(1).replace('.', ',')}\u202f%`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await newPageContext(browser, viewport);
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl}${url}`);
  expect(response?.status(), url).toBe(200);
  return page;
}

/** Text of an element with whitespace collapsed. */
const textOf = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/[ \t\r\n]+/g, ' ').trim();

describe('key figures beside their context, and changes never across a break', () => {
  it("Reuterkiez shows its Kinderarmut 2019 with Reuterstraße's and Neukölln's published values, as in the files", async () => {
    const S4 = 's4_percentage_transfer_payments_recipients_below_15_years';
    const own = await rawCell('data/berlin/mss/mss-2019-planning-areas.csv', '08010301', S4);
    const region = await rawCell('data/berlin/mss/mss-2019-district-regions.csv', '080103', S4);
    const district = await rawCell('data/berlin/mss/mss-2019-districts.csv', '08', S4);
    expect([de1(own), de1(region), de1(district)]).toEqual(['32,7\u202f%', '39,0\u202f%', '43,2\u202f%']);
    const page = await open(REUTERKIEZ, VIEWPORTS.desktop);
    const row = await textOf(page, '#kz-transferbezug_unter_15');
    expect(row).toContain(de1(own));
    expect(row).toContain(`Reuterstraße: ${de1(region)} (veröffentlicht)`);
    expect(row).toContain(`Neukölln: ${de1(district)} (veröffentlicht)`);
    expect(row).toContain('Berlin: nicht veröffentlicht');
    expect(row).toContain('31.12.2018');
    await page.context().close();
  });

  it('Reuterkiez shows the MSS comparable change of unemployment (−1,14), never the difference −2,9', async () => {
    const d1 = await rawCell('data/berlin/mss/mss-2019-planning-areas.csv', '08010301', 'd1_percentage_unemployed');
    const page = await open(REUTERKIEZ, VIEWPORTS.desktop);
    const row = await textOf(page, '#kz-arbeitslosigkeit');
    expect(row).toContain(
      `${d1.toFixed(2).replace('-', '−').replace('.', ',')} Prozentpunkte vom 31.12.2016 bis 31.12.2018`,
    );
    expect(await page.content()).not.toContain('−2,9');
    await page.context().close();
  });

  it('/daten/ lists every break with its year, kind and text', async () => {
    const page = await open('/daten/', VIEWPORTS.desktop);
    // Every break of /data/atlas.json: per indicator (declared, and the method breaks of recomputed indices) and those
    // of the whole atlas (the Köpenick re-cut of 2019, the LOR re-cut of 2021).
    const atlas = (await (await fetch(`${baseUrl}/data/atlas.json`)).json()) as {
      breaks: unknown[];
      indicators: { breaks?: unknown[] }[];
    };
    const expected = atlas.breaks.length + atlas.indicators.reduce((n, i) => n + (i.breaks?.length ?? 0), 0);
    expect(expected).toBeGreaterThanOrEqual(11);
    const rows = page.locator('#brueche ~ .table-scroll table tbody tr');
    expect(await rows.count()).toBe(expected);
    expect(await textOf(page, '#brueche ~ .table-scroll table')).toContain('Kietzer Feld/Nachtheide (09041301)');
    await page.context().close();
  });
});

describe('charts on a phone', () => {
  it(`chart ticks and annotations render at ≥ ${MIN_CHART_PX} CSS px at 390 px, and the page does not overflow`, async () => {
    for (const url of [REUTERKIEZ, REUTERSTRASSE, '/planungsraum/09041301/']) {
      const page = await open(url, VIEWPORTS.phone);
      const sizes = await page.$$eval('figure.chart > svg', (svgs) =>
        svgs.flatMap((svg) =>
          Array.from(svg.querySelectorAll('text')).map((t) => {
            const scale = (t as SVGGraphicsElement).getScreenCTM()?.a ?? 0;
            return { text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale };
          }),
        ),
      );
      expect(sizes.length, url).toBeGreaterThan(20);
      const small = sizes.filter((s) => s.px < MIN_CHART_PX);
      expect(small, `${url}: ${JSON.stringify(small.slice(0, 5))}`).toEqual([]);
      expect(sizes.some((s) => s.text.startsWith('Bruch'))).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `series${url.replace(/\W+/g, '-')}390.png`),
        fullPage: true,
      });
      await page.context().close();
    }
  });

  it('charts put the editions 2013, 2015 and 2019 at their real distances (a missing 2017 leaves a gap)', async () => {
    const page = await open(REUTERSTRASSE, VIEWPORTS.desktop);
    // The unit's dots (circles) in the Kinderarmut chart of a Bezirksregion: MSS 2013, 2015, 2019 (no 2017).
    const xs = await page.$$eval('#transferbezug_unter_15 figure.chart > svg circle', (cs) =>
      cs.map((c) => {
        const r = c.getBoundingClientRect();
        return r.x + r.width / 2;
      }),
    );
    expect(xs).toHaveLength(3);
    const [a, b, c] = xs as [number, number, number];
    expect((c - b) / (b - a)).toBeCloseTo(2, 1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'series-bezirksregion-080103-1280.png'), fullPage: true });
    await page.context().close();
  });
});
