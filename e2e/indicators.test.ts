/**
 * Indicator pages on the built demo (dist/, built once by globalSetup) and in Chromium:
 * - sampled map labels and table values of `/merkmale/<indicator>/<level>/<year>/` equal the raw source values
 *   (read here with papaparse, not through the pipeline), rounded as configured; units without a value read as
 *   their status, never as 0;
 * - the Planungsraum page (448 units) weighs at most 80 KB gzip with its CSS (figure printed);
 * - the shared geometry renders in Chromium (each unit's <use> has a shape), the table sorts with the keyboard and
 *   is complete without JavaScript;
 * - the Planungsraum page passes every check of the release gate at both widths (the gate itself takes the first
 *   page of each type, a Bezirk page), with screenshots of it, of /merkmale/ and of the home page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import {
  auditPage,
  GATE_CHECKS,
  launchBrowser,
  newPageContext,
  screenshot,
  VIEWPORTS,
  type PageAudit,
} from './harness/index.ts';

const dist = inject('sozialatlasDist');
const baseUrl = inject('sozialatlasBaseUrl');
const root = process.cwd();
const config = parse(readFileSync(join(root, 'atlas.yml'), 'utf8')) as {
  indicators: { id: string; decimals: number }[];
};
const decimalsOf = (id: string) => config.indicators.find((i) => i.id === id)?.decimals ?? 0;
const fmt = (locale: string, v: number, d: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
const csv = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(root, file), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
const html = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
const doc = (url: string) => parseHTML(html(url)).document;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** Unit names as published by the site (the MSS district-region files carry no names). */
const names = new Map(
  (
    JSON.parse(readFileSync(join(dist, 'data', 'atlas.json'), 'utf8')) as { units: { id: string; name: string }[] }
  ).units.map((u) => [u.id, u.name]),
);

/** The accessible name of a unit's link on the map, and its row's value in the ranked table. */
function shown(url: string, unitId: string, level: string): { map: string; table: string } {
  const d = doc(url);
  const href = `${url.startsWith('/en/') ? '/en' : ''}/${level}/${unitId}/`;
  const link = d.querySelector(`svg.choropleth a[href="${href}"]`);
  const row = [...d.querySelectorAll('table.rank-table tbody tr')].find(
    (tr) => tr.querySelector('th a')?.getAttribute('href') === href,
  );
  return {
    map: squash(link?.getAttribute('aria-label')),
    table: squash(row?.querySelector('td.num:last-child')?.textContent),
  };
}

const PLR_PAGE = '/merkmale/transferbezug/planungsraum/2019/';

