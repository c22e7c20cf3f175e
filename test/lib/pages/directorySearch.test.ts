import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type Wheelchair } from '../../../src/lib/facilities/searchRecord.ts';
import { buildDirectorySearch, languageLabel } from '../../../src/lib/pages/directorySearch.ts';

/** A made-up placed entry. */
const rec = (
  id: string,
  types: string[],
  units: string[],
  languages: string[] = [],
  wheelchair: Wheelchair = 'unknown',
  targetGroups: string[] = [],
) => ({
  facility: {
    id,
    name: id,
    types,
    targetGroups,
    address: { street: 'Weg 1', postcode: '12345', city: 'Musterstadt' },
    location: { lat: 52, lon: 13 },
    languages,
    accessibility: { wheelchair },
    sources: [],
    lastConfirmed: '2024-06-01',
  },
  units,
});
/** Made-up units: Süd (S) > Südost (S1); Nord (N) > Nordwest (N1), Anger (N2, no entries); Ost (O, no entries). */
const UNITS = [
  { id: 'S', name: 'Süd', level: 'bezirk' },
  { id: 'N', name: 'Nord', level: 'bezirk' },
  { id: 'O', name: 'Ost', level: 'bezirk' },
  { id: 'S1', name: 'Südost', level: 'region', parent: 'S' },
  { id: 'N1', name: 'Nordwest', level: 'region', parent: 'N' },
  { id: 'N2', name: 'Anger', level: 'region', parent: 'N' },
];
const CTX = {
  levels: ['bezirk', 'region', 'raum'],
  units: UNITS,
  types: [
    { id: 'pflege', label: { de: 'Pflege' } },
    { id: 'apotheke', label: { de: 'Apotheke' } },
    { id: 'kita', label: { de: 'Kita' } },
  ],
  targetGroups: [
    { id: 'kinder', label: { de: 'Kinder' } },
    { id: 'senioren', label: { de: 'Senioren' } },
  ],
};

describe('buildDirectorySearch(file, ctx)', () => {
  const page = buildDirectorySearch(
    buildSearchIndex(
      [
        rec('a', ['kita', 'pflege'], ['N', 'N1'], ['tr', 'de'], 'yes', ['kinder']),
        rec('b', ['kita'], ['S', 'S1'], ['de'], 'limited'),
        rec('c', ['pflege'], ['N', 'N1'], [], 'no'),
        // Placed in the top level only (no unit of the second level reaches it): counted for Nord alone.
        rec('d', ['apotheke'], ['N']),
      ],
      CTX,
    ),
    CTX,
  );

  it('offers the types and target groups that occur, in vocabulary order, with counts', () => {
    expect(page.types).toEqual([
      { id: 'pflege', count: 2 },
      { id: 'apotheke', count: 1 },
      { id: 'kita', count: 2 },
    ]);
    expect(page.targetGroups).toEqual([{ id: 'kinder', count: 1 }]);
  });

  it('offers the units with entries by name, the second level inside the first, from the finest unit of each entry', () => {
    expect(page.areas).toEqual([
      { id: 'N', name: 'Nord', count: 3, children: [{ id: 'N1', name: 'Nordwest', count: 2 }] },
      { id: 'S', name: 'Süd', count: 1, children: [{ id: 'S1', name: 'Südost', count: 1 }] },
    ]);
  });

  it('names the languages in German and English, by German name, and counts wheelchair access', () => {
    expect(page.languages).toEqual([
      { id: 'de', count: 2, label: { de: 'Deutsch', en: 'German' } },
      { id: 'tr', count: 1, label: { de: 'Türkisch', en: 'Turkish' } },
    ]);
    expect(page.wheelchair).toEqual({ yes: 1, yesOrLimited: 2 });
    expect(page.total).toBe(4);
    expect(page.url).toBe('/einrichtungen/suche/');
    expect(page.indexUrl).toBe('/data/search/facilities.json');
    expect(page.unitsUrl).toBe('/data/search/units.json');
  });
});

describe('languageLabel(code)', () => {
  it('falls back to the code for a code Intl does not name', () => {
    expect(languageLabel('ar')).toEqual({ de: 'Arabisch', en: 'Arabic' });
    expect(languageLabel('qq').de).toBe('qq');
  });
});
