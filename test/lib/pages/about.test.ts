import { describe, expect, it } from 'vitest';
import { buildAboutPage, type AboutInput } from '../../../src/lib/pages/about.ts';

/** A made-up atlas with two schemes, a directory and a repository; the second input lacks all optional parts. */
const FULL: AboutInput = {
  title: { de: 'Sozialatlas Musterstadt', en: 'Social Atlas Musterstadt' },
  city: { de: 'Musterstadt' },
  description: { de: 'Erfundener Atlas.', en: 'Made-up atlas.' },
  publisher: 'Stadt Musterstadt',
  dataDate: '2024-12-31',
  levels: [
    { id: 'bezirk', labelPlural: { de: 'Bezirke', en: 'Districts' }, count: 12 },
    { id: 'raum', labelPlural: { de: 'Planungsräume', en: 'Planning areas' }, count: 1448 },
  ],
  units: [
    { name: 'Süd', level: 'raum', url: '/raum/0101/' },
    { name: 'Mitte', level: 'bezirk', url: '/bezirk/01/' },
  ],
  schemes: [
    { id: 'alt', label: { de: 'LOR bis 2020', en: 'LOR until 2020' }, validUntil: '2020-12-31' },
    { id: 'neu', label: { de: 'LOR ab 2021', en: 'LOR from 2021' }, validFrom: '2021-01-01' },
  ],
  indicators: ['a', 'b', 'c'],
  facilities: 6758,
  breaks: ['x', 'y'],
  indices: true,
  releases: true,
  repositoryUrl: 'https://git.example/stadt/atlas',
};
const BARE: AboutInput = {
  ...FULL,
  schemes: [],
  facilities: undefined,
  breaks: [],
  indices: false,
  releases: false,
  repositoryUrl: undefined,
};

describe('buildAboutPage', () => {
  it('buildAboutPage() states the figures of the site as given, formatted for de-DE, with units per level', () => {
    const m = buildAboutPage(FULL, 'de');
    expect(m.title).toBe('Über den Atlas');
    expect(m.facts).toEqual([
      { label: 'Gebiete', value: '1.460: 12 Bezirke, 1.448 Planungsräume' },
      { label: 'Merkmale', value: '3' },
      { label: 'Einrichtungen', value: '6.758' },
      {
        label: 'Gebietsstände',
        value: 'LOR bis 2020 (gültig bis 31.12.2020); LOR ab 2021 (gültig ab 01.01.2021)',
      },
      { label: 'Erklärte Brüche in Zeitreihen', value: '2' },
      { label: 'Datenstand', value: '31.12.2024' },
    ]);
    expect(m.breaks).toBe('2');
    expect(m.severalSchemes).toBe(true);
    expect(m.intro).toBe('Erfundener Atlas.');
  });

  it('buildAboutPage() links the existing pages in the reader’s language, the example unit from the top level', () => {
    const m = buildAboutPage(FULL, 'en');
    expect(m.title).toBe('About the atlas');
    expect(m.city).toBe('Musterstadt');
    expect(m.links.data.href).toBe('/en/daten/');
    expect(m.links.sources.href).toBe('/en/daten/#quellen');
    expect(m.links.breaks.href).toBe('/en/daten/#brueche');
    expect(m.links.openData).toEqual({ href: '/en/offene-daten/', label: 'Open data: every download' });
    expect(m.links.methods?.href).toBe('/en/methoden/');
    expect(m.links.facilities?.href).toBe('/en/einrichtungen/');
    expect(m.links.releases?.href).toBe('/en/neu/');
    expect(m.links.repository?.href).toBe('https://git.example/stadt/atlas');
    expect(m.exampleUnit).toEqual({ label: 'Mitte', href: '/en/bezirk/01/' });
    expect(m.facts.find((f) => f.label === 'Boundary schemes')?.value).toBe(
      'LOR until 2020 (valid until 31 December 2020); LOR from 2021 (valid from 1 January 2021)',
    );
  });

  it('buildAboutPage() leaves out what the atlas does not have: no directory, indices, releases, repository, schemes', () => {
    const m = buildAboutPage(BARE, 'de');
    expect(m.links.methods).toBeUndefined();
    expect(m.links.facilities).toBeUndefined();
    expect(m.links.releases).toBeUndefined();
    expect(m.links.repository).toBeUndefined();
    expect(m.severalSchemes).toBe(false);
    expect(m.facts.map((f) => f.label)).toEqual(['Gebiete', 'Merkmale', 'Erklärte Brüche in Zeitreihen', 'Datenstand']);
    expect(m.breaks).toBe('0');
  });
});
