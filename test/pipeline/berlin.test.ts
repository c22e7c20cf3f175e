/**
 * The whole data pipeline on the bundled Berlin demo atlas (atlas.yml at the repository root, real open data),
 * into a temporary cache. Published figures are compared with the raw CSV cells, read here independently with
 * papaparse. Slow (about a minute and a half: 656 unit pages), so the pipeline runs once for all tests.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MSS_2019_PR = 'data/berlin/mss/mss-2019-planning-areas.csv';
const MSS_2019_BEZ = 'data/berlin/mss/mss-2019-districts.csv';
const EW_2019_PR = 'data/berlin/population/berlin-lor-population-2019-02-t1-planning-areas.csv';
const EW_2019_BEZ = 'data/berlin/population/berlin-lor-population-2019-02-t1-districts.csv';
const S3 = 's3_percentage_transfer_payments_recipients';

/** A raw table as papaparse reads it: header row, then rows of strings (no type conversion). */
async function rawCsv(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const text = (await readFile(join(ROOT, file), 'utf8')).replace(/^\uFEFF/, '');
  const data = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return { header: data[0] ?? [], rows: data.slice(1) };
}

/** The cell of `column` (first of that name) in the row whose first column is `id`. */
function cellOf(t: { header: string[]; rows: string[][] }, id: string, column: string): string {
  const c = t.header.indexOf(column);
  const row = t.rows.find((r) => r[0] === id);
  if (c < 0 || !row) throw new Error(`no ${column} for ${id}`);
  return row[c] as string;
}

let tmp = '';
let cacheDir = '';
let result: PipelineResult;
const json = async <T>(p: string): Promise<T> => JSON.parse(await readFile(join(cacheDir, p), 'utf8')) as T;

interface ValueRow {
  unit_id: string;
  indicator_id: string;
  year: string;
  value: string;
  status: string;
  method: string;
}
let values: ValueRow[] = [];
function value(unit: string, indicator: string, year: number): ValueRow | undefined {
  return values.find((r) => r.unit_id === unit && r.indicator_id === indicator && r.year === String(year));
}

