/**
 * The compare page and the unit pages' compare links and sub-units, in Chromium against the built demo (real data):
 * a selection made with the picker is a link that opens the same comparison in a fresh browser, its key figures equal
 * the units' JSON downloads, every chart has a sentence and a table; the bare page passes the gate; without
 * JavaScript the page explains itself; a unit page's "Zum Vergleich" link preselects the unit; a Bezirk page lists and
 * maps its sub-units. Screenshots (390 and 1280 px) go to `test-results/screenshots/`.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  auditPage,
  GATE_CHECKS,
  launchBrowser,
  newPageContext,
  openPage,
  screenshot,
  SCREENSHOT_DIR,
  VIEWPORTS,
  type AtlasJson,
  type PageAudit,
} from './harness/index.ts';

const baseUrl = inject('sozialatlasBaseUrl');
const atlas = (await (await fetch(`${baseUrl}/data/atlas.json`)).json()) as AtlasJson & {
  compare: { url: string; urlEn: string };
  indicators: { id: string; label: string; unit?: string; type: string }[];
};

interface UnitFile {
  unit: { id: string; name: string };
  values: { indicator_id: string; year: number; value: number | ''; status: string }[];
  city: { indicator_id: string; year: number; value: number | ''; status: string }[];
}

/** The demo's Reuterkiez, one of its sibling Planungsräume, and their Bezirksregion (ids from atlas.json). */
const reuterkiez = atlas.units.find((u) => u.id === '08010301');
const region = atlas.units.find((u) => u.id === reuterkiez?.parent);
const sibling = atlas.units.find((u) => u.parent === region?.id && u.id !== reuterkiez?.id);

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Chooses a unit with the picker: level, a few letters of the name, then "Hinzufügen". */
async function choose(page: Page, level: string, name: string): Promise<void> {
  await page.selectOption('#cmp-level', level);
  await page.fill('#cmp-filter', name);
  await page.selectOption('#cmp-unit', { label: await firstOptionLabel(page, name) });
  await page.click('[data-compare-add]');
  await page.waitForFunction(
    `document.querySelector('[data-compare-status]').textContent.includes(${JSON.stringify(name)})`,
  );
}

async function firstOptionLabel(page: Page, name: string): Promise<string> {
  const labels = await page.$$eval('#cmp-unit option', (os) => os.map((o) => o.textContent ?? ''));
  const hit = labels.find((l) => l.startsWith(`${name} (`) || l === name);
  if (!hit) throw new Error(`no option ${name} in ${labels.slice(0, 5).join(', ')}`);
  return hit;
}

/** Waits until the comparison is drawn (key table and charts present). */
async function waitForView(page: Page): Promise<void> {
  await page.waitForSelector('[data-compare-key-table] table');
  await page.waitForSelector('.compare-chart svg.line-chart');
}

/** "4,7 %" → { value: 4.7, decimals: 1 }; "27.007 Personen" → { value: 27007, decimals: 0 }; words → undefined. */
function parseGerman(text: string): { value: number; decimals: number } | undefined {
  const m = /^(-?[\d.]+(?:,\d+)?)/.exec(text.trim());
  if (!m) return undefined;
  const [int, frac = ''] = (m[1] as string).split(',');
  return { value: Number(`${(int as string).replace(/\./g, '')}.${frac || '0'}`), decimals: frac.length };
}

