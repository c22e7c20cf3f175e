/**
 * Print (issue "Public-sector quality", item 6): a page of the top level (Bezirk in the demo), a page of the lowest
 * level (Planungsraum), the home page, a facility page, an area page and an indicator page (when the atlas has them), printed to A4 PDF in Chromium with print media (`@media print` at the end
 * of src/styles/site.css). The PDFs and a 60 dpi PNG of every page land in `test-results/print/`; look at them when
 * you change the print rules.
 *
 * The PDF is read back with poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`; Debian package poppler-utils), so the
 * assertions are about what is on paper: A4 and a sane number of pages without blank ones; the unit name, the
 * key-figure table header, the citation with the permalink; no skip link and no navigation; external link targets
 * printed after the link text; the last column and last row of every table (nothing cut off at the right or bottom).
 * The layout checks (nothing wider than the A4 text width, figures kept whole, readable text sizes) run in the same
 * page laid out at the A4 text width with print media.
 *
 * Expected texts are read from the page itself (DOM under print media), so the test holds for any atlas and language.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPageContext, VIEWPORTS, type AtlasJson } from './harness/index.ts';

const run = promisify(execFile);
const baseUrl = inject('sozialatlasBaseUrl');
const atlasResponse = await fetch(`${baseUrl}/data/atlas.json`);
if (!atlasResponse.ok) throw new Error(`GET /data/atlas.json answered ${atlasResponse.status}`);
const atlas = (await atlasResponse.json()) as AtlasJson;

/** Folder for the PDFs and PNGs (gitignored `test-results/`). */
const PRINT_DIR = path.resolve('test-results', 'print');

/** A4 in PDF points (1/72 inch), as Chromium writes it: 210 × 297 mm. */
const A4_POINTS = { width: 595.92, height: 842.88 };
/** `@page { margin: 14mm 14mm 16mm }` in site.css: text area 182 mm × 267 mm. */
const TEXT_AREA_MM = { width: 210 - 2 * 14, height: 297 - 14 - 16 };
const MM_TO_PX = 96 / 25.4;
/** Smallest font sizes allowed on paper, in pt: HTML text, and SVG chart text after scaling the chart. */
const MIN_TEXT_PT = 8;
const MIN_CHART_TEXT_PT = 6.5;

interface PrintTarget {
  name: string;
  label: string;
  url: string;
  /** Sane page count range on A4. */
  pages: [number, number];
  /** Unit name and permalink, for unit pages. */
  unit?: { name: string; permalink: string };
}

const toPath = (url: string) => new URL(url, 'http://site.invalid').pathname;
const topLevel = atlas.levels[0];
const lowestLevel = atlas.levels.at(-1);
const unitTarget = (level: AtlasJson['levels'][number] | undefined): PrintTarget[] => {
  const unit = level && atlas.units.find((u) => u.level === level.id);
  if (!level || !unit) return [];
  return [
    {
      name: level.id,
      label: `${level.label} page ${unit.name}`,
      url: toPath(unit.url),
      // A Bezirk of the demo prints 16 pages: 14 series (each chart beside its table, kept whole on its page) and three
      // ten-year matrices since population runs to 2024. More would mean a layout that wastes paper.
      pages: [2, 16],
      unit: { name: unit.name, permalink: new URL(toPath(unit.url), atlas.atlas.siteUrl).href },
    },
  ];
};
const targets: PrintTarget[] = [
  ...unitTarget(topLevel),
  ...(lowestLevel !== topLevel ? unitTarget(lowestLevel) : []),
  { name: 'home', label: 'home page', url: '/', pages: [1, 3] },
  // A facility page and an area page (the list emergency staff print): the first German one atlas.json lists.
  ...pageTarget('facility', [1, 4]),
  ...pageTarget('area', [1, 40]),
  // An indicator page: map, legend, distribution and ranked table on paper.
  ...pageTarget('indicator', [1, 8]),
];

