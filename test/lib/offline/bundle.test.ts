import { describe, expect, it } from 'vitest';
import {
  approximateSize,
  bundleManifest,
  globToRegExp,
  selectBundleFiles,
  urlOfFile,
  type BuiltFile,
} from '../../../src/lib/offline/bundle.ts';

// A made-up built site: paths as Astro writes them, sizes invented.
const files: BuiltFile[] = [
  'index.html',
  'en/index.html',
  'einrichtungen/index.html',
  'einrichtungen/typ/kita/index.html',
  'einrichtungen/gebiet/1/index.html',
  'einrichtungen/gebiet/1/extra/index.html',
  'einrichtungen/kita-x/index.html',
  'einrichtungen/karte/index.html',
  'einrichtungen/karte/1/index.html',
  'gebiete/index.html',
  'gebiete/hochwasser/a/index.html',
  'offline/index.html',
  'en/einrichtungen/index.html',
  'en/einrichtungen/typ/kita/index.html',
  'en/offline/index.html',
  'stadtbezirk/1/index.html',
  '_astro/Base.abc.css',
  '_astro/chunks/x.js',
  'favicon.svg',
  'data/search/facilities.json',
  'data/search/units.json',
  'data/facilities-points.json',
  'data/facilities.geojson',
  'data/values.csv',
].map((path, i) => ({ path, bytes: 100 + i }));

describe('globToRegExp', () => {
  it('globToRegExp("a/*/b") matches one segment, "**" any depth', () => {
    expect(globToRegExp('a/*/b').test('a/x/b')).toBe(true);
    expect(globToRegExp('a/*/b').test('a/x/y/b')).toBe(false);
    expect(globToRegExp('a/**').test('a/x/y/b')).toBe(true);
    expect(globToRegExp('a.json').test('aXjson')).toBe(false);
  });
});

describe('urlOfFile', () => {
  it('urlOfFile(path) maps index.html to its folder url and keeps other files', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('einrichtungen/typ/kita/index.html')).toBe('/einrichtungen/typ/kita/');
    expect(urlOfFile('data/search/facilities.json')).toBe('/data/search/facilities.json');
  });
});

describe('selectBundleFiles', () => {
  it('selectBundleFiles(files, "de") takes directory lists, area pages, offline page, assets and data, no facility or unit pages', () => {
    expect(selectBundleFiles(files, 'de').map((f) => f.path)).toEqual([
      '_astro/Base.abc.css',
      '_astro/chunks/x.js',
      'data/facilities-points.json',
      'data/search/facilities.json',
      'data/search/units.json',
      'einrichtungen/gebiet/1/index.html',
      'einrichtungen/index.html',
      'einrichtungen/karte/1/index.html',
      'einrichtungen/karte/index.html',
      'einrichtungen/typ/kita/index.html',
      'favicon.svg',
      'gebiete/hochwasser/a/index.html',
      'gebiete/index.html',
      'offline/index.html',
    ]);
  });

  it('selectBundleFiles(files, "en") takes the English pages and the shared files, never German pages', () => {
    const paths = selectBundleFiles(files, 'en').map((f) => f.path);
    expect(paths.filter((p) => p.endsWith('.html'))).toEqual([
      'en/einrichtungen/index.html',
      'en/einrichtungen/typ/kita/index.html',
      'en/offline/index.html',
    ]);
    expect(paths).toContain('data/search/units.json');
  });
});

describe('bundleManifest', () => {
  it('bundleManifest(selected, lang, date, version, transfer) sums the sizes and lists urls', () => {
    const m = bundleManifest(
      [
        { path: 'einrichtungen/index.html', bytes: 1000 },
        { path: 'favicon.svg', bytes: 234 },
      ],
      'de',
      '2023-12-31',
      'abc',
      400,
    );
    expect(m).toEqual({
      version: 'abc',
      lang: 'de',
      dataDate: '2023-12-31',
      bytes: 1234,
      transferBytes: 400,
      files: ['/einrichtungen/', '/favicon.svg'],
    });
  });
});

describe('approximateSize', () => {
  it('approximateSize(bytes, lang) rounds up to a readable figure', () => {
    expect(approximateSize(86_198, 'de')).toBe('ca. 100 kB');
    expect(approximateSize(420_001, 'en')).toBe('about 500 kB');
    expect(approximateSize(3_912_000, 'de')).toBe('ca. 4 MB');
    expect(approximateSize(3_812_000, 'de')).toBe('ca. 3,9 MB');
    expect(approximateSize(23_400_000, 'en')).toBe('about 24 MB');
  });
});
