import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { SubUnitMapData } from '../../../src/lib/charts/subUnitMap.ts';
import { buildCompareLinks } from '../../../src/lib/pages/compareLinks.ts';
import { buildUnitChildren } from '../../../src/lib/pages/unitChildren.ts';

// A made-up city: Bezirk 1 with two regions (one with three areas, one with one), Bezirk 2 with one region.
const LEVELS = [
  { id: 'bezirk', label: { de: 'Bezirk', en: 'District' }, labelPlural: { de: 'Bezirke', en: 'Districts' } },
  { id: 'region', label: { de: 'Region' }, labelPlural: { de: 'Regionen' } },
  { id: 'raum', label: { de: 'Raum', en: 'Area' }, labelPlural: { de: 'Räume', en: 'Areas' } },
];
const UNITS = [
  { id: '1', name: 'Nord', level: 'bezirk', url: '/bezirk/1/' },
  { id: '2', name: 'Süd', level: 'bezirk', url: '/bezirk/2/' },
  { id: '12', name: 'Zentrum', level: 'region', parent: '1', url: '/region/12/' },
  { id: '11', name: 'Aue', level: 'region', parent: '1', url: '/region/11/' },
  { id: '21', name: 'Heide', level: 'region', parent: '2', url: '/region/21/' },
  { id: '113', name: 'Mühlweg', level: 'raum', parent: '11', url: '/raum/113/' },
  { id: '111', name: 'Bach', level: 'raum', parent: '11', url: '/raum/111/' },
  { id: '112', name: 'Anger', level: 'raum', parent: '11', url: '/raum/112/' },
  { id: '121', name: 'Markt', level: 'raum', parent: '12', url: '/raum/121/' },
];
const MAP: SubUnitMapData = {
  viewBox: '0 0 400 300',
  areas: [
    { id: '12', d: 'M200,0l200,0 0,300 -200,0z', at: [300, 150] },
    { id: '11', d: 'M0,0l200,0 0,300 -200,0z', at: [100, 150] },
  ],
  inner: 'M0,150l200,0',
};