function pageTarget(type: string, pages: [number, number]): PrintTarget[] {
  const page = atlas.pages.find((p) => p.type === type && (p.lang ?? 'de') === 'de');
  return page ? [{ name: type, label: `${type} page ${toPath(page.url)}`, url: toPath(page.url), pages }] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// What the page says it should print (read under print media, as plain JavaScript: see e2e/harness/index.ts)

interface PrintDom {
  h1: string;
  mainText: string;
  keyFigureHeaders: string[];
  citation: string;
  /** Skip links and links in navigation landmarks, the header and footer link lists. */
  navigationTexts: string[];
  /** Visible links to other sites: text and href. */
  externalLinks: { text: string; href: string }[];
  /** Per visible table: caption (or first header), text of the last header cell and of the last cell of the last row. */
  tables: { name: string; lastHeader: string; lastCell: string }[];
}

const READ_PRINT_DOM = `(() => {
  const text = (e) => (e ? (e.innerText || e.textContent || '') : '').replace(/\\s+/g, ' ').trim();
  // checkVisibility: false also inside closed <details> (content-visibility: hidden), where boxes may still exist.
  const visible = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const main = document.querySelector('main');
  const nav = [...document.querySelectorAll('a[href^="#"]')].filter((a) => !main.contains(a));
  nav.push(...document.querySelectorAll('nav a, header a, footer ul a'));
  const tables = [...main.querySelectorAll('table')].filter(visible).map((t) => {
    const heads = [...t.querySelectorAll('thead th')];
    const rows = [...t.querySelectorAll('tbody tr')];
    const lastRow = rows.at(-1);
    const cells = lastRow ? [...lastRow.children] : [];
    return { name: text(t.caption) || text(heads[0]), lastHeader: text(heads.at(-1)), lastCell: text(cells.at(-1)) };
  });
  return {
    h1: text(main.querySelector('h1')),
    mainText: text(main),
    keyFigureHeaders: [...main.querySelectorAll('table.key-figures thead th')].filter(visible).map(text),
    citation: text(main.querySelector('.citation')),
    navigationTexts: [...new Set(nav.map((a) => text(a) || a.getAttribute('aria-label') || '').filter(Boolean))],
    externalLinks: [...main.querySelectorAll('a[href^="http://"], a[href^="https://"]')].filter(visible)
      .map((a) => ({ text: text(a), href: a.getAttribute('href') })),
    tables,
  };
})()`;

interface LayoutProblems {
  tooWide: string[];
  tooTall: string[];
  splittable: string[];
  smallText: string[];
}

/** Layout at the A4 text width under print media: what sticks out, what cannot stay whole, what is too small. */
const READ_LAYOUT = (widthPx: number, heightPx: number, minTextPx: number, minChartPx: number) => `(() => {
  const width = ${widthPx}, height = ${heightPx};
  const describe = (e) => e.localName + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/)[0] : '') +
    ' "' + ((e.getAttribute && e.getAttribute('aria-label')) || e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50) + '"';
  // checkVisibility: false also inside closed <details> (content-visibility: hidden), where boxes may still exist.
  const visible = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const out = { tooWide: [], tooTall: [], splittable: [], smallText: [] };
  if (document.documentElement.scrollWidth > width + 1) out.tooWide.push('page is ' + document.documentElement.scrollWidth + ' px wide, text area ' + width + ' px');
  for (const e of document.querySelectorAll('main table, main figure, main svg, main pre, main img')) {
    if (!visible(e) || (e.localName === 'svg' && e.parentElement && e.parentElement.closest('svg'))) continue;
    const r = e.getBoundingClientRect();
    if (r.left < -1 || r.right > width + 1) out.tooWide.push(describe(e) + ' spans ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px');
  }
  for (const e of document.querySelectorAll('main figure, main tr')) {
    if (!visible(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.height > height) out.tooTall.push(describe(e) + ' is ' + Math.round(r.height) + ' px tall, a page ' + height + ' px');
    if (e.localName === 'figure' && getComputedStyle(e).breakInside !== 'avoid') out.splittable.push(describe(e) + ' has break-inside: ' + getComputedStyle(e).breakInside);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const e = node.parentElement;
    if (!e || seen.has(e) || !node.textContent.trim() || !visible(e)) continue;
    seen.add(e);
    const size = parseFloat(getComputedStyle(e).fontSize);
    const svg = e.closest('svg');
    if (svg) {
      const box = svg.viewBox && svg.viewBox.baseVal;
      const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
      if (size * scale < ${minChartPx}) out.smallText.push('chart text ' + describe(e) + ': ' + (size * scale * 0.75).toFixed(1) + ' pt');
    } else if (size < ${minTextPx}) {
      out.smallText.push(describe(e) + ': ' + (size * 0.75).toFixed(1) + ' pt');
    }
  }
  return out;
})()`;

// ---------------------------------------------------------------------------------------------------------------
// Reading the PDF

/** Whitespace of any kind removed (pdftotext breaks lines and may turn no-break spaces into spaces). */
const squash = (s: string) => s.replace(/[\s\u00a0\u2007\u2009\u202f\u200b]+/g, '');
/** First word of a cell, e.g. `76.040` of `76.040 Personen`: a wrapped cell's words need not be adjacent in the text. */
/** The text up to the first place a line may break: a space, or after a hyphen ("Treptow-Köpenick 3" → "Treptow-"). */
const firstWord = (s: string) => s.split(/[\s\u00a0\u2007\u2009\u202f]+|(?<=-)/).find(Boolean) ?? '';

interface PrintedPdf {
  file: string;
  pageCount: number;
  pageSize: { width: number; height: number };
  /** Text of each page. */
  pages: string[];
  text: string;
  pngs: string[];
}

async function readPdf(file: string): Promise<PrintedPdf> {
  const info = (await run('pdfinfo', [file])).stdout;
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  // -layout keeps a table row on one line and does not join words hyphenated at a line end ("urban-⏎development").
  const text = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 }))
    .stdout;
  const pages = text.split('\f').slice(0, pageCount);
  const prefix = file.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-png', '-r', '60', file, prefix]);
  const base = path.basename(prefix);
  const pngs = (await readdir(path.dirname(file))).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort();
  return { file, pageCount, pageSize: { width: Number(size?.[1]), height: Number(size?.[2]) }, pages, text, pngs };
}

