/**
 * The facility map and radius stage (src/pipeline/stages/publishFacilityMaps.ts) on the made-up test atlas
 * "Musterstadt" (test/fixtures/atlas-mini): the point list holds every facility file as written, the map models count
 * what the files say, atlas.json lists the new pages, and the ids "karte" and "umkreis" are refused.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  joinFacilityPoints,
  type FacilityPointsExtra,
  type FacilityPointsFile,
} from '../../src/lib/facilities/facilityPoints.ts';
import type { SearchIndexFile } from '../../src/lib/facilities/searchRecord.ts';
import type { FacilityAreaMap, FacilityOverviewMap } from '../../src/lib/pages/facilityMaps.ts';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const DIR = 'content/facilities';
let root = '';
let result: PipelineResult;
const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;
const out = (p: string) => join(root, 'cache', p);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-mini-maps-'));
  result = await runPipeline({ atlasDir: MINI, cacheDir: join(root, 'cache'), log: () => {} });
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The fixture's facility files and vocabulary, read with yaml (not through the pipeline). */
async function fixtureFiles() {
  const vocab = parseYaml(await readFile(join(MINI, 'facilities.yml'), 'utf8')) as {
    types: { id: string; vulnerability: number }[];
  };
  const files = (await readdir(join(MINI, DIR))).filter((f) => f.endsWith('.md'));
  const entries = await Promise.all(
    files.map(
      async (f) =>
        parseYaml((await readFile(join(MINI, DIR, f), 'utf8')).split(/^---$/m)[1] ?? '') as {
          id: string;
          name: string;
          types: string[];
          phone?: string;
          address: { street: string; postcode: string; city: string };
          location: { lat: number; lon: number };
        },
    ),
  );
  return { vocab, entries };
}

describe('publishFacilityMaps on atlas-mini', () => {
  it('writes /data/facilities-points.json: joined with the search index, every facility as written and its highest vulnerability', async () => {
    expect(result.log.errors, formatProblemLog(result.log)).toEqual([]);
    const points = joinFacilityPoints(
      await readJson<SearchIndexFile>(out('public/data/search/facilities.json')),
      await readJson<FacilityPointsExtra>(out('public/data/facilities-points.json')),
    ) as FacilityPointsFile;
    expect(points).toBeDefined();
    const { vocab, entries } = await fixtureFiles();
    expect(points.items.map((p) => p.id)).toEqual(entries.map((e) => e.id).sort());
    for (const e of entries) {
      const p = points.items.find((x) => x.id === e.id);
      expect(p, e.id).toMatchObject({
        name: e.name,
        types: e.types,
        lat: e.location.lat,
        lon: e.location.lon,
        address: `${e.address.street}, ${e.address.postcode} ${e.address.city}`,
      });
      expect(p?.phone, e.id).toBe(e.phone);
      expect(p?.v).toBe(Math.max(...e.types.map((t) => vocab.types.find((x) => x.id === t)?.vulnerability ?? 0)));
    }
    expect(points.dataDate).toBe('2023-12-31');
  });

  it('counts per Stadtbezirk and Stadtteil on the maps as the fixture README places the entries', async () => {
    const map = await readJson<FacilityOverviewMap>(out('build/directory/map.json'));
    expect(map.total).toBe((await fixtureFiles()).entries.length);
    // README: Nordpark (05) and Am Kanal (11) in Nord, Altstadt (23) in Mitte, Südstadt (34) and Hafen (40) in Süd.
    expect(Object.fromEntries(map.areas.map((a) => [a.id, a.count]))).toEqual({ '1': 2, '2': 1, '3': 2 });
    expect(map.bubbles.map((b) => b.id).sort()).toEqual(['05', '11', '23', '34', '40']);
    expect(map.bubbles.reduce((s, b) => s + b.count, 0)).toBe(map.total);
    const sued = await readJson<FacilityAreaMap>(out('build/directory/maps/3.json'));
    expect(sued.points.map((p) => p.v)).toEqual([2, 3]);
    expect(sued.areas.map((a) => [a.id, a.count])).toEqual([
      ['40', 1],
      ['34', 1],
    ]);
  });

  it('lists the map, zoomed maps and radius query in atlas.json with their own page types, in both languages', async () => {
    const atlas = await readJson<{ pages: { type: string; url: string; lang: string }[] }>(
      out('public/data/atlas.json'),
    );
    for (const [lang, p] of [
      ['de', ''],
      ['en', '/en'],
    ]) {
      expect(atlas.pages).toContainEqual({ type: 'directory-map', url: `${p}/einrichtungen/karte/`, lang });
      expect(atlas.pages).toContainEqual({ type: 'directory-radius', url: `${p}/einrichtungen/umkreis/`, lang });
      expect(
        atlas.pages
          .filter((x) => x.type === 'directory-map-area' && x.lang === lang)
          .map((x) => x.url)
          .sort(),
      ).toEqual(['1', '2', '3'].map((id) => `${p}/einrichtungen/karte/${id}/`));
    }
  });

  it('refuses the facility ids "karte" and "umkreis", naming file and field', async () => {
    const dir = join(root, 'atlas');
    await cp(MINI, dir, { recursive: true });
    for (const id of ['karte', 'umkreis']) {
      const text = (await readFile(join(MINI, DIR, 'kita-nordpark.md'), 'utf8')).replace(
        'id: "kita-nordpark"',
        `id: "${id}"`,
      );
      await writeFile(join(dir, DIR, `${id}.md`), text);
    }
    const r = await runPipeline({ atlasDir: dir, cacheDir: join(root, 'cache-reserved'), log: () => {} });
    const reserved = r.log.errors.filter((e) => e.message.includes('reserviert'));
    expect(reserved.map((e) => [e.file, e.field])).toEqual([
      [`${DIR}/karte.md`, 'id'],
      [`${DIR}/umkreis.md`, 'id'],
    ]);
  });
});
