import { describe, expect, it } from 'vitest';
import { createSearchEngine, findWordStart, foldAll } from '../../../src/lib/facilities/searchEngine.ts';
import { buildPlaceIndex, createPlaceFinder } from '../../../src/lib/facilities/searchPlaces.ts';
import { parseSearchQuery } from '../../../src/lib/facilities/searchQuery.ts';
import { buildSearchIndex } from '../../../src/lib/facilities/searchRecord.ts';
import type { Facility } from '../../../src/schemas/facility.ts';

/** Made-up units: Nord (N) > Nordwest (N1) > Anger (N1a); Süd (S) > Südost (S1), Sonnenfeld (S2). */
const PLACES = createPlaceFinder(
  buildPlaceIndex(
    [
      { id: 'bezirk', label: { de: 'Bezirk' } },
      { id: 'region', label: { de: 'Region' } },
      { id: 'raum', label: { de: 'Raum' } },
    ],
    [
      { id: 'N', name: 'Nord', level: 'bezirk' },
      { id: 'S', name: 'Süd', level: 'bezirk' },
      { id: 'N1', name: 'Nordwest', level: 'region', parent: 'N' },
      { id: 'S1', name: 'Südost', level: 'region', parent: 'S' },
      { id: 'S2', name: 'Sonnenfeld', level: 'region', parent: 'S' },
      { id: 'N1a', name: 'Anger', level: 'raum', parent: 'N1' },
    ],
  ),
);
/** Made-up vocabulary. */
const VOCABULARY = {
  types: [
    { id: 'kita', label: { de: 'Kindertagesstätte', en: 'Day-care centre' }, synonyms: ['Kita', 'Kitas'] },
    { id: 'pflege', label: { de: 'Pflegeeinrichtung', en: 'Care home' }, synonyms: ['Pflegeheim'] },
  ],
  targetGroups: [{ id: 'kinder' }],
};
/** Made-up entries. */
const entry = (id: string, name: string, street: string, o: Partial<Facility> = {}, units = ['N', 'N1', 'N1a']) => ({
  facility: {
    id,
    name,
    types: ['kita'],
    targetGroups: [],
    address: { street, postcode: '12345', city: 'Musterstadt' },
    location: { lat: 52, lon: 13 },
    accessibility: { wheelchair: 'unknown' as const },
    sources: [],
    lastConfirmed: '2024-06-01',
    ...o,
  },
  units,
});
const engine = createSearchEngine(
  buildSearchIndex(
    [
      entry('regenbogen', 'Kita Regenbogen', 'Müllerstraße 12', {
        provider: 'Kinderwelt e. V.',
        targetGroups: ['kinder'],
      }),
      entry('regenbogenland', 'Kinderladen Regenbogenland', 'Am Anger 3', {}, ['S', 'S1']),
      entry('mueller', 'Seniorenhaus Müller', 'Heideweg 4', { types: ['pflege'], provider: 'Müller & Söhne GmbH' }),
      entry('linden', 'Kita Lindenstraße', 'Lindenstraße 30', { accessibility: { wheelchair: 'yes' } }),
      entry('sonne', 'Kita Sonnenschein', 'Parkallee 1', { languages: ['tr'] }, ['S', 'S2']),
      entry('suedpflege', 'Pflegewohnen Süd', 'Parkallee 9', { types: ['pflege'] }, ['S', 'S2']),
      entry('nordkita', 'Kita Nordlicht', 'Heideweg 1', { accessibility: { wheelchair: 'limited' } }, ['N']),
    ],
    VOCABULARY,
  ),
  PLACES,
);
const search = (q: string) => engine.search(parseSearchQuery(new URLSearchParams(q)));
const ids = (q: string) => search(q).found.map((i) => engine.entry(i).id);

