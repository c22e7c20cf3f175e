import { describe, expect, it } from 'vitest';
import { createSearchEngine, indexWords } from '../../../src/lib/facilities/searchEngine.ts';
import { parseSearchQuery } from '../../../src/lib/facilities/searchQuery.ts';
import { buildSearchIndex } from '../../../src/lib/facilities/searchRecord.ts';
import type { Facility } from '../../../src/schemas/facility.ts';

/** Made-up entries. */
const entry = (id: string, name: string, street: string, o: Partial<Facility> = {}, units = ['N', 'N1']) => ({
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
  buildSearchIndex([
    entry('regenbogen', 'Kita Regenbogen', 'Müllerstraße 12', { provider: 'Kinderwelt e. V.' }),
    entry('regenbogenland', 'Kinderladen Regenbogenland', 'Am Anger 3', {}, ['S', 'S1']),
    entry('mueller', 'Seniorenhaus Müller', 'Heideweg 4', { types: ['pflege'], provider: 'Müller & Söhne GmbH' }),
    entry('linden', 'Kita Lindenstraße', 'Lindenstraße 30', { accessibility: { wheelchair: 'yes' } }),
    entry('sonne', 'Kita Sonnenschein', 'Parkallee 1', { languages: ['tr'] }, ['S', 'S2']),
  ]),
);
const ids = (q: string) => engine.search(parseSearchQuery(new URLSearchParams(q))).map((r) => r[0]);

describe('indexWords(text)', () => {
  it('indexes street compounds also in parts', () => {
    expect(indexWords('Müllerstraße 12')).toEqual(['mullerstrasse', '12', 'muller', 'strasse']);
    expect(indexWords('Parkallee')).toEqual(['parkallee', 'park', 'allee']);
    expect(indexWords('Amweg')).toEqual(['amweg']);
  });
});

describe('createSearchEngine(file).search(query)', () => {
  it('finds entries by the start of a word: "Regenb" finds "Kita Regenbogen"', () => {
    expect(ids('q=Regenb').sort()).toEqual(['regenbogen', 'regenbogenland']);
    expect(ids('q=kita+regenb')).toEqual(['regenbogen']);
  });

  it('is case- and umlaut-insensitive: muller, MUELLER, strasse', () => {
    expect(ids('q=muller').sort()).toEqual(['mueller', 'regenbogen']);
    expect(ids('q=MUELLER').sort()).toEqual(['mueller', 'regenbogen']);
    expect(ids('q=strasse').sort()).toEqual(['linden', 'regenbogen']);
  });

  it('ranks a name match above an address match', () => {
    expect(ids('q=linden')[0]).toBe('linden');
    expect(ids('q=muller')[0]).toBe('mueller');
  });

  it('forgives one typo in a long word', () => {
    expect(ids('q=Sonnenschain')).toEqual(['sonne']);
  });

  it('applies the filters to text hits, and lists every entry a filter passes when there is no text (by name)', () => {
    expect(ids('q=regenb&gebiet=S')).toEqual(['regenbogenland']);
    expect(ids('typ=kita&gebiet=S')).toEqual(['regenbogenland', 'sonne']);
    expect(ids('teilgebiet=S2')).toEqual(['sonne']);
    expect(ids('sprache=tr')).toEqual(['sonne']);
    expect(ids('rollstuhl=ja')).toEqual(['linden']);
    expect(ids('q=...')).toHaveLength(5);
  });

  it('finds nothing for a word no entry has', () => {
    expect(ids('q=Zahnarzt')).toEqual([]);
  });
});
