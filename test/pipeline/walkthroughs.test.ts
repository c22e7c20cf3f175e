/**
 * The walkthroughs in docs/ build as written: the files marked `<!-- beispiel: path -->` are written into a new
 * atlas folder made by `npm run new-atlas`'s templates (legal texts, notes), completed as each walkthrough says,
 * and run through the pipeline.
 * - "Vom Shapefile zum Atlas": the demo's districts as a shapefile in UTM 33 with a zone-prefixed easting and a
 *   Latin-1 .dbf build without a `crs` key, every district within 100 m of its GeoJSON position.
 * - "Tabellen ohne Kennungen": a made-up wide table without ids (merged unit, missing unit, district rows mixed
 *   in) builds without preprocessing, and every value equals the table.
 */
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { haversineMeters } from '../../src/lib/geo/distance.ts';
import { interiorPoint } from '../../src/lib/geo/measure.ts';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline } from '../../src/pipeline/build.ts';
import { readBerlinDistricts, writeBerlinShapefile } from '../helpers/berlinShapefile.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

/** A new atlas folder: the scaffold's legal texts and notes, plus the example files of one walkthrough. */
async function atlasFromWalkthrough(doc: string): Promise<{ dir: string; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'walkthrough-'));
  made.push(dir);
  await cp(join(ROOT, 'templates/new-atlas/content'), join(dir, 'content'), { recursive: true });
  await mkdir(join(dir, 'data'), { recursive: true });
  await copyFile(join(ROOT, 'templates/new-atlas/data/NOTES.md'), join(dir, 'data/NOTES.md'));
  const text = await readFile(join(ROOT, 'docs', doc), 'utf8');
  const files = [...text.matchAll(/<!-- beispiel: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map((m) => ({
    path: m[1] as string,
    text: `${m[2]}\n`,
  }));
  for (const f of files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.text);
  }
  return { dir, files: files.map((f) => f.path) };
}

async function values(cacheDir: string): Promise<Map<string, { value: string; status: string; method: string }>> {
  const text = (await readFile(join(cacheDir, 'public/data/values.csv'), 'utf8')).replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
  return new Map(
    rows.map((r) => [
      `${r.unit_id}|${r.indicator_id}|${r.year}`,
      { value: r.value ?? '', status: r.status ?? '', method: r.method ?? '' },
    ]),
  );
}

describe('docs/vom-shapefile-zum-atlas.md', () => {
  it('builds the Berlin districts from a zone-prefixed UTM shapefile with a Latin-1 .dbf, without crs', async () => {
    const { dir, files } = await atlasFromWalkthrough('vom-shapefile-zum-atlas.md');
    expect(files).toEqual(['atlas.yml']);
    expect(await readFile(join(dir, 'atlas.yml'), 'utf8')).not.toMatch(/^\s*crs:/m);
    await writeBerlinShapefile(join(dir, 'data/geo/bezirke'));
    const table = 'data/berlin/population/berlin-lor-population-2019-02-t1-districts.csv';
    await copyFile(join(ROOT, table), join(dir, 'data/einwohner-2019.csv'));
    // The .dbf is Latin-1 ("Neukölln" as one byte 0xF6) and there is no .cpg.
    const dbf = await readFile(join(dir, 'data/geo/bezirke.dbf'));
    expect(dbf.includes(Buffer.from('Neuk\u00f6lln', 'latin1'))).toBe(true);

    const cacheDir = join(dir, '.atlas');
    const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
    expect(r.log.problems, formatProblemLog(r.log)).toEqual([]);
    expect(r.pages).toBe(12);

    const site = JSON.parse(await readFile(join(cacheDir, 'build/site.json'), 'utf8')) as {
      units: { id: string; name: string; interiorPoint?: [number, number] }[];
    };
    const geojson = await readBerlinDistricts();
    expect(site.units.map((u) => u.name).sort()).toEqual(
      geojson.features.map((f) => (f.properties as { name: string }).name).sort(),
    );
    // Every district within 100 m of its GeoJSON position: same interior point, same outline (corner by corner).
    const topo = JSON.parse(await readFile(join(cacheDir, 'public/data/boundaries.topojson'), 'utf8'));
    expect(topo.type).toBe('Topology');
    const { readBoundaries } = await import('../../src/lib/geo/readBoundaries.ts');
    const { loadBoundaryFile } = await import('../../src/pipeline/stages/boundaries.ts');
    const { FileEffects } = await import('../../src/pipeline/effects.ts');
    const { ProblemLog } = await import('../../src/lib/problems.ts');
    const log = new ProblemLog();
    const source = { file: 'data/geo/bezirke.shp', idField: 'SCHLUESSEL', nameField: 'BEZ_NAME' };
    const loaded = await loadBoundaryFile(new FileEffects(dir, join(dir, 'tmp')), source, log);
    const fromShp = readBoundaries({ json: loaded?.json, prj: loaded?.prj, source, file: source.file }, log);
    expect(log.problems).toEqual([]);
    let worst = 0;
    for (const f of geojson.features) {
      const id = (f.properties as { id: string }).id;
      const shp = fromShp.find((s) => s.id === id);
      expect(shp, id).toBeDefined();
      worst = Math.max(worst, haversineMeters(interiorPoint(f.geometry), interiorPoint(shp!.geometry)));
      const a = f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
      const b = shp!.geometry.type === 'Polygon' ? shp!.geometry.coordinates.flat() : shp!.geometry.coordinates.flat(2);
      expect(b.length).toBe(a.length);
      // The ring order may differ (outer rings clockwise in the shapefile): each vertex is compared with the
      // nearest vertex of the same unit, found in a grid of about 100 m cells.
      const cell = (x: number) => Math.round(x * 1000);
      const grid = new Map<string, number[][]>();
      for (const q of b) {
        const key = `${cell(q[0]!)}|${cell(q[1]!)}`;
        grid.set(key, [...(grid.get(key) ?? []), q]);
      }
      for (const p of a) {
        let d = Infinity;
        for (let i = -1; i <= 1; i++)
          for (let j = -1; j <= 1; j++)
            for (const q of grid.get(`${cell(p[0]!) + i}|${cell(p[1]!) + j}`) ?? [])
              d = Math.min(d, haversineMeters([p[0]!, p[1]!], [q[0]!, q[1]!]));
        worst = Math.max(worst, d);
      }
    }
    expect(worst).toBeLessThan(100);

    // The values equal the source table.
    const v = await values(cacheDir);
    const source2019 = Papa.parse<Record<string, string>>((await readFile(join(ROOT, table), 'utf8')).trim(), {
      header: true,
    }).data;
    for (const row of source2019)
      expect(v.get(`${row.id}|einwohner|2019`)?.value).toBe(String(Number(row.inhabitants)));
  }, 300_000);

  it('without the .prj the build fails with one error naming the zone-prefixed easting and EPSG:5650', async () => {
    const { dir } = await atlasFromWalkthrough('vom-shapefile-zum-atlas.md');
    await writeBerlinShapefile(join(dir, 'data/geo/bezirke'));
    await rm(join(dir, 'data/geo/bezirke.prj'));
    await copyFile(
      join(ROOT, 'data/berlin/population/berlin-lor-population-2019-02-t1-districts.csv'),
      join(dir, 'data/einwohner-2019.csv'),
    );
    const r = await runPipeline({ atlasDir: dir, cacheDir: join(dir, '.atlas'), validateOnly: true, log: () => {} });
    expect(r.log.errors, formatProblemLog(r.log)).toHaveLength(1);
    expect(r.log.errors[0]?.hint).toContain('Zonenziffer 33');
    expect(r.log.errors[0]?.hint).toContain('crs: EPSG:5650');
  }, 300_000);
});

