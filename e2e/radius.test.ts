/**
 * The facility map and the radius query (issue 3, points 5 and 6b) in Chromium, against a build of the made-up test
 * atlas (test/fixtures/atlas-mini), which e2e/globalSetup.ts builds and serves beside the demo
 * (`inject('sozialatlasMiniUrl')`).
 *
 * Expected lists are computed here, independently of src/: the fixture's facility files are read with yaml, the
 * distance is an own haversine, the order (vulnerability from facilities.yml, highest first, then distance) is
 * re-implemented. The page must list exactly those ids in that order; the CSV download must have the same rows.
 * At phone and desktop width the map must show the circle and the tables must fit; the screenshots of map and results
 * land in test-results/screenshots/.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  checkKeyboard,
  formatAxeFinding,
  launchBrowser,
  newPageContext,
  openPage,
  readOverflow,
  runAxe,
  VIEWPORTS,
  type Viewport,
} from './harness/index.ts';

const baseUrl = inject('sozialatlasMiniUrl');
const MINI = path.resolve('test/fixtures/atlas-mini');
const SHOTS = path.resolve('test-results', 'screenshots');
const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

interface Expected {
  id: string;
  v: number;
  distance: number;
}

/** Every fixture facility with its point and highest vulnerability, read from the files themselves. */
async function fixtureFacilities(): Promise<{ id: string; name: string; lat: number; lon: number; v: number }[]> {
  const vocab = parseYaml(await readFile(path.join(MINI, 'facilities.yml'), 'utf8')) as {
    types: { id: string; vulnerability?: number }[];
  };
  const dir = path.join(MINI, 'content/facilities');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
  return Promise.all(
    files.map(async (f) => {
      const text = await readFile(path.join(dir, f), 'utf8');
      const front = parseYaml(text.split(/^---$/m)[1] ?? '') as {
        id: string;
        name: string;
        types: string[];
        location: { lat: number; lon: number };
      };
      const v = Math.max(...front.types.map((t) => vocab.types.find((x) => x.id === t)?.vulnerability ?? 0));
      return { id: front.id, name: front.name, lat: front.location.lat, lon: front.location.lon, v };
    }),
  );
}

/** Haversine on the mean Earth radius (IUGG), written out here rather than imported. */
function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

async function expectedHits(lat: number, lon: number, r: number): Promise<Expected[]> {
  return (await fixtureFacilities())
    .map((f) => ({ id: f.id, v: f.v, distance: haversine(lat, lon, f.lat, f.lon) }))
    .filter((f) => f.distance <= r)
    .sort((a, b) => b.v - a.v || a.distance - b.distance);
}

const listedIds = (page: Page) =>
  page.$$eval('#rq-list li', (lis) => lis.map((li) => (li as HTMLElement).dataset['id'] ?? ''));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, viewport: Viewport = VIEWPORTS.desktop) {
  const context = await newPageContext(browser, viewport);
  const opened = await openPage(context, `${baseUrl}${url}`, viewport);
  return opened;
}