describe('compare link', () => {
  it('atlas.json names the compare page with the placeholder {ids}', () => {
    expect(atlas.compare.url).toBe('/vergleich/?gebiete={ids}');
    expect(atlas.compare.urlEn).toBe('/en/vergleich/?gebiete={ids}');
  });

  it('a selection of three units made with the picker opens with the same selection in a fresh browser, with the values of their JSON', async () => {
    if (!browser || !reuterkiez || !region || !sibling) throw new Error('setup');
    // 1. Choose three units on the bare page and read the link to the comparison.
    const first = await newPageContext(browser, VIEWPORTS.desktop);
    const visit = await openPage(first, `${baseUrl}/vergleich/`, VIEWPORTS.desktop);
    await choose(visit.page, 'planungsraum', reuterkiez.name);
    await choose(visit.page, 'planungsraum', sibling.name);
    await choose(visit.page, 'bezirksregion', region.name);
    const link = await visit.page.$eval('[data-compare-share-link]', (a) => (a as HTMLAnchorElement).href);
    expect(new URL(link).search).toBe(`?gebiete=${reuterkiez.id},${sibling.id},${region.id}`);
    expect(new URL(visit.page.url()).search).toBe(new URL(link).search);
    expect(visit.record.consoleErrors).toEqual([]);
    await first.close();

    // 2. Open the link in another browser (a new temporary profile: nothing carried over).
    const fresh = await launchBrowser();
    try {
      const context = await newPageContext(fresh, VIEWPORTS.desktop);
      const opened = await openPage(context, link, VIEWPORTS.desktop);
      await waitForView(opened.page);
      const chosen = await opened.page.$$eval('[data-compare-chosen] li > a', (as) => as.map((a) => a.textContent));
      expect(chosen).toEqual([reuterkiez.name, sibling.name, region.name]);

      // 3. The key-figures table shows each unit's value of its JSON download, statuses in words.
      const table = await opened.page.$eval('[data-compare-key-table] table', (t) => ({
        heads: [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
      }));
      const files = await Promise.all(
        [reuterkiez, sibling, region].map(
          async (u) => (await (await fetch(`${baseUrl}/data/units/${u.id}.json`)).json()) as UnitFile,
        ),
      );
      let compared = 0;
      // Each chosen unit's column against its own values, the city's column against the city list of the files.
      const columns = [
        ...files.map((f) => ({ name: f.unit.name, values: f.values })),
        { name: atlas.atlas.city, values: (files[0] as UnitFile).city },
      ];
      for (const file of columns) {
        const col = table.heads.findIndex((h) => h.startsWith(`${file.name} (`));
        expect(col, file.name).toBeGreaterThan(1);
        for (const row of table.rows) {
          const [label = '', year = '', ...cells] = row;
          const ind = atlas.indicators.find((i) => label === (i.unit ? `${i.label} (${i.unit})` : i.label));
          expect(ind, label).toBeDefined();
          const cell = cells[col - 2] as string;
          const r = file.values.find((v) => v.indicator_id === ind?.id && v.year === Number(year));
          if (!r || r.status === 'missing') expect(cell, `${file.name} ${label}`).toBe('keine Angabe');
          else if (r.status === 'suppressed') expect(cell).toBe('geheim gehalten');
          else if (r.status === 'notApplicable') expect(cell).toBe('nicht sinnvoll');
          else if (ind?.type === 'class') expect(cell).not.toMatch(/^\d/);
          else {
            const shown = parseGerman(cell);
            expect(shown, `${file.name} ${label}: ${cell}`).toBeDefined();
            expect(Math.abs((shown?.value ?? NaN) - Number(r.value))).toBeLessThanOrEqual(
              0.5 * 10 ** -(shown?.decimals ?? 0) + 1e-9,
            );
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(10);

      // 4. Every chart section has a sentence and a table; the charts are named images.
      const sections = await opened.page.$$eval('.compare-chart', (ss) =>
        ss.map((s) => ({
          sentence: s.querySelector('p.summary')?.textContent ?? '',
          tableRows: s.querySelectorAll('table tbody tr').length,
          chart: s.querySelector('svg.line-chart')?.getAttribute('aria-label') ?? null,
        })),
      );
      const charts = sections.filter((s) => s.chart !== null);
      expect(charts.length).toBeGreaterThan(3);
      for (const s of sections) {
        expect(s.sentence.length).toBeGreaterThan(20);
        expect(s.tableRows).toBeGreaterThan(0);
      }
      expect(charts.every((s) => (s.chart ?? '').includes(reuterkiez.name))).toBe(true);
      expect(opened.record.consoleErrors).toEqual([]);
      expect(await opened.cspViolations()).toEqual([]);
      await context.close();
    } finally {
      await fresh.close();
    }
  });

  it('the language switch keeps the selection', async () => {
    if (!browser || !reuterkiez || !region) throw new Error('setup');
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    const opened = await openPage(
      context,
      `${baseUrl}/vergleich/?gebiete=${reuterkiez.id},${region.id}`,
      VIEWPORTS.desktop,
    );
    await waitForView(opened.page);
    const href = await opened.page.$eval('header a[hreflang="en"]', (a) => a.getAttribute('href'));
    expect(href).toBe(`/en/vergleich/?gebiete=${reuterkiez.id},${region.id}`);
    await context.close();
  });

  it('unknown ids in the address are named, not silently dropped', async () => {
    if (!browser || !reuterkiez) throw new Error('setup');
    const context = await newPageContext(browser, VIEWPORTS.phone);
    const opened = await openPage(
      context,
      `${baseUrl}/vergleich/?gebiete=${reuterkiez.id},gibtsnicht`,
      VIEWPORTS.phone,
    );
    await opened.page.waitForSelector('[data-compare-key-table] table');
    expect(await opened.page.textContent('[data-compare-status]')).toContain('gibtsnicht');
    await context.close();
  });

  it('screenshots: the compare page with three units at 390 and 1280 px', async () => {
    if (!browser || !reuterkiez || !region || !sibling) throw new Error('setup');
    for (const width of ['phone', 'desktop'] as const) {
      const context = await newPageContext(browser, VIEWPORTS[width]);
      const url = `${baseUrl}/vergleich/?gebiete=${reuterkiez.id},${sibling.id},${region.id}`;
      const opened = await openPage(context, url, VIEWPORTS[width]);
      await waitForView(opened.page);
      const file = await screenshot(opened.page, `compare three units ${VIEWPORTS[width].width}`);
      expect(path.dirname(file)).toBe(SCREENSHOT_DIR);
      await context.close();
    }
  });
});

describe('compare page without a selection, and without JavaScript', () => {
  const audits = new Map<string, Promise<PageAudit>>();
  const audit = (url: string, width: keyof typeof VIEWPORTS) => {
    const key = `${url} ${width}`;
    if (!audits.has(key)) {
      if (!browser) throw new Error('browser not launched');
      audits.set(
        key,
        auditPage(browser, `${baseUrl}${url}`, VIEWPORTS[width], { screenshotName: `compare empty ${url} ${width}` }),
      );
    }
    return audits.get(key) as Promise<PageAudit>;
  };
  for (const url of ['/vergleich/', '/en/vergleich/'])
    for (const width of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])
      for (const check of GATE_CHECKS)
        it(`${url} at ${width} width ${check.sentence}`, async () => {
          expect(check.problems(await audit(url, width))).toEqual([]);
        });

  it('without JavaScript the page says what it needs and links the A–Z list and the values download', async () => {
    if (!browser) throw new Error('setup');
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/vergleich/?gebiete=08010301,080103`);
    expect(await page.isVisible('.compare-nojs')).toBe(true);
    expect(await page.textContent('.compare-nojs')).toContain('JavaScript');
    const links = await page.$$eval('.compare-nojs a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/alle-gebiete/', '/data/values.csv', '/daten/']);
    expect(await page.isVisible('[data-compare-form]')).toBe(false);
    await context.close();
  });
});

describe('unit pages', () => {
  it('"Zum Vergleich" on a unit page opens the compare page with the unit and its parent preselected', async () => {
    if (!browser || !reuterkiez || !region) throw new Error('setup');
    const context = await newPageContext(browser, VIEWPORTS.phone);
    const opened = await openPage(context, `${baseUrl}${reuterkiez.url}`, VIEWPORTS.phone);
    await opened.page.click(`.compare-links a[href="/vergleich/?gebiete=${reuterkiez.id},${region.id}"]`);
    await waitForView(opened.page);
    const chosen = await opened.page.$$eval('[data-compare-chosen] li > a', (as) => as.map((a) => a.textContent));
    expect(chosen).toEqual([reuterkiez.name, region.name]);
    await context.close();
  });

  it('a Bezirk page lists all its Bezirksregionen and Planungsräume and maps the regions as named links', async () => {
    if (!browser || !region?.parent) throw new Error('setup');
    const bezirk = atlas.units.find((u) => u.id === region.parent);
    if (!bezirk) throw new Error('no Bezirk');
    // The Bezirksregionen (the first child level) are numbered and mapped; the Prognoseräume of the 2021 scheme are
    // listed apart (their own heading), never mixed into the numbered list or drawn over the regions.
    const regions = atlas.units.filter((u) => u.parent === bezirk.id && u.level === region.level);
    const areas = atlas.units.filter((u) => regions.some((r) => r.id === u.parent));
    const otherScheme = atlas.units.filter((u) => u.parent === bezirk.id && u.level !== region.level);
    for (const width of ['phone', 'desktop'] as const) {
      const context = await newPageContext(browser, VIEWPORTS[width]);
      const opened = await openPage(context, `${baseUrl}${bezirk.url}`, VIEWPORTS[width]);
      const section = await opened.page.$eval('section.sub-units', (s) => ({
        top: [...s.querySelectorAll('.sub-units-list > li > a')].map((a) => a.getAttribute('href')),
        nested: [...s.querySelectorAll('.sub-units-list ul a')].map((a) => a.getAttribute('href')),
        map: [...s.querySelectorAll('svg.sub-unit-map a')].map((a) => ({
          href: a.getAttribute('href'),
          label: a.getAttribute('aria-label'),
        })),
        numbers: s.querySelectorAll('svg .sub-unit-numbers text').length,
        other: [...s.querySelectorAll('.sub-units-other a')].map((a) => a.getAttribute('href')),
      }));
      expect([...section.other].sort()).toEqual(otherScheme.map((u) => u.url).sort());
      expect([...section.top].sort()).toEqual(regions.map((r) => r.url).sort());
      expect([...section.nested].sort()).toEqual(areas.map((a) => a.url).sort());
      expect(section.map.map((m) => m.href).sort()).toEqual(regions.map((r) => r.url).sort());
      for (const { href, label } of section.map) {
        const no = section.top.indexOf(href) + 1;
        const name = regions.find((r) => r.url === href)?.name ?? '';
        expect(label).toBe(`${no}: ${name} (Bezirksregion)`);
      }
      expect(section.numbers).toBe(regions.length);
      const shot = path.join(SCREENSHOT_DIR, `bezirk-sub-units-${VIEWPORTS[width].width}.png`);
      await (await opened.page.$('section.sub-units'))?.screenshot({ path: shot });
      await context.close();
    }
  });
});
