/**
 * The directory search's artifacts on the fictional test atlas (test/fixtures/atlas-mini plus the made-up entries of
 * test/fixtures/search-facilities): the index file in the public folder, the search page's model and its entry in
 * atlas.json. Expected values are read from the fixture's facility files, not from the pipeline.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceIndexFile } from '../../src/lib/facilities/searchPlaces.ts';
import { decodeFacilityId, type SearchIndexFile } from '../../src/lib/facilities/searchRecord.ts';
import type { DirectorySearchData } from '../../src/lib/pages/directorySearch.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const EXTRA = resolve(import.meta.dirname, '../fixtures/search-facilities');
const DIR = 'content/facilities';

let root = '';
let atlas = '';
let cacheDir = '';
let result: PipelineResult;
const fronts: {
  id: string;
  name: string;
  types: string[];
  languages?: string[];
  accessibility?: { wheelchair: string };
}[] = [];
const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-mini-search-'));
  atlas = join(root, 'atlas');
  cacheDir = join(root, 'cache');
  await cp(MINI, atlas, { recursive: true });
  for (const f of await readdir(EXTRA))
    if (f.endsWith('.md') && f !== 'README.md') await cp(join(EXTRA, f), join(atlas, DIR, f));
  for (const f of await readdir(join(atlas, DIR))) {
    if (!f.endsWith('.md')) continue;
    fronts.push(
      parse((await readFile(join(atlas, DIR, f), 'utf8')).split(/^---$/m)[1] ?? '') as (typeof fronts)[number],
    );
  }
  result = await runPipeline({ atlasDir: atlas, cacheDir });
}, 60_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('publishSearch on atlas-mini with the search entries', () => {
  it('writes one entry per facility file, sorted by name, by column', async () => {
    expect(result.log.errors).toEqual([]);
    const file = await readJson<SearchIndexFile>(join(cacheDir, 'public/data/search/facilities.json'));
    const ids = file.id.map((stored, i) => decodeFacilityId(stored, file.name[i] ?? ''));
    expect([...ids].sort()).toEqual(fronts.map((f) => f.id).sort());
    expect(file.name).toEqual([...file.name].sort(new Intl.Collator('de').compare));
    const i = ids.indexOf('seniorenhaus-mueller');
    expect([file.name[i], file.provider[i], file.address[i], file.phone[i]]).toEqual([
      'Seniorenhaus Müller',
      'Müller & Söhne Pflege GmbH (erfunden)',
      'Heideweg 40, 45997 Musterstadt',
      '+49 201 5550702',
    ]);
    // Stadtteil 17 (Große Heide) in Stadtbezirk 1 (README of the fixture): the finest unit is stored.
    expect([file.unit[i], file.language[i], file.wheelchair[i]]).toEqual(['17', ['de', 'tr'], 'y']);
    expect(file.types.map((t) => t.id)).toEqual(['kita', 'pflege']);
  });

  it('writes the unit index with every unit of the boundaries and lists it in atlas.json', async () => {
    const units = await readJson<PlaceIndexFile>(join(cacheDir, 'public/data/search/units.json'));
    const atlasJson = await readJson<{ units: { id: string; name: string; parent?: string }[]; downloads: object }>(
      join(cacheDir, 'public/data/atlas.json'),
    );
    expect(units.units.map(([id, name, , parent]) => [id, name, parent]).sort()).toEqual(
      atlasJson.units.map((u) => [u.id, u.name, u.parent ?? '']).sort(),
    );
    expect(atlasJson.downloads).toMatchObject({ unitIndex: '/data/search/units.json' });
  });

  it('writes the filter choices the files give, and lists the page in both languages in atlas.json', async () => {
    const page = await readJson<DirectorySearchData>(join(cacheDir, 'build/directory/search.json'));
    const count = (pred: (f: (typeof fronts)[number]) => boolean) => fronts.filter(pred).length;
    expect(page.types).toEqual([
      { id: 'kita', count: count((f) => f.types.includes('kita')) },
      { id: 'pflege', count: count((f) => f.types.includes('pflege')) },
    ]);
    const languages = [...new Set(fronts.flatMap((f) => f.languages ?? []))].sort();
    expect(page.languages.map((l) => [l.id, l.count]).sort()).toEqual(
      languages.map((id) => [id, count((f) => (f.languages ?? []).includes(id))]),
    );
    expect(page.wheelchair.yes).toBe(count((f) => f.accessibility?.wheelchair === 'yes'));
    expect(page.areas.map((a) => a.id)).toEqual(['2', '1', '3']);
    const atlasJson = await readJson<{ pages: { type: string; url: string; lang: string }[] }>(
      join(cacheDir, 'public/data/atlas.json'),
    );
    expect(atlasJson.pages.filter((p) => p.type === 'directory-search')).toEqual([
      { type: 'directory-search', url: '/einrichtungen/suche/', lang: 'de' },
      { type: 'directory-search', url: '/en/einrichtungen/suche/', lang: 'en' },
    ]);
  });

  it('refuses a facility with the reserved id "suche"', async () => {
    const text = (await readFile(join(atlas, DIR, 'kita-gleisdreieck.md'), 'utf8')).replace(
      'id: "kita-gleisdreieck"',
      'id: "suche"',
    );
    await writeFile(join(atlas, DIR, 'suche.md'), text);
    const r = await runPipeline({ atlasDir: atlas, cacheDir: join(root, 'cache2'), validateOnly: true });
    expect(r.log.errors).toEqual([
      expect.objectContaining({ file: `${DIR}/suche.md`, field: 'id', message: expect.stringContaining('reserviert') }),
    ]);
    await rm(join(atlas, DIR, 'suche.md'));
  });
});
