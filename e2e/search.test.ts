/**
 * Directory search (`/einrichtungen/suche/`, issue 3 point 4) in Chromium.
 *
 * The functional tests run against their own build of the made-up fixture atlas: a copy of test/fixtures/atlas-mini
 * with the entries of test/fixtures/search-facilities added, built into a temporary folder (about 15 s) and served on
 * a random port. What each search should return is computed here from the fixture's facility files (front matter
 * read with `yaml`, units from the coordinates by the rectangle layout documented in atlas-mini's README), not from
 * the pipeline.
 *
 * The last test times a cold search on the site the e2e run serves (the demo in `npm run test:e2e`) and prints the
 * figure; it asserts no time (speed is reported, not asserted).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import proj4 from 'proj4';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  checkKeyboard,
  formatAxeFinding,
  launchBrowser,
  newPageContext,
  openPage,
  runAxe,
  screenshot,
  startStaticServer,
  VIEWPORTS,
  type StaticServer,
} from './harness/index.ts';

const ROOT = process.cwd();
const MINI = path.join(ROOT, 'test/fixtures/atlas-mini');
const EXTRA = path.join(ROOT, 'test/fixtures/search-facilities');
const SEARCH = '/einrichtungen/suche/';

// ------------------------------------------------------------------ expectations from the fixture files

interface FixtureEntry {
  id: string;
  name: string;
  provider?: string;
  types: string[];
  address: { street: string; postcode: string; city: string };
  location: { lat: number; lon: number };
  bezirk: string;
  teil: string;
}

const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';
const [ox, oy] = proj4(WGS84, UTM32, [6.98, 51.38]).map((v) => Math.round(v / 10) * 10) as [number, number];
/** atlas-mini's README: Stadtbezirke by y offset, their Stadtteile by x offset. */
const LAYOUT = [
  {
    id: '1',
    y: [3000, 5000],
    teile: [
      ['05', 0, 2000],
      ['11', 2000, 4000],
      ['17', 4000, 6000],
    ],
  },
  {
    id: '2',
    y: [1500, 3000],
    teile: [
      ['23', 0, 2000],
      ['12', 2000, 4000],
      ['31', 4000, 6000],
    ],
  },
  {
    id: '3',
    y: [0, 1500],
    teile: [
      ['34', 0, 3000],
      ['40', 3000, 6000],
    ],
  },
] as const;

function unitsAt(lon: number, lat: number): { bezirk: string; teil: string } {
  const [e, n] = proj4(WGS84, UTM32, [lon, lat]) as [number, number];
  const x = e - ox;
  const y = n - oy;
  const b = LAYOUT.find((l) => y >= l.y[0] && y < l.y[1]);
  const t = b?.teile.find(([, x0, x1]) => x >= x0 && x < x1);
  if (!b || !t) throw new Error(`fixture point ${lon},${lat} lies outside Musterstadt`);
  return { bezirk: b.id, teil: t[0] };
}

async function readEntries(dir: string): Promise<FixtureEntry[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'README.md');
  return Promise.all(
    files.map(async (f) => {
      const front = (await readFile(path.join(dir, f), 'utf8')).split(/^---$/m)[1] ?? '';
      const e = parse(front) as Omit<FixtureEntry, 'bezirk' | 'teil'>;
      return { ...e, ...unitsAt(e.location.lon, e.location.lat) };
    }),
  );
}

/** The test's own folding: lower case, ß → ss, no diacritics. */
const fold = (s: string) => s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
const textOf = (e: FixtureEntry) =>
  fold([e.name, e.provider ?? '', e.address.street, e.address.postcode, e.address.city].join(' '));
/** Entries with a word that starts with the folded query. */
const withWordStarting = (entries: FixtureEntry[], q: string) =>
  entries.filter((e) =>
    textOf(e)
      .split(/[^\p{L}\p{N}]+/u)
      .some((w) => w.startsWith(fold(q))),
  );
const names = (entries: FixtureEntry[]) => entries.map((e) => e.name).sort();