// ---------------------------------------------------------------------------------------------------------------

let browser: Browser | undefined;
const printed = new Map<string, Promise<{ pdf: PrintedPdf; dom: PrintDom; layout: LayoutProblems }>>();

beforeAll(async () => {
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
    await access(`/usr/bin/${tool}`).catch(async () => {
      await run('which', [tool]).catch(() => {
        throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
      });
    });
  }
  await mkdir(PRINT_DIR, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPrintMedia<T>(
  url: string,
  viewport: { width: number; height: number },
  use: (page: Page) => Promise<T>,
): Promise<T> {
  if (!browser) throw new Error('browser not launched');
  const context = await newPageContext(browser, viewport);
  try {
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (response?.status() !== 200) throw new Error(`GET ${url} answered ${response?.status() ?? 'nothing'}`);
    await page.evaluate('document.fonts ? document.fonts.ready.then(() => true) : true');
    await page.emulateMedia({ media: 'print' });
    return await use(page);
  } finally {
    await context.close();
  }
}

/** Prints the target once (from a desktop-sized window, as a user would) and reads the PDF and the print layout. */
function print(target: PrintTarget) {
  let result = printed.get(target.name);
  if (!result) {
    result = (async () => {
      const url = `${baseUrl}${target.url}`;
      const file = path.join(PRINT_DIR, `${target.name}.pdf`);
      const stale = (await readdir(PRINT_DIR)).filter((f) => f.startsWith(`${target.name}-`) && f.endsWith('.png'));
      await Promise.all(stale.map((f) => rm(path.join(PRINT_DIR, f))));
      const dom = await withPrintMedia(url, VIEWPORTS.desktop, async (page) => {
        await page.pdf({ path: file, format: 'A4', printBackground: true });
        return page.evaluate<PrintDom>(READ_PRINT_DOM);
      });
      const width = Math.floor(TEXT_AREA_MM.width * MM_TO_PX);
      const height = Math.floor(TEXT_AREA_MM.height * MM_TO_PX);
      const layout = await withPrintMedia(url, { width, height }, (page) =>
        page.evaluate<LayoutProblems>(
          READ_LAYOUT(width, height, (MIN_TEXT_PT * 4) / 3 - 0.01, (MIN_CHART_TEXT_PT * 4) / 3 - 0.01),
        ),
      );
      return { pdf: await readPdf(file), dom, layout };
    })();
    printed.set(target.name, result);
  }
  return result;
}

/** Fails with every problem on its own line (vitest would shorten an array or a long string). */
function expectNone(problems: readonly string[]): void {
  expect(problems, problems.length ? `\n  ${problems.join('\n  ')}\n` : '').toEqual([]);
}

it('atlas.json has a unit on the top and the lowest level to print', () => {
  expect(targets.filter((t) => t.unit).length).toBeGreaterThanOrEqual(1);
});

for (const target of targets) {
  describe(`${target.label} [${target.url}] printed to A4`, () => {
    it(`is A4 with ${target.pages[0]}–${target.pages[1]} pages and no blank page`, async () => {
      const { pdf } = await print(target);
      expect(pdf.pageSize.width).toBeCloseTo(A4_POINTS.width, 0);
      expect(pdf.pageSize.height).toBeCloseTo(A4_POINTS.height, 0);
      expect(pdf.pageCount).toBeGreaterThanOrEqual(target.pages[0]);
      expect(pdf.pageCount).toBeLessThanOrEqual(target.pages[1]);
      expect(pdf.pngs).toHaveLength(pdf.pageCount);
      const blank = pdf.pages.flatMap((text, i) => (text.trim() === '' ? [`page ${i + 1}`] : []));
      expectNone(blank);
    });

    it('prints the page heading and, on unit pages, the key-figure table header and the citation with the permalink', async () => {
      const { pdf, dom } = await print(target);
      const text = squash(pdf.text);
      expect(dom.h1).not.toBe('');
      expect(text).toContain(squash(dom.h1));
      if (!target.unit) return;
      expect(dom.h1).toBe(target.unit.name);
      expect(dom.keyFigureHeaders.length).toBeGreaterThanOrEqual(3);
      // The header row on one line, in order, no word broken (a cell may wrap after its first word or hyphen).
      const headerRow = squash(dom.keyFigureHeaders.map(firstWord).join(''));
      expect(
        pdf.text.split('\n').some((line) => squash(line).includes(headerRow)),
        `no line of the PDF reads ${dom.keyFigureHeaders.join(' | ')}`,
      ).toBe(true);
      expect(dom.citation).toContain(target.unit.permalink);
      expect(text).toContain(squash(dom.citation));
    });

    it('prints no skip link and no navigation', async () => {
      const { pdf, dom } = await print(target);
      const text = squash(pdf.text);
      expect(dom.navigationTexts.length).toBeGreaterThan(0);
      const mainText = squash(dom.mainText);
      // A navigation label may also be content (the home page has a "Gebiet finden" heading): only the others count.
      const printedNav = dom.navigationTexts.filter((t) => !mainText.includes(squash(t)) && text.includes(squash(t)));
      expectNone(printedNav);
    });

    it('prints the address after every link to another site', async () => {
      const { pdf, dom } = await print(target);
      const text = squash(pdf.text);
      const missing = dom.externalLinks
        .filter((a) => !text.includes(squash(`${a.text}<${a.href}>`)))
        .map((a) => `${a.text} <${a.href}>`);
      expectNone(missing);
      if (target.unit) expect(dom.externalLinks.length).toBeGreaterThan(0);
    });

    it('prints every table to its last column and last row, inside the A4 text width', async () => {
      const { pdf, dom, layout } = await print(target);
      const text = squash(pdf.text);
      const cut = dom.tables.flatMap((t) =>
        [t.lastHeader, t.lastCell]
          .filter((cell) => cell !== '' && !text.includes(squash(firstWord(cell))))
          .map((cell) => `${t.name}: "${cell}" not printed`),
      );
      expectNone(cut);
      expectNone(layout.tooWide);
      if (target.unit) expect(dom.tables.length).toBeGreaterThan(1);
    });

    it('keeps every figure and chart whole on one page', async () => {
      const { layout } = await print(target);
      expectNone(layout.tooTall);
      expectNone(layout.splittable);
    });

    it(`prints text at ${MIN_TEXT_PT} pt or more and chart text at ${MIN_CHART_TEXT_PT} pt or more`, async () => {
      const { layout } = await print(target);
      expectNone(layout.smallText);
    });
  });
}
