import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  decodeFacilityId,
  encodeFacilityId,
  SEARCH_COLUMNS,
  typeTerms,
} from '../../../src/lib/facilities/searchRecord.ts';
import { slugifyFacility } from '../../../src/lib/facilities/slugifyFacility.ts';
import type { Facility } from '../../../src/schemas/facility.ts';

/** A made-up placed entry. */
function placed(id: string, name: string, o: Partial<Facility> = {}, units = ['N', 'N1', 'N1a']) {
  const facility: Facility = {
    id,
    name,
    types: ['kita'],
    targetGroups: [],
    address: { street: 'Weg 1', postcode: '12345', city: 'Musterstadt' },
    location: { lat: 52, lon: 13 },
    accessibility: { wheelchair: 'unknown' },
    sources: [],
    lastConfirmed: '2024-06-01',
    ...o,
  };
  return { facility, units };
}

/** Made-up vocabulary. */
const VOCABULARY = {
  types: [
    { id: 'pflege', label: { de: 'Pflegeeinrichtung', en: 'Care home' }, synonyms: ['Pflegeheim', 'pflegeheim'] },
    { id: 'kita', label: { de: 'Kita' } },
    { id: 'familie', label: { de: 'Familienzentrum', en: 'Family centre' } },
  ],
  targetGroups: [{ id: 'senioren' }, { id: 'kinder' }],
};

describe('buildSearchIndex(entries, vocabulary)', () => {
  const file = buildSearchIndex(
    [
      placed('kita-regenbogen-kt-0101', 'Kita Regenbogen', {
        provider: 'Regenbogen e. V.',
        phone: '+49 30 1234567',
        types: ['kita', 'familie'],
        targetGroups: ['kinder'],
        address: { street: 'Müllerstraße 12', postcode: '13353', city: 'Berlin' },
        languages: ['de', 'tr'],
        accessibility: { wheelchair: 'limited' },
      }),
      placed('x', 'X', { types: ['pflege'] }, ['N']),
    ],
    VOCABULARY,
  );

  it('keeps what the result lists and the filters need, one column per field, in the documented order', () => {
    expect(file.columns).toEqual(SEARCH_COLUMNS);
    expect(file.name).toEqual(['Kita Regenbogen', 'X']);
    expect(file.provider).toEqual(['Regenbogen e. V.', '']);
    expect(file.address).toEqual(['Müllerstraße 12, 13353 Berlin', 'Weg 1, 12345 Musterstadt']);
    expect(file.phone).toEqual(['+49 30 1234567', '']);
    expect(file.type).toEqual([[1, 2], [0]]);
    expect(file.group).toEqual([[1], []]);
    expect(file.language).toEqual([['de', 'tr'], []]);
    expect(file.wheelchair).toBe('lu');
  });

  it('stores the finest unit of each entry (the others follow from the unit index)', () => {
    expect(file.unit).toEqual(['N1a', 'N']);
  });

  it('shortens ids made from the name, and decodes every id back', () => {
    expect(file.id).toEqual(['-kt-0101', '']);
    expect(file.id.map((stored, i) => decodeFacilityId(stored, file.name[i] ?? ''))).toEqual([
      'kita-regenbogen-kt-0101',
      'x',
    ]);
  });

  it('carries the types with labels and search terms (labels and synonyms, folded, without repeats)', () => {
    expect(file.types[0]).toEqual({
      id: 'pflege',
      label: { de: 'Pflegeeinrichtung', en: 'Care home' },
      terms: [['pflegeeinrichtung'], ['care', 'home'], ['pflegeheim']],
    });
    expect(file.types[1]?.label).toEqual({ de: 'Kita', en: 'Kita' });
    expect(file.targetGroups).toEqual(['senioren', 'kinder']);
  });

  it('sorts by German collation, then id', () => {
    const sorted = buildSearchIndex(
      [placed('b2', 'Zwergenhaus'), placed('a', 'Ärztehaus'), placed('b1', 'Zwergenhaus'), placed('c', 'Apotheke')],
      VOCABULARY,
    );
    expect(sorted.version).toBe(2);
    expect(sorted.id.map((s, i) => decodeFacilityId(s, sorted.name[i] ?? ''))).toEqual(['c', 'a', 'b1', 'b2']);
  });
});

describe('encodeFacilityId(id, name) and decodeFacilityId(stored, name)', () => {
  it('round-trips ids made by the importer, ids equal to the name slug, and ids of renamed entries', () => {
    const cases: [string, string, string][] = [
      [slugifyFacility('Kita Wühlmäuse', 'kt-01010010'), 'Kita Wühlmäuse', '-kt-01010010'],
      ['kita-wuehlmaeuse', 'Kita Wühlmäuse', ''],
      // Renamed after the id was made: stored whole.
      ['kita-wuehlmaeuse-kt-01010010', 'Kita Maulwurf', 'kita-wuehlmaeuse-kt-01010010'],
      // A long name is cut in the id at a word boundary.
      [
        slugifyFacility('Ambulante Pflege und Betreuung für Seniorinnen und Senioren im Bezirk', 'osm-42'),
        'Ambulante Pflege und Betreuung für Seniorinnen und Senioren im Bezirk',
        '-osm-42',
      ],
      ['a', 'B', 'a'],
    ];
    for (const [id, name, stored] of cases) {
      expect(encodeFacilityId(id, name), id).toBe(stored);
      expect(decodeFacilityId(stored, name), id).toBe(id);
    }
  });
});

describe('typeTerms(type)', () => {
  it('folds the German and English labels and the synonyms into words', () => {
    expect(
      typeTerms({ label: { de: 'Kinder- und Jugendfreizeiteinrichtung', en: 'Youth centre' }, synonyms: ['JFE'] }),
    ).toEqual([['kinder', 'und', 'jugendfreizeiteinrichtung'], ['youth', 'centre'], ['jfe']]);
  });
});
