import { describe, expect, it } from 'vitest';
import { atomFeed, releaseItems, unitsConcerned } from '../../../src/lib/releases/releases.ts';

const units = new Map([
  ['1', { id: '1', name: 'Nord', url: '/stadtbezirk/1/' }],
  ['11', { id: '11', name: 'Am Kanal', url: '/stadtteil/11/', parent: '1' }],
]);
const ctx = { units, facilities: new Map(), markdown: (s: string) => `<p>${s}</p>` };
const releases = [
  { date: '2024-01-01', title: { de: 'Alt' } },
  { date: '2024-03-01', title: { de: 'Neu <&>', en: 'New' }, units: ['11'], text: { de: 'Text' } },
];

describe('releases', () => {
  it('releaseItems() sorts newest first, with anchors, links and the English fallback marked', () => {
    const items = releaseItems(releases, ctx, 'en');
    expect(items.map((i) => [i.anchor, i.title, i.fallback, i.units.map((u) => u.name)])).toEqual([
      ['r-2024-03-01', 'New', true, ['Am Kanal']],
      ['r-2024-01-01', 'Alt', true, []],
    ]);
  });

  it('unitsConcerned() is the named units and their ancestors; undefined for the whole atlas', () => {
    expect(unitsConcerned(releases[1] as never, ctx)).toEqual(new Set(['11', '1']));
    expect(unitsConcerned(releases[0] as never, ctx)).toBeUndefined();
  });

  it('atomFeed() escapes text, takes `updated` from the newest release and carries no build time', () => {
    const xml = atomFeed({
      title: 'Atlas',
      self: 'https://a.example/data/feeds/de/neu.xml',
      page: 'https://a.example/neu/',
      author: 'Stadt',
      lang: 'de',
      items: releaseItems(releases, ctx, 'de'),
      fallbackDate: '2023-12-31',
    });
    expect(xml).toContain('<title>Neu &lt;&amp;&gt;</title>');
    expect(xml).toContain('<updated>2024-03-01T00:00:00Z</updated>\n  <author>');
    expect(xml).toContain('<id>https://a.example/neu/#r-2024-01-01</id>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Text&lt;/p&gt;</content>');
  });
});
