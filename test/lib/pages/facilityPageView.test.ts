import { describe, expect, it } from 'vitest';
import type { FacilityPageData } from '../../../src/lib/pages/facilityModel.ts';
import { buildFacilityPageView, type FacilityViewContext } from '../../../src/lib/pages/facilityPageView.ts';

// Made up: one entry of a made-up directory.
const ENTRY: FacilityPageData = {
  id: 'kita-a',
  name: 'Kita A',
  url: '/einrichtungen/kita-a/',
  types: ['kita', 'familie'],
  targetGroups: ['kinder'],
  address: { street: 'Musterweg 1', postcode: '10115', city: 'Berlin' },
  location: { lat: 52.5200081, lon: 13.4049539 },
  phone: '+49 30 123-45',
  website: 'https://example.org/kita/',
  languages: ['tr', 'de'],
  accessibility: { wheelchair: 'yes' },
  capacity: { places: 1250, note: 'ab 1 Jahr' },
  html: '',
  units: [
    { id: '01', name: 'Mitte', level: 'bezirk', url: '/bezirk/01/' },
    { id: '0110', name: 'Tiergarten', level: 'raum', url: '/raum/0110/' },
  ],
  sources: [
    {
      source: 'osm',
      recordId: 'node/1',
      attribution: '© OpenStreetMap',
      licence: 'ODbL',
      retrieved: '2024-03-05',
    },
  ],
  odbl: true,
  lastConfirmed: '2023-12-31',
  ageDays: 400,
  stale: true,
  file: 'content/facilities/kita-a.md',
};
const CTX: FacilityViewContext = {
  index: {
    types: [
      { id: 'kita', label: { de: 'Kita', en: 'Day care' } },
      { id: 'familie', label: { de: 'Familienzentrum' } },
    ],
    targetGroups: [{ id: 'kinder', label: { de: 'Kinder', en: 'Children' } }],
    referenceDate: '2024-06-30',
    staleAfterDays: 365,
  },
  levels: [
    { id: 'bezirk', label: { de: 'Bezirk', en: 'District' } },
    { id: 'raum', label: { de: 'Raum' } },
  ],
  dataDate: '2024-01-01',
};

describe('buildFacilityPageView', () => {
  it('looks up labels, formats dates, numbers and the phone number in German', () => {
    const v = buildFacilityPageView(ENTRY, CTX, 'de');
    expect(v.types).toEqual([
      { label: 'Kita', href: '/einrichtungen/typ/kita/' },
      { label: 'Familienzentrum', href: '/einrichtungen/typ/familie/' },
    ]);
    expect(v.typesText).toBe('Kita, Familienzentrum');
    expect(v.description).toBe('Kita A: Kita, Familienzentrum, Musterweg 1, 10115 Berlin.');
    expect(v.groupsText).toBe('Kinder');
    expect(v.languagesText).toBe('Türkisch, Deutsch');
    expect(v.staleNote).toContain('30.06.2024');
    expect(v.lastConfirmed).toEqual({ iso: '2023-12-31', text: '31.12.2023' });
    expect(v.dataDate).toEqual({ iso: '2024-01-01', text: '01.01.2024' });
    expect(v.phone).toEqual({ href: 'tel:+493012345', text: '+49\u00a030\u00a0123\u201145' });
    expect(v.website).toEqual({ href: 'https://example.org/kita/', text: 'example.org/kita' });
    expect(v.capacity).toEqual({ places: '1.250', note: 'ab 1 Jahr' });
    expect(v.coordinates).toBe('52,520008° N, 13,404954° O (WGS84)');
    expect(v.units).toEqual([
      { level: 'Bezirk', name: 'Mitte', href: '/bezirk/01/' },
      { level: 'Raum', name: 'Tiergarten', href: '/raum/0110/' },
    ]);
    expect(v.nearbyHref).toMatch(/^\/einrichtungen\/umkreis\/\?lat=52\.52.*r=500/);
    expect(v.sources).toEqual([
      {
        attribution: '© OpenStreetMap',
        licence: 'ODbL',
        record: 'osm:node/1',
        url: undefined,
        retrieved: { iso: '2024-03-05', text: '05.03.2024' },
      },
    ]);
  });

  it('English: labels fall back to German, links carry /en, numbers and dates in en-GB', () => {
    const v = buildFacilityPageView(ENTRY, CTX, 'en');
    expect(v.typesText).toBe('Day care, Familienzentrum');
    expect(v.types[0]?.href).toBe('/en/einrichtungen/typ/kita/');
    expect(v.units[0]).toEqual({ level: 'District', name: 'Mitte', href: '/en/bezirk/01/' });
    expect(v.capacity?.places).toBe('1,250');
    expect(v.lastConfirmed.text).toBe('31 December 2023');
    expect(v.nearbyHref.startsWith('/en/einrichtungen/umkreis/')).toBe(true);
  });

  it('leaves out what the entry does not have; without an address the description says so', () => {
    const bare: FacilityPageData = {
      ...ENTRY,
      targetGroups: [],
      languages: [],
      address: undefined,
      phone: undefined,
      website: undefined,
      capacity: undefined,
      stale: false,
    };
    const v = buildFacilityPageView(bare, CTX, 'de');
    expect(v.groupsText).toBeUndefined();
    expect(v.languagesText).toBeUndefined();
    expect(v.phone).toBeUndefined();
    expect(v.website).toBeUndefined();
    expect(v.capacity).toBeUndefined();
    expect(v.staleNote).toBeUndefined();
    expect(v.description).toBe('Kita A: Kita, Familienzentrum, Adresse nicht erfasst.');
  });
});
