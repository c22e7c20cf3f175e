import { describe, expect, it } from 'vitest';
import { changedArtifacts, intern, pagesToRender } from '../../src/lib/renderPlan.ts';
import { decodedPath, pageFile, pageUrl } from '../../src/lib/renderScope.ts';

describe('pageUrl', () => {
  it('fills the route pattern, drops the German rest parameter and ends with a slash', () => {
    expect(pageUrl('/[...lang]/einrichtungen/[id]', { lang: undefined, id: 'kita-a' })).toBe('/einrichtungen/kita-a/');
    expect(pageUrl('/[...lang]/einrichtungen/[id]', { lang: 'en', id: 'kita-a' })).toBe('/en/einrichtungen/kita-a/');
    expect(
      pageUrl('/[...lang]/merkmale/[indicator]/[level]/[year]', {
        lang: 'en',
        indicator: 'i',
        level: 'bezirk',
        year: '2019',
      }),
    ).toBe('/en/merkmale/i/bezirk/2019/');
    expect(pageUrl('/[...lang]', { lang: undefined })).toBe('/');
    expect(pageUrl('/[...lang]', { lang: 'en' })).toBe('/en/');
  });
});

describe('pageFile', () => {
  it('names the file Astro writes for a url (directory format)', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/bezirk/08/')).toBe('bezirk/08/index.html');
    expect(pageFile('/404')).toBe('404.html');
    expect(pageFile('/404.html')).toBe('404.html');
  });

  it('takes decoded paths, as the routes name them', () => {
    expect(decodedPath('/einrichtungen/caf%C3%A9/')).toBe('/einrichtungen/café/');
    expect(decodedPath('/kaputt/%E0%A4%A/')).toBe('/kaputt/%E0%A4%A/');
  });
});

describe('changedArtifacts', () => {
  it('lists changed, added and removed artifacts, not unchanged ones', () => {
    const before = { 'a.json': '1', 'b.json': '2', 'gone.json': '3' };
    const after = { 'a.json': '1', 'b.json': '9', 'new.json': '4' };
    expect([...changedArtifacts(before, after)].sort()).toEqual(['b.json', 'gone.json', 'new.json']);
    expect(changedArtifacts(after, after).size).toBe(0);
  });
});

describe('pagesToRender', () => {
  const { values: paths, indices } = intern(
    new Map([
      ['/a/', ['site.json', 'units/a.json']],
      ['/b/', ['site.json', 'units/b.json']],
      ['/c/', ['areas/index.json']],
    ]),
  );
  const pages = Object.fromEntries([...indices].map(([url, reads]) => [url, { reads, size: 1, mtimeMs: 1 }]));

  it('renders the pages that read a changed artifact, and only those', () => {
    expect([...pagesToRender({ paths, pages }, new Set(['units/b.json']))]).toEqual(['/b/']);
    expect([...pagesToRender({ paths, pages }, new Set(['site.json']))].sort()).toEqual(['/a/', '/b/']);
    // An optional artifact that appears (it was read while absent) counts as changed like any other.
    expect([...pagesToRender({ paths, pages }, new Set(['areas/index.json']))]).toEqual(['/c/']);
    expect(pagesToRender({ paths, pages }, new Set(['other.json'])).size).toBe(0);
  });

  it('interns each path once', () => {
    expect(paths.filter((p) => p === 'site.json')).toHaveLength(1);
    expect(indices.get('/a/')?.map((i) => paths[i])).toEqual(['site.json', 'units/a.json']);
  });
});
