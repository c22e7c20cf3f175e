import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { classifyRange, likelyCrsCause, normalizeGeometry } from '../../../src/lib/geo/checkGeometry.ts';
import { reprojectGeometry, reprojectPosition } from '../../../src/lib/geo/crs.ts';

const square = (w: number, s: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [w + d, s],
      [w + d, s + d],
      [w, s + d],
      [w, s],
    ],
  ],
});

describe('classifyRange', () => {
  test.each([
    ['lon/lat in Germany as EPSG:4326', square(13.4, 52.5, 0.01), 'EPSG:4326', 'ok'],
    ['UTM metres read as EPSG:4326', square(392000, 5820000, 100), 'EPSG:4326', 'metresAsDegrees'],
    ['swapped lat/lon', square(52.5, 13.4, 0.01), 'EPSG:4326', 'swapped'],
    ['lon/lat outside Germany (Paris)', square(2.35, 48.85, 0.01), 'EPSG:4326', 'outsideGermany'],
    ['UTM metres as EPSG:25833', square(392000, 5820000, 100), 'EPSG:25833', 'ok'],
    ['lon/lat read as EPSG:25833', square(13.4, 52.5, 0.01), 'EPSG:25833', 'degreesAsMetres'],
  ] as const)('%s → %s', (_, raw, crs, verdict) => {
    expect(classifyRange(raw, reprojectGeometry(raw, crs), { isGeographic: crs === 'EPSG:4326' })).toBe(verdict);
  });
});

describe('likelyCrsCause', () => {
  const box = (g: Polygon) => {
    const xs = g.coordinates[0]!.map((p) => p[0]!);
    const ys = g.coordinates[0]!.map((p) => p[1]!);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as [number, number, number, number];
  };
  const project = (p: [number, number], crs: string) => reprojectPosition(p, crs);
  test('a zone-prefixed easting names EPSG:4647', () => {
    const cause = likelyCrsCause(box(square(32566000, 5933000, 100)), 'EPSG:25832', project);
    expect(cause).toContain('Zonenziffer 32');
    expect(cause).toContain('EPSG:4647');
  });
  test('Berlin metres read as lon/lat: names UTM 33 among the candidates', () => {
    expect(likelyCrsCause(box(square(392000, 5820000, 100)), 'EPSG:4326', project)).toContain('EPSG:25833');
  });
  test('northing first (swapped metres) is recognised', () => {
    const cause = likelyCrsCause(box(square(5820000, 392000, 100)), 'EPSG:25833', project);
    expect(cause).toContain('vertauschte Achsen');
  });
});

describe('normalizeGeometry', () => {
  test('drops heights, keeps structure', () => {
    const reports: string[] = [];
    const g = normalizeGeometry(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [13, 52, 30],
              [13.1, 52, 31],
              [13.1, 52.1, 32],
              [13, 52, 30],
            ],
          ],
        ],
      },
      (p) => reports.push(p.message),
    );
    expect(reports).toEqual([]);
    expect(g).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [13, 52],
            [13.1, 52],
            [13.1, 52.1],
            [13, 52],
          ],
        ],
      ],
    });
  });

  test('a MultiPolygon without parts and a ring with too few corners are errors', () => {
    const reports: string[] = [];
    expect(
      normalizeGeometry({ type: 'MultiPolygon', coordinates: [] }, (p) => reports.push(p.message)),
    ).toBeUndefined();
    expect(
      normalizeGeometry(
        {
          type: 'Polygon',
          coordinates: [
            [
              [13, 52],
              [13.1, 52],
              [13, 52],
            ],
          ],
        },
        (p) => reports.push(p.message),
      ),
    ).toBeUndefined();
    expect(reports).toEqual([
      'Ungültige Koordinaten: MultiPolygon ohne Teile.',
      'Ungültige Koordinaten: Ring 0 hat weniger als 3 Eckpunkte.',
    ]);
  });
});
