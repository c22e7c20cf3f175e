/**
 * The stage cache (src/pipeline/stageCache.ts) in the real pipeline, on a copy of the made-up test atlas
 * "Musterstadt" (test/fixtures/atlas-mini): what is reused after which change, and that reuse changes no output.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/build.ts';
import { listFiles } from '../../src/pipeline/listFiles.ts';
import { hashParts, StageCache } from '../../src/pipeline/stageCache.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');

describe('hashParts', () => {
  it('hashParts(parts) separates parts, so ["ab","c"] and ["a","bc"] differ', () => {
    expect(hashParts(['ab', 'c'])).not.toBe(hashParts(['a', 'bc']));
    expect(hashParts(['a', 'bc'])).toBe(hashParts(['a', 'bc']));
    expect(hashParts([new Uint8Array([1, 2])])).toBe(hashParts([new Uint8Array([1, 2])]));
  });
});

describe('StageCache', () => {
  it('StageCache(undefined) is off: get misses, put stores nothing', async () => {
    const c = new StageCache(undefined, 'x');
    await c.put('k', 1);
    expect(await c.get('k')).toBeUndefined();
    expect(c.hits + c.misses).toBe(0);
  });

  it('prune() deletes the entries this build neither read nor wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stagecache-'));
    const first = new StageCache(dir, 'n');
    await first.put('a', { v: 1 });
    await first.put('b', { v: 2 });
    const second = new StageCache(dir, 'n');
    expect(await second.get('a')).toEqual({ v: 1 });
    expect(await second.prune()).toBe(1);
    expect(await readdir(join(dir, 'n'))).toEqual(['a.json']);
    await rm(dir, { recursive: true, force: true });
  });

  it('a packed namespace keeps its entries in one file: saved, read back, pruned to the used ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stagecache-'));
    const first = new StageCache(dir, 'p', true);
    expect(await first.get('a')).toBeUndefined();
    await first.put('a', { v: 1 });
    await first.put('b', { v: 2 });
    await first.save();
    expect(await readdir(dir)).toEqual(['p.pack.json']);
    const second = new StageCache(dir, 'p', true);
    expect(await second.get('a')).toEqual({ v: 1 });
    expect(await second.get('c')).toBeUndefined();
    expect([second.hits, second.misses]).toEqual([1, 1]);
    expect(await second.has('b')).toBe(true);
    expect(await second.prune()).toBe(1);
    const third = new StageCache(dir, 'p', true);
    expect(await third.get('b')).toBeUndefined();
    expect(await third.get('a')).toEqual({ v: 1 });
    // An unreadable pack is an empty cache, not an error.
    await writeFile(join(dir, 'p.pack.json'), '{"a": ');
    const fourth = new StageCache(dir, 'p', true);
    expect(await fourth.get('a')).toBeUndefined();
    expect(fourth.misses).toBe(1);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('runPipeline with a stage cache', () => {
  let work: string;
  let atlas: string;
  let root: string;
  const run = (name: string) =>
    runPipeline({
      atlasDir: atlas,
      cacheDir: join(work, name),
      stageCacheDir: join(work, 'stages'),
      projectRoot: root,
      log: () => {},
    });
  const units = async (name: string) => {
    const dir = join(work, name, 'build', 'units');
    const files = (await readdir(dir)).sort();
    return Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const));
  };
  /** Every file of a run's build folder with its text. */
  const contents = async (name: string) => {
    const dir = join(work, name, 'build');
    return new Map(
      await Promise.all((await listFiles(dir)).map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)),
    );
  };
  const facilityFile = async () =>
    (await readdir(join(atlas, 'content', 'facilities'))).filter((f) => f.endsWith('.md')).sort()[0] as string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'stagecache-pipeline-'));
    atlas = join(work, 'atlas');
    await cp(MINI, atlas, { recursive: true });
    // A name that differs from the boundary file's: a warning of the tables stage, which a rebuild must repeat.
    const table = join(atlas, 'data', 'stadtbezirke-einwohner-2023.csv');
    await writeFile(table, (await readFile(table, 'utf8')).replace('2,Mitte,', '2,Stadtmitte,'));
    // A stand-in project root whose "code" the test controls (the real code fingerprint covers src/).
    root = join(work, 'project');
    for (const d of ['src/lib', 'src/i18n', 'src/pipeline', 'src/schemas'])
      await mkdir(join(root, d), { recursive: true });
    await writeFile(join(root, 'src/lib/code.ts'), 'export const version = 1;\n');
    await writeFile(join(root, 'src/i18n/de.ts'), "export const de = { keyFigures: 'Kennzahlen' };\n");
    await writeFile(join(root, 'package-lock.json'), '{}');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('a first build computes everything; an unchanged rebuild reuses every facility and unit page, with equal output', async () => {
    const a = await run('a');
    expect(a.log.hasErrors).toBe(false);
    const nFacilities = a.facilityPages ?? 0;
    expect(nFacilities).toBeGreaterThan(0);
    // atlas-mini has 3 overlay areas (data/geo/hochwasser-hq100.geojson): their unit overlaps are cached too.
    expect(a.cache).toEqual({
      facilities: { hits: 0, misses: nFacilities },
      units: { hits: 0, misses: a.pages },
      overlays: { hits: 0, misses: 3 },
      indicators: { hits: 0, misses: 1 },
      // One entry holds the build's topologies (units, locator maps, the overlay city maps).
      topologies: { hits: 0, misses: 1 },
      overlayPages: { hits: 0, misses: 1 },
      // The area pages' maps (one entry, like the topologies).
      areaMaps: { hits: 0, misses: 1 },
      // The tables read and the values derived from them (derivedMemo.ts).
      derived: { hits: 0, misses: 1 },
    });
    const b = await run('b');
    expect(b.cache).toEqual({
      facilities: { hits: nFacilities, misses: 0 },
      units: { hits: a.pages, misses: 0 },
      overlays: { hits: 3, misses: 0 },
      // The indicator pages' result is cached, but their files lie in another output folder (each run has its own):
      // computed again.
      indicators: { hits: 0, misses: 1 },
      topologies: { hits: 1, misses: 0 },
      // Like the indicator pages: the result is cached, the files are in another output folder.
      overlayPages: { hits: 0, misses: 1 },
      areaMaps: { hits: 1, misses: 0 },
      derived: { hits: 1, misses: 0 },
    });
    expect(await units('b')).toEqual(await units('a'));
    // Every artifact is the same, the data report (tables read, checks, protection) and the indicator files too.
    expect(await contents('b')).toEqual(await contents('a'));
    // Warnings of reused files and kept tables are reported again, in the same order.
    expect(b.log.problems).toEqual(a.log.problems);
    expect(b.log.skipped).toEqual(a.log.skipped);
    expect(a.log.warnings.map((p) => p.message)).toContain(
      'Name "Stadtmitte" weicht vom Namen in der Grenzdatei ab ("Mitte").',
    );
  });

  it('after one facility file changes, only that file is read anew and unit pages are reused', async () => {
    const file = join(atlas, 'content', 'facilities', await facilityFile());
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text.trimEnd()}\n\nEin geänderter Satz.\n`);
    const c = await run('c');
    expect(c.cache?.facilities).toEqual({ hits: (c.facilityPages ?? 0) - 1, misses: 1 });
    expect(c.cache?.units).toEqual({ hits: c.pages, misses: 0 });
    expect(c.cache?.overlays).toEqual({ hits: 3, misses: 0 });
    expect(c.cache?.topologies).toEqual({ hits: 1, misses: 0 });
  });

  it('a changed table or a changed line of code invalidates the unit pages', async () => {
    const csv = join(atlas, 'data', 'stadtbezirke-einwohner-2023.csv');
    await writeFile(csv, `${await readFile(csv, 'utf8')}\n`);
    const d = await run('d');
    expect(d.cache?.units).toEqual({ hits: 0, misses: d.pages });
    expect(d.cache?.derived).toEqual({ hits: 0, misses: 1 });
    await writeFile(join(root, 'src/lib/code.ts'), 'export const version = 2;\n');
    const e = await run('e');
    expect(e.cache?.units).toEqual({ hits: 0, misses: e.pages });
    expect(e.cache?.facilities?.hits).toBe(0);
    // Unit page models carry their texts: a changed message is a changed model.
    await writeFile(join(root, 'src/i18n/de.ts'), "export const de = { keyFigures: 'Kennzahlen im Überblick' };\n");
    const e2 = await run('e2');
    expect(e2.cache?.units).toEqual({ hits: 0, misses: e2.pages });
  });

  it('a facility file with an error is never cached: its error is reported on every build', async () => {
    const file = join(atlas, 'content', 'facilities', await facilityFile());
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^name: .*$/m, 'name: ""'));
    for (const name of ['f', 'g']) {
      const r = await run(name);
      expect(r.log.errors.filter((p) => p.file.startsWith('content/facilities/')).map((p) => p.field)).toContain(
        'name',
      );
    }
    await writeFile(file, text);
  });
});
