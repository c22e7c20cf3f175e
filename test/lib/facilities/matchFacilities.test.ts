import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/lib/geo/distance.ts';
import {
  type MatchCandidate,
  matchFacilities,
  nameSimilarity,
  nameTokens,
} from '../../../src/lib/facilities/matchFacilities.ts';

/** A point `dx` metres east and `dy` metres north of a made-up origin in Berlin. */
function at(key: string, name: string, dx: number, dy: number, addressKey?: string): MatchCandidate {
  const lat0 = 52.5;
  const lon0 = 13.4;
  return {
    key,
    name,
    lat: lat0 + dy / 111_195,
    lon: lon0 + dx / (111_195 * Math.cos((lat0 * Math.PI) / 180)),
    addressKey,
  };
}

describe('at() (the test helper)', () => {
  it('places points the given metres apart', () => {
    const a = at('a', '', 0, 0);
    const b = at('b', '', 30, 40);
    expect(haversineMeters([a.lon, a.lat], [b.lon, b.lat])).toBeCloseTo(50, 0);
  });
});

describe('nameSimilarity', () => {
  it('ignores generic words, case, umlauts and punctuation', () => {
    expect(nameTokens('Ev. Kita „Sonnenkäfer“ e.V.').specific).toEqual(['sonnenkaefer']);
    expect(nameSimilarity('Kita Regenbogen', 'Kindergarten Regenbogen')).toBe(1);
    expect(nameSimilarity('EKT - Spreesprotte', 'Spreesprotten')).toBeGreaterThan(0.6);
    expect(nameSimilarity('Kita Musterstr. 3', 'Kita Musterstraße 3')).toBe(1);
  });

  it('tells different facilities apart', () => {
    expect(nameSimilarity('Kita Regenbogen', 'Kita Pusteblume')).toBeLessThan(0.2);
    expect(nameSimilarity('Kita der Kath. Kirchengem. Herz-Jesu', 'Kita der Kath. Kirchengem. St. Josef')).toBeLessThan(
      0.3,
    );
  });

  it('uses generic words when one name has nothing else', () => {
    expect(nameSimilarity('Montessori-Kinderhaus Wedding', 'Montessori-Kinderhaus')).toBeGreaterThan(0.5);
    expect(nameSimilarity('', 'Kita')).toBe(0);
  });
});

describe('matchFacilities', () => {
  it('matches the same facility within the distance and reports score and distance', () => {
    const m = matchFacilities(
      [at('gp:1', 'Kita Wolkenschloss', 0, 0)],
      [at('osm:1', 'Kindergarten Wolkenschloss', 6, 8)],
    );
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ a: 'gp:1', b: 'osm:1', nameSimilarity: 1, sameAddress: false });
    expect(m[0]!.distanceM).toBeCloseTo(10, 0);
    expect(m[0]!.score).toBeGreaterThan(0.8);
  });

  it('does not match beyond the distance or with dissimilar names', () => {
    expect(matchFacilities([at('a', 'Kita Wolkenschloss', 0, 0)], [at('b', 'Kita Wolkenschloss', 80, 0)])).toEqual([]);
    expect(
      matchFacilities([at('a', 'Kita Wolkenschloss', 0, 0)], [at('b', 'Kita Wolkenschloss', 80, 0)], {
        maxDistanceM: 100,
      }),
    ).toHaveLength(1);
    expect(matchFacilities([at('a', 'Kita Wolkenschloss', 0, 0)], [at('b', 'Kita Pusteblume', 5, 0)])).toEqual([]);
  });

  it('accepts a weaker name at an equal address', () => {
    const a = [at('a', 'Kita Musterstraße 73', 0, 0, 'musterstrasse-73|10115')];
    const b = [at('b', 'Kita Salamander 73', 1, 0, 'musterstrasse-73|10115')];
    expect(matchFacilities(a, b)).toMatchObject([{ a: 'a', b: 'b', sameAddress: true }]);
    expect(matchFacilities(a, b, { minNameSimilaritySameAddress: 0.9 })).toEqual([]);
  });

  it('is one-to-one, best score first', () => {
    const a = [at('a1', 'Kita Sonnenschein', 0, 0), at('a2', 'Kita Sonnenschein II', 20, 0)];
    const b = [at('b1', 'Kita Sonnenschein II', 21, 0), at('b2', 'Kita Sonnenschein', 50, 0)];
    const m = matchFacilities(a, b);
    expect(m.map((x) => [x.a, x.b])).toEqual([
      ['a1', 'b2'],
      ['a2', 'b1'],
    ]);
    // b has only one candidate: the closer, more similar pair wins, the other stays unmatched.
    expect(matchFacilities(a, [b[0]!]).map((x) => [x.a, x.b])).toEqual([['a2', 'b1']]);
  });

  it('handles empty lists', () => {
    expect(matchFacilities([], [at('b', 'x', 0, 0)])).toEqual([]);
  });
});
