import { describe, expect, it } from 'vitest';
import { facilitiesCsvRows, facilitiesGeoJson, feedLicence } from '../../../src/lib/facilities/facilityFeed.ts';
import { buildDirectory, TYPE_LIST_LIMIT, type DirectoryContext } from '../../../src/lib/pages/directory.ts';
import type { PlacedFacility } from '../../../src/lib/pages/facilityPage.ts';
import type { Unit } from '../../../src/lib/types.ts';
import type { Facility } from '../../../src/schemas/facility.ts';

const unit = (id: string, name: string, level: string, parent?: string): Unit => ({
  id,
  name,
  level,
  parent,
  areaM2: 1,
  bbox: [0, 0, 1, 1],
  interiorPoint: [0, 0],
});
/** Made-up units on three levels: Nord (N) > N1 > N1a, N1b; Süd (S) > S1 > S1a. */
const UNITS = [
  unit('N', 'Nord', 'bezirk'),
  unit('S', 'Süd', 'bezirk'),
  unit('N1', 'Nordwest', 'region', 'N'),
  unit('S1', 'Südost', 'region', 'S'),
  unit('N1a', 'Anger', 'raum', 'N1'),
  unit('N1b', 'Bach', 'raum', 'N1'),
  unit('S1a', 'Chaussee', 'raum', 'S1'),
];

const CTX: DirectoryContext = {
  levels: ['bezirk', 'region', 'raum'],
  units: UNITS,
  urlOf: (u) => `/${u.level}/${u.id}/`,
  types: [
    { id: 'pflege', label: { de: 'Pflege' }, vulnerability: 3 },
    { id: 'kita', label: { de: 'Kita' }, vulnerability: 2 },
  ],
  targetGroups: [],
  staleAfterDays: 365,
  referenceDate: '2024-12-31',
};

/** A made-up entry. */
function entry(
  id: string,
  name: string,
  types: string[],
  units: string[],
  o: Partial<Facility> & { stale?: boolean } = {},
): PlacedFacility {
  const { stale = false, ...f } = o;
  return {
    facility: {
      id,
      name,
      types,
      targetGroups: [],
      address: { street: 'Weg 1', postcode: '12345', city: 'Musterstadt' },
      location: { lat: 52, lon: 13 },
      accessibility: { wheelchair: 'unknown' },
      sources: [],
      lastConfirmed: '2024-06-01',
      ...f,
    },
    file: `content/facilities/${id}.md`,
    html: '',
    units,
    ageDays: 0,
    stale,
  };
}

const ENTRIES = [
  entry('z', 'Zwergenhaus', ['kita'], ['N', 'N1', 'N1a'], { phone: '+49 30 1234567' }),
  entry('a', 'Ärztehaus am Anger', ['kita', 'pflege'], ['N', 'N1', 'N1a'], {
    stale: true,
    lastConfirmed: '2022-01-01',
  }),
  entry('b', 'Bachstift', ['pflege'], ['N', 'N1', 'N1b'], { stale: true, lastConfirmed: '2021-05-01' }),
  entry('c', 'Chausseekita', ['kita'], ['S', 'S1', 'S1a'], {
    sources: [
      {
        source: 'osm',
        recordId: '1',
        licence: 'ODbL 1.0',
        attribution: '© OpenStreetMap-Mitwirkende',
        retrieved: '2024-01-01',
      },
    ],
  }),
];

