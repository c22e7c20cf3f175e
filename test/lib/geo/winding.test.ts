import { geoArea, geoContains } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { isPlausibleArea, rewindForD3 } from '../../../src/lib/geo/winding.ts';

/** Signed planar (shoelace) area in lon/lat: negative = clockwise on a north-up map. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

const ccw = [
  [13, 52],
  [13.1, 52],
  [13.1, 52.1],
  [13, 52.1],
  [13, 52],
]; // RFC 7946 exterior
const cw = ccw.slice().reverse();
const holeCw = [
  [13.04, 52.04],
  [13.04, 52.06],
  [13.06, 52.06],
  [13.06, 52.04],
  [13.04, 52.04],
]; // RFC 7946 hole

describe('rewindForD3', () => {
  test('both winding orders give the same small positive area', () => {
    const a = rewindForD3<Polygon>({ type: 'Polygon', coordinates: [ccw] });
    const b = rewindForD3<Polygon>({ type: 'Polygon', coordinates: [cw] });
    const areaA = geoArea(a);
    expect(areaA).toBeGreaterThan(0);
    expect(areaA).toBeLessThan(1e-5); // 0.1° × 0.1° at 52° N ≈ 76 km² ≈ 1.9e-6 sr
    expect(geoArea(b)).toBeCloseTo(areaA, 15);
    expect(signedArea(a.coordinates[0] ?? [])).toBeLessThan(0);
    expect(signedArea(b.coordinates[0] ?? [])).toBeLessThan(0);
  });

  test('an RFC 7946 polygon is inverted for d3 before, not after', () => {
    const rfc: Polygon = { type: 'Polygon', coordinates: [ccw] };
    expect(geoArea(rfc)).toBeGreaterThan(4 * Math.PI - 0.001);
    expect(isPlausibleArea(rfc)).toBe(false);
    expect(isPlausibleArea(rewindForD3(rfc))).toBe(true);
  });

  test('holes are wound opposite to the exterior and stay holes', () => {
    for (const rings of [
      [ccw, holeCw],
      [cw, holeCw.slice().reverse()],
      [ccw, holeCw.slice().reverse()],
    ]) {
      const g = rewindForD3<Polygon>({ type: 'Polygon', coordinates: rings });
      expect(signedArea(g.coordinates[0] ?? [])).toBeLessThan(0);
      expect(signedArea(g.coordinates[1] ?? [])).toBeGreaterThan(0);
      expect(geoContains(g, [13.05, 52.05])).toBe(false); // in the hole
      expect(geoContains(g, [13.02, 52.02])).toBe(true);
    }
  });

  test('MultiPolygon parts are rewound each; the input is not changed; idempotent', () => {
    const input: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[ccw], [cw.map(([x = 0, y = 0]) => [x + 1, y])]],
    };
    const copy = structuredClone(input);
    const once = rewindForD3(input);
    expect(input).toEqual(copy);
    expect(once.coordinates.map((p) => Math.sign(signedArea(p[0] ?? [])))).toEqual([-1, -1]);
    expect(rewindForD3(once)).toEqual(once);
  });
});

describe('isPlausibleArea', () => {
  test('a degenerate ring (all points on one meridian, a great circle) is not plausible', () => {
    // Not a parallel: edges along 52° N are great circles that bulge north, so that ring has a (tiny) area.
    const line: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [13, 52],
          [13, 52.1],
          [13, 52.2],
          [13, 52],
        ],
      ],
    };
    expect(isPlausibleArea(rewindForD3(line))).toBe(false);
  });

  test('a stricter bound can be passed', () => {
    const g = rewindForD3<Polygon>({ type: 'Polygon', coordinates: [ccw] });
    expect(isPlausibleArea(g, 0.01)).toBe(true);
    expect(isPlausibleArea(g, 1e-7)).toBe(false);
  });
});
