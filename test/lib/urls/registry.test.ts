import { describe, expect, it } from 'vitest';
import {
  checkRegistry,
  expandRedirects,
  parseRegistry,
  publishedUrls,
  formatRegistry,
} from '../../../src/lib/urls/registry.ts';

describe('published-urls registry', () => {
  it('publishedUrls() lists pages and downloads, not the 404 page, hashed assets or internal files', () => {
    expect(
      publishedUrls([
        'index.html',
        '404.html',
        'bezirk/01/index.html',
        '_astro/a.js',
        'data/values.csv',
        'data/offline/manifest-de.json',
        'data/search/facilities.json',
        'sw.js',
      ]),
    ).toEqual(['/', '/bezirk/01/', '/data/values.csv']);
  });

  it('checkRegistry() reports a listed address gone without a redirect, and accepts it with one', () => {
    const built = ['/', '/bezirk/02/'];
    expect(checkRegistry(['/', '/bezirk/01/'], built, []).missing).toEqual(['/bezirk/01/']);
    const redirects = expandRedirects([{ from: '/bezirk/01/', to: '/bezirk/02/' }]);
    expect(redirects).toEqual([
      { from: '/bezirk/01/', to: '/bezirk/02/' },
      { from: '/en/bezirk/01/', to: '/en/bezirk/02/' },
    ]);
    const ok = checkRegistry(['/', '/bezirk/01/'], built, redirects.slice(0, 1));
    expect(ok).toEqual({ missing: [], badRedirects: [], unlisted: ['/bezirk/02/'] });
  });

  it('checkRegistry() refuses a redirect to nowhere and one from an address that still exists', () => {
    const bad = checkRegistry(
      [],
      ['/a/'],
      [
        { from: '/a/', to: '/a/' },
        { from: '/b/', to: '/c/' },
      ],
    ).badRedirects.map((r) => r.reason);
    expect(bad).toEqual(['die alte Adresse gibt es noch', 'das Ziel gibt es im Build nicht']);
  });

  it('formatRegistry() and parseRegistry() round-trip, comments skipped', () => {
    expect(parseRegistry(formatRegistry(['/', '/x/']))).toEqual(['/', '/x/']);
  });
});
