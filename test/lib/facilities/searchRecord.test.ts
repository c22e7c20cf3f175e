import { describe, expect, it } from 'vitest';
import { buildSearchIndex, buildSearchRecord, SEARCH_FIELDS } from '../../../src/lib/facilities/searchRecord.ts';
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

describe('buildSearchRecord(entry)', () => {
  it('keeps what the result list and the filters need, in the documented positions', () => {
    const r = buildSearchRecord(
      placed('kita-regenbogen', 'Kita Regenbogen', {
        provider: 'Regenbogen e. V.',
        phone: '+49 30 1234567',
        types: ['kita', 'familie'],
        targetGroups: ['kinder'],
        address: { street: 'Müllerstraße 12', postcode: '13353', city: 'Berlin' },
        languages: ['de', 'tr'],
        accessibility: { wheelchair: 'limited' },
      }),
    );
    expect(r).toEqual([
      'kita-regenbogen',
      'Kita Regenbogen',
      'Regenbogen e. V.',
      'Müllerstraße 12, 13353 Berlin',
      '+49 30 1234567',
      ['kita', 'familie'],
      ['kinder'],
      ['N', 'N1'],
      ['de', 'tr'],
      'limited',
    ]);
    expect(r).toHaveLength(SEARCH_FIELDS.length);
  });

  it('writes "" for a missing provider and phone, [] for missing languages, and the units it has', () => {
    const r = buildSearchRecord(placed('x', 'X', {}, ['N']));
    expect([r[2], r[4], r[7], r[8], r[9]]).toEqual(['', '', ['N'], [], 'unknown']);
  });
});

describe('buildSearchIndex(entries)', () => {
  it('sorts by German collation, then id, and names its fields', () => {
    const file = buildSearchIndex([
      placed('b2', 'Zwergenhaus'),
      placed('a', 'Ärztehaus'),
      placed('b1', 'Zwergenhaus'),
      placed('c', 'Apotheke'),
    ]);
    expect(file.version).toBe(1);
    expect(file.fields).toEqual(SEARCH_FIELDS);
    expect(file.records.map((r) => r[0])).toEqual(['c', 'a', 'b1', 'b2']);
  });
});
