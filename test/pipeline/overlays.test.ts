/**
 * Area overlays on the fictional test atlas "Musterstadt" (test/fixtures/atlas-mini, made-up flood areas
 * `data/geo/hochwasser-hq100.geojson`, see its README): which facilities lie in which area (a point in two
 * overlapping areas is in both), most vulnerable first; which units each area touches, with shares checked against
 * the rectangle arithmetic of the fixture; the artifacts and downloads; and broken copies of the layer (bad CRS,
 * missing field, a feature without id, duplicate id, a bad date), each reported with file, feature and field while
 * nothing is written.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaIndexData, AreaLayerData, AreaLinks, AreaPageData } from '../../src/lib/areas/areaModel.ts';
import { formatProblemLog, type Problem } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const LAYER = 'data/geo/hochwasser-hq100.geojson';
const CONFIG = 'atlas.yml';

let root = '';
let n = 0;
let cacheDir = '';
let result: PipelineResult;
const json = async <T>(p: string): Promise<T> => JSON.parse(await readFile(join(cacheDir, p), 'utf8')) as T;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-mini-overlays-'));
  cacheDir = join(root, 'cache');
  result = await runPipeline({ atlasDir: MINI, cacheDir, log: () => {} });
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('overlays on atlas-mini', () => {
  it('runs without problems', () => {
    expect(result.log.problems, formatProblemLog(result.log)).toEqual([]);
  });

  it('lists the facilities inside each area, most vulnerable first; a point in two overlapping areas is in both', async () => {
    const ids = async (area: string) =>
      (await json<AreaPageData>(`build/areas/hochwasser/areas/${area}.json`)).facilities.map((f) => f.id);
    expect(await ids('HQ-01')).toEqual(['pflegeheim-am-kanal']);
    // Tagespflege (pflege, vulnerability 3) before the Kita (2), whatever the names.
    expect(await ids('HQ-02')).toEqual(['pflege-suedstadt', 'kita-hafenkinder']);
    expect(await ids('HQ-03')).toEqual(['kita-hafenkinder']);
  });

  it('numbers the facilities 1, 2, … in the order listed, and writes the same number beside each marker on the map', async () => {
    const page = await json<AreaPageData>('build/areas/hochwasser/areas/HQ-02.json');
    expect(page.facilities.map((f) => [f.no, f.id])).toEqual([
      [1, 'pflege-suedstadt'],
      [2, 'kita-hafenkinder'],
    ]);
    const labels = [...(page.map?.body ?? '').matchAll(/<text [^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(labels.sort()).toEqual([1, 2]);
    // Both are vulnerable (squares); markers are drawn least vulnerable first, so the Tagespflege (3) is the last
    // square. Its number 1 sits 6 units right of the square's centre and 5 above it (the square's top edge).
    const squares = [...(page.map?.body ?? '').matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="10"/g)];
    const one = /<text x="([\d.]+)" y="([\d.]+)">1<\/text>/.exec(page.map?.body ?? '');
    expect(squares).toHaveLength(2);
    expect(Number(one?.[1])).toBeCloseTo(Number(squares[1]?.[1]) + 5 + 6, 6);
    expect(Number(one?.[2])).toBeCloseTo(Number(squares[1]?.[2]), 6);
  });

  it('gives the units each area touches with shares from the fixture geometry (hole left out)', async () => {
    const page = await json<AreaPageData>('build/areas/hochwasser/areas/HQ-01.json');
    // HQ-01: x 2500–4800, y 3600–4400 minus a 200 m × 200 m hole at x 3500–3700 (inside Stadtteil 11, x 2000–4000).
    const area = 2300 * 800 - 200 * 200;
    const in11 = 1500 * 800 - 200 * 200;
    const in17 = 800 * 800;
    const byId = new Map(page.units.map((u) => [u.id, u]));
    expect(page.units.map((u) => u.id)).toEqual(['1', '11', '17']);
    expect(byId.get('11')?.shareOfArea).toBeCloseTo(in11 / area, 2);
    expect(byId.get('17')?.shareOfArea).toBeCloseTo(in17 / area, 2);
    expect(byId.get('11')?.shareOfUnit).toBeCloseTo(in11 / (2000 * 2000), 2);
    // Stadtbezirk 1 Nord (6000 × 2000) holds the whole area.
    expect(byId.get('1')?.shareOfArea).toBeCloseTo(1, 3);
    expect(byId.get('1')?.shareOfUnit).toBeCloseTo(area / (6000 * 2000), 2);
    expect(page.hectares).toBeCloseTo(area / 10_000, -1);
    expect(page.fields).toEqual({ festgesetzt: '2021-03-15', flaeche_ha: 180 });
  });

  it('writes the layer list, the index with counts, links for facility and unit pages', async () => {
    const index = await json<AreaIndexData>('build/areas/index.json');
    expect(index.layers.map((l) => [l.layer.id, l.areas, l.facilities])).toEqual([['hochwasser', 3, 3]]);
    const layer = await json<AreaLayerData>('build/areas/hochwasser/index.json');
    expect(layer.areas.map((a) => [a.id, a.facilities, a.vulnerable])).toEqual([
      ['HQ-01', 1, 1],
      ['HQ-02', 2, 2],
      ['HQ-03', 1, 1],
    ]);
    expect(layer.map?.body).toMatch(/^<path d="M/);
    const links = await json<AreaLinks>('build/areas/links.json');
    expect(links.byFacility['kita-hafenkinder']?.map((l) => l.id)).toEqual(['HQ-02', 'HQ-03']);
    expect(links.byUnit['40']?.map((l) => l.id)).toEqual(['HQ-02', 'HQ-03']);
  });

  it('lists every area page in atlas.json with its type and downloads', async () => {
    const atlas = await json<{
      pages: { type: string; url: string; lang: string }[];
      overlays: { id: string; areas: { id: string; downloads: { csv: string } }[] }[];
    }>('public/data/atlas.json');
    const areaPages = atlas.pages.filter((p) => p.type.startsWith('area'));
    expect(areaPages.filter((p) => p.lang === 'de').map((p) => `${p.type} ${p.url}`)).toEqual([
      'area-index /gebiete/',
      'area-layer /gebiete/hochwasser/',
      'area /gebiete/hochwasser/HQ-01/',
      'area /gebiete/hochwasser/HQ-02/',
      'area /gebiete/hochwasser/HQ-03/',
    ]);
    expect(areaPages.filter((p) => p.lang === 'en').map((p) => p.url)).toContain('/en/gebiete/hochwasser/HQ-02/');
    expect(atlas.overlays[0]?.areas[1]?.downloads.csv).toBe('/data/gebiete/hochwasser/HQ-02.csv');
  });

  it('writes CSV in the one dialect (BOM, comma, decimal point, CRLF) and GeoJSON with the polygon and the facilities with their licences', async () => {
    const csv = await readFile(join(cacheDir, 'public/data/gebiete/hochwasser/HQ-02.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFarea_layer,area_id,area_name,no,vulnerability,id,name,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('hochwasser,HQ-02,Hafenbecken,1,3,pflege-suedstadt,');
    expect(lines[2]).toContain('hochwasser,HQ-02,Hafenbecken,2,2,kita-hafenkinder,');
    expect(lines[1]).toContain(',51.387107,7.001178,');
    const geo = await json<{
      licence: string;
      features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[];
    }>('public/data/gebiete/hochwasser/HQ-01.geojson');
    expect(geo.features.map((f) => [f.properties.kind, f.id, f.geometry.type])).toEqual([
      ['area', 'HQ-01', 'Polygon'],
      ['facility', 'pflegeheim-am-kanal', 'Point'],
    ]);
    // The Pflegeheim has a (made-up) OpenStreetMap source: the file says it is under the ODbL.
    expect(geo.licence).toContain('ODbL');
    expect(geo.features[1]?.properties.sources).toEqual([expect.objectContaining({ licence: 'ODbL 1.0' })]);
    const layer = await readFile(join(cacheDir, 'public/data/gebiete/hochwasser.csv'), 'utf8');
    expect(layer.trimEnd().split('\r\n')).toHaveLength(1 + 4);
  });
});

/** A fresh copy of atlas-mini with a cache folder holding a previous build's sentinel. */
async function copyAtlas(): Promise<{ dir: string; cache: string }> {
  const base = join(root, String(++n));
  const dir = join(base, 'atlas');
  const cache = join(base, 'cache');
  await cp(MINI, dir, { recursive: true });
  await cp(join(MINI, 'README.md'), join(cache, 'previous-build.txt'));
  return { dir, cache };
}

