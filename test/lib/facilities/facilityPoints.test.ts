import { describe, expect, it } from 'vitest';
import {
  buildFacilityPointsExtra,
  joinFacilityPoints,
  searchIndexKey,
  type FacilityPointsExtra,
} from '../../../src/lib/facilities/facilityPoints.ts';
import { buildSearchIndex, type SearchIndexFile } from '../../../src/lib/facilities/searchRecord.ts';
import type { PlacedFacility } from '../../../src/lib/pages/facilityPage.ts';

// Made-up vocabulary and entries.
const vocabulary = [
  { id: 'pflege', label: { de: 'Pflegeeinrichtung', en: 'Care home' }, vulnerability: 3 },
  { id: 'kita', label: { de: 'Kita' }, vulnerability: 2 },
  { id: 'arzt', label: { de: 'Arztpraxis', en: 'Doctor' }, vulnerability: 0 },
];
const meta = { dataDate: '2023-12-31', staleAfterDays: 730, licence: 'CC BY 4.0' };
const entry = (
  id: string,
  types: string[],
  o: { stale?: boolean; name?: string; more?: Record<string, unknown> } = {},
): PlacedFacility => ({
  facility: {
    id,
    name: o.name ?? `Name ${id}`,
    types,
    targetGroups: [],
    accessibility: { wheelchair: 'unknown' },
    address: { street: 'Weg 1', postcode: '45997', city: 'Musterstadt' },
    location: { lat: 51.400001, lon: 7.000002 },
    ...o.more,
  } as unknown as PlacedFacility['facility'],
  file: `content/facilities/${id}.md`,
  html: '',
  units: ['1', '05'],
  ageDays: 1,
  stale: o.stale ?? false,
});

/** The point list as the browser gets it: both files through JSON, then joined. */
function pointsOf(entries: PlacedFacility[]) {
  const index = buildSearchIndex(entries, { types: vocabulary, targetGroups: [] });
  const extra = buildFacilityPointsExtra(index, entries, vocabulary, meta);
  const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return { index, extra, joined: joinFacilityPoints(roundTrip(index), roundTrip(extra)) };
}

describe('the point list (search index joined with facilities-points.json)', () => {
  it('has one point per entry, sorted by id, with address line, phone, v and stale', () => {
    const { joined } = pointsOf([
      entry('b', ['kita', 'arzt'], { stale: true, more: { phone: '+49 201 1' } }),
      entry('a', ['arzt'], { name: 'Zentrum' }),
    ]);
    expect(joined?.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(JSON.parse(JSON.stringify(joined?.items[1]))).toEqual({
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
    expect(joined?.items[0]).toMatchObject({ id: 'a', name: 'Zentrum', v: 0, stale: undefined, phone: undefined });
    expect(joined?.types).toEqual([
      { id: 'pflege', de: 'Pflegeeinrichtung', en: 'Care home', v: 3 },
      { id: 'kita', de: 'Kita', en: 'Kita', v: 2 },
      { id: 'arzt', de: 'Arztpraxis', en: 'Doctor', v: 0 },
    ]);
    expect(joined).toMatchObject(meta);
  });

  it('keeps e-mail, places (0 apart from unknown), operator and the operator contact of entries without their own', () => {
    const { joined, extra } = pointsOf([
      entry('mit-mail', ['pflege'], {
        more: {
          email: 'a@example.org',
          capacity: { places: 0 },
          provider: 'Träger e. V.',
          location: { lat: 52.5, lon: 13.4 },
        },
      }),
      entry('ohne-kontakt', ['kita'], {
        more: {
          capacity: { places: 40 },
          providerContact: { phone: '+49 30 1', address: { street: 'Hof 2', postcode: '10115', city: 'Berlin' } },
        },
      }),
      entry('ohne-plaetze', ['arzt']),
    ]);
    const byId = new Map(joined?.items.map((p) => [p.id, p]));
    expect(byId.get('mit-mail')).toMatchObject({
      email: 'a@example.org',
      places: 0,
      provider: 'Träger e. V.',
      lat: 52.5,
      lon: 13.4,
      v: 3,
      operatorContact: undefined,
    });
    expect(byId.get('ohne-kontakt')).toMatchObject({
      places: 40,
      email: undefined,
      operatorContact: { phone: '+49 30 1', address: 'Hof 2, 10115 Berlin' },
    });
    expect(byId.get('ohne-plaetze')?.places).toBeUndefined();
    expect(extra.places.filter((p) => p === null)).toHaveLength(1);
    expect(Object.keys(extra.operator)).toHaveLength(1);
  });

  it('refuses a file of other rows or another format, and the key follows rows, ids and names', () => {
    const a = pointsOf([entry('a', ['arzt']), entry('b', ['kita'])]);
    const b = pointsOf([entry('a', ['arzt']), entry('b', ['kita'], { name: 'Anderer Name' })]);
    expect(searchIndexKey(a.index)).not.toBe(searchIndexKey(b.index));
    expect(joinFacilityPoints(a.index, b.extra)).toBeUndefined();
    expect(joinFacilityPoints(b.index, b.extra)).toBeDefined();
    expect(joinFacilityPoints(a.index, { ...a.extra, version: 1 } as unknown as FacilityPointsExtra)).toBeUndefined();
    const swapped: SearchIndexFile = { ...a.index, id: [...a.index.id].reverse(), name: [...a.index.name].reverse() };
    expect(searchIndexKey(swapped)).not.toBe(searchIndexKey(a.index));
    expect(searchIndexKey({ id: ['', ''], name: ['ab', 'c'] })).not.toBe(
      searchIndexKey({ id: ['', ''], name: ['a', 'bc'] }),
    );
  });

  it('throws when the index has a row the entries lack', () => {
    const { index } = pointsOf([entry('a', ['arzt']), entry('b', ['kita'])]);
    expect(() => buildFacilityPointsExtra(index, [entry('a', ['arzt'])], vocabulary, meta)).toThrow(/Name b|b/);
  });
});