describe('docs/tabellen-ohne-kennungen.md', () => {
  it('builds a wide table without ids (merged, missing and district rows), values equal to the table', async () => {
    const { dir, files } = await atlasFromWalkthrough('tabellen-ohne-kennungen.md');
    expect(files.sort()).toEqual([
      'atlas.yml',
      'data/bevoelkerung-2023.csv',
      'data/geo/stadtbezirke.geojson',
      'data/geo/stadtteile.geojson',
    ]);
    const cacheDir = join(dir, '.atlas');
    const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
    expect(r.log.problems, formatProblemLog(r.log)).toEqual([]);
    // 2 districts + 6 quarters (Altstadt and Neustadt merged into one).
    expect(r.pages).toBe(8);
    const v = await values(cacheDir);
    const get = (unit: string, ind: string) => v.get(`${unit}|${ind}|2023`);
    // Row by row, as the table says (the key: the unit the row names after normalising, merging and routing).
    const expected: [string, string, string | undefined, string][] = [
      ['11-12', 'einwohner', '5210', 'value'],
      ['11-12', 'arbeitslose', '312', 'value'],
      ['13', 'einwohner', '2480', 'value'],
      ['13', 'arbeitslose', '', 'suppressed'],
      ['14', 'einwohner', '3905', 'value'],
      ['14', 'arbeitslose', '187', 'value'],
      ['1', 'einwohner', '11595', 'value'],
      ['1', 'arbeitslose', '', 'missing'],
      ['21', 'einwohner', '4120', 'value'],
      ['21', 'arbeitslose', '201', 'value'],
      ['23', 'einwohner', '1870', 'value'],
      ['23', 'arbeitslose', '95', 'value'],
      ['2', 'einwohner', '7302', 'value'],
      ['2', 'arbeitslose', '421', 'value'],
    ];
    for (const [unit, ind, value, status] of expected) {
      expect({ unit, ind, ...get(unit, ind) }).toMatchObject({ unit, ind, value, status, method: 'published' });
    }
    // The missing unit has no value; the parts of the merged unit are no units of their own.
    expect(get('22', 'einwohner')).toBeUndefined();
    expect(get('11', 'einwohner')).toBeUndefined();
    expect(get('12', 'einwohner')).toBeUndefined();
    // The city is computed from the published district rows (the excluded total says 18 897).
    expect(get('*', 'einwohner')).toMatchObject({ value: '18897', status: 'value', method: 'sum' });
    const units = JSON.parse(await readFile(join(cacheDir, 'public/data/atlas.json'), 'utf8')).units as {
      id: string;
      name: string;
      parent?: string;
    }[];
    expect(units.find((u) => u.id === '11-12')).toMatchObject({ name: 'Altstadt und Neustadt', parent: '1' });
  }, 300_000);
});
