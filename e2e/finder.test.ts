/**
 * The place finder in the header of every page (issue 9, part 4) in Chromium, on the site the e2e run serves (the
 * Berlin demo): the combobox's keyboard and ARIA behaviour, unit and facility results, the form without JavaScript,
 * the list of all areas, and the time to the first result of a cold query with the CPU slowed four times.
 *
 * What each query should list is computed here from the built data (`/data/atlas.json` for the units,
 * `/data/facilities.geojson` for the facilities and the units the pipeline placed them in), with the test's own
 * folding, not from the search code. Times are printed, never asserted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  checkKeyboard,
  formatAxeFinding,
  launchBrowser,
  newPageContext,
  openPage,
  runAxe,
  screenshot,
  VIEWPORTS,
  type Viewport,
} from './harness/index.ts';

const baseUrl = inject('sozialatlasBaseUrl');

interface AtlasUnit {
  id: string;
  name: string;
  level: string;
  url: string;
}
interface Feature {
  properties: { id: string; name: string; types: string[]; units: Record<string, string> };
}

let browser: Browser;
let units: AtlasUnit[] = [];
let features: Feature[] = [];
let hasDirectory = false;

beforeAll(async () => {
  browser = await launchBrowser();
  units = ((await (await fetch(`${baseUrl}/data/atlas.json`)).json()) as { units: AtlasUnit[] }).units;
  const geo = await fetch(`${baseUrl}/data/facilities.geojson`);
  hasDirectory = geo.ok;
  if (geo.ok) features = ((await geo.json()) as { features: Feature[] }).features;
});
afterAll(async () => {
  await browser?.close();
});

/** The test's own folding: lower case, ß → ss, no diacritics. */
const fold = (s: string) => s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
const wordsOf = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u);
const unitNamed = (name: string) => {
  const u = units.find((x) => x.name === name);
  if (!u) throw new Error(`the demo has no unit "${name}"`);
  return u;
};
/** Facility ids of a type placed in a unit (at any level), from the built feed. */
const placedIn = (type: string, unitId: string) =>
  features
    .filter((f) => f.properties.types.includes(type) && Object.values(f.properties.units).includes(unitId))
    .map((f) => f.properties.id)
    .sort();

const INPUT = '#finder-kopf-q';
const LIST = '#finder-kopf-liste';

async function openHome(viewport: Viewport = VIEWPORTS.desktop, path = '/') {
  const context = await newPageContext(browser, viewport);
  const visit = await openPage(context, `${baseUrl}${path}`, viewport);
  return { context, visit, page: visit.page };
}
/**
 * Types into the header field and waits until the list answers the whole text (with `facilities`: including the
 * facilities, whose index arrives later).
 */
async function type(page: Page, text: string, until: 'options' | 'facilities' = 'options') {
  await page.locator(INPUT).click();
  await page.keyboard.type(text);
  const answered = `${LIST}[data-query=${JSON.stringify(text)}]`;
  await page
    .locator(until === 'facilities' ? `${answered}[data-facilities="ready"]` : answered)
    .waitFor({ state: 'attached' });
  await page.locator(`${LIST} [role="option"]`).first().waitFor();
}
const options = (page: Page) =>
  page.locator(`${LIST} [role="option"]`).evaluateAll((os) =>
    os.map((o) => ({
      kind: o.className.replace(/.*finder-(unit|facility|all).*/, '$1'),
      label: o.querySelector('.finder-label')?.textContent ?? '',
      href: o.getAttribute('href') ?? '',
    })),
  );
const facilityIds = (rows: { kind: string; href: string }[]) =>
  rows.filter((r) => r.kind === 'facility').map((r) => decodeURIComponent(r.href.split('/').at(-2) ?? ''));
const attr = (page: Page, selector: string, name: string) => page.locator(selector).getAttribute(name);

