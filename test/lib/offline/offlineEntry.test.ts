import { describe, expect, it } from 'vitest';
import { buildFacilityPointsExtra, type FacilityPointsExtra } from '../../../src/lib/facilities/facilityPoints.ts';
import { buildPlaceIndex } from '../../../src/lib/facilities/searchPlaces.ts';
import { buildSearchIndex } from '../../../src/lib/facilities/searchRecord.ts';
import { joinCompactFacilities, splitAddressLine } from '../../../src/lib/offline/compactFacilities.ts';
import { facilityIdFromPath, offlineView } from '../../../src/lib/offline/offlineEntry.ts';
import type { PlacedFacility } from '../../../src/lib/pages/facilityPage.ts';

// Made up: one atlas with two levels and three entries.
const levels = [
  { id: 'bezirk', label: { de: 'Bezirk', en: 'Borough' } },
  { id: 'teil', label: { de: 'Stadtteil' } },
];
const units = [
  { id: '1', name: 'Nord', level: 'bezirk' },
  { id: '11', name: 'Hafen', level: 'teil', parent: '1' },
  { id: '2', name: 'Süd', level: 'bezirk' },
];
const types = [
  { id: 'kita', label: { de: 'Kita', en: 'Day care' }, vulnerability: 2 },
  { id: 'pflege', label: { de: 'Pflege' }, vulnerability: 3 },
];
const entry = (f: Record<string, unknown>, placed: string[], stale = false): PlacedFacility => ({
  facility: {
    targetGroups: [],
    accessibility: { wheelchair: 'unknown' },
    location: { lat: 51.5, lon: 7.1 },
    sources: [],
    ...f,
  } as unknown as PlacedFacility['facility'],
  file: `content/facilities/${String(f['id'])}.md`,
  html: '',
  units: placed,
  ageDays: 1,
  stale,
});
const entries = [
  entry(
    {
      id: 'z-kita',
      name: 'Kita Z',
      types: ['kita'],
      address: { street: 'Weg 1', postcode: '12345', city: 'Musterstadt' },
      phone: '+49 30 123',
      lastConfirmed: '2023-01-02',
    },
    ['1', '11'],
  ),
  entry(
    {
      id: 'a-pflege',
      name: 'Pflege A',
      types: ['pflege'],
      address: { street: 'Platz 2, Hinterhaus', postcode: '12345', city: 'Bad Muster' },
      email: 'a@example.org',
      lastConfirmed: '2020-05-06',
    },
    ['1'],
    true,
  ),
  entry({ id: 'ohne-adresse', name: 'Ohne Adresse', types: ['kita'], lastConfirmed: '2023-02-03' }, ['2']),
];

/** The three files as the offline page gets them (through JSON), built from the made-up entries. */
function files({ facilitiesDate }: { facilitiesDate?: string } = { facilitiesDate: '2023-12-31' }) {
  const index = buildSearchIndex(entries, { types, targetGroups: [] });
  const extra = buildFacilityPointsExtra(index, entries, types, {
    dataDate: '2023-06-30',
    staleAfterDays: 730,
    licence: 'CC BY 4.0',
    facilitiesDate,
  });
  const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return { index: roundTrip(index), extra: roundTrip(extra), places: roundTrip(buildPlaceIndex(levels, units)) };
}
const { index, extra, places } = files();
const data = joinCompactFacilities(index, extra, places);

describe('joinCompactFacilities', () => {
  it('joins the search index, the radius file and the unit index: sorted, units top-down, empty fields left out', () => {
    expect(data?.items.map((i) => i.id)).toEqual(['a-pflege', 'ohne-adresse', 'z-kita']);
    expect(data?.items[2]).toEqual({
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
    expect(data?.items[0]).toMatchObject({ street: 'Platz 2, Hinterhaus', city: 'Bad Muster', units: ['1'] });
    expect(data?.items[0]?.stale).toBe(true);
    expect(data?.items[1]).toMatchObject({ street: '', postcode: '', city: '', units: ['2'] });
    expect(data?.units['11']).toEqual({ name: 'Hafen', level: 'teil', url: '/teil/11/' });
    expect(data?.dataDate).toBe('2023-12-31');
  });

  it('names the atlas data date where the directory has no date of its own, and refuses files of two builds', () => {
    const undated = files({});
    expect(joinCompactFacilities(undated.index, undated.extra, undated.places)?.dataDate).toBe('2023-06-30');
    const other: FacilityPointsExtra = { ...extra, index: '3:00000000' };
    expect(joinCompactFacilities(index, other, places)).toBeUndefined();
  });

  it('splitAddressLine(line) parts a line at its last comma and tells "no address" and other shapes apart', () => {
    expect(splitAddressLine('Platz 2, Hinterhaus, 12345 Bad Muster')).toEqual({
      street: 'Platz 2, Hinterhaus',
      postcode: '12345',
      city: 'Bad Muster',
    });
    expect(splitAddressLine('Adresse nicht erfasst')).toBeUndefined();
    expect(splitAddressLine('Weg 1')).toBeUndefined();
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