// ------------------------------------------------------------------ building and serving the fixture

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`build of the search fixture failed (${code}):\n${out}`)),
    );
  });
}

let work = '';
let server: StaticServer;
let browser: Browser;
let entries: FixtureEntry[] = [];
let dist = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sozialatlas-search-'));
  const atlas = path.join(work, 'atlas');
  await cp(MINI, atlas, { recursive: true });
  for (const f of await readdir(EXTRA))
    if (f.endsWith('.md') && f !== 'README.md')
      await cp(path.join(EXTRA, f), path.join(atlas, 'content/facilities', f));
  dist = path.join(work, 'dist');
  await run(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
    ATLAS_DIR: atlas,
    OUT_DIR: dist,
    CACHE_DIR: path.join(work, 'cache'),
  });
  entries = await readEntries(path.join(atlas, 'content/facilities'));
  server = await startStaticServer({ root: dist, port: 0 });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

// ------------------------------------------------------------------ helpers in the page

const resultNames = (page: Page) =>
  page
    .locator('[data-search-list] li > a')
    .allTextContents()
    .then((l) => l.sort());
const statusText = (page: Page) => page.locator('[data-search-status]').textContent();
/** Waits until the status says how many entries were found (or that none were). Locators poll without `eval`, which the page's CSP forbids. */
const settled = (page: Page) =>
  page.locator('[data-search-status]', { hasText: /gefunden|found|Keine Einträge|No entries/ }).waitFor();
/** Waits until the url's parameter `key` is `value`. */
const urlHas = (page: Page, key: string, value: string) =>
  page.waitForURL((url) => url.searchParams.get(key) === value);

async function open(context: BrowserContext, query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  return openPage(context, `${server.url}${SEARCH}${query}`, VIEWPORTS.desktop);
}