describe('buildUnitChildren', () => {
  it('buildUnitChildren(Bezirk) lists its regions by name, numbered, each with its areas grouped under it', () => {
    const v = buildUnitChildren({ unit: { id: '1', name: 'Nord' }, units: UNITS, levels: LEVELS, lang: 'de' });
    expect(v?.heading).toBe('Teilgebiete von Nord');
    expect(v?.counts).toBe('2 Regionen, 4 Räume');
    expect(v?.groups.map((g) => [g.no, g.name, g.href, g.sub?.label, g.sub?.items.map((s) => s.name)])).toEqual([
      [1, 'Aue', '/region/11/', 'Räume in Aue (3)', ['Anger', 'Bach', 'Mühlweg']],
      [2, 'Zentrum', '/region/12/', 'Räume in Zentrum (1)', ['Markt']],
    ]);
    expect(v?.map).toBeUndefined();
  });

  it('buildUnitChildren(Bezirk) with sub-units of a second scheme: the first level numbered and mapped, the other listed apart', () => {
    const levels = [...LEVELS, { id: 'prog', label: { de: 'Prognoseraum' }, labelPlural: { de: 'Prognoseräume' } }];
    const units = [
      ...UNITS,
      { id: '1a', name: 'Altstadt', level: 'prog', parent: '1', url: '/prog/1a/' },
      { id: '1b', name: 'Bahnhof', level: 'prog', parent: '1', url: '/prog/1b/' },
    ];
    const v = buildUnitChildren({
      unit: { id: '1', name: 'Nord' },
      units,
      levels,
      map: MAP,
      childGroups: [
        { level: 'region', heading: { de: 'Regionen (bis 2020)', en: 'Regions (until 2020)' } },
        { level: 'prog', heading: { de: 'Prognoseräume (ab 2021)', en: 'Forecast areas (from 2021)' } },
      ],
      lang: 'de',
    });
    expect(v?.counts).toBe('2 Regionen, 4 Räume, 2 Prognoseräume');
    // Only the regions are numbered (and on the map): "Altstadt" would otherwise sort between them.
    expect(v?.groups.map((g) => [g.no, g.name])).toEqual([
      [1, 'Aue'],
      [2, 'Zentrum'],
    ]);
    expect(v?.levels).toEqual({
      heading: 'Regionen (bis 2020) (2)',
      others: [
        {
          id: 'teilgebiete-prog',
          heading: 'Prognoseräume (ab 2021) (2)',
          items: [
            { name: 'Altstadt', href: '/prog/1a/' },
            { name: 'Bahnhof', href: '/prog/1b/' },
          ],
        },
      ],
    });
    expect(v?.map?.svg).toContain('Karte von Nord mit 2 Regionen');
  });

  it('buildUnitChildren(region, en) lists its areas without groups; singular level names for one', () => {
    const v = buildUnitChildren({ unit: { id: '12', name: 'Zentrum' }, units: UNITS, levels: LEVELS, lang: 'en' });
    expect(v?.heading).toBe('Areas within Zentrum');
    expect(v?.counts).toBe('1 area');
    expect(v?.groups).toEqual([{ no: 1, name: 'Markt', href: '/en/raum/121/', sub: undefined }]);
  });

  it('buildUnitChildren(unit without sub-units) is undefined', () => {
    expect(buildUnitChildren({ unit: { id: '121', name: 'Markt' }, units: UNITS, levels: LEVELS, lang: 'de' })).toBe(
      undefined,
    );
  });

  it('buildUnitChildren(map) numbers the map like the list and names each link', () => {
    const v = buildUnitChildren({
      unit: { id: '1', name: 'Nord' },
      units: UNITS,
      levels: LEVELS,
      map: MAP,
      lang: 'de',
    });
    const { document } = parseHTML(`<!doctype html><html><body>${v?.map?.svg ?? ''}</body></html>`);
    expect(document.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Karte von Nord mit 2 Regionen; jede ist ein Link zu ihrer Seite',
    );
    // The map's order is the pipeline's; the numbers are the list's (Aue 1, Zentrum 2).
    expect(
      [...document.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]),
    ).toEqual([
      ['/region/12/', '2: Zentrum (Region)'],
      ['/region/11/', '1: Aue (Region)'],
    ]);
    expect([...document.querySelectorAll('text')].map((x) => x.textContent)).toEqual(['2', '1']);
    expect(v?.map?.key).toBe(
      'Zahlen auf der Karte: die Nummern der Regionen in der Liste; jede Fläche führt zur Seite des Gebiets. Dünne graue Linien: Grenzen der Räume.',
    );
  });
});

describe('buildCompareLinks', () => {
  it('buildCompareLinks(area) offers the area alone, with its parent, and with its siblings when they fit', () => {
    const m = buildCompareLinks({ unit: UNITS[6]!, units: UNITS, levels: LEVELS, lang: 'de' });
    expect(m.heading).toBe('Zum Vergleich');
    expect(m.links).toEqual([
      { href: '/vergleich/?gebiete=111', label: 'Bach mit anderen Gebieten vergleichen' },
      { href: '/vergleich/?gebiete=111,11', label: 'Bach und Aue vergleichen' },
      { href: '/vergleich/?gebiete=111,112,113', label: 'Bach und die anderen Räume in Aue vergleichen' },
    ]);
  });

  it('buildCompareLinks(Bezirk, en) has no parent; its sub-units when two to four', () => {
    const m = buildCompareLinks({ unit: UNITS[0]!, units: UNITS, levels: LEVELS, lang: 'en' });
    expect(m.links).toEqual([
      { href: '/en/vergleich/?gebiete=1', label: 'Compare Nord with other areas' },
      { href: '/en/vergleich/?gebiete=11,12', label: 'Compare the regionen in Nord' },
    ]);
  });

  it('buildCompareLinks(a unit with no siblings) leaves the sibling link out', () => {
    const m = buildCompareLinks({ unit: UNITS[8]!, units: UNITS, levels: LEVELS, lang: 'de' });
    expect(m.links.map((l) => l.href)).toEqual(['/vergleich/?gebiete=121', '/vergleich/?gebiete=121,12']);
  });
});