describe('place finder in the header', () => {
  it('is a combobox: "Reuterk", ArrowDown, Enter reaches the Planungsraum Reuterkiez; focus stays in the field', async () => {
    const { context, visit, page } = await openHome();
    const target = unitNamed('Reuterkiez');
    expect(target.url).toBe('/planungsraum/08010301/');
    expect(await attr(page, INPUT, 'role')).toBe('combobox');
    expect(await attr(page, INPUT, 'aria-expanded')).toBe('false');
    expect(await attr(page, INPUT, 'aria-autocomplete')).toBe('list');
    expect(await attr(page, INPUT, 'aria-controls')).toBe('finder-kopf-liste');
    await type(page, 'Reuterk');
    expect(await attr(page, INPUT, 'aria-expanded')).toBe('true');
    expect(await attr(page, LIST, 'role')).toBe('listbox');
    const rows = await options(page);
    expect(rows[0]).toEqual({ kind: 'unit', label: 'Reuterkiez', href: target.url });
    await page.keyboard.press('ArrowDown');
    const first = page.locator(`${LIST} [role="option"]`).first();
    expect(await attr(page, INPUT, 'aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await first.getAttribute('aria-posinset')).toBe('1');
    expect(await page.evaluate('document.activeElement.id')).toBe('finder-kopf-q');
    // The status region says how many were found, never the list.
    await page
      .locator('[data-finder-status]', { hasText: /gefunden/ })
      .first()
      .waitFor();
    await Promise.all([page.waitForURL(`${baseUrl}${target.url}`), page.keyboard.press('Enter')]);
    expect(visit.record.consoleErrors).toEqual([]);
    expect(visit.record.otherOriginRequests).toEqual([]);
    expect(await visit.cspViolations()).toEqual([]);
    await context.close();
  });

  it('moves with Down and Up (wrapping), closes with Escape, clears with a second Escape, closes on Tab', async () => {
    const { context, page } = await openHome();
    await type(page, 'Reuterk', 'facilities');
    const count = await page.locator(`${LIST} [role="option"]`).count();
    await page.keyboard.press('ArrowUp');
    expect(await attr(page, INPUT, 'aria-activedescendant')).toBe(`finder-kopf-liste-${count - 1}`);
    await page.keyboard.press('ArrowDown');
    expect(await attr(page, INPUT, 'aria-activedescendant')).toBe('finder-kopf-liste-0');
    await page.keyboard.press('Escape');
    expect(await attr(page, INPUT, 'aria-expanded')).toBe('false');
    expect(await page.locator(LIST).isVisible()).toBe(false);
    expect(await page.inputValue(INPUT)).toBe('Reuterk');
    await page.keyboard.press('Escape');
    expect(await page.inputValue(INPUT)).toBe('');
    await page.keyboard.type('Reuterk');
    await page.locator(`${LIST} [role="option"]`).first().waitFor();
    await page.keyboard.press('Tab');
    expect(await attr(page, INPUT, 'aria-expanded')).toBe('false');
    await context.close();
  });

  it('"schoneberg" lists every unit with a word starting with Schöneberg', async () => {
    const { context, page } = await openHome();
    await type(page, 'schoneberg');
    const expected = units.filter((u) => wordsOf(u.name).some((w) => w.startsWith('schoneberg'))).map((u) => u.name);
    expect(expected).toContain('Schöneberg Nord');
    expect(expected.length).toBeLessThanOrEqual(8);
    const rows = await options(page);
    expect(
      rows
        .filter((r) => r.kind === 'unit')
        .map((r) => r.label)
        .sort(),
    ).toEqual([...expected].sort());
    await context.close();
  });

  it('"Pflege Neukölln" lists only care homes placed in Neukölln, and leads to all of them', async () => {
    if (!hasDirectory) return;
    const { context, page } = await openHome();
    const expected = placedIn('pflege', unitNamed('Neukölln').id);
    expect(expected.length).toBeGreaterThan(0);
    await type(page, 'Pflege Neukölln', 'facilities');
    const rows = await options(page);
    expect(rows.filter((r) => r.kind === 'unit')).toEqual([]);
    const shown = facilityIds(rows);
    expect(shown.length).toBe(Math.min(10, expected.length));
    for (const id of shown) expect(expected).toContain(id);
    const all = rows.at(-1);
    expect(all?.label).toBe(`Alle ${expected.length} Einrichtungen in der Einrichtungssuche`);
    // The last row opens the directory search with the same query, which lists all of them.
    await Promise.all([page.waitForURL('**/einrichtungen/suche/?q=*'), page.locator(`${LIST} .finder-all`).click()]);
    await page.locator('[data-search-status]', { hasText: /gefunden/ }).waitFor();
    const listed = await page
      .locator('[data-search-list] li > a')
      .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')?.split('/').at(-2) ?? '')));
    expect(listed.sort()).toEqual(expected);
    const status = await page.locator('[data-search-status]').textContent();
    expect(status).toContain('Gebiet: Neukölln');
    // Bezirk and Prognoseraum share the name: each is named with its level, never "Neukölln, Neukölln".
    expect(status).not.toContain('Neukölln, Neukölln');
    await context.close();
  });

  it('"Kita Reuterkiez" lists the Kitas placed in the Planungsraum Reuterkiez', async () => {
    if (!hasDirectory) return;
    const { context, page } = await openHome();
    const expected = placedIn('kita', unitNamed('Reuterkiez').id);
    expect(expected.length).toBeGreaterThan(0);
    await type(page, 'Kita Reuterkiez', 'facilities');
    const shown = facilityIds(await options(page));
    expect(shown.length).toBe(Math.min(10, expected.length));
    for (const id of shown) expect(expected).toContain(id);
    await context.close();
  });

  it('the directory search finds every care home by the type label "Pflegeeinrichtung"', async () => {
    if (!hasDirectory) return;
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    const { page } = await openPage(context, `${baseUrl}/einrichtungen/suche/?q=Pflegeeinrichtung`, VIEWPORTS.desktop);
    await page.locator('[data-search-status]', { hasText: /gefunden/ }).waitFor();
    const count = features.filter((f) => f.properties.types.includes('pflege')).length;
    expect(await page.locator('[data-search-status]').textContent()).toContain(
      `${count.toLocaleString('de-DE')} Einträge gefunden`,
    );
    await context.close();
  });

  it('passes axe with the list open and fits the width, at both widths and in both languages; Tab reaches it', async () => {
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop])
      for (const prefix of ['', '/en']) {
        const { context, visit, page } = await openHome(viewport, `${prefix}/`);
        await type(page, 'Reuterk');
        const where = `${prefix}/ at ${viewport.width} px`;
        expect((await runAxe(page)).map(formatAxeFinding), where).toEqual([]);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), where).toBeLessThanOrEqual(
          viewport.width,
        );
        const box = await page.locator(LIST).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= viewport.width, where).toBe(true);
        if (prefix === '') await screenshot(page, `finder-open-${viewport.width}`);
        await page.keyboard.press('Escape');
        expect(await page.locator(LIST).isVisible(), where).toBe(false);
        // Tab order from the top of a fresh page (the gate's check; Tab in the field only closes the list).
        await page.reload();
        expect((await checkKeyboard(page)).problems, where).toEqual([]);
        expect(visit.record.consoleErrors, where).toEqual([]);
        expect(await visit.cspViolations(), where).toEqual([]);
        await context.close();
      }
  });
});