describe('directory search on the fixture atlas', () => {
  it('has no inline script and ships its code as external same-origin modules', async () => {
    for (const file of ['einrichtungen/suche/index.html', 'en/einrichtungen/suche/index.html']) {
      const html = await readFile(path.join(dist, file), 'utf8');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const s of scripts) expect(s, file).toMatch(/\bsrc="\/_astro\/[^"]+\.js"/);
      expect(html).toContain(`action="${file.startsWith('en') ? '/en' : ''}${SEARCH}"`);
      expect(html).toContain('aria-live="polite"');
    }
    const atlas = JSON.parse(await readFile(path.join(dist, 'data/atlas.json'), 'utf8')) as {
      pages: { type: string; url: string }[];
    };
    expect(atlas.pages.filter((p) => p.type === 'directory-search').map((p) => p.url)).toEqual([
      SEARCH,
      `/en${SEARCH}`,
    ]);
  });

  it('loads the index only when the user starts a search, then finds entries by the start of a word', async () => {
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    const requested: string[] = [];
    context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const visit = await open(context);
    expect(requested.filter((p) => p.startsWith('/data/search/') || p.includes('searchEngine'))).toEqual([]);
    await visit.page.locator('#suche-q').fill('Regenb');
    await settled(visit.page);
    expect(requested).toContain('/data/search/facilities.json');
    const expected = names(withWordStarting(entries, 'Regenb'));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(await resultNames(visit.page)).toEqual(expected);
    expect(await statusText(visit.page)).toBe(`${expected.length} Einträge gefunden.`);
    // The url follows the form, so the search can be shared.
    expect(new URL(visit.page.url()).search).toBe('?q=Regenb');
    expect(await visit.cspViolations()).toEqual([]);
    expect(visit.record.consoleErrors).toEqual([]);
    expect(visit.record.failedResources).toEqual([]);
    await context.close();
  });

  it('ignores case, umlauts and ß: muller, mueller, strasse, MÜHLEN', async () => {
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    const visit = await open(context);
    for (const [q, expected] of [
      ['muller', withWordStarting(entries, 'müller')],
      ['mueller', withWordStarting(entries, 'müller')],
      ['MÜHLEN', withWordStarting(entries, 'mühlen')],
      // Street compounds are indexed in parts: every entry with "…straße" in its text.
      ['strasse', entries.filter((e) => textOf(e).includes('strasse'))],
    ] as const) {
      await visit.page.locator('#suche-q').fill(q);
      await visit.page.locator('#suche-q').press('Enter');
      await urlHas(visit.page, 'q', q);
      await settled(visit.page);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(await resultNames(visit.page), q).toEqual(names([...expected]));
    }
    await context.close();
  });

  it('filters by type and by unit: exactly the entries the fixture files say', async () => {
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    const visit = await open(context);
    const page = visit.page;
    await page.selectOption('#suche-typ', 'pflege');
    await settled(page);
    expect(await resultNames(page)).toEqual(names(entries.filter((e) => e.types.includes('pflege'))));
    await page.selectOption('#suche-typ', 'kita');
    await page.selectOption('#suche-gebiet', '2');
    await settled(page);
    expect(await resultNames(page)).toEqual(names(entries.filter((e) => e.types.includes('kita') && e.bezirk === '2')));
    // Only the Stadtteile of the chosen Stadtbezirk are offered.
    const offered = await page
      .locator('#suche-teilgebiet optgroup:not([disabled]) option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered.sort()).toEqual([...new Set(entries.filter((e) => e.bezirk === '2').map((e) => e.teil))].sort());
    await page.selectOption('#suche-typ', '');
    await page.selectOption('#suche-teilgebiet', '23');
    await urlHas(page, 'teilgebiet', '23');
    await settled(page);
    expect(await resultNames(page)).toEqual(names(entries.filter((e) => e.teil === '23')));
    expect(new URL(page.url()).search).toBe('?gebiet=2&teilgebiet=23');
    await context.close();
  });

  it('restores the search from the url parameters', async () => {
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    const visit = await open(context, '?q=regenb&typ=kita&gebiet=1');
    await settled(visit.page);
    expect(await visit.page.inputValue('#suche-q')).toBe('regenb');
    expect(await visit.page.inputValue('#suche-typ')).toBe('kita');
    expect(await visit.page.inputValue('#suche-gebiet')).toBe('1');
    const expected = withWordStarting(entries, 'regenb').filter((e) => e.types.includes('kita') && e.bezirk === '1');
    expect(expected.length).toBeGreaterThan(0);
    expect(await resultNames(visit.page)).toEqual(names(expected));
    // An English page keeps its language in the result links.
    const en = await openPage(context, `${server.url}/en${SEARCH}?typ=pflege`, VIEWPORTS.desktop);
    await settled(en.page);
    const hrefs = await en.page
      .locator('[data-search-list] li > a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(
      entries
        .filter((e) => e.types.includes('pflege'))
        .map((e) => `/en/einrichtungen/${e.id}/`)
        .sort(),
    );
    await context.close();
  });

  it('can be used with the keyboard alone: type, Enter, Tab to a result, Enter opens it', async () => {
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    const { page } = await open(context);
    const focusedId = () => page.evaluate('document.activeElement && document.activeElement.id');
    for (let i = 0; i < 40 && (await focusedId()) !== 'suche-q'; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('suche-q');
    await page.keyboard.type('seniorenhaus');
    await page.keyboard.press('Enter');
    await settled(page);
    const expected = withWordStarting(entries, 'seniorenhaus');
    expect(expected).toHaveLength(1);
    let focused = '';
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>(
        'document.activeElement.closest("[data-search-list]") ? document.activeElement.textContent : ""',
      );
      if (focused) break;
    }
    expect(focused).toBe(expected[0]?.name);
    await Promise.all([page.waitForURL(`**/einrichtungen/${expected[0]?.id}/`), page.keyboard.press('Enter')]);
    await context.close();
  });

  it('says plainly without JavaScript that search needs it, and links to the complete lists', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${server.url}${SEARCH}`);
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-fallback]').textContent()).toContain('JavaScript');
    const links = await page
      .locator('[data-search-fallback] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining([
        '/einrichtungen/typ/kita/',
        '/einrichtungen/typ/pflege/',
        '/einrichtungen/gebiet/1/',
        '/einrichtungen/gebiet/2/',
        '/einrichtungen/gebiet/3/',
      ]),
    );
    await context.close();
  });

  it('passes axe (WCAG 2.1 A/AA) and the keyboard check with results shown, in both languages and viewports', async () => {
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      for (const prefix of ['', '/en']) {
        const context = await newPageContext(browser, viewport);
        const visit = await openPage(context, `${server.url}${prefix}${SEARCH}?q=kita`, viewport);
        await settled(visit.page);
        const where = `${prefix}${SEARCH} at ${viewport.width} px`;
        expect((await runAxe(visit.page)).map(formatAxeFinding), where).toEqual([]);
        expect((await checkKeyboard(visit.page)).problems, where).toEqual([]);
        expect(await visit.cspViolations(), where).toEqual([]);
        expect(visit.record.consoleErrors, where).toEqual([]);
        await context.close();
      }
    }
  });

  it('fits a phone with results (screenshot test-results/screenshots/search-phone.png)', async () => {
    const context = await newPageContext(browser, VIEWPORTS.phone);
    const visit = await openPage(context, `${server.url}${SEARCH}?typ=kita`, VIEWPORTS.phone);
    await settled(visit.page);
    expect(await resultNames(visit.page)).toEqual(names(entries.filter((e) => e.types.includes('kita'))));
    const width = await visit.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(visit.page, 'search-phone');
    await context.close();
  });
});

// ------------------------------------------------------------------ timing on the served site (demo in the full run)

it('times a cold search on the served site and prints it', async () => {
  const baseUrl = inject('sozialatlasBaseUrl');
  const probe = await fetch(`${baseUrl}${SEARCH}`);
  if (!probe.ok) {
    console.log(`[search] ${baseUrl}${SEARCH} answered ${probe.status}: no timing`);
    return;
  }
  const query = process.env['SOZIALATLAS_SEARCH_QUERY'] ?? 'Regenb';
  const figures: string[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    let bytes = 0;
    const sizes: Promise<void>[] = [];
    const visit = await openPage(context, `${baseUrl}${SEARCH}`, VIEWPORTS.desktop);
    context.on('requestfinished', (r) =>
      sizes.push(r.sizes().then((s) => void (bytes += s.responseBodySize + s.responseHeadersSize))),
    );
    await visit.page.locator('#suche-q').fill(query);
    // The renderer main thread's CPU time over the search (CDP ThreadTime): what the wall time would be on an idle
    // machine, less the network; on a busy 2-core machine the wall time can be several times larger.
    const cdp = await context.newCDPSession(visit.page);
    await cdp.send('Performance.enable');
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
    const cpu0 = await threadTime();
    // From the submit (Enter) to the first result in the list (or the "none found" status), measured in the page.
    const ms = await visit.page.evaluate<number>(`new Promise((resolve) => {
      const list = document.querySelector('[data-search-list]');
      const status = document.querySelector('[data-search-status]');
      const t0 = performance.now();
      const done = () => { if (list.firstElementChild || /Keine|No entries/.test(status.textContent)) { observer.disconnect(); resolve(performance.now() - t0); } };
      const observer = new MutationObserver(done);
      observer.observe(list, { childList: true });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      document.querySelector('[data-search-form]').requestSubmit();
    })`);
    const cpu = ((await threadTime()) - cpu0) * 1000;
    await visit.page.waitForLoadState('networkidle');
    await Promise.all(sizes);
    const count = await statusText(visit.page);
    figures.push(
      `${ms.toFixed(0)} ms (main thread CPU ${cpu.toFixed(0)} ms; ${(bytes / 1024).toFixed(0)} KiB on the wire; ${count})`,
    );
    await context.close();
  }
  const { loadavg } = await import('node:os');
  console.log(
    `[search] cold search "${query}" on ${baseUrl}${SEARCH}, submit to first result: ${figures.join(' · ')}; load average ${loadavg()[0]?.toFixed(1)}`,
  );
  expect(figures).toHaveLength(3);
});
