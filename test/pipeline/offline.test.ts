import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineManifest } from '../../src/lib/offline/bundle.ts';
import type { CompactFacilities } from '../../src/lib/offline/compactFacilities.ts';
import { writeOfflineBundle } from '../../src/pipeline/offline.ts';

// A made-up built site and cache, just large enough for the step.
const site = {
  atlas: { dataDate: '2023-12-31' },
  levels: [{ id: 'bezirk', label: { de: 'Bezirk' } }],
  units: [{ id: '1', name: 'Nord', level: 'bezirk', url: '/bezirk/1/' }],
  facilities: { types: [{ id: 'kita', label: { de: 'Kita' } }] },
};
const feed = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        id: 'kita-a',
        name: 'Kita A',
        types: ['kita'],
        address: { street: 'Weg 1', postcode: '12345', city: 'X' },
        phone: null,
        email: null,
        units: { bezirk: '1' },
        lastConfirmed: '2023-05-01',
        stale: false,
      },
    },
  ],
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
    [join(out, 'data/facilities.geojson')]: JSON.stringify(feed),
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
  it('writeOfflineBundle(out, cache) writes the compact file, a manifest per language and the versioned worker', async () => {
    const { out, cache } = await setUp();
    const result = await writeOfflineBundle(out, cache);
    expect(result?.facilities).toBe(1);
    const de = await read<OfflineManifest>(join(out, 'data/offline/manifest-de.json'));
    expect(de.files).toEqual(['/_astro/Base.x.css', '/data/offline/facilities.json', '/einrichtungen/']);
    const compactBytes = (await readFile(join(out, 'data/offline/facilities.json'))).length;
    expect(de.bytes).toBe('body{}'.length + compactBytes + '<h1>Einrichtungen</h1>'.length);
    const gz = async (path: string) => gzipSync(await readFile(join(out, path)), { level: 6 }).length;
    expect(de.transferBytes).toBe(
      (await gz('_astro/Base.x.css')) +
        (await gz('data/offline/facilities.json')) +
        (await gz('einrichtungen/index.html')),
    );
    const en = await read<OfflineManifest>(join(out, 'data/offline/manifest-en.json'));
    expect(en.files).toContain('/en/einrichtungen/');
    expect(en.files).not.toContain('/einrichtungen/');
    const compact = await read<CompactFacilities>(join(out, 'data/offline/facilities.json'));
    expect(compact.items.map((i) => [i.id, i.units])).toEqual([['kita-a', ['1']]]);
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
    // The CSS is unchanged (kept size), the page changed (measured), the compact file is unchanged (kept size).
    expect(next.transferBytes).toBe(1_000_000 + 1_000_000 + (await gz('einrichtungen/index.html')));
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

  it('writeOfflineBundle(out, cache) writes nothing for an atlas without a directory', async () => {
    const { out, cache } = await setUp(false);
    expect(await writeOfflineBundle(out, cache)).toBeUndefined();
    await expect(readFile(join(out, 'sw.js'))).rejects.toThrow();
  });
});