describe('without JavaScript', () => {
  it('the form leads to the list of all areas, which has a letter index and groups by the top level', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.locator(INPUT).fill('Reuterkiez');
    await Promise.all([page.waitForURL('**/alle-gebiete/?q=Reuterkiez'), page.locator(INPUT).press('Enter')]);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Strg|Ctrl/);
    const letters = await page.locator('nav.letter-index a').allTextContents();
    expect(letters.length).toBeGreaterThan(10);
    expect(letters).toContain('R');
    // Every unit is listed once from A to Z, and once under its top-level unit.
    const az = await page.locator('.letter-section li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(az.sort()).toEqual(units.map((u) => u.url).sort());
    const grouped = await page
      .locator('.unit-group a')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
    expect(grouped.sort()).toEqual(units.map((u) => u.url).sort());
    await page.locator('nav.letter-index a', { hasText: /^R$/ }).click();
    expect(page.url()).toMatch(/#buchstabe-r$/);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      VIEWPORTS.phone.width,
    );
    await screenshot(page, 'alle-gebiete-phone-nojs');
    await context.close();
  });
});

// ------------------------------------------------------------------ cold-query times (printed, not asserted)

/**
 * Time from the first keystroke to the first result (a unit or a facility, not a row leading to all results), and to
 * the facility results, of a cold query (new context, no cache), with the CPU slowed four times (CDP
 * Emulation.setCPUThrottlingRate) to approximate a phone.
 */
async function coldQuery(
  query: string,
  runs: number,
  pause: number,
): Promise<{ first: number[]; facilities: number[] }> {
  const first: number[] = [];
  const facilities: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newPageContext(browser, VIEWPORTS.phone);
    const { page } = await openPage(context, `${baseUrl}/`, VIEWPORTS.phone);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(`(() => {
      const list = document.querySelector('${LIST}');
      // The first result is the first unit or facility suggested while typing; the facility results are those of
      // the whole query.
      window.__finder = new Promise((resolve) => {
        let t0 = 0, first = 0;
        document.addEventListener('keydown', () => { if (!t0) t0 = performance.now(); }, true);
        const done = () => {
          if (!t0) return;
          if (!first && list.querySelector('.finder-unit, .finder-facility')) first = performance.now() - t0;
          if (first && list.dataset.facilities === 'ready' && list.dataset.query === ${JSON.stringify(query)}) {
            observer.disconnect();
            resolve({ first, facilities: performance.now() - t0 });
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(list, { childList: true, subtree: true, attributes: true });
      });
    })()`);
    await page.locator(INPUT).focus();
    // The reader's pause between focusing the field and the first key (0: types at once, the worst case).
    if (pause > 0) await page.waitForTimeout(pause);
    await page.keyboard.type(query);
    const t = await page.evaluate<{ first: number; facilities: number }>('window.__finder');
    first.push(t.first);
    facilities.push(t.facilities);
    await context.close();
  }
  return { first, facilities };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

it('times cold queries with the CPU slowed four times and prints them', async () => {
  if (!hasDirectory) return;
  const runs = Number(process.env['SOZIALATLAS_FINDER_RUNS'] ?? 5);
  const { loadavg } = await import('node:os');
  const lines: string[] = [];
  for (const pause of [0, 1000])
    for (const query of ['Reuterk', 'Pflege Neukölln', 'Regenbogen']) {
      const { first, facilities } = await coldQuery(query, runs, pause);
      const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
      lines.push(
        `"${query}", typed ${pause} ms after focus: first result median ${median(first).toFixed(0)} ms (${ms(first)}); facility results median ${median(facilities).toFixed(0)} ms (${ms(facilities)})`,
      );
    }
  console.log(
    `[finder] cold queries, 4x CPU throttling, ${runs} cold loads each, from the first keystroke:\n  ${lines.join('\n  ')}\n  load average ${loadavg()[0]?.toFixed(1)}`,
  );
  expect(lines).toHaveLength(6);
}, 900_000);
