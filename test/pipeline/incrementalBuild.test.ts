/**
 * Incremental site builds (README "Incremental builds"), as `npm run build` runs them, on a copy of the fictional
 * test atlas (test/fixtures/atlas-mini):
 * - after one facility file changed, a rebuild renders only the pages that read a changed artifact, and its output
 *   is byte-identical to a clean full build of the same input (also after a facility file is removed, in a build
 *   that recycles the output before last); the site published before each rebuild stays as it was;
 * - a broken facility file still fails the rebuild, and the published site stays as it was;
 * - a published page changed by hand makes the next build render everything again.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/listFiles.ts';
import { buildAtlas, fileHashes } from '../helpers/siteBuild.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MINI = resolve(ROOT, 'test/fixtures/atlas-mini');

let work = '';
let atlas = '';

/** Builds the atlas with the output and caches of `name` (a second build with the same name is incremental). */
const build = (name: string) => buildAtlas(atlas, work, name);
const hashes = fileHashes;

/** The files whose bytes differ between two built sites, and the files only one has. */
async function differences(a: string, b: string): Promise<string[]> {
  const ha = await hashes(a);
  const hb = await hashes(b);
  const names = new Set([...ha.keys(), ...hb.keys()]);
  return [...names].filter((f) => ha.get(f) !== hb.get(f)).sort();
}

/**
 * Rebuilds `inc` and checks that the build left the site published before it untouched (it is now `dist.old`): an
 * incremental build recycles the output before last (recycleTree.ts), whose files are links of the published ones.
 */
async function rebuild(): Promise<{ code: number; out: string; dist: string }> {
  const dist = join(work, 'inc', 'dist');
  const before = await hashes(dist);
  const result = await build('inc');
  if (result.code === 0) expect(await hashes(`${dist}.old`)).toEqual(before);
  return result;
}

/** The counts of the line `Ausgabe des vorletzten Builds wiederverwendet: …` of a build log. */
function recycled(out: string): { kept: number; removed: number } | undefined {
  const m = /vorletzten Builds wiederverwendet: (\d+) Dateien behalten, (\d+) entfernt/.exec(out);
  return m ? { kept: Number(m[1]), removed: Number(m[2]) } : undefined;
}

/** The counts of the line `Inkrementell: …` of a build log. */
function incremental(out: string): { changed: number; rendered: number; taken: number } | undefined {
  const m = /Inkrementell: (\d+) Artefakte geändert, (\d+) Seiten neu erzeugt, (\d+) unverändert übernommen/.exec(out);
  return m ? { changed: Number(m[1]), rendered: Number(m[2]), taken: Number(m[3]) } : undefined;
}

const facility = (name: string) => join(atlas, 'content', 'facilities', name);

beforeAll(async () => {
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  work = await mkdtemp(join(ROOT, 'test-results', 'incremental-'));
  atlas = join(await mkdtemp(join(tmpdir(), 'atlas-mini-incremental-')), 'atlas');
  await cp(MINI, atlas, { recursive: true });
  const first = await build('inc');
  if (first.code !== 0) throw new Error(`build failed:\n${first.out}`);
  expect(first.out).toContain('Alle Seiten erzeugt (kein früherer Build im Zwischenspeicher)');
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
  if (atlas) await rm(resolve(atlas, '..'), { recursive: true, force: true });
});

