import { link, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineManifest } from '../../src/lib/offline/bundle.ts';
import { writeOfflineBundle } from '../../src/pipeline/offline.ts';

// A made-up built site and cache, just large enough for the step.
const site = {
  atlas: { dataDate: '2023-12-31' },
  levels: [{ id: 'bezirk', label: { de: 'Bezirk' } }],
  units: [{ id: '1', name: 'Nord', level: 'bezirk', url: '/bezirk/1/' }],
  facilities: { types: [{ id: 'kita', label: { de: 'Kita' } }] },
};
// The three files the offline page joins (contents do not matter to this step; made up and distinct).
const data = {
  'data/search/facilities.json': '{"name":["Kita A"]}',
  'data/search/units.json': '{"units":[["1","Nord",0,""]]}',
  'data/facilities-points.json': '{"lat":[51.5]}',
};

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function setUp(withDirectory = true): Promise<{ out: string; cache: string }> {
  root = await mkdtemp(join(tmpdir(), 'offline-test-'));
  const out = join(root, 'dist');
  const cache = join(root, 'cache');
  const files: Record<string, string> = {
    [join(cache, 'build/site.json')]: JSON.stringify(withDirectory ? site : { ...site, facilities: undefined }),
    ...Object.fromEntries(Object.entries(data).map(([path, text]) => [join(out, path), text])),
    [join(out, 'einrichtungen/index.html')]: '<h1>Einrichtungen</h1>',
    [join(out, 'einrichtungen/kita-a/index.html')]: '<h1>Kita A</h1>',
    [join(out, 'en/einrichtungen/index.html')]: '<h1>Facilities</h1>',
    [join(out, '_astro/Base.x.css')]: 'body{}',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return { out, cache };
}

const read = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

describe('writeOfflineBundle', () => {
  it('writeOfflineBundle(out, cache) writes a manifest per language (with the search indexes and the radius file) and the versioned worker', async () => {
    const { out, cache } = await setUp();
    const result = await writeOfflineBundle(out, cache);
    expect(result?.written).toEqual(['data/offline/manifest-de.json', 'data/offline/manifest-en.json', 'sw.js']);
    const de = await read<OfflineManifest>(join(out, 'data/offline/manifest-de.json'));
    expect(de.files).toEqual([
      '/_astro/Base.x.css',
      '/data/facilities-points.json',
      '/data/search/facilities.json',
      '/data/search/units.json',
      '/einrichtungen/',
    ]);
    const dataBytes = Object.values(data).reduce((sum, text) => sum + text.length, 0);
    expect(de.bytes).toBe('body{}'.length + dataBytes + '<h1>Einrichtungen</h1>'.length);
    const gz = async (path: string) => gzipSync(await readFile(join(out, path)), { level: 6 }).length;
    let dataGzip = 0;
    for (const path of Object.keys(data)) dataGzip += await gz(path);
    expect(de.transferBytes).toBe((await gz('_astro/Base.x.css')) + dataGzip + (await gz('einrichtungen/index.html')));
    await expect(readFile(join(out, 'data/offline/facilities.json'))).rejects.toThrow();
    const en = await read<OfflineManifest>(join(out, 'data/offline/manifest-en.json'));
    expect(en.files).toContain('/en/einrichtungen/');
    expect(en.files).not.toContain('/einrichtungen/');
    const worker = await readFile(join(out, 'sw.js'), 'utf8');
    expect(worker).not.toContain('__SOZIALATLAS_OFFLINE_VERSION__');
    expect(worker).toMatch(/const VERSION = '[0-9a-f]{12}';/);
  });

  it('keeps the gzip sizes by content between builds: the same manifest, and a changed file measured anew', async () => {
    const { out, cache } = await setUp();
    const sizes = join(cache, 'stages', 'offline-gzip-sizes.json');
    await writeOfflineBundle(out, cache);
    const plain = await read<OfflineManifest>(join(out, 'data/offline/manifest-de.json'));
    await writeOfflineBundle(out, cache, { gzipSizes: sizes });
    expect(await read<OfflineManifest>(join(out, 'data/offline/manifest-de.json'))).toEqual(plain);
    const kept = await read<Record<string, number>>(sizes);
    expect(Object.keys(kept).length).toBeGreaterThanOrEqual(3);
    // A kept size is used as it is (here a made-up 1,000,000 for every file): the estimate comes from the file.
    await writeFile(sizes, JSON.stringify(Object.fromEntries(Object.keys(kept).map((k) => [k, 1_000_000]))));
    await writeFile(join(out, 'einrichtungen/index.html'), '<h1>Einrichtungen (neu)</h1>');
    await writeOfflineBundle(out, cache, { gzipSizes: sizes });
    const next = await read<OfflineManifest>(join(out, 'data/offline/manifest-de.json'));
    const gz = async (path: string) => gzipSync(await readFile(join(out, path)), { level: 6 }).length;
    // The CSS and the three data files are unchanged (kept sizes), the page changed (measured).
    expect(next.transferBytes).toBe(4 * 1_000_000 + (await gz('einrichtungen/index.html')));
  });

  it('writeOfflineBundle(out, cache) gives a new version when a bundled file changes, not when a facility page does', async () => {
    const { out, cache } = await setUp();
    const version = async () => /const VERSION = '([0-9a-f]+)'/.exec(await readFile(join(out, 'sw.js'), 'utf8'))?.[1];
    await writeOfflineBundle(out, cache);
    const first = await version();
    await writeFile(join(out, 'einrichtungen/kita-a/index.html'), '<h1>Kita A (neu)</h1>');
    await writeOfflineBundle(out, cache);
    expect(await version()).toBe(first);
    await writeFile(join(out, 'einrichtungen/index.html'), '<h1>Einrichtungen (neu)</h1>');
    await writeOfflineBundle(out, cache);
    expect(await version()).not.toBe(first);
  });

  it('replaces a linked file of the same name instead of writing into it (public files are links, site.ts)', async () => {
    const { out, cache } = await setUp();
    const shared = join(cache, 'public-sw.js');
    await writeFile(shared, 'ein fremder Service Worker');
    await link(shared, join(out, 'sw.js'));
    await writeOfflineBundle(out, cache);
    expect(await readFile(shared, 'utf8')).toBe('ein fremder Service Worker');
    expect(await readFile(join(out, 'sw.js'), 'utf8')).toContain('self.');
  });

  it('writeOfflineBundle(out, cache) writes nothing for an atlas without a directory', async () => {
    const { out, cache } = await setUp(false);
    expect(await writeOfflineBundle(out, cache)).toBeUndefined();
    await expect(readFile(join(out, 'sw.js'))).rejects.toThrow();
  });
});