interface Report {
  fixes: { level: string; index: number; id: string; name: string; newId?: string; newName?: string }[];
  excluded: { file: string; line: number; id: string; reason: string }[];
  checks: {
    indicator: string;
    year: number;
    compared: number;
    differing: number;
    examples: { unit: string; published: number; computed: number }[];
  }[];
}
let report: Report;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'atlas-berlin-'));
  cacheDir = join(tmp, 'cache');
  result = await runPipeline({ atlasDir: ROOT, cacheDir, log: () => {} });
  if (result.log.hasErrors) return;
  report = await json<Report>('build/report.json');
  const text = (await readFile(join(cacheDir, 'public/data/values.csv'), 'utf8')).replace(/^\uFEFF/, '');
  values = Papa.parse<ValueRow>(text, { header: true, skipEmptyLines: true }).data;
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('runPipeline on the Berlin demo atlas', () => {
  it('runs without errors', () => {
    expect(result.log.errors, formatProblemLog(result.log)).toEqual([]);
    expect(result.pages).toBe(12 + 138 + 448 + 58);
  });

  it('places every one of the 6,758 imported facilities in a Bezirk, Bezirksregion and Planungsraum', async () => {
    expect(result.facilityPages).toBe(6758);
    const site = await json<{ facilities: { items: { id: string; units: string[] }[] } }>('build/site.json');
    const units = new Map(
      (await json<{ units: { id: string; level: string; parent?: string }[] }>('public/data/atlas.json')).units.map(
        (u) => [u.id, u],
      ),
    );
    for (const f of site.facilities.items) {
      expect(
        f.units.map((id) => units.get(id)?.level),
        f.id,
      ).toEqual(['bezirk', 'bezirksregion', 'planungsraum']);
      expect(units.get(f.units[2] as string)?.parent, f.id).toBe(f.units[1]);
      expect(units.get(f.units[1] as string)?.parent, f.id).toBe(f.units[0]);
    }
  });

  it('has 12 Bezirke, 138 Bezirksregionen, 448 Planungsräume and 58 Prognoseräume, each listed once with its url', async () => {
    const atlas = await json<{
      levels: { id: string; count: number }[];
      units: { id: string; level: string; url: string }[];
    }>('public/data/atlas.json');
    expect(atlas.levels.map((l) => [l.id, l.count])).toEqual([
      ['bezirk', 12],
      ['bezirksregion', 138],
      ['planungsraum', 448],
      ['prognoseraum', 58],
    ]);
    expect(atlas.units).toHaveLength(656);
    expect(new Set(atlas.units.map((u) => u.id)).size).toBe(656);
    for (const u of atlas.units) expect(u.url).toBe(`/${u.level}/${u.id}/`);
  });

  it('applies the fix 06010102 → 04030417 to the feature in Bezirk 04 only', async () => {
    expect(report.fixes).toEqual([
      expect.objectContaining({ level: 'planungsraum', id: '06010102', newId: '04030417', newName: 'Schloßstraße' }),
    ]);
    const site = await json<{ units: { id: string; level: string; parent?: string; name: string }[] }>(
      'build/site.json',
    );
    expect(site.units.filter((u) => u.id === '06010102')).toEqual([
      expect.objectContaining({ parent: '060101', name: 'Schloßstraße' }),
    ]);
    expect(site.units.filter((u) => u.id === '04030417')).toEqual([
      expect.objectContaining({ level: 'planungsraum', parent: '040304', name: 'Schloßstraße' }),
    ]);
    const page = await json<{ ancestors: { id: string }[] }>('build/units/04030417.json');
    expect(page.ancestors.map((a) => a.id)).toEqual(['04', '040304']);
    // The tables' rows for 04030417 now have a unit: its 2019 population is published.
    const raw = await rawCsv(EW_2019_PR);
    expect(value('04030417', 'einwohner', 2019)).toMatchObject({
      value: cellOf(raw, '04030417', 'inhabitants'),
      status: 'value',
      method: 'published',
    });
  });

  it('excludes the "Nummer" rows of the MSS district files and reports each with file and line', async () => {
    const nummer = report.excluded.filter((e) => e.id === 'Nummer');
    expect(nummer.map((e) => e.file).sort()).toEqual(
      [2013, 2015, 2017, 2019, 2021].map((y) => `data/berlin/mss/mss-${y}-districts.csv`),
    );
    for (const e of nummer) {
      const lines = (await readFile(join(ROOT, e.file), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(lines[e.line - 1]?.startsWith('Nummer,')).toBe(true);
      expect(e.reason).toContain('Standardabweichungen');
    }
    expect(values.some((v) => v.unit_id === 'Nummer')).toBe(false);
  });

  it('publishes MSS 2019 s3 (Transferbezug) exactly as in the raw CSV for 3 Planungsräume and 2 Bezirke', async () => {
    const pr = await rawCsv(MSS_2019_PR);
    const bez = await rawCsv(MSS_2019_BEZ);
    const samples: [string, typeof pr][] = [
      ['01011101', pr],
      ['04030417', pr],
      ['08010117', pr],
      ['01', bez],
      ['08', bez],
    ];
    for (const [id, table] of samples) {
      const raw = cellOf(table, id, S3);
      expect(raw, id).toMatch(/^\d+\.\d+$/);
      // The per-unit download, as a user gets it.
      const unit = await json<{
        values: { indicator_id: string; year: number; value: number | string; status: string }[];
      }>(`public/data/units/${id}.json`);
      const published = unit.values.find((v) => v.indicator_id === 'transferbezug' && v.year === 2019);
      expect(published, id).toMatchObject({ value: Number(raw), status: 'value' });
      expect(value(id, 'transferbezug', 2019)).toMatchObject({ method: 'published' });
    }
  });

  it('sums the Planungsräume to the Bezirk population 2019 and compares with the published district table', async () => {
    const pr = await rawCsv(EW_2019_PR);
    const bez = await rawCsv(EW_2019_BEZ);
    const districtCol = pr.header.indexOf('district_id');
    const inhabitantsCol = pr.header.indexOf('inhabitants');
    const sums = new Map<string, number>();
    for (const r of pr.rows)
      sums.set(r[districtCol] as string, (sums.get(r[districtCol] as string) ?? 0) + Number(r[inhabitantsCol]));
    expect(sums.size).toBe(12);
    const differing: string[] = [];
    for (const [bezirk, sum] of sums) {
      // The atlas's Bezirk value is its own sum of the Planungsräume (the district table has role: check).
      expect(value(bezirk, 'einwohner', 2019), bezirk).toMatchObject({
        value: String(sum),
        status: 'value',
        method: 'sum',
      });
      if (Number(cellOf(bez, bezirk, 'inhabitants')) !== sum) differing.push(bezirk);
    }
    // Equal in every Bezirk, or else the data report lists exactly the differences.
    const check = report.checks.find((c) => c.indicator === 'einwohner' && c.year === 2019);
    expect(check).toMatchObject({ compared: 12, differing: differing.length });
    expect(differing).toEqual([]);
    // And the city: the sum of all Planungsräume.
    expect(value('*', 'einwohner', 2019)).toMatchObject({
      value: String([...sums.values()].reduce((a, b) => a + b, 0)),
      method: 'sum',
    });
  });
});

/**
 * Current data across the LOR re-cut of 2021 (issue 10, part 3) and small numbers (part 4): figures read here from the
 * raw files with papaparse, compared with what the pipeline publishes.
 */
describe('the LOR re-cut of 2021 and small numbers on the Berlin demo atlas', () => {
  const EW_2024_BEZ = 'data/berlin/population/berlin-lor-population-2024-02-t1-districts.csv';
  const EW_2024_PGR = 'data/berlin/population/berlin-lor-population-2024-02-t1-forecast-areas.csv';

  it('Neukölln (08): inhabitants on 31.12.2024 as in the source file (329,488), in one series 2015–2024', async () => {
    const raw = cellOf(await rawCsv(EW_2024_BEZ), '08', 'inhabitants');
    expect(raw).toBe('329488');
    // The atlas's own sum of the Prognoseräume; the district table is the check (role: check), and they agree.
    expect(value('08', 'einwohner', 2024)).toMatchObject({ value: raw, status: 'value', method: 'sum' });
    expect(report.checks.find((c) => c.indicator === 'einwohner' && c.year === 2024)).toMatchObject({
      compared: 12,
      differing: 0,
    });
    const page = await json<{
      series: {
        indicator: string;
        rows: { year: number; status: string; value?: number; breakBefore?: unknown }[];
      }[];
      matrices: {
        indicators: string[];
        text: { de: { columns: { year: string; schemeMark?: string }[]; notes: string[] } };
      }[];
    }>('build/units/08.json');
    const rows = page.series.find((s) => s.indicator === 'einwohner')?.rows ?? [];
    expect(rows.map((r) => r.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(rows.every((r) => r.status === 'value' && r.breakBefore === undefined)).toBe(true);
    expect(rows.at(-1)?.value).toBe(329488);
    // The re-cut is marked, not a break: on the 2021 column of the table and in a note under it.
    const matrix = page.matrices.find((m) => m.indicators.includes('einwohner'))?.text.de;
    expect(matrix?.columns.filter((c) => c.schemeMark).map((c) => c.year)).toEqual(['2021']);
    expect(matrix?.notes.some((n) => n.startsWith('Neugliederung ('))).toBe(true);
  });

  it('publishes MSS 2021 for the Bezirke only, as in the raw file, so their MSS series run to 2021', async () => {
    const raw = await rawCsv('data/berlin/mss/mss-2021-districts.csv');
    expect(value('08', 'transferbezug', 2021)).toMatchObject({ value: cellOf(raw, '08', S3), method: 'published' });
    expect(
      values
        .filter((v) => v.year === '2021' && v.indicator_id === 'transferbezug')
        .map((v) => v.unit_id)
        .sort(),
    ).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
  });

  it('has the 58 Prognoseräume with population 2021–2024 from the source, summing to the Bezirke', async () => {
    const pgr = await rawCsv(EW_2024_PGR);
    expect(pgr.rows).toHaveLength(58);
    for (const row of pgr.rows)
      expect(value(row[0] as string, 'einwohner', 2024)).toMatchObject({
        value: cellOf(pgr, row[0] as string, 'inhabitants'),
      });
    expect(values.filter((v) => v.unit_id === '0810' && v.indicator_id === 'einwohner').map((v) => v.year)).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
  });

  it('links every old Planungsraum and Bezirksregion to its new Prognoseräume, mostly by the crosswalk', async () => {
    const site = await json<{
      report: {
        links: {
          pairs: { byCrosswalk: number; byGeometry: number }[];
          withoutSuccessor: string[];
          unconfirmed: unknown[];
        };
      };
    }>('build/site.json');
    // The crosswalk as read: every entry counted, the 8- and 6-digit ones skipped (new units without boundaries).
    const raw = JSON.parse(
      await readFile(join(ROOT, 'data/berlin/geometry/berlin-lor-matches.json'), 'utf8'),
    ) as Record<string, string[]>;
    const byLength = (n: number) => Object.keys(raw).filter((k) => k.length === n).length;
    const read = (
      await json<{ report: { crosswalks: { entries: number; skipped: { idLength: number; entries: number }[] }[] } }>(
        'build/site.json',
      )
    ).report.crosswalks[0];
    expect(read?.entries).toBe(Object.keys(raw).length);
    expect(read?.skipped.map((x) => [x.idLength, x.entries])).toEqual([
      [8, byLength(8)],
      [6, byLength(6)],
    ]);
    const pair = site.report.links.pairs[0];
    expect(pair?.byCrosswalk).toBeGreaterThan(500);
    expect(site.report.links.withoutSuccessor).toEqual([]);
    // Reuterkiez (08010117, old Prognoseraum 0801): the crosswalk names 0801 → 0810.
    const reuter = await json<{
      schemes: { de: { successors: { intro: string; groups: { items: { href: string; basis: string }[] }[] } } };
    }>('build/units/08010117.json');
    expect(reuter.schemes.de.successors.intro).toBe(
      'Seit 2021 gehört dieses Gebiet zu folgenden Gebieten (Gebietsstand 2021):',
    );
    expect(reuter.schemes.de.successors.groups[0]?.items[0]).toMatchObject({
      href: '/prognoseraum/0810/',
      basis: 'laut Zuordnungstabelle',
    });
    const pgr = await json<{ schemes: { de: { predecessors: { groups: { items: { href: string }[] }[] } } } }>(
      'build/units/0810.json',
    );
    expect(pgr.schemes.de.predecessors.groups.flatMap((g) => g.items.map((i) => i.href))).toContain(
      '/planungsraum/08010117/',
    );
  });

  it('draws a unit page’s locator map once for both languages, its paths relative and without zero-length segments', async () => {
    const page = await json<{
      unit: { name: string };
      ancestors: unknown[];
      locator: { svg: string; texts: { de: string[]; en: string[] } };
    }>('build/units/08010117.json');
    const name = page.unit.name;
    expect(page.locator.texts).toEqual({ de: [`Lage von ${name} in Berlin`], en: [`Location of ${name} in Berlin`] });
    const paths = [...page.locator.svg.matchAll(/ d="([^"]*)"/g)].map((m) => m[1] ?? '');
    // The 12 Bezirke, the unit's parent, the unit.
    expect(page.ancestors.length).toBeGreaterThan(0);
    expect(paths).toHaveLength(14);
    for (const d of paths) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+l/);
      expect(d).not.toMatch(/L/);
      expect(d).not.toMatch(/[l ]-?0,-?0(?![.\d])/);
    }
  });

  it('groups a Bezirk’s children by level and scheme, never in one mixed list', async () => {
    const page = await json<{ childGroups: { level: string; heading: { de: string }; units: { level: string }[] }[] }>(
      'build/units/08.json',
    );
    expect(page.childGroups.map((g) => g.heading.de)).toEqual([
      'Bezirksregionen (LOR bis 2020)',
      'Prognoseräume (Gebietsstand 2021)',
    ]);
    for (const g of page.childGroups) expect(new Set(g.units.map((u) => u.level))).toEqual(new Set([g.level]));
  });

  it('Messegelände (04020314, 6 inhabitants): no share and no rank for its rates', async () => {
    expect(value('04020314', 'einwohner', 2020)).toMatchObject({ value: '6', status: 'value' });
    const page = await json<{
      keyFigures: { indicator: string; status: string; value?: number; rank?: number; suppression?: string }[];
    }>('build/units/04020314.json');
    const rates = page.keyFigures.filter((k) => k.indicator.startsWith('anteil_'));
    expect(rates.length).toBe(4);
    for (const k of rates) {
      expect(k, k.indicator).toMatchObject({ status: 'suppressed', suppression: 'minDenominator' });
      expect(k.value, k.indicator).toBeUndefined();
      expect(k.rank, k.indicator).toBeUndefined();
    }
    // In every year with fewer than 100 inhabitants no share is published (2016, with 436, it is).
    for (const v of values.filter((x) => x.unit_id === '04020314' && x.indicator_id.startsWith('anteil_'))) {
      const ew = Number(value('04020314', 'einwohner', Number(v.year))?.value);
      if (ew < 100) expect(v, `${v.indicator_id} ${v.year}`).toMatchObject({ value: '', status: 'suppressed' });
      else expect(v.status, `${v.indicator_id} ${v.year}`).toBe('value');
    }
  });

  it('declares the re-cut as a boundary break of the levels below the Bezirke, and the newest Stichtag as Datenstand', async () => {
    const { parse } = await import('yaml');
    const { AtlasConfigSchema } = await import('../../src/schemas/atlasConfig.ts');
    const config = AtlasConfigSchema.parse(parse(await readFile(join(ROOT, 'atlas.yml'), 'utf8')));
    const recut = config.breaks.find((b) => b.kind === 'boundary' && b.year === 2021);
    expect(recut?.levels).toEqual(['bezirksregion', 'planungsraum', 'prognoseraum']);
    for (const l of recut?.levels ?? []) expect(config.levels.map((x) => x.id)).toContain(l);
    // Only the Prognoseräume have values from 2021 on; the Bezirke (unchanged) are not broken.
    expect(values.some((v) => v.unit_id === '0810' && v.year === '2021')).toBe(true);
    const newest = config.tables
      .filter((t) => t.role === 'data')
      .map((t) => t.date ?? '')
      .sort()
      .at(-1);
    expect(newest).toBe('2024-12-31');
    expect(config.dataDate).toBe(newest);
    const atlas = await json<{ atlas: { dataDate: string } }>('public/data/atlas.json');
    expect(atlas.atlas.dataDate).toBe('2024-12-31');
  });
});

/**
 * Area overlays (issue 3, 6a): for every Erhaltungsgebiet, the facilities the pipeline lists must be exactly those
 * an independent check finds: every facility file's front matter read here with `yaml`, its point projected to
 * EPSG:25833 with proj4 and a definition written here, and a plain even-odd ray casting over the raw rings of the
 * layer file in metres (no reprojection of the polygons, no d3, none of the pipeline's geometry code).
 */
describe('area overlays on the Berlin demo atlas', () => {
  const UTM33 = '+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs';
  const LAYERS = [
    ['soziale-erhaltungsgebiete', 'data/berlin/overlays/erhaltgeb_em_soziale_erhaltungsgebiete.geojson', 81],
    [
      'staedtebauliche-erhaltungsgebiete',
      'data/berlin/overlays/erhaltgeb_es_staedtebauliche_erhaltungsgebiete.geojson',
      94,
    ],
  ] as const;
  type Ring = [number, number][];
  /** Even-odd rule over all rings of one polygon (exterior and holes). */
  const inPolygon = (x: number, y: number, rings: Ring[]) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  };

  it('lists for every Erhaltungsgebiet exactly the facilities an independent ray casting finds, most vulnerable first', async () => {
    expect(result.log.errors).toEqual([]);
    const { parse } = await import('yaml');
    const proj4 = (await import('proj4')).default;
    const { readdir } = await import('node:fs/promises');
    const dir = join(ROOT, 'content/facilities');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
    const points: { id: string; x: number; y: number }[] = [];
    for (const f of files) {
      const text = await readFile(join(dir, f), 'utf8');
      const front = parse(text.split(/^---$/m)[1] ?? '') as { id: string; location: { lat: number; lon: number } };
      const [x, y] = proj4('WGS84', UTM33, [front.location.lon, front.location.lat]) as [number, number];
      points.push({ id: front.id, x, y });
    }
    expect(points).toHaveLength(6758);
    let compared = 0;
    let nonEmpty = 0;
    for (const [layer, file, count] of LAYERS) {
      const geo = JSON.parse(await readFile(join(ROOT, file), 'utf8')) as {
        features: { properties: { schluessel: string }; geometry: { type: string; coordinates: unknown } }[];
      };
      expect(geo.features).toHaveLength(count);
      for (const feature of geo.features) {
        const polys = (
          feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates
        ) as Ring[][];
        const expected = points
          .filter((p) => polys.some((rings) => inPolygon(p.x, p.y, rings)))
          .map((p) => p.id)
          .sort();
        const page = await json<{ facilities: { id: string; vulnerability: number }[] }>(
          `build/areas/${layer}/areas/${feature.properties.schluessel}.json`,
        );
        expect([...page.facilities.map((f) => f.id)].sort(), `${layer} ${feature.properties.schluessel}`).toEqual(
          expected,
        );
        const v = page.facilities.map((f) => f.vulnerability);
        expect(v, 'most vulnerable first').toEqual([...v].sort((a, b) => b - a));
        compared++;
        if (expected.length > 0) nonEmpty++;
      }
    }
    expect(compared).toBe(81 + 94);
    // Not a vacuous comparison: most areas lie in the inner city, where the directory is dense.
    expect(nonEmpty).toBeGreaterThan(compared / 2);
  });

  it('lists the Planungsräume each Erhaltungsgebiet touches, whose shares of the area add up to about 1', async () => {
    for (const [layer, , count] of LAYERS) {
      const list = await json<{ areas: { id: string }[] }>(`build/areas/${layer}/index.json`);
      expect(list.areas).toHaveLength(count);
      for (const a of list.areas) {
        const page = await json<{ units: { level: string; shareOfArea: number }[] }>(
          `build/areas/${layer}/areas/${a.id}.json`,
        );
        const levels = new Set(page.units.map((u) => u.level));
        expect([...levels], `${layer} ${a.id}`).toEqual(['bezirk', 'bezirksregion', 'planungsraum']);
        const sum = page.units.filter((u) => u.level === 'planungsraum').reduce((s, u) => s + u.shareOfArea, 0);
        // Slivers below 1 % are left out, and LOR 2020 and the current Erhaltungsgebiete are digitised apart.
        expect(sum, `${layer} ${a.id}`).toBeGreaterThan(0.9);
        expect(sum, `${layer} ${a.id}`).toBeLessThan(1.001);
      }
    }
  });
});

/**
 * Context, breaks and reference dates (issues 9 and 10) on the demo: figures compared with the raw files, and the
 * declared breaks read here from atlas.yml with `yaml` and applied by their plain rules, not by the atlas's code.
 */
describe('context, series breaks and Stichtage on the Berlin demo atlas', () => {
  interface Break {
    year: number;
    kind: string;
    levels?: string[];
    units?: string[];
    indicators?: string[];
    sources?: string[];
  }
  interface Config {
    indicators: { id: string; source: string; breaks?: Break[] }[];
    breaks?: Break[];
    indices?: { id: string }[];
  }
  interface PageModel {
    unit: { id: string; level: string };
    keyFigures: {
      indicator: string;
      year: number;
      date?: string;
      change?: { kind: string; fromYear?: number; delta: number };
      comparison: ({ value?: number; method: string } | null)[];
      text: { de: { comparison: { name: string; text: string; note?: string }[]; change: string } };
    }[];
    series: { indicator: string; rows: { year: number; breakBefore?: { year: number } }[]; summary: { de: string } }[];
    unitBreaks: { year: number; kind: string }[];
  }
  let config: Config;
  let units: Map<string, string>;
  const pageOf = (id: string) => json<PageModel>(`build/units/${id}.json`);
  /** The declared breaks of an indicator's series in a unit, by the rules of docs/atlas-folder.md 4.4a. */
  const breaksOf = (indicator: string, unit: string): Break[] => {
    const ind = config.indicators.find((i) => i.id === indicator);
    const level = units.get(unit) ?? '';
    const applies = (b: Break) => (!b.levels || b.levels.includes(level)) && (!b.units || b.units.includes(unit));
    return [
      ...(ind?.breaks ?? []),
      ...(config.breaks ?? []).filter(
        (b) =>
          (!b.indicators || b.indicators.includes(indicator)) && (!b.sources || b.sources.includes(ind?.source ?? '')),
      ),
    ].filter(applies);
  };
  const spans = (indicator: string, unit: string, from: number, to: number) =>
    breaksOf(indicator, unit).filter((b) => b.year > from && b.year <= to);

  beforeAll(async () => {
    const { parse } = await import('yaml');
    config = parse(await readFile(join(ROOT, 'atlas.yml'), 'utf8')) as Config;
    const atlas = await json<{ units: { id: string; level: string }[] }>('public/data/atlas.json');
    units = new Map(atlas.units.map((u) => [u.id, u.level]));
  });

  it("shows beside Reuterkiez's Kinderarmut 2019 the published values of Reuterstraße and Neukölln, as in the files", async () => {
    const S4 = 's4_percentage_transfer_payments_recipients_below_15_years';
    const region = Number(cellOf(await rawCsv('data/berlin/mss/mss-2019-district-regions.csv'), '080103', S4));
    const district = Number(cellOf(await rawCsv(MSS_2019_BEZ), '08', S4));
    const own = Number(cellOf(await rawCsv(MSS_2019_PR), '08010301', S4));
    const de = (v: number) => `${v.toFixed(1).replace('.', ',')}\u202f%`;
    expect([de(own), de(region), de(district)]).toEqual([`32,7\u202f%`, `39,0\u202f%`, `43,2\u202f%`]);
    const page = await pageOf('08010301');
    const kf = page.keyFigures.find((k) => k.indicator === 'transferbezug_unter_15');
    expect(kf).toMatchObject({ year: 2019, date: '2018-12-31' });
    expect(kf?.comparison.slice(0, 2)).toEqual([
      expect.objectContaining({ value: region, method: 'published' }),
      expect.objectContaining({ value: district, method: 'published' }),
    ]);
    expect(kf?.text.de.comparison).toEqual([
      { name: 'Reuterstraße', text: de(region), note: 'veröffentlicht' },
      { name: 'Neukölln', text: de(district), note: 'veröffentlicht' },
      { name: 'Berlin', text: 'nicht veröffentlicht' },
    ]);
  });

  it("shows for Reuterkiez's unemployment the MSS's comparable change D1 (−1,14), never the difference −2,9", async () => {
    const pr2019 = await rawCsv(MSS_2019_PR);
    const pr2017 = await rawCsv('data/berlin/mss/mss-2017-planning-areas.csv');
    const d1 = Number(cellOf(pr2019, '08010301', 'd1_percentage_unemployed'));
    const difference =
      Number(cellOf(pr2019, '08010301', 's1_percentage_unemployed')) -
      Number(cellOf(pr2017, '08010301', 's1_percentage_unemployed'));
    expect(difference.toFixed(1)).toBe('-2.9');
    expect(d1.toFixed(2)).toBe('-1.14');
    const kf = (await pageOf('08010301')).keyFigures.find((k) => k.indicator === 'arbeitslosigkeit');
    expect(kf?.change).toMatchObject({ kind: 'source', delta: d1 });
    expect(kf?.text.de.change).toBe(
      '−1,14 Prozentpunkte vom 31.12.2016 bis 31.12.2018 (von der Quelle vergleichbar berechnet)',
    );
  });

  it('no unit page shows a change that spans a declared break: key figures and summary sentences', async () => {
    let differences = 0;
    let sentences = 0;
    let breaksSeen = 0;
    for (const id of units.keys()) {
      const page = await pageOf(id);
      for (const k of page.keyFigures) {
        if (k.change?.kind !== 'difference') continue;
        differences++;
        expect(spans(k.indicator, id, k.change.fromYear ?? 0, k.year), `${id} ${k.indicator}`).toEqual([]);
      }
      for (const s of page.series) {
        // "… 2019 (Stand 31.12.2018): …; 2017 (Stand 31.12.2016) waren es …": the two years compared.
        const m = /^.*? (\d{4})(?: \(Stand [^)]*\))?: .*?; (\d{4})(?: \(Stand [^)]*\))? waren es /.exec(s.summary.de);
        if (!m) continue;
        sentences++;
        expect(spans(s.indicator, id, Number(m[2]), Number(m[1])), `${id} ${s.indicator}: ${s.summary.de}`).toEqual([]);
        breaksSeen += breaksOf(s.indicator, id).length;
      }
    }
    // Not vacuous: thousands of changes and sentences were checked, in series that do have breaks.
    expect(differences).toBeGreaterThan(3000);
    expect(sentences).toBeGreaterThan(5000);
    expect(breaksSeen).toBeGreaterThan(1000);
  });

  it('marks the 2019 boundary change on the pages of 09041301 and its Bezirksregion, and in their population series', async () => {
    for (const id of ['09041301', '090413']) {
      const page = await pageOf(id);
      expect(page.unitBreaks, id).toEqual([expect.objectContaining({ year: 2019, kind: 'boundary' })]);
      const ew = page.series.find((s) => s.indicator === 'einwohner');
      expect(
        ew?.rows.filter((r) => r.breakBefore).map((r) => r.year),
        id,
      ).toEqual([2019]);
      // The MSS series of the unit (Stichtage up to 31.12.2018, all old boundaries) have no boundary break.
      expect(
        page.series.find((s) => s.indicator === 'transferbezug')?.rows.some((r) => r.breakBefore?.year === 2018),
      ).toBe(false);
    }
    expect((await pageOf('09041302')).unitBreaks).toEqual([]);
  });

  it('gives every download row its Stichtag: the unit CSVs and values.csv', async () => {
    const dates = new Map<string, string>([
      ['2013', '2012-12-31'],
      ['2015', '2014-12-31'],
      ['2017', '2016-12-31'],
      ['2019', '2018-12-31'],
      ['2021', '2020-12-31'],
    ]);
    // The MSS indicators and the indices the atlas recomputes from them (their results carry the inputs' Stichtag).
    const mss = new Set([
      ...config.indicators.filter((i) => i.source === 'mss').map((i) => i.id),
      ...(config.indices ?? []).flatMap((x) => [`${x.id}-wert`, `${x.id}-klasse`]),
    ]);
    const expected = (indicator: string, year: string) => (mss.has(indicator) ? dates.get(year) : `${year}-12-31`);
    let rows = 0;
    for (const id of units.keys()) {
      const text = (await readFile(join(cacheDir, `public/data/units/${id}.csv`), 'utf8')).replace(/^\uFEFF/, '');
      for (const r of Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data) {
        expect(r.date, `${id} ${r.indicator_id} ${r.year}`).toBe(expected(r.indicator_id ?? '', r.year ?? ''));
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(50_000);
    for (const v of values as (ValueRow & { date: string })[])
      expect(v.date, `${v.unit_id} ${v.indicator_id} ${v.year}`).toBe(expected(v.indicator_id, v.year));
  });

  it('lists every declared break on /daten/ (build/breaks.json)', async () => {
    const list = await json<{ de: { rows: { year: string }[] } }>('build/breaks.json');
    const declared = config.indicators.flatMap((i) => i.breaks ?? []).length + (config.breaks?.length ?? 0);
    // Nine per indicator and unit, plus the 2021 LOR re-cut (one break for all levels of the old scheme).
    expect(declared).toBe(10);
    // Plus the method breaks the indices stage adds to its results where an edition's inputs change (2019: no S2/D2).
    const site = await json<{ indicators: { id: string; breaks?: unknown[] }[] }>('build/site.json');
    const declaredIds = new Set(config.indicators.map((i) => i.id));
    const automatic = site.indicators.filter((i) => !declaredIds.has(i.id)).flatMap((i) => i.breaks ?? []).length;
    expect(automatic).toBeGreaterThan(0);
    expect(list.de.rows).toHaveLength(declared + automatic);
  });
});
