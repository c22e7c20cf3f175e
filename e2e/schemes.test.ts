/**
 * Boundary schemes and small numbers in the built sites (issue 10, parts 3 and 4):
 * - the Berlin demo (dist/): Neukölln's population on 31.12.2024 as in the source file; the Prognoseräume of the
 *   2021 re-cut have pages, linked from their old-scheme predecessors and back; every old url answers; Messegelände
 *   shows no share and no rank; unit pages with the scheme section pass the release gate at 390 and 1280 px;
 * - the made-up atlas test/fixtures/atlas-small, built here into .atlas-e2e/small-dist: suppression in the unit page
 *   HTML (key figures, series tables, symbols), successors computed from the geometry, children grouped by scheme.
 * Expected figures come from the raw files (papaparse), not from the pipeline.
 */
import { spawn } from 'node:child_process';
import { access, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditPage, GATE_CHECKS, launchBrowser, VIEWPORTS, type PageAudit } from './harness/index.ts';

const dist = inject('sozialatlasDist');
const baseUrl = inject('sozialatlasBaseUrl');
const SMALL_DIST = resolve('.atlas-e2e', 'small-dist');
const root = process.cwd();

const csv = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(root, file), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
const doc = (site: string, url: string) => parseHTML(readFileSync(join(site, url, 'index.html'), 'utf8')).document;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const de = (v: number, d = 0) =>
  new Intl.NumberFormat('de-DE', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);

/**
 * The key-figure row of an indicator: its cells by column label (data-label), and the row's text. The first cell is
 * the unit's own value (labelled with the unit's name); it may end with how the value came about ("(Summe der
 * Teilgebiete)"): `value` is that cell without it. `comparison` maps each comparison ("Berlin") to its text.
 */
function keyFigure(
  d: Document,
  indicator: string,
): { cells: Record<string, string>; row: string; value: string; comparison: Record<string, string> } {
  const row = d.getElementById(`kz-${indicator}`);
  const tds = [...(row?.querySelectorAll('td') ?? [])];
  const cells: Record<string, string> = {};
  for (const td of tds) cells[td.getAttribute('data-label') ?? ''] = text(td);
  const value = text(tds[0]).replace(
    / \((Summe der Teilgebiete|aus Anzahlen berechnet|berechnet aus Zähler und Nenner)\)$/,
    '',
  );
  const comparison: Record<string, string> = {};
  for (const li of row?.querySelectorAll('td.comparison li') ?? []) {
    const [name, ...rest] = text(li).split(': ');
    comparison[name ?? ''] = rest.join(': ');
  }
  return { cells, row: text(row), value, comparison };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', fail);
    child.once('exit', (code) => ok(code ?? 1));
  });
}

beforeAll(async () => {
  const built = await new Promise<boolean>((ok) => access(join(SMALL_DIST, 'data', 'atlas.json'), (e) => ok(!e)));
  if (process.env['SOZIALATLAS_SKIP_BUILD'] === '1' && built) return;
  const code = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
    ...process.env,
    ATLAS_DIR: resolve('test/fixtures/atlas-small'),
    OUT_DIR: SMALL_DIST,
    CACHE_DIR: resolve('.atlas-e2e', 'small-cache'),
  });
  if (code !== 0) throw new Error(`the build of test/fixtures/atlas-small failed with exit code ${code}`);
}, 900_000);