describe('createSearchEngine(file, places).search(query)', () => {
  it('finds entries by the start of a word: "Regenb" finds "Kita Regenbogen"', () => {
    expect(ids('q=Regenb').sort()).toEqual(['regenbogen', 'regenbogenland']);
    expect(ids('q=regenb+kinderw')).toEqual(['regenbogen']);
  });

  it('is case- and umlaut-insensitive: muller, MUELLER, strasse finds street compounds', () => {
    expect(ids('q=muller').sort()).toEqual(['mueller', 'regenbogen']);
    expect(ids('q=MUELLER').sort()).toEqual(['mueller', 'regenbogen']);
    expect(ids('q=strasse').sort()).toEqual(['linden', 'regenbogen']);
    expect(ids('q=stras').sort()).toEqual(['linden', 'regenbogen']);
    expect(ids('q=allee').sort()).toEqual(['sonne', 'suedpflege']);
  });

  it('ranks a name match above an address match, and a whole word above the start of one', () => {
    expect(ids('q=linden')[0]).toBe('linden');
    expect(ids('q=muller')[0]).toBe('mueller');
    expect(ids('q=regenbogen')).toEqual(['regenbogen', 'regenbogenland']);
  });

  it('forgives one typo in a word of six letters or more', () => {
    expect(ids('q=Sonnenschain')).toEqual(['sonne']);
    expect(ids('q=Regenbogn')).toEqual(['regenbogen']);
    expect(ids('q=Mulr')).toEqual([]);
  });

  it('reads type words as a type filter: labels, synonyms, their starts', () => {
    expect(ids('q=Pflegeeinrichtung')).toEqual(['suedpflege', 'mueller']);
    expect(ids('q=Pflegeh')).toEqual(['suedpflege', 'mueller']);
    expect(ids('q=care+home').sort()).toEqual(['mueller', 'suedpflege']);
    expect(search('q=Kitas').reading.types.map((t) => t.id)).toEqual(['kita']);
    expect(ids('q=kita+regenb').sort()).toEqual(['regenbogen', 'regenbogenland']);
    expect(ids('q=pflege+regenb')).toEqual([]);
  });

  it('reads area words as an area filter at every level: "Pflege Süd", "Kita Anger", "Kita Nordwest"', () => {
    expect(ids('q=Pflege+Süd')).toEqual(['suedpflege']);
    expect(ids('q=Kita+Anger')).toEqual(['linden', 'regenbogen']);
    expect(ids('q=Kita+Nordwest')).toEqual(['linden', 'regenbogen']);
    expect(ids('q=Kita+Nord')).toEqual(['linden', 'nordkita', 'regenbogen']);
    expect(ids('q=Sonnenfeld+kita').sort()).toEqual(['sonne']);
    const reading = search('q=Kita+Anger').reading;
    expect(reading.areas.map((a) => a.map((p) => p.id))).toEqual([['N1a']]);
    expect(reading.text).toEqual([]);
  });

  it('matches a query of area words alone as text ("Anger" finds the entry on "Am Anger")', () => {
    expect(ids('q=Anger')).toEqual(['regenbogenland']);
    expect(search('q=Anger').reading.areas).toEqual([]);
  });

  it('matches the words as plain text when the filtering reading finds nothing', () => {
    // "Süd" is an area, but no Kita named "Pflegewohnen" lies there: the text reading finds the entry by its name.
    expect(ids('q=Pflegewohnen+Süd')).toEqual(['suedpflege']);
    expect(ids('q=Kita+Sonnenfeld+Regenb')).toEqual([]);
  });

  it('applies the filters of the form to text hits, and lists every entry a filter passes without text (by name)', () => {
    expect(ids('q=regenb&gebiet=S')).toEqual(['regenbogenland']);
    expect(ids('typ=kita&gebiet=S')).toEqual(['regenbogenland', 'sonne']);
    expect(ids('teilgebiet=S2')).toEqual(['sonne', 'suedpflege']);
    expect(ids('gruppe=kinder')).toEqual(['regenbogen']);
    expect(ids('sprache=tr')).toEqual(['sonne']);
    expect(ids('rollstuhl=ja')).toEqual(['linden']);
    expect(ids('rollstuhl=teilweise')).toEqual(['linden', 'nordkita']);
    expect(ids('q=...')).toHaveLength(7);
  });

  it('gives an entry the units of every level from its finest one, and filters by them', () => {
    expect(engine.entry(search('q=Regenbogen').found[0] as number).units).toEqual(['N', 'N1', 'N1a']);
    expect(ids('gebiet=N&teilgebiet=N1')).toEqual(['linden', 'regenbogen', 'mueller']);
  });

  it('finds nothing for a word no entry has', () => {
    expect(ids('q=Zahnarzt')).toEqual([]);
  });
});

describe('foldAll(values) and findWordStart(text, q)', () => {
  it('folds every value in one pass', () => {
    expect(foldAll(['Kita „Sonnenschein“', '', 'Müllerstraße 12, 12345 Berlin'])).toEqual([
      'kita „sonnenschein“',
      '',
      'mullerstrasse 12, 12345 berlin',
    ]);
  });

  it('finds a word or the start of one, whatever separates the words', () => {
    const [text = ''] = foldAll(['Kita „Sonnenschein“ – Haus-Nr. 12']);
    expect(findWordStart(text, 'sonnenschein')).toBe('exact');
    expect(findWordStart(text, 'sonnen')).toBe('prefix');
    expect(findWordStart(text, 'schein')).toBeUndefined();
    expect(findWordStart(text, 'haus')).toBe('exact');
    expect(findWordStart(text, 'nr')).toBe('exact');
    expect(findWordStart(text, '1')).toBe('prefix');
    expect(findWordStart('aa a', 'a')).toBe('exact');
    expect(findWordStart('дом', 'до')).toBe('prefix');
  });
});
