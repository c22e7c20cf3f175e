import { describe, expect, it } from 'vitest';
import { buildUnitsIndex, initialOf } from '../../../src/lib/pages/unitsIndex.ts';
import { placeFinderModel } from '../../../src/lib/pages/placeFinder.ts';

/** Made-up levels and units. */
const LEVELS = [
  { id: 'bezirk', label: { de: 'Bezirk', en: 'District' }, labelPlural: { de: 'Bezirke', en: 'Districts' } },
  { id: 'region', label: { de: 'Region' }, labelPlural: { de: 'Regionen' } },
  { id: 'raum', label: { de: 'Raum' }, labelPlural: { de: 'Räume' } },
];
const u = (id: string, name: string, level: string, parent?: string) => ({
  id,
  name,
  level,
  parent,
  url: `/${level}/${id}/`,
});
const UNITS = [
  u('S', 'Süd', 'bezirk'),
  u('N', 'Nord', 'bezirk'),
  u('N1', 'Nordwest', 'region', 'N'),
  u('N2', 'Anger', 'region', 'N'),
  u('N1a', 'Österwiese', 'raum', 'N1'),
  u('N1b', 'Am Bach', 'raum', 'N1'),
  u('N1c', '1. Feld', 'raum', 'N1'),
];

describe('buildUnitsIndex(lang, levels, units)', () => {
  const m = buildUnitsIndex('de', LEVELS, UNITS);

  it('lists every unit once under its folded initial, by name, with its level and top-level unit', () => {
    expect(m.letters.map((s) => s.letter)).toEqual(['A', 'N', 'O', 'S', '#']);
    expect(m.letters.flatMap((s) => s.entries)).toHaveLength(UNITS.length);
    expect(m.letters[0]?.entries).toEqual([
      { name: 'Am Bach', href: '/raum/N1b/', detail: 'Raum in Nord' },
      { name: 'Anger', href: '/region/N2/', detail: 'Region in Nord' },
    ]);
    expect(m.letters[1]?.entries[0]).toEqual({ name: 'Nord', href: '/bezirk/N/', detail: 'Bezirk' });
    expect(m.letters[4]).toMatchObject({ id: 'buchstabe-0', heading: 'Ziffern und andere Zeichen' });
    expect(m.letters[2]).toMatchObject({ id: 'buchstabe-o', heading: 'O', linkLabel: 'Gebiete mit O' });
  });

  it('groups every unit under its top-level unit, with counts per level', () => {
    expect(m.groups.map((g) => [g.name, g.counts])).toEqual([
      ['Nord', '2 Regionen, 3 Räume'],
      ['Süd', ''],
    ]);
    expect(m.groups[0]?.children.map((c) => [c.name, c.children.map((x) => x.name)])).toEqual([
      ['Anger', []],
      ['Nordwest', ['1. Feld', 'Am Bach', 'Österwiese']],
    ]);
    expect(m.groupedHeading).toBe('Nach Bezirk');
    expect(m.lede).toBe('Alle 7 Gebiete des Atlas (Bezirke, Regionen, Räume), nach Bezirk geordnet und von A bis Z.');
  });

  it('links the English pages under /en', () => {
    const en = buildUnitsIndex('en', LEVELS, UNITS);
    expect(en.groups[0]?.href).toBe('/en/bezirk/N/');
    expect(en.groups[0]?.level).toBe('District');
    expect(en.title).toBe('All areas from A to Z');
  });
});

describe('initialOf(name)', () => {
  it('folds umlauts and puts digits and other characters under #', () => {
    expect(initialOf('Übersee')).toBe('U');
    expect(initialOf(' 12. Feld')).toBe('#');
    expect(initialOf('Łódź')).toBe('#');
  });
});

describe('placeFinderModel(lang, variant, hasFacilities)', () => {
  it('leads to the list of all areas without JavaScript, and loads the facility index only with a directory', () => {
    const header = placeFinderModel('en', 'header', true);
    expect(header).toMatchObject({
      action: '/en/alle-gebiete/',
      inputId: 'finder-kopf-q',
      unitsUrl: '/data/search/units.json',
      facilitiesUrl: '/data/search/facilities.json',
      label: 'Search areas or facilities',
      role: 'search',
    });
    const home = placeFinderModel('de', 'home', false);
    expect(home).toMatchObject({ inputId: 'finder-start-q', facilitiesUrl: '', label: 'Gebiet suchen' });
    expect(home.role).toBeUndefined();
  });
});
