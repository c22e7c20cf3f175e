import { describe, expect, it } from 'vitest';
import { compactFacilities, type CompactInput } from '../../../src/lib/offline/compactFacilities.ts';
import { facilityIdFromPath, offlineView } from '../../../src/lib/offline/offlineEntry.ts';

// Made up: one atlas with two levels and two entries.
const input: CompactInput = {
  dataDate: '2023-12-31',
  levels: [
    { id: 'bezirk', label: { de: 'Bezirk', en: 'Borough' } },
    { id: 'teil', label: { de: 'Stadtteil' } },
  ],
  units: [
    { id: '1', name: 'Nord', level: 'bezirk', url: '/bezirk/1/' },
    { id: '11', name: 'Hafen', level: 'teil', url: '/teil/11/' },
    { id: '2', name: 'Süd', level: 'bezirk', url: '/bezirk/2/' },
  ],
  types: [
    { id: 'kita', label: { de: 'Kita', en: 'Day care' } },
    { id: 'pflege', label: { de: 'Pflege' } },
  ],
  features: [
    {
      properties: {
        id: 'z-kita',
        name: 'Kita Z',
        types: ['kita'],
        address: { street: 'Weg 1', postcode: '12345', city: 'Musterstadt' },
        phone: '+49 30 123',
        email: null,
        units: { teil: '11', bezirk: '1' },
        lastConfirmed: '2023-01-02',
        stale: false,
      },
    },
    {
      properties: {
        id: 'a-pflege',
        name: 'Pflege A',
        types: ['pflege'],
        address: { street: 'Platz 2', postcode: '12345', city: 'Musterstadt' },
        email: 'a@example.org',
        units: { bezirk: '1' },
        lastConfirmed: '2020-05-06',
        stale: true,
      },
    },
  ],
};

describe('compactFacilities', () => {
  it('compactFacilities(input) sorts entries, orders units top-down, drops empty fields and unused labels', () => {
    const c = compactFacilities(input);
    expect(c.items.map((i) => i.id)).toEqual(['a-pflege', 'z-kita']);
    expect(c.items[1]).toEqual({
      id: 'z-kita',
      name: 'Kita Z',
      street: 'Weg 1',
      postcode: '12345',
      city: 'Musterstadt',
      phone: '+49 30 123',
      types: ['kita'],
      units: ['1', '11'],
      lastConfirmed: '2023-01-02',
    });
    expect(c.items[0]?.stale).toBe(true);
    expect(Object.keys(c.units)).toEqual(['1', '11']);
    expect(Object.keys(c.types)).toEqual(['kita', 'pflege']);
  });
});

describe('facilityIdFromPath', () => {
  it('facilityIdFromPath(path) finds the id of a facility page in either language', () => {
    expect(facilityIdFromPath('/einrichtungen/kita-z/')).toBe('kita-z');
    expect(facilityIdFromPath('/en/einrichtungen/kita-%C3%BC/')).toBe('kita-ü');
  });
  it('facilityIdFromPath(path) is undefined for directory lists and other pages', () => {
    expect(facilityIdFromPath('/einrichtungen/')).toBeUndefined();
    expect(facilityIdFromPath('/einrichtungen/typ/')).toBeUndefined();
    expect(facilityIdFromPath('/einrichtungen/gebiet/1/')).toBeUndefined();
    expect(facilityIdFromPath('/einrichtungen/karte/')).toBeUndefined();
    expect(facilityIdFromPath('/bezirk/1/')).toBeUndefined();
    expect(facilityIdFromPath('/einrichtungen/%E0%A4%A/')).toBeUndefined();
  });
});

describe('offlineView', () => {
  const data = compactFacilities(input);
  it('offlineView(facility path, data, "de") shows the entry with links, dates and the saved state', () => {
    expect(offlineView('/einrichtungen/z-kita/', data, 'de')).toEqual({
      kind: 'facility',
      name: 'Kita Z',
      types: 'Kita',
      address: ['Weg 1', '12345 Musterstadt'],
      phone: { text: '+49\u00a030\u00a0123', href: 'tel:+4930123' },
      email: undefined,
      units: [
        { level: 'Bezirk', name: 'Nord', href: '/bezirk/1/' },
        { level: 'Stadtteil', name: 'Hafen', href: '/teil/11/' },
      ],
      lastConfirmed: { iso: '2023-01-02', text: '02.01.2023' },
      stale: false,
      savedState: { iso: '2023-12-31', text: '31.12.2023' },
    });
  });
  it('offlineView(facility path, data, "en") uses English labels and /en/ links, German where there is no English', () => {
    const v = offlineView('/en/einrichtungen/a-pflege/', data, 'en');
    expect(
      v.kind === 'facility' && [
        v.types,
        v.units[0]?.level,
        v.units[0]?.href,
        v.email?.href,
        v.stale,
        v.savedState.text,
      ],
    ).toEqual(['Pflege', 'Borough', '/en/bezirk/1/', 'mailto:a@example.org', true, '31 December 2023']);
  });
  it('offlineView(path, data, lang) tells an unknown entry, another page and the offline page itself apart', () => {
    expect(offlineView('/einrichtungen/gibt-es-nicht/', data, 'de')).toEqual({
      kind: 'unknown-facility',
      id: 'gibt-es-nicht',
    });
    expect(offlineView('/einrichtungen/z-kita/', undefined, 'de')).toEqual({ kind: 'unknown-facility', id: 'z-kita' });
    expect(offlineView('/daten/', data, 'de')).toEqual({ kind: 'not-saved', path: '/daten/' });
    expect(offlineView('/en/offline/', data, 'en')).toEqual({ kind: 'self' });
  });
});
