import { describe, expect, it } from 'vitest';
import type { UnitFacilities } from '../../../src/lib/pages/facilityModel.ts';
import { buildUnitFacilitiesView } from '../../../src/lib/pages/unitFacilities.ts';

// Made up.
const TYPES = [
  { id: 'kita', label: { de: 'Kita', en: 'Day care' } },
  { id: 'beratung', label: { de: 'Beratung' } },
];
const item = { id: 'a', name: 'A', url: '/einrichtungen/a/', address: 'Weg 1, 10115 Berlin' };

describe('buildUnitFacilitiesView', () => {
  it('finest level: counts link to the lists on the page, formatted', () => {
    const uf: UnitFacilities = {
      total: 1201,
      byType: [
        { type: 'kita', count: 1200, items: [item] },
        { type: 'beratung', count: 1, items: [] },
      ],
    };
    const v = buildUnitFacilitiesView(uf, 'Tiergarten', TYPES, 'de');
    expect(v.listed).toBe(true);
    expect(v.summary).toContain('1.201');
    expect(v.summary).toContain('Tiergarten');
    expect(v.groups).toEqual([
      { anchor: 'typ-kita', label: 'Kita', href: '#typ-kita', count: '1.200', items: [item] },
      { anchor: 'typ-beratung', label: 'Beratung', href: '#typ-beratung', count: '1', items: [] },
    ]);
    expect(v.directory).toBeUndefined();
  });

  it('a bigger unit links its counts to its directory page; English under /en', () => {
    const uf: UnitFacilities = {
      total: 5,
      byType: [{ type: 'kita', count: 5 }],
      directoryUrl: '/einrichtungen/gebiet/01/',
    };
    const v = buildUnitFacilitiesView(uf, 'Mitte', TYPES, 'en');
    expect(v.listed).toBe(false);
    expect(v.groups[0]).toMatchObject({ label: 'Day care', href: '/en/einrichtungen/gebiet/01/#typ-kita', count: '5' });
    expect(v.directory?.href).toBe('/en/einrichtungen/gebiet/01/');
    expect(v.directory?.text).toContain('Mitte');
  });

  it('a level without directory pages shows the type without a link; a unit without entries has no summary', () => {
    expect(
      buildUnitFacilitiesView({ total: 2, byType: [{ type: 'kita', count: 2 }] }, 'X', TYPES, 'de').groups[0]?.href,
    ).toBeUndefined();
    const none = buildUnitFacilitiesView({ total: 0, byType: [] }, 'X', TYPES, 'de');
    expect(none.summary).toBeUndefined();
    expect(none.groups).toEqual([]);
  });
});