async function replaceIn(dir: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(join(dir, file), 'utf8');
  if (text.split(from).length !== 2) throw new Error(`"${from}" must occur once in ${file}`);
  await writeFile(join(dir, file), text.replace(from, to));
}

async function broken(edit: (dir: string) => Promise<void>): Promise<PipelineResult> {
  const { dir, cache } = await copyAtlas();
  await edit(dir);
  const r = await runPipeline({ atlasDir: dir, cacheDir: cache, log: () => {} });
  expect(r.log.hasErrors).toBe(true);
  expect(await readdir(cache), 'nothing written').toEqual(['previous-build.txt']);
  return r;
}

function expectError(r: PipelineResult, p: Partial<Record<keyof Problem, unknown>>): Problem {
  const found = r.log.errors.find((e) => expect.objectContaining(p).asymmetricMatch(e));
  expect(found, `expected an error like ${JSON.stringify(p)}; got:\n${formatProblemLog(r.log)}`).toBeDefined();
  return found as Problem;
}

describe('broken overlay layers are reported with file, feature and field', () => {
  it('an unsupported CRS in the file: file and field crs', async () => {
    const r = await broken((dir) => replaceIn(dir, LAYER, 'EPSG::25832', 'EPSG::2056'));
    expectError(r, { file: LAYER, field: 'crs', message: expect.stringContaining('EPSG:2056') });
  });

  it('metres declared as degrees (crs EPSG:4326): file, the features and field crs', async () => {
    const r = await broken((dir) => replaceIn(dir, LAYER, 'urn:ogc:def:crs:EPSG::25832', 'urn:ogc:def:crs:EPSG::4326'));
    const e = expectError(r, { file: LAYER, field: 'crs' });
    expect(e.location).toContain('Feature 0');
  });

  it('a name field that no feature has: file, field and the properties there are', async () => {
    const r = await broken((dir) => replaceIn(dir, CONFIG, '      nameField: name\n', '      nameField: titel\n'));
    const e = expectError(r, { file: LAYER, field: 'titel', message: expect.stringContaining('Keine der 3 Flächen') });
    expect(e.hint).toContain('overlays[0].boundaries.nameField');
    expect(e.hint).toContain('kennung');
  });

  it('a declared extra field that no feature has: file and field', async () => {
    const r = await broken((dir) => replaceIn(dir, CONFIG, '{ field: festgesetzt,', '{ field: festgesetz,'));
    expectError(r, { file: LAYER, field: 'festgesetz' });
  });

  it('one feature without id: file, feature and field', async () => {
    const r = await broken((dir) => replaceIn(dir, LAYER, '"kennung": "HQ-03", ', ''));
    expectError(r, {
      file: LAYER,
      field: 'kennung',
      location: expect.stringContaining('Feature 2'),
      message: 'Die Id fehlt.',
    });
  });

  it('a duplicate id: file, both features and the id field', async () => {
    const r = await broken((dir) => replaceIn(dir, LAYER, '"kennung": "HQ-03"', '"kennung": "HQ-02"'));
    const e = expectError(r, {
      file: LAYER,
      field: 'kennung',
      message: expect.stringContaining('"HQ-02" kommt 2-mal vor'),
    });
    expect(e.location).toBe('Feature 1, Feature 2');
  });

  it('a date that is not one: file, feature and field', async () => {
    const r = await broken((dir) => replaceIn(dir, LAYER, '"15.03.2021"', '"März 2021"'));
    expectError(r, { file: LAYER, field: 'festgesetzt', location: expect.stringContaining('Feature 0') });
  });

  it('a missing layer file: atlas.yml with line and field', async () => {
    const r = await broken((dir) =>
      replaceIn(dir, CONFIG, 'file: data/geo/hochwasser-hq100.geojson', 'file: data/geo/hochwasser.geojson'),
    );
    const e = expectError(r, { file: CONFIG, field: 'overlays[0].boundaries.file' });
    expect(e.line).toBeTypeOf('number');
  });

  it('two layers with the same id: atlas.yml with the field', async () => {
    const r = await broken(async (dir) => {
      const text = await readFile(join(dir, CONFIG), 'utf8');
      const block = /\noverlays:\n([\s\S]*?)\n\nlegal:/.exec(text)?.[1] ?? '';
      await writeFile(join(dir, CONFIG), text.replace(block, `${block}\n${block}`));
    });
    expectError(r, { file: CONFIG, field: 'overlays[1].id', message: expect.stringContaining('doppelt') });
  });
});
