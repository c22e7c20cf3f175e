/**
 * The whole data pipeline (`runPipeline`, real files) on the fictional test atlas "Musterstadt"
 * (test/fixtures/atlas-mini): what it publishes, checked against figures read from the fixture files
 * independently of the pipeline's readers (own tiny parsers below, and geometry compared in metres).
 */
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const LONG_CSV = 'data/bevoelkerung-arbeitsmarkt.csv';
const WIDE_CSV = 'data/sozialindex-2023.csv';

// ---------------------------------------------------------------- fixture figures, read independently

/** "12.480" → 12480, "7,85" → 7.85 (German format); markers stay text. */
function germanNumber(s: string): number | string {
  return /^-?\d[\d.]*(,\d+)?$/.test(s) ? Number(s.replace(/\./g, '').replace(',', '.')) : s;
}

interface LongRow {
  line: number;
  id: string;
  name: string;
  year: number;
  code: string;
  raw: string;
  value: number | string;
}

/** The long CSV split by hand: BOM, CRLF, ";" (no quoting in this file). */
async function readLongCsv(): Promise<{ bom: boolean; rows: LongRow[] }> {
  const bytes = await readFile(join(MINI, LONG_CSV));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const lines = bytes
    .subarray(bom ? 3 : 0)
    .toString('utf8')
    .split('\r\n');
  const rows = lines.slice(1).flatMap((l, i): LongRow[] => {
    if (l === '') return [];
    const [id = '', name = '', year = '', code = '', raw = ''] = l.split(';');
    return [{ line: i + 2, id, name, year: Number(year), code, raw, value: germanNumber(raw) }];
  });
  return { bom, rows };
}

function fig(rows: LongRow[], id: string, code: string, year: number): number | string {
  const r = rows.find((x) => x.id === id && x.code === code && x.year === year);
  if (!r) throw new Error(`fixture has no ${id} ${code} ${year}`);
  return r.value;
}

function num(v: number | string): number {
  if (typeof v !== 'number') throw new Error(`expected a number in the fixture, got "${v}"`);
  return v;
}

type Ring = number[][];
interface GeoFile {
  crs?: unknown;
  features: { properties: { id: string; name: string }; geometry: { coordinates: Ring[] } }[];
}