describe('incremental builds', () => {
  it('after one facility edit, renders its pages only, and equals a full build of the same input', async () => {
    await appendFile(facility('kita-hafenkinder.md'), '\nDie Gruppe „Möwen“ ist seit Mai geöffnet (erfunden).\n');
    const rebuilt = await rebuild();
    expect(rebuilt.code, rebuilt.out).toBe(0);
    const counts = incremental(rebuilt.out);
    expect(counts, rebuilt.out).toBeDefined();
    // The facility's model changed; its page in both languages (and the 404 page, rendered in every build) again.
    expect(counts?.changed).toBe(1);
    expect(counts?.rendered).toBe(3);
    expect(counts?.taken).toBeGreaterThan(100);
    // There was no output before last: every unchanged page was linked into a new folder.
    expect(recycled(rebuilt.out)).toMatchObject({ kept: 0, removed: 0 });
    // Unit and indicator files whose inputs did not change are taken from the first build, not written again.
    expect(rebuilt.out).toMatch(/Aus dem letzten Build übernommen \(unverändert\): [1-9]\d* Dateien/);
    const page = await readFile(join(rebuilt.dist, 'einrichtungen', 'kita-hafenkinder', 'index.html'), 'utf8');
    expect(page).toContain('Die Gruppe „Möwen“ ist seit Mai geöffnet (erfunden).');

    const full = await build('full-1');
    expect(full.code, full.out).toBe(0);
    expect(full.out).toContain('Alle Seiten erzeugt');
    expect(await differences(rebuilt.dist, full.dist)).toEqual([]);
  }, 600_000);

  it('after a facility is renamed, the output equals a full build; other units keep their files', async () => {
    const file = facility('pflegeheim-am-kanal.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^name: .*$/m, 'name: "Pflegeheim Am Kanalufer"'));
    const rebuilt = await rebuild();
    expect(rebuilt.code, rebuilt.out).toBe(0);
    const counts = incremental(rebuilt.out);
    expect(counts, rebuilt.out).toBeDefined();
    // The name is in the site-wide index (site.json) that every page reads: every page is rendered again. The unit
    // files of the units whose facility section did not change are still taken over.
    expect(counts?.taken).toBe(0);
    expect(counts?.rendered).toBeGreaterThan(100);
    expect(rebuilt.out).toMatch(/Aus dem letzten Build übernommen \(unverändert\): [1-9]\d* Dateien/);
    const full = await build('full-rename');
    expect(full.code, full.out).toBe(0);
    expect(await differences(rebuilt.dist, full.dist)).toEqual([]);
  }, 600_000);

  it('after a facility file is removed, its pages are gone and the output equals a full build', async () => {
    await rm(facility('kita-nordpark.md'));
    // As an editor removes an address on purpose (npm run urls): else the build fails on the vanished address.
    const registry = join(atlas, 'published-urls.txt');
    const listed = (await readFile(registry, 'utf8')).split('\n');
    await writeFile(registry, listed.filter((l) => !l.includes('/kita-nordpark/')).join('\n'));
    const rebuilt = await rebuild();
    expect(rebuilt.code, rebuilt.out).toBe(0);
    expect(incremental(rebuilt.out), rebuilt.out).toBeDefined();
    const files = await listFiles(rebuilt.dist);
    expect(files.filter((f) => f.includes('kita-nordpark'))).toEqual([]);
    // The output before last (the first rebuild's, with the removed facility's pages) was recycled: the rename had
    // rendered every page since, so its pages were no longer shared and went.
    expect(recycled(rebuilt.out)?.removed, rebuilt.out).toBeGreaterThan(100);
    const full = await build('full-2');
    expect(full.code, full.out).toBe(0);
    expect(await differences(rebuilt.dist, full.dist)).toEqual([]);
  }, 600_000);

  it('after an edit of a facility outside every area, the area pages are taken whole and equal a full build', async () => {
    // kita-sonnenblume lies in none of the fixture's flood areas (data/geo/hochwasser-hq100.geojson).
    await appendFile(facility('kita-sonnenblume.md'), '\nDer Garten ist neu bepflanzt (erfunden).\n');
    const rebuilt = await rebuild();
    expect(rebuilt.code, rebuilt.out).toBe(0);
    expect(rebuilt.out).toMatch(/wiederverwendet: .*overlayPages 1\/1/);
    const full = await build('full-outside');
    expect(full.code, full.out).toBe(0);
    expect(full.out).not.toMatch(/overlayPages 1\/1/);
    expect(await differences(rebuilt.dist, full.dist)).toEqual([]);
  }, 600_000);

  it('a second small edit in a row recycles the output before last, whose pages are still shared, and equals a full build', async () => {
    await appendFile(facility('kita-sonnenblume.md'), '\nDie Küche ist renoviert (erfunden).\n');
    const rebuilt = await rebuild();
    expect(rebuilt.code, rebuilt.out).toBe(0);
    expect(incremental(rebuilt.out)?.rendered, rebuilt.out).toBe(3);
    // The last rebuild took most pages from the one before, which is now recycled: those links are kept.
    expect(recycled(rebuilt.out)?.kept, rebuilt.out).toBeGreaterThan(100);
    const full = await build('full-again');
    expect(full.code, full.out).toBe(0);
    expect(await differences(rebuilt.dist, full.dist)).toEqual([]);
  }, 600_000);

  it('a broken facility file fails the rebuild and leaves the published site as it was', async () => {
    const before = await hashes(join(work, 'inc', 'dist'));
    const file = facility('kita-sonnenblume.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^location:/m, 'locaton:'));
    try {
      const broken = await build('inc');
      expect(broken.code).toBe(1);
      expect(broken.out).toMatch(/kita-sonnenblume\.md:\d+: Feld "location": fehlt/);
      expect(broken.out).toContain('Nichts wurde veröffentlicht');
      expect(await hashes(join(work, 'inc', 'dist'))).toEqual(before);
      // The Astro build, started beside the data stages (astroBuild.ts), stopped quietly and left no output behind.
      expect(broken.out).not.toMatch(/\[ERROR\]|Datenstufen sind fehlgeschlagen|at .*astro/);
      expect(existsSync(`${join(work, 'inc', 'dist')}.tmp`)).toBe(false);
    } finally {
      await writeFile(file, text);
    }
  }, 600_000);

  it('a published page changed by hand makes the next build render every page', async () => {
    const dist = join(work, 'inc', 'dist');
    const file = join(dist, 'einrichtungen', 'index.html');
    const original = await readFile(file);
    await appendFile(file, '<!-- von Hand -->');
    const rebuilt = await rebuild();
    expect(rebuilt.code, rebuilt.out).toBe(0);
    expect(incremental(rebuilt.out)).toBeUndefined();
    expect(rebuilt.out).toMatch(/Alle Seiten erzeugt \(.*weicht vom letzten Build ab/);
    expect(await readFile(file)).toEqual(original);
  }, 600_000);
});
