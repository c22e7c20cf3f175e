import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  MIN_SHARE,
  overlapLevels,
  overlapUnits,
  planarArea,
  type OverlapUnit,
} from '../../../src/lib/areas/unitOverlap.ts';
import { bbox } from '../../../src/lib/geo/measure.ts';

/** A made-up lon/lat rectangle near 13.4° E, 52.5° N (counter-clockwise, RFC 7946). */
function rect(w: number, s: number, e: number, n: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}
function unit(id: string, level: string, g: Polygon, parent?: string): OverlapUnit {
  return { id, level, geometry: g, bbox: bbox(g), parent };
}
const area = (g: Polygon) => ({ geometry: g, bbox: bbox(g) });

describe('overlapUnits()', () => {
  // Two units side by side, each 0.01° × 0.01°; the area covers the right half of A and a quarter of B.
  const a = unit('a', 'x', rect(13.4, 52.5, 13.41, 52.51));
  const b = unit('b', 'x', rect(13.41, 52.5, 13.42, 52.51));
  const far = unit('far', 'x', rect(14, 53, 14.01, 53.01));

  it('overlapUnits(area, units) gives the share of each unit covered and of the area in each unit', () => {
    const { overlaps, failed } = overlapUnits(area(rect(13.405, 52.5, 13.4125, 52.51)), [a, b, far]);
    expect(failed).toEqual([]);
    expect(overlaps.map((o) => o.unit)).toEqual(['a', 'b']);
    const [oa, ob] = overlaps;
    expect(oa?.shareOfUnit).toBeCloseTo(0.5, 3);
    expect(ob?.shareOfUnit).toBeCloseTo(0.25, 3);
    expect(oa?.shareOfArea).toBeCloseTo(2 / 3, 3);
    expect(ob?.shareOfArea).toBeCloseTo(1 / 3, 3);
    expect((oa?.overlapM2 ?? 0) + (ob?.overlapM2 ?? 0)).toBeGreaterThan(0);
  });

  it('overlapUnits(area inside a unit) gives share of area 1', () => {
    const { overlaps } = overlapUnits(area(rect(13.402, 52.502, 13.404, 52.504)), [a, b]);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]?.shareOfArea).toBeCloseTo(1, 6);
  });

  it('overlapUnits(area with a hole) does not count the hole', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        rect(13.4, 52.5, 13.41, 52.51).coordinates[0] ?? [],
        [
          [13.402, 52.502],
          [13.402, 52.508],
          [13.408, 52.508],
          [13.408, 52.502],
          [13.402, 52.502],
        ],
      ],
    };
    const { overlaps } = overlapUnits(area(holed), [a]);
    expect(overlaps[0]?.shareOfUnit).toBeCloseTo(1 - 0.36, 3);
  });

  it('overlapUnits(area sharing only a border strip) leaves out the sliver', () => {
    // The area reaches 0.00005° (about 3 m) into B along their 1.1 km border: far below MIN_SHARE of either.
    const { overlaps } = overlapUnits(area(rect(13.405, 52.5, 13.41005, 52.51)), [a, b]);
    expect(MIN_SHARE).toBeGreaterThan(0.00005 / 0.01);
    expect(overlaps.map((o) => o.unit)).toEqual(['a']);
  });

  it('overlapUnits(area touching a unit at a corner only) does not list it', () => {
    const { overlaps } = overlapUnits(area(rect(13.42, 52.51, 13.43, 52.52)), [a, b]);
    expect(overlaps).toEqual([]);
  });
});

describe('overlapLevels()', () => {
  it('overlapLevels() sums a parent from its sub-units and gives its share of its own area', () => {
    const p = unit('P', 'top', rect(13.4, 52.5, 13.42, 52.51));
    const q = unit('Q', 'top', rect(13.42, 52.5, 13.44, 52.51));
    const kids = [
      unit('a', 'sub', rect(13.4, 52.5, 13.41, 52.51), 'P'),
      unit('b', 'sub', rect(13.41, 52.5, 13.42, 52.51), 'P'),
      unit('c', 'sub', rect(13.42, 52.5, 13.44, 52.51), 'Q'),
    ];
    const { overlaps } = overlapLevels(area(rect(13.405, 52.5, 13.415, 52.51)), [[p, q], kids]);
    expect(overlaps.map((o) => `${o.level}:${o.unit}`)).toEqual(['top:P', 'sub:a', 'sub:b']);
    expect(overlaps[0]?.shareOfUnit).toBeCloseTo(0.5, 3);
    expect(overlaps[0]?.shareOfArea).toBeCloseTo(1, 3);
  });
});

describe('planarArea()', () => {
  it('planarArea() subtracts holes from exterior rings', () => {
    const outer: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole: [number, number][] = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
      [2, 2],
    ];
    expect(planarArea([[outer, hole]])).toBe(96);
  });
});