describe('Berlin demo: the LOR re-cut of 2021', () => {
  it('/bezirk/08/ shows Neukölln’s population on 31.12.2024 as in the source file (329.488), in a series from 2015', () => {
    const raw = csv('data/berlin/population/berlin-lor-population-2024-02-t1-districts.csv').find(
      (r) => r['id'] === '08',
    );
    expect(raw?.['inhabitants']).toBe('329488');
    const d = doc(dist, 'bezirk/08');
    expect(text(d.getElementById('einwohner-2024'))).toBe(`${de(Number(raw?.['inhabitants']))} Personen`);
    expect(text(d.getElementById('einwohner-2024'))).toBe('329.488 Personen');
    for (const y of [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023])
      expect(text(d.getElementById(`einwohner-${y}`)), String(y)).toMatch(/^\d{3}\.\d{3} Personen$/);
    expect(text(d.getElementById('gebietsstand'))).toBe('Gebietsstand');
    expect(text(d.querySelector('.unit-schemes'))).toContain('in allen Gebietsständen gleich');
  });

  it('has a page for each of the 58 Prognoseräume in both languages', () => {
    const geo = JSON.parse(
      readFileSync(join(root, 'data/berlin/geometry/berlin-lor-forecast-areas-from-2021.geojson'), 'utf8'),
    ) as { features: { properties: { id: string } }[] };
    expect(geo.features).toHaveLength(58);
    for (const f of geo.features)
      for (const prefix of ['', 'en'])
        expect(() => readFileSync(join(dist, prefix, 'prognoseraum', f.properties.id, 'index.html'))).not.toThrow();
  });

  it('an old Planungsraum links its new Prognoseraum ("Seit 2021 gehört dieses Gebiet zu …"), which links back', () => {
    const old = doc(dist, 'planungsraum/08010117');
    const section = old.querySelector('.unit-schemes');
    expect(text(section)).toContain('Seit 2021 gehört dieses Gebiet zu folgenden Gebieten (Gebietsstand 2021):');
    expect([...(section?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toContain(
      '/prognoseraum/0810/',
    );
    const neu = doc(dist, 'prognoseraum/0810');
    const back = neu.querySelector('.unit-schemes');
    expect(text(back)).toContain('Bis 2020 gehörte dieses Gebiet zu folgenden Gebieten (LOR bis 2020):');
    expect([...(back?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toContain(
      '/planungsraum/08010117/',
    );
    // The English page links the English page.
    const en = doc(dist, 'en/planungsraum/08010117');
    expect([...(en.querySelectorAll('.unit-schemes a') ?? [])].map((a) => a.getAttribute('href'))).toContain(
      '/en/prognoseraum/0810/',
    );
  });

  it('every url of the old scheme still answers (HTTP 200), German and English', async () => {
    const atlas = (await (await fetch(`${baseUrl}/data/atlas.json`)).json()) as {
      units: { url: string; level: string }[];
    };
    const old = atlas.units.filter((u) => ['bezirk', 'bezirksregion', 'planungsraum'].includes(u.level));
    expect(old).toHaveLength(12 + 138 + 448);
    const failed: string[] = [];
    for (const u of old)
      for (const url of [u.url, `/en${u.url}`]) {
        const r = await fetch(`${baseUrl}${url}`, { method: 'HEAD' });
        if (r.status !== 200) failed.push(`${url} ${r.status}`);
      }
    expect(failed).toEqual([]);
  });

  it('Messegelände (04020314, 6 inhabitants) shows no share and no rank for its rates', () => {
    const d = doc(dist, 'planungsraum/04020314');
    for (const ind of ['anteil_migrationshintergrund', 'anteil_auslaender', 'anteil_unter_6', 'anteil_65_plus']) {
      const k = keyFigure(d, ind);
      expect(k.value, ind).toBe(
        'nicht aussagekräftig: zu wenige Einwohnerinnen und Einwohner für eine aussagekräftige Quote',
      );
      expect(k.cells['Rang'], ind).toBe('–');
      // No change either; the only number in the row is Berlin's value.
      expect(k.cells['Veränderung'], ind).toBe('–');
      expect(k.comparison['Berlin'], ind).toMatch(/^\d+,\d\s%( \(aus Anzahlen berechnet\))?$/);
    }
  });

  it('the home page names the scheme of its map, and the data page lists schemes, crosswalk and protection', () => {
    expect(text(doc(dist, '').querySelector('.home-map'))).toMatch(/Gebietsstand: /);
    const daten = text(doc(dist, 'daten').body);
    expect(daten).toContain('Gebietsstände und Zuordnung');
    expect(daten).toContain('Zuordnungstabelle data/berlin/geometry/berlin-lor-matches.json');
    expect(daten).toContain('Schutz kleiner Zahlen');
  });
});

describe('atlas-small (made up): suppression in the unit page HTML', () => {
  const page = (url: string) => doc(SMALL_DIST, url);

  it('a count of 1 reads "geheim gehalten (kleine Fallzahl)" in the key figures and the series, never 1, and has no rank', () => {
    const d = page('ortsteil/11');
    const k = keyFigure(d, 'kinder');
    expect(k.value).toBe('geheim gehalten (kleine Fallzahl)');
    expect(k.cells['Rang']).toBe('–');
    expect(text(d.getElementById('kinder-2020'))).toBe('geheim gehalten (kleine Fallzahl)');
    expect(text(d.getElementById('erwachsene-2020'))).toBe(
      'geheim gehalten (sonst ließe sich eine kleine Fallzahl errechnen)',
    );
    expect(keyFigure(d, 'anteil_kinder').value).toBe('geheim gehalten (Zähler oder Nenner ist geschützt)');
  });

  it('a count of 2 and the derived total of its Bezirk are suppressed; the publisher’s "." reads differently', () => {
    expect(text(page('ortsteil/21').getElementById('kinder-2020'))).toBe('geheim gehalten (kleine Fallzahl)');
    expect(keyFigure(page('bezirk/2'), 'kinder').value).toBe('geheim gehalten (kleine Fallzahl)');
    expect(keyFigure(page('ortsteil/13'), 'arbeitslose').value).toBe('geheim gehalten (von der Quelle)');
  });

  it('missing, zero, not applicable and "not meaningful" stay apart, and the symbols are explained', () => {
    expect(keyFigure(page('ortsteil/22'), 'arbeitslose').value).toBe('keine Angabe');
    expect(keyFigure(page('ortsteil/22'), 'kinder').value).toBe('0 Personen');
    expect(keyFigure(page('ortsteil/21'), 'arbeitslose').value).toBe('nicht sinnvoll');
    expect(keyFigure(page('ortsteil/21'), 'anteil_kinder').value).toBe(
      'nicht aussagekräftig: zu wenige Einwohnerinnen und Einwohner für eine aussagekräftige Quote',
    );
    expect(text(page('ortsteil/21').querySelector('.status-key'))).toContain('„/“ nicht aussagekräftig');
  });

  it('names successors from the crosswalk and from the geometry, groups a Bezirk’s children by scheme, labels the area', () => {
    const s = text(page('ortsteil/12').querySelector('.unit-schemes'));
    expect(s).toContain('Ostheim-Nord 1n1 50 % (laut Zuordnungstabelle)');
    expect(s).toContain('Ostheim-Süd 1n2 50 % (aus den Grenzen berechnet)');
    const b = page('bezirk/1');
    expect([...b.querySelectorAll('.sub-units h3')].map(text)).toEqual([
      'Ortsteile (Gliederung bis 2020) (3)',
      'Gebiete (Gebietsstand 2021) (2)',
    ]);
    expect(text(page('ortsteil/11').querySelector('.lede'))).toMatch(/0,79 km² \(aus der Geometrie berechnet\)/);
  });
});

describe('unit pages with the scheme section pass the release gate', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const audits = new Map<string, Promise<PageAudit>>();
  const audit = (url: string, width: keyof typeof VIEWPORTS) => {
    const key = `${url} ${width}`;
    if (!audits.has(key)) {
      if (!browser) throw new Error('browser not launched');
      audits.set(
        key,
        auditPage(browser, `${baseUrl}${url}`, VIEWPORTS[width], { screenshotName: `schemes ${url} ${width}` }),
      );
    }
    return audits.get(key) as Promise<PageAudit>;
  };
  for (const url of ['/planungsraum/08010117/', '/prognoseraum/0810/', '/en/bezirk/08/'])
    for (const width of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])
      for (const check of GATE_CHECKS)
        it(`${url} at ${width} width ${check.sentence}`, async () => {
          expect(check.problems(await audit(url, width))).toEqual([]);
        });
});
