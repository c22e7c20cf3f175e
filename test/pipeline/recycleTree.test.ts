/**
 * The output before last made into the next output (src/pipeline/recycleTree.ts): shared files end as links of the
 * published ones, files written for the build are moved in, everything else goes, and no published file is written.
 * Made-up files in temporary folders.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/listFiles.ts';
import { recycleTree } from '../../src/pipeline/recycleTree.ts';

let work = '';
let published = '';
let pub = '';
let fresh = '';
let tree = '';

async function put(dir: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

async function linkInto(from: string, to: string, path: string): Promise<void> {
  await mkdir(dirname(join(to, path)), { recursive: true });
  await link(join(from, path), join(to, path));
}

const ino = async (dir: string, path: string) => (await stat(join(dir, path))).ino;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'recycle-'));
  published = join(work, 'dist');
  pub = join(work, 'public');
  fresh = join(work, 'dist.tmp');
  tree = join(work, 'dist.old');
  await put(published, 'bezirk/01/index.html', '<p>01 veröffentlicht</p>');
  await put(published, 'bezirk/02/index.html', '<p>02 veröffentlicht</p>');
  await put(published, 'einrichtungen/kita/index.html', '<p>Kita veröffentlicht</p>');
  await put(pub, 'data/01.csv', 'id;wert\n01;3\n');
  await put(fresh, 'einrichtungen/kita/index.html', '<p>Kita neu</p>');
  await put(fresh, '_astro/site.css', 'body{}');
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The shared files of the next output: two unchanged pages and the public folder's file. */
const shared = () =>
  new Map([
    ['bezirk/01/index.html', published],
    ['bezirk/02/index.html', published],
    ['data/01.csv', pub],
  ]);
const freshFiles = ['_astro/site.css', 'einrichtungen/kita/index.html'];
/** Every file the next output must hold. */
const NEXT_OUTPUT = [
  '_astro/site.css',
  'bezirk/01/index.html',
  'bezirk/02/index.html',
  'data/01.csv',
  'einrichtungen/kita/index.html',
];

describe('recycleTree', () => {
  it('without an output before last, links every shared file and moves the fresh ones in', async () => {
    const counts = await recycleTree({ tree, shared: shared(), fresh, freshFiles });
    expect(counts).toEqual({ kept: 0, removed: 0, linked: 3, moved: 2 });
    expect(await listFiles(tree)).toEqual(NEXT_OUTPUT);
    expect(await ino(tree, 'bezirk/01/index.html')).toBe(await ino(published, 'bezirk/01/index.html'));
    expect(await ino(tree, 'data/01.csv')).toBe(await ino(pub, 'data/01.csv'));
    expect(await readFile(join(tree, 'einrichtungen/kita/index.html'), 'utf8')).toBe('<p>Kita neu</p>');
    expect(await listFiles(fresh)).toEqual([]);
  });

  it('keeps what is still shared, replaces and removes the rest, and never writes a published file', async () => {
    // The output before last: one page still shared, one a copy of an older version, the facility page shared with
    // the published site (it is rendered again now), a page that is gone, a symbolic link, a file where a folder is
    // needed and a folder where a file is needed.
    await linkInto(published, tree, 'bezirk/01/index.html');
    await put(tree, 'bezirk/02/index.html', '<p>02 vorletzter Build</p>');
    await linkInto(published, tree, 'einrichtungen/kita/index.html');
    await put(tree, 'einrichtungen/weg/index.html', '<p>entfernt</p>');
    await symlink('../bezirk', join(tree, 'verweis'));
    await put(tree, '_astro', 'eine Datei, wo ein Ordner hingehört');
    await put(tree, 'data/01.csv/alt.txt', 'ein Ordner, wo eine Datei hingehört');
    const kept = await ino(tree, 'bezirk/01/index.html');

    const counts = await recycleTree({ tree, shared: shared(), fresh, freshFiles });

    expect(counts.kept).toBe(1);
    expect(counts.linked).toBe(2);
    expect(counts.moved).toBe(2);
    expect(await listFiles(tree)).toEqual(NEXT_OUTPUT);
    expect(existsSync(join(tree, 'verweis'))).toBe(false);
    // The emptied folder of the removed page is gone as well.
    expect(await readdir(join(tree, 'einrichtungen'))).toEqual(['kita']);
    expect(await ino(tree, 'bezirk/01/index.html')).toBe(kept);
    expect(await ino(tree, 'bezirk/02/index.html')).toBe(await ino(published, 'bezirk/02/index.html'));
    expect(await readFile(join(tree, 'bezirk/02/index.html'), 'utf8')).toBe('<p>02 veröffentlicht</p>');
    expect(await readFile(join(tree, 'einrichtungen/kita/index.html'), 'utf8')).toBe('<p>Kita neu</p>');
    // The published site is as it was: the facility page shared with the tree was replaced there, not written.
    expect(await readFile(join(published, 'einrichtungen/kita/index.html'), 'utf8')).toBe('<p>Kita veröffentlicht</p>');
    expect(await readFile(join(published, 'bezirk/02/index.html'), 'utf8')).toBe('<p>02 veröffentlicht</p>');
    expect(await readFile(join(pub, 'data/01.csv'), 'utf8')).toBe('id;wert\n01;3\n');
  });

  it('a file or a link where the output before last should be is replaced by the new output', async () => {
    await symlink(published, tree);
    await recycleTree({ tree, shared: shared(), fresh, freshFiles });
    expect(await listFiles(tree)).toEqual(NEXT_OUTPUT);
    // The link went, not what it pointed to.
    expect(await readFile(join(published, 'einrichtungen/kita/index.html'), 'utf8')).toBe('<p>Kita veröffentlicht</p>');
    await rm(tree, { recursive: true });
    await put(work, 'dist.old', 'eine Datei');
    await put(fresh, 'einrichtungen/kita/index.html', '<p>Kita neu</p>');
    await put(fresh, '_astro/site.css', 'body{}');
    await recycleTree({ tree, shared: shared(), fresh, freshFiles });
    expect(await listFiles(tree)).toEqual(NEXT_OUTPUT);
  });

  it('a second recycling of its own result keeps every shared file and changes nothing', async () => {
    await recycleTree({ tree, shared: shared(), fresh, freshFiles });
    const before = await listFiles(tree);
    await rm(join(tree, '_astro'), { recursive: true });
    await rm(join(tree, 'einrichtungen'), { recursive: true });
    await mkdir(fresh, { recursive: true });
    const counts = await recycleTree({ tree, shared: shared(), fresh, freshFiles: [] });
    expect(counts).toEqual({ kept: 3, removed: 0, linked: 0, moved: 0 });
    expect(await listFiles(tree)).toEqual(before.filter((f) => !f.startsWith('_astro') && !f.startsWith('einr')));
  });
});