describe('indicator pages show the source values', () => {
  const samples = [
    {
      level: 'planungsraum',
      id: '08010301',
      file: 'data/berlin/mss/mss-2019-planning-areas.csv',
      column: 's3_percentage_transfer_payments_recipients',
      indicator: 'transferbezug',
      year: 2019,
    },
    {
      level: 'planungsraum',
      id: '01011101',
      file: 'data/berlin/mss/mss-2015-planning-areas.csv',
      column: 's1_percentage_unemployed',
      indicator: 'arbeitslosigkeit',
      year: 2015,
    },
    {
      level: 'bezirksregion',
      id: '080103',
      file: 'data/berlin/mss/mss-2019-district-regions.csv',
      column: 's4_percentage_transfer_payments_recipients_below_15_years',
      indicator: 'transferbezug_unter_15',
      year: 2019,
    },
    {
      level: 'bezirk',
      id: '08',
      file: 'data/berlin/mss/mss-2019-districts.csv',
      column: 's4_percentage_transfer_payments_recipients_below_15_years',
      indicator: 'transferbezug_unter_15',
      year: 2019,
    },
  ];
  for (const s of samples) {
    it(`${s.indicator} ${s.year}, ${s.level} ${s.id}: map label and table value as in ${s.file}`, () => {
      const row = csv(s.file).find((r) => r.id === s.id);
      const raw = Number(row?.[s.column]);
      expect(Number.isFinite(raw), `${s.file} ${s.id} ${s.column}`).toBe(true);
      const d = decimalsOf(s.indicator);
      const url = `/merkmale/${s.indicator}/${s.level}/${s.year}/`;
      expect(shown(url, s.id, s.level)).toEqual({
        map: `${names.get(s.id)}: ${fmt('de-DE', raw, d)} %`,
        table: `${fmt('de-DE', raw, d)} %`,
      });
      expect(shown(`/en${url}`, s.id, s.level).table).toBe(`${fmt('en-GB', raw, d)} %`);
    });
  }

  it('einwohner 2020 of Planungsraum 08010301 equals the population table; the Bezirk value is its sum', () => {
    const plr = csv('data/berlin/population/berlin-lor-population-2020-02-t1-planning-areas.csv');
    const raw = Number(plr.find((r) => r.id === '08010301')?.inhabitants);
    expect(shown('/merkmale/einwohner/planungsraum/2020/', '08010301', 'planungsraum').table).toBe(
      `${fmt('de-DE', raw, 0)} Personen`,
    );
    const sum = plr.filter((r) => r.id?.startsWith('08')).reduce((a, r) => a + Number(r.inhabitants), 0);
    expect(shown('/merkmale/einwohner/bezirk/2020/', '08', 'bezirk').table).toBe(`${fmt('de-DE', sum, 0)} Personen`);
  });

  it('a class indicator shows the published class of a Planungsraum by its label', () => {
    const row = csv('data/berlin/mss/mss-2019-planning-areas.csv').find((r) => r.id === '08010301');
    const labels: Record<string, string> = { '1': 'hoch', '2': 'mittel', '3': 'niedrig', '4': 'sehr niedrig' };
    const label = labels[String(Number(row?.status_index))];
    expect(label).toBeDefined();
    expect(shown('/merkmale/status_index/planungsraum/2019/', '08010301', 'planungsraum')).toEqual({
      map: `${names.get('08010301')}: ${label}`,
      table: label,
    });
  });

  it('a Planungsraum without an MSS value reads "keine Angabe" on map and table, never 0, and is not ranked', () => {
    // 01011102 is not rated in the MSS 2019 (no row in the file).
    expect(csv('data/berlin/mss/mss-2019-planning-areas.csv').find((r) => r.id === '01011102')).toBeUndefined();
    const { map, table } = shown(PLR_PAGE, '01011102', 'planungsraum');
    expect(map).toMatch(/: keine Angabe$/);
    expect(table).toBe('keine Angabe');
    const d = doc(PLR_PAGE);
    const row = [...d.querySelectorAll('table.rank-table tbody tr')].find(
      (tr) => tr.querySelector('th a')?.getAttribute('href') === '/planungsraum/01011102/',
    );
    expect(squash(row?.querySelector('td [aria-hidden="true"]')?.textContent)).toBe('–');
    expect(squash(row?.querySelector('td .visually-hidden')?.textContent)).toBe('ohne Rang');
  });

  it('the latest address shows the latest year and links its permanent address', () => {
    const latest = doc('/merkmale/transferbezug/planungsraum/');
    expect(squash(latest.querySelector('.latest-note')?.textContent)).toContain('zurzeit 2019');
    expect(latest.querySelector('.latest-note a')?.getAttribute('href')).toBe(PLR_PAGE);
    expect(squash(latest.querySelector('svg.choropleth')?.outerHTML)).toBe(
      squash(doc(PLR_PAGE).querySelector('svg.choropleth')?.outerHTML),
    );
  });
});

