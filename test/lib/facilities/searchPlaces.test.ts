import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, createPlaceFinder } from '../../../src/lib/facilities/searchPlaces.ts';
import { searchWords } from '../../../src/lib/facilities/searchText.ts';

/** Made-up levels and units (names borrowed from Berlin for realistic words; ids and structure invented). */
const LEVELS = [
  { id: 'bezirk', label: { de: 'Bezirk', en: 'District' } },
  { id: 'region', label: { de: 'Bezirksregion' } },
  { id: 'raum', label: { de: 'Planungsraum', en: 'Planning area' } },
];
const UNITS = [
  { id: 'R', name: 'Reuterstraße', level: 'region', parent: 'N' },
  { id: 'N', name: 'Neukölln', level: 'bezirk' },
  { id: 'T', name: 'Tempelhof-Schöneberg', level: 'bezirk' },
  { id: 'NM', name: 'Neuköllner Mitte/Zentrum', level: 'region', parent: 'N' },
  { id: 'SN', name: 'Schöneberg Nord', level: 'region', parent: 'T' },
  { id: 'SS', name: 'Schöneberg Süd', level: 'region', parent: 'T' },
  { id: 'RK', name: 'Reuterkiez', level: 'raum', parent: 'R' },
  { id: 'SI', name: 'Schöneberger Insel', level: 'raum', parent: 'SN' },
  { id: 'M', name: 'Mitte', level: 'bezirk' },
  { id: 'AK', name: 'Am Kanal', level: 'raum', parent: 'R' },
  { id: 'X', name: 'Ohne Ebene', level: 'unbekannt' },
];
const file = buildPlaceIndex(LEVELS, UNITS);
const finder = createPlaceFinder(file);
const names = (q: string) => finder.search(searchWords(q)).map((h) => h.place.name);

describe('buildPlaceIndex(levels, units)', () => {
  it('lists every unit of a known level by level, then name, with its parent, and the levels in both languages', () => {
    expect(file.version).toBe(1);
    expect(file.levels).toEqual([
      { id: 'bezirk', label: { de: 'Bezirk', en: 'District' } },
      { id: 'region', label: { de: 'Bezirksregion', en: 'Bezirksregion' } },
      { id: 'raum', label: { de: 'Planungsraum', en: 'Planning area' } },
    ]);
    expect(file.units.slice(0, 4)).toEqual([
      ['M', 'Mitte', 0, ''],
      ['N', 'Neukölln', 0, ''],
      ['T', 'Tempelhof-Schöneberg', 0, ''],
      ['NM', 'Neuköllner Mitte/Zentrum', 1, 'N'],
    ]);
    expect(file.units).toHaveLength(UNITS.length - 1);
  });
});

describe('createPlaceFinder(file)', () => {
  it('gives each unit its page path, parent and chain of units above it', () => {
    const rk = finder.byId.get('RK');
    expect(rk?.path).toBe('/raum/RK/');
    expect(rk?.parent?.name).toBe('Reuterstraße');
    expect(finder.chain('RK')).toEqual(['N', 'R', 'RK']);
    expect(finder.chain('nicht-da')).toEqual([]);
  });

  it('finds units by the start of any word of the name, with folded case, umlauts and ß', () => {
    expect(names('Reuterk')).toEqual(['Reuterkiez', 'Reuterstraße']);
    expect(names('schoneberg')).toEqual([
      'Schöneberg Nord',
      'Schöneberg Süd',
      'Schöneberger Insel',
      'Tempelhof-Schöneberg',
    ]);
    expect(names('SCHÖNEBERG')).toEqual(names('schoeneberg'));
    expect(names('strasse')).toEqual(['Reuterstraße']);
  });

  it('ranks the exact name first, then names that start with the query, then other words, then typos', () => {
    const hits = finder.search(searchWords('Neukölln'));
    expect(hits.map((h) => [h.place.name, h.rank])).toEqual([
      ['Neukölln', 0],
      ['Neuköllner Mitte/Zentrum', 1],
    ]);
    expect(finder.search(searchWords('mitte')).map((h) => [h.place.name, h.rank])).toEqual([
      ['Mitte', 0],
      ['Neuköllner Mitte/Zentrum', 2],
    ]);
    expect(finder.search(searchWords('Reutrekiez')).map((h) => [h.place.name, h.rank])).toEqual([['Reuterkiez', 3]]);
  });

  it('takes words from the names of the units above ("Reuterkiez Neukölln"), if one word names the unit itself', () => {
    expect(names('Reuterkiez Neukölln')).toEqual(['Reuterkiez']);
    expect(names('Insel Tempelhof')).toEqual(['Schöneberger Insel']);
    expect(names('Neukölln Tempelhof')).toEqual([]);
  });

  it('reads an area phrase as the start of unit names: exact names win over starts, whole words over typing', () => {
    const area = (q: string, start = 0) => {
      const m = finder.areaAt(searchWords(q), start);
      return m && [m.words, m.places.map((p) => p.id)];
    };
    expect(area('Neukölln')).toEqual([1, ['N']]);
    expect(area('Schöneberg')).toEqual([1, ['SN', 'SS']]);
    expect(area('Schöneberg Nord')).toEqual([2, ['SN']]);
    expect(area('Kita Reuterk', 1)).toEqual([1, ['RK']]);
    expect(area('Reuterk Kita')).toBeUndefined();
    expect(area('Kita Reu', 1)).toBeUndefined();
    expect(area('Kita Reuterkeiz', 1)).toEqual([1, ['RK']]);
    expect(area('Kita Zentrum', 1)).toBeUndefined();
    expect(area('Kita am Park', 1)).toBeUndefined();
    expect(area('Kita am Kanal', 1)).toEqual([2, ['AK']]);
  });
});
