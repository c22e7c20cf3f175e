import { geoCentroid, geoContains } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { EARTH_RADIUS_M, areaM2, bbox, interiorPoint, poleOfInaccessibility } from '../../../src/lib/geo/measure.ts';
import { rewindForD3 } from '../../../src/lib/geo/winding.ts';

const box = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

// A "U" opening north: 0.3° wide, bars 0.1° thick. Its centroid (13.15, ≈52.136) lies in the gap.
const U: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [13.0, 52.0],
      [13.3, 52.0],
      [13.3, 52.3],
      [13.2, 52.3],
      [13.2, 52.1],
      [13.1, 52.1],
      [13.1, 52.3],
      [13.0, 52.3],
      [13.0, 52.0],
    ],
  ],
};

describe('interiorPoint', () => {
  test('U-shaped polygon: the centroid is outside, the interior point inside (either winding)', () => {
    expect(geoContains(rewindForD3(U), geoCentroid(rewindForD3(U)))).toBe(false);
    for (const g of [U, { ...U, coordinates: [U.coordinates[0]?.slice().reverse() ?? []] }]) {
      const p = interiorPoint(g);
      expect(geoContains(rewindForD3(g), p)).toBe(true);
      // Pole of inaccessibility: at least 0.03° (lat) from the edges, i.e. well inside a 0.1° bar.
      const [lon, lat] = p;
      const inBar = lat > 52.03 && lat < 52.07 && lon > 13.03 && lon < 13.27;
      const inArm = lat > 52.03 && lat < 52.27 && ((lon > 13.02 && lon < 13.08) || (lon > 13.22 && lon < 13.28));
      expect(inBar || inArm).toBe(true);
    }
  });

  test('convex polygon: the centroid', () => {
    const [lon, lat] = interiorPoint({ type: 'Polygon', coordinates: [box(13.0, 52.0, 13.2, 52.2)] });
    expect(lon).toBeCloseTo(13.1, 6);
    expect(lat).toBeCloseTo(52.1, 2); // the spherical centroid sits a little north of the mid-latitude
  });

  test('multipart: centroid between the parts → a point in the largest part', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[box(13.0, 52.0, 13.02, 52.02)], [box(13.5, 52.0, 13.7, 52.2)]],
    };
    const [lon, lat] = interiorPoint(g);
    expect(lon).toBeGreaterThan(13.5);
    expect(lon).toBeLessThan(13.7);
    expect(lat).toBeGreaterThan(52.0);
    expect(lat).toBeLessThan(52.2);
  });

  test('polygon with a hole around its centroid', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [box(13.0, 52.0, 13.3, 52.3), box(13.05, 52.05, 13.25, 52.25).reverse()],
    };
    const p = interiorPoint(g);
    expect(geoContains(rewindForD3(g), p)).toBe(true);
  });
});

describe('poleOfInaccessibility', () => {
  test('a rectangle: its centre', () => {
    const [lon, lat] = poleOfInaccessibility([box(13, 52, 13.2, 52.1)]);
    expect(lon).toBeCloseTo(13.1, 3);
    expect(lat).toBeCloseTo(52.05, 3);
  });

  test('an L shape: on the mid-line of the thicker arm', () => {
    // Vertical arm 0.1° wide (≈ 6.8 km at 52° N), horizontal arm 0.2° tall (≈ 22 km): the largest inscribed
    // circle (r ≈ 11.1 km) fits anywhere on lat 52.1 between about 13.16 and 13.44 E (0.16° ≈ 11 km from the ends).
    const L: Position[] = [
      [13, 52],
      [13.6, 52],
      [13.6, 52.2],
      [13.1, 52.2],
      [13.1, 52.6],
      [13, 52.6],
      [13, 52],
    ];
    const [lon, lat] = poleOfInaccessibility([L]);
    expect(lat).toBeCloseTo(52.1, 2);
    expect(lon).toBeGreaterThan(13.15);
    expect(lon).toBeLessThan(13.45);
  });

  test('measures on the ground, not in degrees: at 60° N a 0.1° wide arm is thinner than a 0.08° tall one', () => {
    // Vertical arm 13.0–13.1 E (0.1° lon × cos 60° ≈ 0.05° of latitude ≈ 5.6 km), horizontal arm 60.0–60.08 N
    // (≈ 8.9 km). In plain degrees the vertical arm would be the thicker one and hold the pole (north of 60.13).
    // On the ground the circle of r ≈ 4.4 km fits on lat 60.04 from about 13.08 E eastwards.
    const L: Position[] = [
      [13, 60],
      [14, 60],
      [14, 60.08],
      [13.1, 60.08],
      [13.1, 61],
      [13, 61],
      [13, 60],
    ];
    const [lon, lat] = poleOfInaccessibility([L]);
    expect(lat).toBeCloseTo(60.04, 2);
    expect(lon).toBeGreaterThan(13.07);
    expect(lon).toBeLessThan(13.93);
  });

  test('a hole counts as outside: the pole lies in the frame, not in the hole', () => {
    const [lon, lat] = poleOfInaccessibility([box(13.0, 52.0, 13.3, 52.3), box(13.05, 52.05, 13.25, 52.25)]);
    const inHole = lon > 13.05 && lon < 13.25 && lat > 52.05 && lat < 52.25;
    expect(inHole).toBe(false);
    expect(geoContains(rewindForD3({ type: 'Polygon', coordinates: [box(13.0, 52.0, 13.3, 52.3)] }), [lon, lat])).toBe(
      true,
    );
  });

  test('a ring without area returns a corner instead of looping', () => {
    const [lon, lat] = poleOfInaccessibility([
      [
        [13, 52],
        [13.1, 52],
        [13, 52],
      ],
    ]);
    expect(lon).toBeCloseTo(13, 12);
    expect(lat).toBe(52);
  });
});

describe('areaM2', () => {
  test('spherical octant (0,0)-(90,0)-(0,90) = 4πR²/8 exactly', () => {
    const octant: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [90, 0],
          [0, 90],
          [0, 0],
        ],
      ],
    };
    expect(areaM2(octant) / ((Math.PI / 2) * EARTH_RADIUS_M ** 2)).toBeCloseTo(1, 12);
  });

  test('0.1° box at 52° N ≈ R²·Δλ·(sin φ₂ − sin φ₁), either winding', () => {
    const rad = Math.PI / 180;
    const expected = EARTH_RADIUS_M ** 2 * 0.1 * rad * (Math.sin(52.1 * rad) - Math.sin(52 * rad));
    const ring = box(13.0, 52.0, 13.1, 52.1);
    // Great-circle edges differ from the parallels of the formula by a few metres: 1e-4 relative.
    for (const r of [ring, ring.slice().reverse()]) {
      expect(Math.abs(areaM2({ type: 'Polygon', coordinates: [r] }) / expected - 1)).toBeLessThan(1e-4);
    }
    expect(expected).toBeGreaterThan(75e6);
    expect(expected).toBeLessThan(77e6);
  });
});

describe('bbox', () => {
  test('[west, south, east, north] over all parts', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[box(13.0, 52.0, 13.02, 52.02)], [box(13.5, 51.9, 13.7, 52.2)]],
    };
    expect(bbox(g)).toEqual([13.0, 51.9, 13.7, 52.2]);
  });
});
