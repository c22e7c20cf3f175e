import { describe, expect, it } from 'vitest';
import type { MatchPair } from '../../../src/lib/facilities/clusterRecords.ts';
import { type KindedRecord, addressKey, clusterRecords } from '../../../src/lib/facilities/clusterRecords.ts';
import type { ImportRecord } from '../../../src/lib/facilities/importRecord.ts';

/** Made-up record `dx` metres east of a point in Berlin. */
function rec(kind: KindedRecord['kind'], key: string, name: string, dx: number, street?: string): KindedRecord {
  const record: ImportRecord = {
    key,
    idPrefix: 'x',
    source: {
      source: key.split(':')[0]!,
      recordId: key.split(':')[1]!,
      licence: 'L',
      attribution: 'A',
      retrieved: '2026-11-25',
    },
    dataDate: '2022-12-01',
    name,
    types: ['kita'],
    targetGroups: [],
    address: street === undefined ? undefined : { street, postcode: '10115', city: 'Berlin' },
    location: { lat: 52.5, lon: 13.4 + dx / 67_700 },
    phones: [],
    facts: [],
    dropped: [],
  };
  return { kind, record };
}
const order = ['geoportal-kitas', 'osm-kindergartens', 'osm-childcare'] as const;
const pairs: MatchPair[] = [
  { a: 'geoportal-kitas', b: 'osm-kindergartens' },
  { a: 'geoportal-kitas', b: 'osm-childcare' },
  { a: 'osm-kindergartens', b: 'osm-childcare' },
];

describe('addressKey', () => {
  it('normalises street spelling', () => {
    expect(addressKey(rec('geoportal-kitas', 'g:1', 'a', 0, 'Musterstr. 1').record)).toBe(
      addressKey(rec('osm-kindergartens', 'o:1', 'a', 0, 'Musterstraße 1').record),
    );
    expect(addressKey(rec('osm-kindergartens', 'o:1', 'a', 0).record)).toBeUndefined();
  });
});

describe('clusterRecords', () => {
  it('groups one record per source, primary first, and keeps the rest alone', () => {
    const records = [
      rec('geoportal-kitas', 'g:1', 'Kita Wolkenschloss', 0),
      rec('geoportal-kitas', 'g:2', 'Kita Sonnenkäfer', 500),
      rec('osm-kindergartens', 'o:1', 'Kindergarten Wolkenschloss', 10),
      rec('osm-childcare', 'c:1', 'Wolkenschloss', 5),
      rec('osm-childcare', 'c:2', 'Kinderladen Regenwurm', 2000),
    ];
    const { groups, matches } = clusterRecords(records, pairs, order);
    expect(groups.map((g) => g.map((r) => r.key))).toEqual([['g:1', 'o:1', 'c:1'], ['g:2'], ['c:2']]);
    expect(matches.map((m) => `${m.pair}: ${m.a}=${m.b}`)).toEqual([
      'geoportal-kitas ↔ osm-kindergartens: g:1=o:1',
      'geoportal-kitas ↔ osm-childcare: g:1=c:1',
    ]);
  });

  it('never chains two records of the same source into one group', () => {
    const records = [
      rec('geoportal-kitas', 'g:1', 'Kita Wolkenschloss', 0),
      rec('geoportal-kitas', 'g:2', 'Kita Wolkenschloss II', 40),
      rec('osm-kindergartens', 'o:1', 'Wolkenschloss', 2),
      rec('osm-childcare', 'c:1', 'Wolkenschloss', 38),
    ];
    const { groups } = clusterRecords(
      records,
      [
        { a: 'geoportal-kitas', b: 'osm-kindergartens' },
        { a: 'osm-kindergartens', b: 'osm-childcare' },
        { a: 'geoportal-kitas', b: 'osm-childcare' },
      ],
      order,
    );
    for (const g of groups) expect(g.filter((r) => r.key.startsWith('g:')).length).toBeLessThanOrEqual(1);
  });

  it('reports close unmatched pairs as possible duplicates', () => {
    const records = [
      rec('geoportal-kitas', 'g:1', 'Kita Musterstraße', 0, 'Musterstraße 1'),
      rec('osm-kindergartens', 'o:1', 'Kinderladen Pusteblume', 8, 'Musterstraße 1'),
    ];
    const { groups, possibleDuplicates } = clusterRecords(records, pairs.slice(0, 1), order);
    expect(groups).toHaveLength(2);
    expect(possibleDuplicates).toMatchObject([
      { a: 'g:1', b: 'o:1', sameAddress: true, aName: 'Kita Musterstraße', bName: 'Kinderladen Pusteblume' },
    ]);
  });
});