/** Planar bounding box of a ring in metres. */
function box(ring: Ring): [number, number, number, number] {
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

// ---------------------------------------------------------------- the run

let tmp = '';
let cacheDir = '';
let result: PipelineResult;
const out = (p: string) => join(cacheDir, p);
const json = async <T>(p: string): Promise<T> => JSON.parse(await readFile(out(p), 'utf8')) as T;

interface ValueRow {
  unit_id: string;
  indicator_id: string;
  year: string;
  value: string;
  status: string;
  method: string;
}
let values: ValueRow[] = [];
function value(unit: string, indicator: string, year: number): ValueRow {
  const v = values.find((r) => r.unit_id === unit && r.indicator_id === indicator && r.year === String(year));
  if (!v) throw new Error(`values.csv has no ${unit} ${indicator} ${year}`);
  return v;
}

let fixture: Awaited<ReturnType<typeof readLongCsv>>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'atlas-mini-build-'));
  cacheDir = join(tmp, 'cache');
  result = await runPipeline({ atlasDir: MINI, cacheDir, log: () => {} });
  fixture = await readLongCsv();
  if (!result.log.hasErrors) {
    const text = (await readFile(out('public/data/values.csv'), 'utf8')).replace(/^\uFEFF/, '');
    values = Papa.parse<ValueRow>(text, { header: true, skipEmptyLines: true }).data;
  }
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('runPipeline on atlas-mini (Musterstadt)', () => {
  it('runs without errors or warnings and writes one page per unit', () => {
    expect(result.log.problems, formatProblemLog(result.log)).toEqual([]);
    expect(result.pages).toBe(11);
  });

  it('the fixture is what it claims: BOM, windows-1252 bytes, EPSG:25832 metres, both windings', async () => {
    expect(fixture.bom).toBe(true);
    const wide = await readFile(join(MINI, WIDE_CSV));
    expect(wide.includes(Buffer.from([0x53, 0xfc, 0x64]))).toBe(true); // "Süd" as Windows-1252
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(wide)).toThrow();
    const teile = JSON.parse(await readFile(join(MINI, 'data/geo/stadtteile.geojson'), 'utf8')) as GeoFile;
    expect(JSON.stringify(teile.crs)).toContain('EPSG::25832');
    const shoelace = (r: Ring) =>
      r
        .slice(0, -1)
        .reduce(
          (s, p, i) =>
            s +
            (p[0] as number) * ((r[i + 1] as number[])[1] as number) -
            ((r[i + 1] as number[])[0] as number) * (p[1] as number),
          0,
        ) / 2;
    for (const f of teile.features) expect(shoelace(f.geometry.coordinates[0] as Ring)).toBeGreaterThan(0); // RFC 7946: counter-clockwise
    const topo = JSON.parse(await readFile(join(MINI, 'data/geo/stadtbezirke.topojson'), 'utf8')) as Topology;
    expect(topo).not.toHaveProperty('crs');
    const bezirke = feature(topo, topo.objects.stadtbezirke as never) as unknown as GeoFile;
    for (const f of bezirke.features) expect(shoelace(f.geometry.coordinates[0] as Ring)).toBeLessThan(0); // clockwise
  });

  it('has 3 Stadtbezirke and 8 Stadtteile, each in atlas.json with its url and downloads', async () => {
    const atlas = await json<{
      levels: { id: string; count: number }[];
      units: { id: string; level: string; url: string; data: { csv: string; json: string } }[];
    }>('public/data/atlas.json');
    expect(atlas.levels.map((l) => [l.id, l.count])).toEqual([
      ['stadtbezirk', 3],
      ['stadtteil', 8],
    ]);
    expect(atlas.units.filter((u) => u.level === 'stadtbezirk').map((u) => u.id)).toEqual(['1', '2', '3']);
    expect(
      atlas.units
        .filter((u) => u.level === 'stadtteil')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['05', '11', '12', '17', '23', '31', '34', '40']);
    for (const u of atlas.units) {
      expect(u.url).toBe(`/${u.level}/${u.id}/`);
      expect(u.data.csv).toBe(`/data/units/${u.id}.csv`);
      const csv = await readFile(out(`public${u.data.csv}`), 'utf8');
      expect(csv.startsWith('\uFEFFunit_id,unit_name,level,indicator_id,')).toBe(true);
      const rows = Papa.parse<{ unit_id: string }>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.unit_id === u.id)).toBe(true);
      await expect(stat(out(`public${u.data.json}`))).resolves.toBeTruthy();
      await expect(stat(out(`build/units/${u.id}.json`))).resolves.toBeTruthy();
    }
  });

  it('lists the editorial page "Über den Atlas" in atlas.json in both languages, so the browser gate covers it', async () => {
    const atlas = await json<{ pages: { type: string; url: string; lang: string }[] }>('public/data/atlas.json');
    expect(atlas.pages.filter((p) => p.type === 'about')).toEqual([
      { type: 'about', url: '/ueber/', lang: 'de' },
      { type: 'about', url: '/en/ueber/', lang: 'en' },
    ]);
  });

  it('assigns each Stadtteil to the Stadtbezirk that contains it (by position, no id rule)', async () => {
    // Expected parents from the raw files, in metres: the Stadtbezirk box containing the Stadtteil's centre.
    const teile = JSON.parse(await readFile(join(MINI, 'data/geo/stadtteile.geojson'), 'utf8')) as GeoFile;
    const topo = JSON.parse(await readFile(join(MINI, 'data/geo/stadtbezirke.topojson'), 'utf8')) as Topology;
    const bezirke = (feature(topo, topo.objects.stadtbezirke as never) as unknown as GeoFile).features.map((f) => ({
      id: f.properties.id,
      box: box(f.geometry.coordinates[0] as Ring),
    }));
    const expected: Record<string, string> = {};
    for (const t of teile.features) {
      const [w, s, e, n] = box(t.geometry.coordinates[0] as Ring);
      const [cx, cy] = [(w + e) / 2, (s + n) / 2];
      const hits = bezirke.filter((b) => cx > b.box[0] && cx < b.box[2] && cy > b.box[1] && cy < b.box[3]);
      expect(hits).toHaveLength(1);
      expected[t.properties.id] = (hits[0] as { id: string }).id;
    }
    expect(expected).toEqual({
      '05': '1',
      '11': '1',
      '17': '1',
      '12': '2',
      '23': '2',
      '31': '2',
      '34': '3',
      '40': '3',
    });
    const site = await json<{ units: { id: string; level: string; parent?: string }[] }>('build/site.json');
    const parents = Object.fromEntries(site.units.filter((u) => u.level === 'stadtteil').map((u) => [u.id, u.parent]));
    expect(parents).toEqual(expected);
    expect(site.units.filter((u) => u.level === 'stadtbezirk').every((u) => u.parent === undefined)).toBe(true);
  });

  it('reprojects EPSG:25832 correctly: units lie near 7.0° E 51.4° N with their true areas', async () => {
    const page = await json<{ unit: { areaKm2: number } }>('build/units/05.json'); // 2 km × 2 km
    expect(page.unit.areaKm2).toBeCloseTo(4, 1);
    const hafen = await json<{ unit: { areaKm2: number } }>('build/units/40.json'); // 3 km × 1.5 km
    expect(hafen.unit.areaKm2).toBeCloseTo(4.5, 1);
    const nord = await json<{ unit: { areaKm2: number } }>('build/units/1.json'); // 6 km × 2 km (TopoJSON)
    expect(nord.unit.areaKm2).toBeCloseTo(12, 1);
    const topo = await json<Topology>('public/data/boundaries.topojson');
    expect(Object.keys(topo.objects).sort()).toEqual(['stadtbezirk', 'stadtteil']);
    const all = (feature(topo, topo.objects.stadtteil as never) as unknown as GeoFile).features.flatMap((f) =>
      f.geometry.coordinates.flat(),
    );
    const [w, s, e, n] = box(all);
    expect(w).toBeGreaterThan(6.97);
    expect(e).toBeLessThan(7.07);
    expect(s).toBeGreaterThan(51.37);
    expect(n).toBeLessThan(51.43);
  });

  it('reads the long, semicolon, decimal-comma file with BOM: values, thousands separators, years', () => {
    expect(fixture.rows.find((r) => r.id === '05' && r.code === 'MIETE' && r.year === 2022)?.raw).toBe('7,85');
    expect(value('05', 'miete', 2022)).toMatchObject({ value: '7.85', status: 'value', method: 'published' });
    expect(fixture.rows.find((r) => r.id === '11' && r.code === 'EW' && r.year === 2022)?.raw).toBe('12.480');
    expect(value('11', 'einwohner', 2022)).toMatchObject({ value: '12480', status: 'value' });
    // Every numeric cell of the file is published unchanged.
    const codes: Record<string, string> = {
      EW: 'einwohner',
      EW1565: 'einwohner_15_65',
      ALO: 'arbeitslose',
      MIETE: 'miete',
    };
    const numeric = fixture.rows.filter((r) => typeof r.value === 'number' && r.code in codes);
    expect(numeric.length).toBeGreaterThan(50);
    for (const r of numeric) expect(Number(value(r.id, codes[r.code] as string, r.year).value)).toBe(r.value);
    // The ignored code HH is not read as an indicator.
    expect(values.some((v) => v.indicator_id.toLowerCase() === 'hh')).toBe(false);
  });

  it('reads "-" as declared (missing), never as a number', () => {
    expect(fig(fixture.rows, '12', 'MIETE', 2023)).toBe('-');
    expect(value('12', 'miete', 2023)).toMatchObject({ value: '', status: 'missing' });
    expect(value('40', 'miete', 2022)).toMatchObject({ value: '', status: 'missing' });
    // A value indicator is not aggregated: no Stadtbezirk or city value.
    expect(values.some((v) => v.indicator_id === 'miete' && ['1', '2', '3', '*'].includes(v.unit_id))).toBe(false);
  });

  it('reads the windows-1252 file: names with umlauts, class codes, decimal comma, exclude and assume', async () => {
    // The pipeline compares the table's names with the boundary names and warns on a difference: no warning
    // means "Südstadt", "Große Heide", "Mühlenberg" were decoded correctly (a wrong decoding would read "SÃ¼dstadt"
    // or "S�dstadt"). The rename check below shows the comparison really happens.
    expect(result.log.warnings).toEqual([]);
    expect(value('34', 'sozialindex', 2023)).toMatchObject({ value: '3', status: 'value' }); // "C"
    expect(value('12', 'sozialindex', 2023)).toMatchObject({ value: '4', status: 'value' }); // "D"
    expect(value('34', 'sgb2_quote', 2023)).toMatchObject({ value: '13.1', status: 'value' });
    expect(value('40', 'sozialindex', 2023)).toMatchObject({ value: '', status: 'notApplicable' });
    expect(value('40', 'sgb2_quote', 2023)).toMatchObject({ value: '', status: 'notApplicable' });
    const report = await json<{
      excluded: { file: string; line: number; id: string; reason: string }[];
      assumed: { file: string; id: string; status: string; cells: number }[];
    }>('build/report.json');
    expect(report.excluded).toEqual([expect.objectContaining({ file: WIDE_CSV, line: 2, id: '0' })]);
    expect(report.assumed).toEqual([
      expect.objectContaining({ file: WIDE_CSV, id: '40', status: 'notApplicable', cells: 2 }),
    ]);
  });

  it('reports the name from the windows-1252 file as "Südstadt" when the boundary name differs', async () => {
    const copy = join(tmp, 'renamed');
    await cp(MINI, copy, { recursive: true });
    const file = join(copy, 'data/geo/stadtteile.geojson');
    const geo = JSON.parse(await readFile(file, 'utf8')) as GeoFile;
    const f = geo.features.find((x) => x.properties.id === '34');
    if (!f) throw new Error('no 34');
    f.properties.name = 'Suedstadt';
    await writeFile(file, JSON.stringify(geo));
    const r = await runPipeline({ atlasDir: copy, cacheDir: join(tmp, 'renamed-cache'), log: () => {} });
    expect(r.log.errors).toEqual([]);
    // One warning per table that names the unit: the UTF-8 long file and the Windows-1252 file read the same name.
    const renamed = (file: string, field: string) =>
      expect.objectContaining({
        file,
        location: 'id 34',
        field,
        message: 'Name "Südstadt" weicht vom Namen in der Grenzdatei ab ("Suedstadt").',
      });
    expect(r.log.warnings).toEqual([renamed(LONG_CSV, 'Name'), renamed(WIDE_CSV, 'Stadtteil')]);
  });

  it('keeps a suppressed cell suppressed (never 0) and makes the sums above it suppressed', async () => {
    expect(fig(fixture.rows, '17', 'ALO', 2023)).toBe('.');
    expect(value('17', 'arbeitslose', 2023)).toEqual(
      expect.objectContaining({ value: '', status: 'suppressed', method: 'published' }),
    );
    // Its Stadtbezirk Nord and the city: suppressed sums, no partial sum.
    expect(value('1', 'arbeitslose', 2023)).toMatchObject({ value: '', status: 'suppressed', method: 'sum' });
    expect(value('*', 'arbeitslose', 2023)).toMatchObject({ value: '', status: 'suppressed', method: 'sum' });
    // And every rate built on it.
    expect(value('17', 'arbeitslosenquote', 2023)).toMatchObject({ value: '', status: 'suppressed' });
    expect(value('1', 'arbeitslosenquote', 2023)).toMatchObject({ value: '', status: 'suppressed' });
    // Süd: Hafen suppressed in both years.
    expect(value('3', 'arbeitslose', 2022)).toMatchObject({ value: '', status: 'suppressed' });
    // The per-unit download says so too, with an empty value rather than 0.
    const csv = (await readFile(out('public/data/units/17.csv'), 'utf8')).slice(1);
    const row = Papa.parse<Record<string, string>>(csv, { header: true }).data.find(
      (r) => r.indicator_id === 'arbeitslose' && r.year === '2023',
    );
    expect(row).toMatchObject({ value: '', status: 'suppressed' });
    // The other counts of Nord are still summed.
    const sum = ['05', '11', '17'].reduce((s, id) => s + num(fig(fixture.rows, id, 'EW', 2023)), 0);
    expect(value('1', 'einwohner', 2023)).toMatchObject({ value: String(sum), status: 'value', method: 'sum' });
  });

  it('computes the rate of a Stadtbezirk as Σ numerators / Σ denominators, not as a mean of rates', () => {
    const kids: Record<string, string[]> = { '1': ['05', '11', '17'], '2': ['23', '12', '31'] };
    const cases: [string, number][] = [
      ['2', 2022],
      ['2', 2023],
      ['1', 2022],
    ];
    for (const [bezirk, year] of cases) {
      const ids = kids[bezirk] as string[];
      const alo = ids.reduce((s, id) => s + num(fig(fixture.rows, id, 'ALO', year)), 0);
      const den = ids.reduce((s, id) => s + num(fig(fixture.rows, id, 'EW1565', year)), 0);
      const expected = (alo / den) * 100;
      const v = value(bezirk, 'arbeitslosenquote', year);
      expect(v).toMatchObject({ status: 'value', method: 'ratio' });
      expect(Number(v.value)).toBeCloseTo(expected, 10);
      expect(value(bezirk, 'arbeitslose', year)).toMatchObject({ value: String(alo), method: 'sum' });
      expect(value(bezirk, 'einwohner_15_65', year)).toMatchObject({ value: String(den), method: 'sum' });
      const mean =
        (ids.reduce(
          (s, id) => s + num(fig(fixture.rows, id, 'ALO', year)) / num(fig(fixture.rows, id, 'EW1565', year)),
          0,
        ) /
          ids.length) *
        100;
      expect(Math.abs(Number(v.value) - mean)).toBeGreaterThan(0.01);
    }
    // The rate of a Stadtteil from its own counts.
    expect(Number(value('05', 'arbeitslosenquote', 2022).value)).toBeCloseTo((312 / 5390) * 100, 10);
  });

  it('ranks each Stadtteil within its level in the year of its key figure (rank 1 = highest)', async () => {
    const ids = ['05', '11', '12', '17', '23', '31', '34', '40'];
    const rate = (id: string, year: number): number | undefined => {
      const a = fig(fixture.rows, id, 'ALO', year);
      const d = fig(fixture.rows, id, 'EW1565', year);
      return typeof a === 'number' && typeof d === 'number' ? (a / d) * 100 : undefined;
    };
    const ew = (id: string, year: number): number | undefined => {
      const v = fig(fixture.rows, id, 'EW', year);
      return typeof v === 'number' ? v : undefined;
    };
    for (const [indicator, f] of [
      ['einwohner', ew],
      ['arbeitslosenquote', rate],
    ] as const) {
      for (const id of ids) {
        const page = await json<{
          keyFigures: { indicator: string; year: number; status: string; rank?: number; rankOf?: number }[];
        }>(`build/units/${id}.json`);
        const kf = page.keyFigures.find((k) => k.indicator === indicator);
        if (!kf) throw new Error(`no key figure ${indicator} for ${id}`);
        // Latest year with a number; none → latest year, no rank.
        const year = [2023, 2022].find((y) => f(id, y) !== undefined);
        if (year === undefined) {
          expect(kf).toMatchObject({ year: 2023, status: 'suppressed' });
          expect(kf.rank).toBeUndefined();
          continue;
        }
        const own = f(id, year) as number;
        const others = ids.map((x) => f(x, year)).filter((v): v is number => v !== undefined);
        expect(kf, `${indicator} ${id}`).toMatchObject({
          year,
          rank: 1 + others.filter((v) => v > own).length,
          rankOf: others.length,
        });
      }
    }
    // Spelled out for two cases: Am Kanal has the most inhabitants; Große Heide's 2023 rate is suppressed, so
    // its key figure is 2022, ranked among the 7 Stadtteile with a 2022 rate (Hafen is suppressed in both years).
    const kanal = await json<{ keyFigures: { indicator: string; rank?: number }[] }>('build/units/11.json');
    expect(kanal.keyFigures.find((k) => k.indicator === 'einwohner')?.rank).toBe(1);
    const heide = await json<{ keyFigures: { indicator: string; year: number; rank?: number; rankOf?: number }[] }>(
      'build/units/17.json',
    );
    expect(heide.keyFigures.find((k) => k.indicator === 'arbeitslosenquote')).toMatchObject({
      year: 2022,
      rank: 7,
      rankOf: 7,
    });
    // Classes are not ranked.
    const sued = await json<{ keyFigures: { indicator: string; rank?: number }[] }>('build/units/34.json');
    expect(sued.keyFigures.find((k) => k.indicator === 'sozialindex')?.rank).toBeUndefined();
  });

  it('compares the published Stadtbezirk totals (role: check) and reports the one that differs', async () => {
    const report = await json<{
      checks: {
        indicator: string;
        year: number;
        compared: number;
        differing: number;
        maxAbsDiff: number;
        examples: {
          unit: string;
          published: number;
          computed: number;
          diff: number;
          origin: { file: string; line: number };
        }[];
      }[];
    }>('build/report.json');
    const sued = ['34', '40'].reduce((s, id) => s + num(fig(fixture.rows, id, 'EW', 2023)), 0);
    expect(sued).toBe(11471);
    expect(report.checks).toEqual([
      expect.objectContaining({ indicator: 'einwohner', year: 2023, compared: 3, differing: 1, maxAbsDiff: 9 }),
    ]);
    expect(report.checks[0]?.examples[0]).toMatchObject({
      unit: '3',
      published: 11480,
      computed: sued,
      diff: -9,
      origin: { file: 'data/stadtbezirke-einwohner-2023.csv', line: 4 },
    });
    // Check tables never feed the atlas: the Stadtbezirk value is the sum.
    expect(value('3', 'einwohner', 2023)).toMatchObject({ value: String(sued), method: 'sum' });
  });

  it('shows the headline rate on the home map for the finest level in its latest year', async () => {
    const home = await json<{
      indicator: string;
      level: string;
      year: number;
      table: { rows: { id: string; value: string }[] };
    }>('build/indicators/de/home.json');
    const site = await json<{ texts: Record<string, { de: string; en?: string }> }>('build/site.json');
    expect(home).toMatchObject({ indicator: 'arbeitslosenquote', level: 'stadtteil', year: 2023 });
    expect(
      home.table.rows
        .filter((r) => r.value === 'geheim gehalten (von der Quelle)')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['17', '40']);
    // Legal pages and data notes, the English imprint beside the German one.
    expect(Object.keys(site.texts).sort()).toEqual([
      'barrierefreiheit',
      'datenschutz',
      'impressum',
      'leichteSprache',
      'notes',
    ]);
    expect(site.texts.impressum?.en).toContain('fictional');
    expect(site.texts.datenschutz?.en).toBeUndefined();
  });

  it('writes only below the cache folder and leaves no staging folder', async () => {
    expect((await readdir(cacheDir)).sort()).toEqual(['build', 'public']);
    expect((await readdir(tmp)).includes('cache.staging')).toBe(false);
  });
});
