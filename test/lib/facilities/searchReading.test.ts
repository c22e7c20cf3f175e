import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, createPlaceFinder } from '../../../src/lib/facilities/searchPlaces.ts';
import { placesText, readQuery, typeAt } from '../../../src/lib/facilities/searchReading.ts';
import { typeTerms, type SearchType } from '../../../src/lib/facilities/searchRecord.ts';
import { searchWords } from '../../../src/lib/facilities/searchText.ts';

/** Made-up vocabulary and units. */
const type = (id: string, de: string, en: string, synonyms: string[] = []): SearchType => ({
  id,
  label: { de, en },
  terms: typeTerms({ label: { de, en }, synonyms }),
});
const TYPES = [
  type('pflege', 'Pflegeeinrichtung', 'Care home', ['Pflegeheim', 'Seniorenheim']),
  type('kita', 'Kindertagesstätte', 'Day-care centre', ['Kita', 'Kindergarten']),
  type('kinderbetreuung', 'Kinderbetreuung', 'Childcare'),
  type('jugend', 'Kinder- und Jugendfreizeiteinrichtung', 'Youth centre', ['Jugendclub']),
  type('klinik', 'Klinik oder Ärztehaus', 'Clinic', ['Klinik']),
  type('krankenhaus', 'Krankenhaus', 'Hospital', ['Klinikum']),
];
const PLACES = createPlaceFinder(
  buildPlaceIndex(
    [{ id: 'bezirk', label: { de: 'Bezirk' } }],
    [
      { id: 'N', name: 'Neukölln', level: 'bezirk' },
      { id: 'M', name: 'Mitte', level: 'bezirk' },
    ],
  ),
);
const read = (q: string) => {
  const r = readQuery(searchWords(q), TYPES, PLACES);
  return { types: r.types.map((t) => t.id), areas: r.areas.map((a) => a.map((p) => p.id)), text: r.text };
};

describe('typeAt(words, start, types)', () => {
  it('prefers the whole term over starts of terms, and the longest phrase', () => {
    expect(typeAt(['klinik'], 0, TYPES)?.types.map((t) => t.id)).toEqual(['klinik']);
    expect(typeAt(['klini'], 0, TYPES)?.types.map((t) => t.id)).toEqual(['klinik', 'krankenhaus']);
    expect(typeAt(['care', 'home', 'x'], 0, TYPES)).toMatchObject({ words: 2 });
  });

  it('lets a term go on only where the query ends (the reader is still typing)', () => {
    expect(typeAt(['kinder', 'und', 'jugendf'], 0, TYPES)?.types.map((t) => t.id)).toEqual(['jugend']);
    expect(typeAt(['kinder', 'und'], 0, TYPES)?.types.map((t) => t.id)).toEqual(['jugend']);
    expect(typeAt(['kinder', 'neukolln'], 0, TYPES)?.types.map((t) => t.id)).toEqual(['kita', 'kinderbetreuung']);
  });

  it('needs four letters before it reads the start of a type word', () => {
    expect(typeAt(['kit'], 0, TYPES)).toBeUndefined();
    expect(typeAt(['kita'], 0, TYPES)?.types.map((t) => t.id)).toEqual(['kita']);
  });
});

describe('readQuery(words, types, places)', () => {
  it('reads type words, area words and the rest', () => {
    expect(read('Pflege Neukölln')).toEqual({ types: ['pflege'], areas: [['N']], text: [] });
    expect(read('Kita Regenbogen Mitte')).toEqual({ types: ['kita'], areas: [['M']], text: ['regenbogen'] });
    expect(read('Regenbogen Neukölln')).toEqual({ types: [], areas: [['N']], text: ['regenbogen'] });
    expect(read('Seniorenheim')).toEqual({ types: ['pflege'], areas: [], text: [] });
  });

  it('reads a query of area words alone as text', () => {
    expect(read('Neukölln')).toEqual({ types: [], areas: [], text: ['neukolln'] });
    expect(read('Neukölln Mitte')).toEqual({ types: [], areas: [], text: ['neukolln', 'mitte'] });
  });

  it('works without a unit index (no area words)', () => {
    expect(readQuery(searchWords('Kita Neukölln'), TYPES, undefined).text).toEqual(['neukolln']);
  });
});

describe('placesText', () => {
  const level = (de: string, en: string) => ({ id: de.toLowerCase(), label: { de, en } });
  it('names each unit once, and adds the level only where two units share a name', () => {
    const bezirk = { name: 'Neukölln', level: level('Bezirk', 'District') };
    const prognose = { name: 'Neukölln', level: level('Prognoseraum', 'Forecast area') };
    const kiez = { name: 'Reuterkiez', level: level('Planungsraum', 'Planning area') };
    expect(placesText([bezirk, prognose], 'de')).toBe('Neukölln (Bezirk), Neukölln (Prognoseraum)');
    expect(placesText([bezirk, prognose, kiez], 'en')).toBe(
      'Neukölln (District), Neukölln (Forecast area), Reuterkiez',
    );
    expect(placesText([kiez], 'de')).toBe('Reuterkiez');
  });
});
