import { describe, expect, it } from 'vitest';
import { boxOverlap, distanceOutsideParent, findFarParts } from '../../../src/lib/geo/levelChecks.ts';
import { rewindForD3 } from '../../../src/lib/geo/winding.ts';

const box = (x: number, y: number, d: number) =>
  rewindForD3({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });

describe('level checks', () => {
  it('boxOverlap: overlapping levels share their area, distant ones have a distance', () => {
    expect(boxOverlap([13, 52, 14, 53], [13, 52, 14, 53]).share).toBe(1);
    const apart = boxOverlap([13, 52, 13.1, 52.1], [9, 52, 9.1, 52.1]);
    expect(apart.share).toBe(0);
    expect(apart.distanceM / 1000).toBeGreaterThan(250);
  });
  it('distanceOutsideParent: 0 inside, the distance to the parent otherwise', () => {
    expect(distanceOutsideParent(box(13.01, 52.01, 0.01), box(13, 52, 0.1))).toBe(0);
    const d = distanceOutsideParent(box(13.3, 52.01, 0.01), box(13, 52, 0.1));
    // Interior point 13.305° E, 52.015° N; the parent ends at 13.1° E: 0.205° × 111.32 km × cos 52.015° ≈ 14.0 km.
    expect(d / 1000).toBeGreaterThan(13.9);
    expect(d / 1000).toBeLessThan(14.1);
  });
  it('findFarParts: an island 80 km away is found, with its distance; neighbours are not', () => {
    const units = [
      { id: 'a', name: 'A', geometry: box(9.9, 53.5, 0.1) },
      { id: 'b', name: 'B', geometry: box(10.0, 53.5, 0.1) },
      { id: 'i', name: 'Insel', geometry: box(8.5, 53.9, 0.02) },
    ];
    const far = findFarParts(units);
    expect(far.map((f) => f.id)).toEqual(['i']);
    expect(far[0]!.distanceM / 1000).toBeGreaterThan(80);
  });
});