describe('the Planungsraum page', () => {
  it('weighs at most 80 KB gzip with its CSS (and says how much, with the shared geometry)', () => {
    const page = html(PLR_PAGE);
    const css = [...page.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => m[1] as string);
    expect(css.length).toBeGreaterThan(0);
    const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
    const pageBytes = gz(page);
    const cssBytes = css.map((href) => gz(readFileSync(join(dist, href))));
    const geometry = [...new Set([...page.matchAll(/href="(\/data\/maps\/[^"#]+)#/g)].map((m) => m[1] as string))];
    const geometryBytes = geometry.map((href) => gz(readFileSync(join(dist, href))));
    const total = pageBytes + cssBytes.reduce((a, b) => a + b, 0);
    console.log(
      `[indicators] ${PLR_PAGE}: ${pageBytes} B gzip + CSS ${cssBytes.join(' + ')} B = ${total} B; shared geometry ${geometry.join(', ')} ${geometryBytes.join(' + ')} B gzip (cached across pages)`,
    );
    expect(geometry).toHaveLength(1);
    expect(total).toBeLessThanOrEqual(80 * 1024);
  });

  it('has one map link per Planungsraum and one table row each', () => {
    const d = doc(PLR_PAGE);
    expect(d.querySelectorAll('svg.choropleth a').length).toBe(448);
    expect(d.querySelectorAll('table.rank-table tbody tr').length).toBe(448);
    expect(d.querySelectorAll('svg.choropleth circle.marker').length).toBeGreaterThan(0);
  });
});

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('in Chromium', () => {
  it('draws every unit from the shared geometry file, as an SVG of the site (image/svg+xml)', async () => {
    if (!browser) throw new Error('browser not launched');
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    try {
      const page = await context.newPage();
      const geometry: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/data/maps/')) geometry.push(`${r.status()} ${r.headers()['content-type']}`);
      });
      await page.goto(`${baseUrl}${PLR_PAGE}`, { waitUntil: 'networkidle' });
      expect(geometry).toEqual(['200 image/svg+xml']);
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll<SVGGraphicsElement>('svg.choropleth a use')].map((u) => {
          const b = u.getBBox();
          return b.width * b.height;
        }),
      );
      expect(sizes).toHaveLength(448);
      expect(sizes.filter((a) => !(a > 0))).toEqual([]);
      // The borders of Bezirksregionen and Bezirke are drawn on top, in the same file.
      const borders = await page.evaluate(() =>
        [...document.querySelectorAll<SVGGraphicsElement>('.choropleth-borders use')].map((u) => u.getBBox().width),
      );
      expect(borders).toHaveLength(2);
      for (const w of borders) expect(w).toBeGreaterThan(500);
    } finally {
      await context.close();
    }
  });

  it('sorts the table with the keyboard: Enter on a column head sorts, sets aria-sort and says so', async () => {
    if (!browser) throw new Error('browser not launched');
    const context = await newPageContext(browser, VIEWPORTS.desktop);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${PLR_PAGE}`, { waitUntil: 'networkidle' });
      const names = () =>
        page.$$eval('table.rank-table tbody tr th > a', (as) => as.slice(0, 3).map((a) => a.textContent ?? ''));
      const first = await names();
      const button = page.locator('table.rank-table thead th[data-sort-key="name"] button');
      await button.focus();
      await page.keyboard.press('Enter');
      expect(await page.getAttribute('table.rank-table thead th[data-sort-key="name"]', 'aria-sort')).toBe('ascending');
      expect(await page.getAttribute('table.rank-table thead th[data-sort-key="rank"]', 'aria-sort')).toBeNull();
      const sorted = await names();
      expect(sorted).not.toEqual(first);
      expect([...sorted].sort((a, b) => a.localeCompare(b, 'de'))).toEqual(sorted);
      expect(await page.textContent('[data-sort-status]')).toBe('Sortiert nach Planungsraum, aufsteigend.');
      // Values: highest first; the units without a number stay last.
      await page.locator('table.rank-table thead th[data-sort-key="value"] button').press('Enter');
      const last = await page.$$eval('table.rank-table tbody tr td.num:last-child', (tds) =>
        tds.slice(-12).map((td) => td.textContent?.trim()),
      );
      expect(last.every((t) => t === 'keine Angabe' || t === 'nicht sinnvoll')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows the whole table without JavaScript, in rank order', async () => {
    if (!browser) throw new Error('browser not launched');
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${PLR_PAGE}`, { waitUntil: 'load' });
      const ranks = await page.$$eval('table.rank-table tbody tr td:first-child', (tds) =>
        tds.map((td) => td.textContent?.trim() ?? ''),
      );
      expect(ranks).toHaveLength(448);
      expect(ranks[0]).toBe('1');
      expect(await page.$$('table.rank-table thead button')).toHaveLength(0);
    } finally {
      await context.close();
    }
  });
});

const audits = new Map<string, Promise<PageAudit>>();
function audit(url: string, width: keyof typeof VIEWPORTS): Promise<PageAudit> {
  const key = `${url} ${width}`;
  let result = audits.get(key);
  if (!result) {
    if (!browser) throw new Error('browser not launched');
    result = auditPage(browser, `${baseUrl}${url}`, VIEWPORTS[width], { screenshotName: `indicators ${url} ${width}` });
    audits.set(key, result);
  }
  return result;
}

for (const url of [PLR_PAGE, `/en${PLR_PAGE}`]) {
  for (const width of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    for (const check of GATE_CHECKS) {
      it(`the Planungsraum page ${url} at ${width} width ${check.sentence}`, async () => {
        expect(check.problems(await audit(url, width))).toEqual([]);
      });
    }
  }
}

it('screenshots /merkmale/ and the home page at phone and desktop width', async () => {
  if (!browser) throw new Error('browser not launched');
  for (const url of ['/merkmale/', '/'])
    for (const width of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
      const context = await newPageContext(browser, VIEWPORTS[width]);
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl}${url}`, { waitUntil: 'networkidle' });
        await screenshot(page, `indicators ${url} ${width}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          VIEWPORTS[width].width,
        );
      } finally {
        await context.close();
      }
    }
});
