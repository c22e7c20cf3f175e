import { describe, expect, it } from 'vitest';
import { buildFacilityPoints } from '../../../src/lib/facilities/facilityPoints.ts';
import type { PlacedFacility } from '../../../src/lib/pages/facilityPage.ts';

// Made-up vocabulary and entries.
const vocabulary = [
  { id: 'pflege', label: { de: 'Pflegeeinrichtung', en: 'Care home' }, vulnerability: 3 },
  { id: 'kita', label: { de: 'Kita' }, vulnerability: 2 },
  { id: 'arzt', label: { de: 'Arztpraxis', en: 'Doctor' }, vulnerability: 0 },
];
const entry = (id: string, types: string[], stale = false, phone?: string): PlacedFacility => ({
  facility: {
    id,
    name: `Name ${id}`,
    types,
    address: { street: 'Weg 1', postcode: '45997', city: 'Musterstadt' },
    location: { lat: 51.400001, lon: 7.000002 },
    phone,
  } as unknown as PlacedFacility['facility'],
  file: `content/facilities/${id}.md`,
  html: '',
  units: ['1', '05'],
  ageDays: 1,
  stale,
});

describe('buildFacilityPoints', () => {
  it('buildFacilityPoints(entries) writes one point per entry, sorted by id, with address line, phone, v and stale', () => {
    const file = buildFacilityPoints(
      [entry('b', ['kita', 'arzt'], true, '+49 201 1'), entry('a', ['arzt'])],
      vocabulary,
      { dataDate: '2023-12-31', staleAfterDays: 730, licence: 'CC BY 4.0' },
    );
    expect(file.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(file.items[1]).toEqual({
      id: 'b',
      name: 'Name b',
      types: ['kita', 'arzt'],
      lat: 51.400001,
      lon: 7.000002,
      address: 'Weg 1, 45997 Musterstadt',
      phone: '+49 201 1',
      v: 2,
      stale: true,
    });
    expect(file.types).toEqual([
      { id: 'pflege', de: 'Pflegeeinrichtung', en: 'Care home', v: 3 },
      { id: 'kita', de: 'Kita', en: 'Kita', v: 2 },
      { id: 'arzt', de: 'Arztpraxis', en: 'Doctor', v: 0 },
    ]);
    expect(file).toMatchObject({ dataDate: '2023-12-31', staleAfterDays: 730, licence: 'CC BY 4.0' });
  });
});