describe('radius query page', () => {
  for (const [lat, lon, r] of [
    [51.4, 7.0, 2000],
    [51.4, 7.0, 3000],
    [51.41, 7.03, 250],
  ] as const) {
    it(`lists exactly the facilities within ${r} m of ${lat}, ${lon}, most vulnerable first, then nearest`, async () => {
      const { page, context, record, cspViolations } = await open(
        `/einrichtungen/umkreis/?lat=${lat}&lon=${lon}&r=${r}`,
      );
      await page.waitForSelector('[data-radius-status]:not(:empty)');
      await page.waitForFunction('!document.querySelector("[data-radius-status]").textContent.includes("…")');
      const expected = await expectedHits(lat, lon, r);
      expect(await listedIds(page)).toEqual(expected.map((e) => e.id));
      const status = await page.textContent('[data-radius-status]');
      expect(status).toContain(`${expected.length} Einrichtungen im Umkreis von ${r.toLocaleString('de-DE')} m`);
      // Distances in de-DE whole metres, as the test computes them.
      const metas = await page.$$eval('#rq-list .rq-meta', (els) => els.map((e) => e.textContent ?? ''));
      metas.forEach((text, i) =>
        expect(text).toContain(`${Math.round(expected[i]?.distance ?? 0).toLocaleString('de-DE')} m`),
      );
      expect(record.consoleErrors).toEqual([]);
      expect(await cspViolations()).toEqual([]);
      await context.close();
    });
  }

  it('sets the centre from a click on the map (inverting the projection the SVG was drawn with)', async () => {
    const { page, context } = await open('/einrichtungen/umkreis/');
    await page.waitForFunction('document.querySelector("#rq-facility-list").children.length > 0');
    // Mitte (fixture README): offsets x 0–6000 m, y 1500–3000 m from E 359420, N 5694020 (UTM 32N); its centre.
    const [lon, lat] = proj4(UTM32, WGS84, [359420 + 3000, 5694020 + 2250]) as [number, number];
    await page.locator('[data-radius-map]').scrollIntoViewIfNeeded();
    const box = await page.$eval('[data-radius-map] path[data-id="2"]', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await page.waitForURL(/lat=/);
    const url = new URL(page.url());
    const got = { lat: Number(url.searchParams.get('lat')), lon: Number(url.searchParams.get('lon')) };
    // One CSS pixel of the 600-unit map is about 10 m here; the bounding box centre of the rectangle is within that.
    expect(haversine(got.lat, got.lon, lat, lon)).toBeLessThan(40);
    expect(url.searchParams.get('r')).toBe('500');
    expect(Number(await page.inputValue('#rq-lat'))).toBeCloseTo(got.lat, 6);
    await context.close();
  });

  it('works with the keyboard alone: coordinates typed, a preset chosen, Enter submits, the url holds the state', async () => {
    const { page, context } = await open('/einrichtungen/umkreis/');
    await page.waitForFunction('document.querySelector("#rq-facility-list").children.length > 0');
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement && document.activeElement.id')) === 'rq-lat') break;
    }
    expect(await page.evaluate('document.activeElement.id')).toBe('rq-lat');
    await page.keyboard.type('51,4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('7,0');
    await page.keyboard.press('Tab');
    // The preset radios are one tab stop; arrow keys move within the group (250 → 500 → 1000 → 2000).
    expect(await page.evaluate('document.activeElement.name')).toBe('preset');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/r=2000/);
    const expected = await expectedHits(51.4, 7.0, 2000);
    expect(await listedIds(page)).toEqual(expected.map((e) => e.id));
    await page.focus('#rq-r');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3000');
    await page.keyboard.press('Enter');
    await page.waitForURL(/r=3000/);
    expect(await listedIds(page)).toEqual((await expectedHits(51.4, 7.0, 3000)).map((e) => e.id));
    await page.goBack();
    await page.waitForURL(/r=2000/);
    expect(await listedIds(page)).toEqual(expected.map((e) => e.id));
    await context.close();
  });

  it('picks a facility by name and offers a CSV download with the same rows as the list (no CSP violation)', async () => {
    const { page, context, cspViolations } = await open('/einrichtungen/umkreis/');
    await page.waitForFunction('document.querySelector("#rq-facility-list").children.length > 0');
    const facilities = await fixtureFacilities();
    const kanal = facilities.find((f) => f.id === 'pflegeheim-am-kanal');
    const option = await page.$eval(
      '#rq-facility-list',
      (dl) =>
        [...(dl as HTMLDataListElement).options].map((o) => o.value).find((v) => v.startsWith('Pflegeheim am Kanal')) ??
        '',
    );
    await page.fill('#rq-facility', option);
    await page.dispatchEvent('#rq-facility', 'change');
    await page.waitForURL(/lat=/);
    await page.check('input[name="preset"][value="2000"]');
    await page.waitForURL(/r=2000/);
    const expected = await expectedHits(kanal?.lat ?? 0, kanal?.lon ?? 0, 2000);
    expect(expected.length).toBeGreaterThan(0);
    expect(await listedIds(page)).toEqual(expected.map((e) => e.id));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-radius-csv]')]);
    const file = await download.path();
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    expect(rows.map((r) => Number(r.distance_m))).toEqual(expected.map((e) => Math.round(e.distance)));
    expect(download.suggestedFilename()).toMatch(/^umkreis-51\.\d{6}-7\.\d{6}-2000m\.csv$/);
    const [geo] = await Promise.all([page.waitForEvent('download'), page.click('[data-radius-geojson]')]);
    const json = JSON.parse(await readFile(await geo.path(), 'utf8')) as { features: { id: string }[] };
    expect(json.features.map((f) => f.id)).toEqual(expected.map((e) => e.id));
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  it('without JavaScript says the query needs it and links to the area lists', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/einrichtungen/umkreis/?lat=51.4&lon=7&r=500`);
    expect(await page.isVisible('[data-radius-nojs]')).toBe(true);
    expect(await page.isVisible('[data-radius-form]')).toBe(false);
    const links = await page.$$eval('[data-radius-nojs] a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/einrichtungen/gebiet/2/');
    await context.close();
  });

  it('at phone and desktop width: the map shows the circle and one symbol per listed facility, the list and the tables fit the width (screenshots)', async () => {
    const expected = await expectedHits(51.4, 7.0, 3000);
    const facilities = await fixtureFacilities();
    expect(expected.length).toBeGreaterThan(0);
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page, context, record } = await open('/einrichtungen/umkreis/?lat=51.4&lon=7.0&r=3000', viewport);
      await page.waitForSelector('#rq-list li');
      expect(await page.isVisible('[data-radius-figure]')).toBe(true);
      // One circle, drawn inside the visible map and no wider than the viewport.
      expect(await page.locator('[data-radius-overlay] circle.rq-circle').count()).toBe(1);
      const mapBox = await page.locator('[data-radius-map]').boundingBox();
      const circleBox = await page.locator('[data-radius-overlay] circle.rq-circle').boundingBox();
      expect(mapBox).not.toBeNull();
      expect(circleBox?.width ?? 0).toBeGreaterThan(20);
      if (mapBox && circleBox) {
        expect(circleBox.x).toBeGreaterThanOrEqual(mapBox.x - 1);
        expect(circleBox.y).toBeGreaterThanOrEqual(mapBox.y - 1);
        expect(circleBox.x + circleBox.width).toBeLessThanOrEqual(mapBox.x + mapBox.width + 1);
        expect(circleBox.y + circleBox.height).toBeLessThanOrEqual(mapBox.y + mapBox.height + 1);
        expect(mapBox.x + mapBox.width).toBeLessThanOrEqual(viewport.width);
      }
      // The map's symbols, the list, and the status sentence count the same facilities as the independent computation.
      expect(await page.locator('[data-radius-overlay] .rq-hits use').count()).toBe(expected.length);
      expect(await listedIds(page)).toEqual(expected.map((e) => e.id));
      expect(await page.textContent('[data-radius-status]')).toContain(
        `${expected.length} Einrichtungen im Umkreis von 3.000 m`,
      );
      expect(await readOverflow(page)).toBeNull();
      await page.screenshot({ path: path.join(SHOTS, `radius-${name}.png`), fullPage: true });
      // Printed: the form goes, the results stay.
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('[data-radius-form]')).toBe(false);
      expect(await page.locator('#rq-list li:visible').count()).toBe(expected.length);
      await page.screenshot({ path: path.join(SHOTS, `radius-print-${name}.png`), fullPage: true });
      expect(record.consoleErrors).toEqual([]);
      await context.close();

      // Overview map: one area link per table row, and the table's total is every fixture facility.
      const overview = await open('/einrichtungen/karte/', viewport);
      const areaLinks = await overview.page.locator('a.fm-area').count();
      expect(areaLinks).toBeGreaterThan(0);
      expect(await overview.page.locator('table.fm-table tbody tr').count()).toBe(areaLinks);
      expect(await overview.page.textContent('table.fm-table tfoot td')).toBe(String(facilities.length));
      expect(await readOverflow(overview.page)).toBeNull();
      await overview.page.screenshot({ path: path.join(SHOTS, `map-${name}.png`), fullPage: true });
      await overview.context.close();

      // Area map of Süd (3): one symbol per facility in the area, as many as its table total and its link on the overview say.
      const area = await open('/einrichtungen/karte/3/', viewport);
      const symbols = await area.page.locator('.fm-points use').count();
      expect(symbols).toBe(2); // Tagespflege Südstadt and Kita Hafenkinder (test/fixtures/atlas-mini/README.md)
      expect(await area.page.textContent('table.fm-table tfoot td')).toBe(String(symbols));
      expect(await readOverflow(area.page)).toBeNull();
      await area.page.screenshot({ path: path.join(SHOTS, `map-area-${name}.png`), fullPage: true });
      await area.context.close();
    }
  });
});

describe('facility map page', () => {
  it('names every area link with its count, and the type filter changes the names to that type', async () => {
    const { page, context, record } = await open('/einrichtungen/karte/');
    const labels = await page.$$eval('a.fm-area', (as) => as.map((a) => a.getAttribute('aria-label')));
    const facilities = await fixtureFacilities();
    // Süd (3) holds Südstadt and Hafen: Tagespflege Südstadt and Kita Hafenkinder (fixture README).
    expect(labels).toContain('Süd: 2 Einrichtungen');
    expect(labels.length).toBe(3);
    expect(facilities.length).toBe(5);
    await page.selectOption('#fm-type', 'pflege');
    expect(await page.getAttribute('a.fm-area[data-name="Süd"]', 'aria-label')).toBe(
      'Süd: 1 Einrichtungen der Art Pflegeeinrichtung',
    );
    expect(record.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('gate checks of the new page types (axe WCAG 2.1 AA, keyboard, console, CSP)', () => {
  for (const url of [
    '/einrichtungen/karte/',
    '/en/einrichtungen/karte/',
    '/einrichtungen/karte/1/',
    '/en/einrichtungen/karte/1/',
    '/einrichtungen/umkreis/?lat=51.4&lon=7&r=3000',
    '/en/einrichtungen/umkreis/?lat=51.4&lon=7&r=3000',
  ]) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      it(`${url} at ${name} width passes axe and the keyboard check`, async () => {
        const { page, context, record, cspViolations } = await open(url, viewport);
        if (url.includes('umkreis')) await page.waitForSelector('#rq-list li');
        expect((await runAxe(page)).map(formatAxeFinding)).toEqual([]);
        const keyboard = await checkKeyboard(page, { maxTabs: 120 });
        expect(keyboard.problems).toEqual([]);
        expect(record.consoleErrors).toEqual([]);
        expect(record.otherOriginRequests).toEqual([]);
        expect(await cspViolations()).toEqual([]);
        await context.close();
      });
    }
  }
});