describe('buildDirectory', () => {
  const d = buildDirectory(ENTRIES, CTX);

  it('buildDirectory() counts each entry once in total and once under each of its types', () => {
    expect(d.index).toMatchObject({ total: 4, stale: 2, odbl: 1 });
    expect(d.index.types).toEqual([
      { type: 'pflege', count: 2, url: '/einrichtungen/typ/pflege/' },
      { type: 'kita', count: 3, url: '/einrichtungen/typ/kita/' },
    ]);
    expect(d.index.areas.map((a) => [a.unit.id, a.count])).toEqual([
      ['N', 3],
      ['S', 1],
    ]);
  });

  it('buildDirectory() lists entries on unit pages of the finest level only; coarser ones get a directory link', () => {
    expect(d.unitFacilities.get('N1a')).toEqual({
      total: 2,
      byType: [
        {
          type: 'pflege',
          count: 1,
          items: [
            {
              id: 'a',
              name: 'Ärztehaus am Anger',
              url: '/einrichtungen/a/',
              address: 'Weg 1, 12345 Musterstadt',
              phone: undefined,
              stale: true,
            },
          ],
        },
        {
          type: 'kita',
          count: 2,
          items: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'z', phone: '+49 30 1234567' })],
        },
      ],
      directoryUrl: undefined,
    });
    expect(d.unitFacilities.get('N')).toEqual({
      total: 3,
      byType: [
        { type: 'pflege', count: 2 },
        { type: 'kita', count: 2 },
      ],
      directoryUrl: '/einrichtungen/gebiet/N/',
    });
    expect(d.unitFacilities.get('N1')?.directoryUrl).toBe('/einrichtungen/gebiet/N1/');
  });

  it('buildDirectory() makes area pages for the top two levels, sorted by German collation (Ä with A)', () => {
    expect(d.areas.map((a) => a.unit.id)).toEqual(['N', 'S', 'N1', 'S1']);
    const n = d.areas.find((a) => a.unit.id === 'N');
    expect(n?.byType.find((g) => g.type === 'kita')?.items?.map((i) => i.name)).toEqual([
      'Ärztehaus am Anger',
      'Zwergenhaus',
    ]);
    expect(n?.children).toEqual([
      { unit: expect.objectContaining({ id: 'N1' }), count: 3, url: '/einrichtungen/gebiet/N1/' },
    ]);
    const n1 = d.areas.find((a) => a.unit.id === 'N1');
    expect(n1?.ancestors.map((a) => a.id)).toEqual(['N']);
    expect(n1?.children.map((c) => [c.unit.id, c.count, c.url])).toEqual([
      ['N1a', 2, '/raum/N1a/#einrichtungen'],
      ['N1b', 1, '/raum/N1b/#einrichtungen'],
    ]);
  });

  it(`buildDirectory() lists a type on its page up to ${TYPE_LIST_LIMIT} entries, grouped by top-level unit`, () => {
    const kita = d.types.find((t) => t.type === 'kita');
    expect(kita?.listed).toBe(true);
    expect(kita?.groups.map((g) => [g.unit.id, g.count, g.items?.length, g.url])).toEqual([
      ['N', 2, 2, '/einrichtungen/gebiet/N/#typ-kita'],
      ['S', 1, 1, '/einrichtungen/gebiet/S/#typ-kita'],
    ]);
    const many = Array.from({ length: TYPE_LIST_LIMIT + 1 }, (_, i) =>
      entry(`k${i}`, `Kita ${i}`, ['kita'], ['S', 'S1', 'S1a']),
    );
    const big = buildDirectory(many, CTX).types.find((t) => t.type === 'kita');
    expect(big?.listed).toBe(false);
    expect(big?.groups[0]?.items).toBeUndefined();
  });

  it('buildDirectory() reports stale entries oldest first, and entries per date', () => {
    expect(d.freshness.entries.map((e) => [e.id, e.lastConfirmed, e.file])).toEqual([
      ['b', '2021-05-01', 'content/facilities/b.md'],
      ['a', '2022-01-01', 'content/facilities/a.md'],
    ]);
    expect(d.freshness.byDate).toEqual([
      { date: '2021-05-01', count: 1, stale: true },
      { date: '2022-01-01', count: 1, stale: true },
      { date: '2024-06-01', count: 2, stale: false },
    ]);
  });

  it('buildDirectory() puts every entry in the compact index with its units and point', () => {
    expect(d.siteIndex.items.find((i) => i.id === 'c')).toEqual({
      id: 'c',
      name: 'Chausseekita',
      types: ['kita'],
      units: ['S', 'S1', 'S1a'],
      lon: 13,
      lat: 52,
      stale: undefined,
    });
    expect(d.siteIndex.typesUsed).toEqual(['pflege', 'kita']);
    expect(d.siteIndex.areas).toEqual(['N', 'S', 'N1', 'S1']);
  });
});

describe('facility feeds', () => {
  const feed = { levels: CTX.levels, siteUrl: 'https://atlas.example/', title: 'Atlas', dataDate: '2024-12-31' };

  it('feedLicence() puts the whole feed under the ODbL as soon as one record is from OpenStreetMap', () => {
    expect(feedLicence(ENTRIES)).toMatchObject({ odbl: true, de: expect.stringContaining('Open Database License') });
    expect(feedLicence(ENTRIES.filter((e) => e.facility.id !== 'c'))).toMatchObject({ odbl: false });
  });

  it('facilitiesGeoJson() writes points in lon/lat with units, absolute urls and the sources of each record', () => {
    const g = facilitiesGeoJson(ENTRIES, feed);
    expect(g.features).toHaveLength(4);
    expect(g.licence).toContain('ODbL');
    expect(g.features[3]).toMatchObject({
      id: 'c',
      geometry: { type: 'Point', coordinates: [13, 52] },
      properties: {
        units: { bezirk: 'S', region: 'S1', raum: 'S1a' },
        url: 'https://atlas.example/einrichtungen/c/',
        urlEn: 'https://atlas.example/en/einrichtungen/c/',
        odbl: true,
        sources: [expect.objectContaining({ recordId: '1' })],
      },
    });
  });

  it('facilitiesCsvRows() gives one row per entry, a column per level and the sources with licence and attribution', () => {
    const rows = facilitiesCsvRows(ENTRIES, feed);
    expect(rows[3]).toMatchObject({
      id: 'c',
      unit_bezirk: 'S',
      unit_region: 'S1',
      unit_raum: 'S1a',
      sources: 'osm:1 (ODbL 1.0; © OpenStreetMap-Mitwirkende)',
      odbl: 'true',
      stale: 'false',
    });
    expect(rows[1]).toMatchObject({ types: 'kita; pflege', stale: 'true', sources: '', odbl: 'false' });
  });
});
