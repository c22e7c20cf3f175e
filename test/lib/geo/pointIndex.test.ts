import { geoContains, randomLcg, randomUniform } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { createPolygonIndex } from '../../../src/lib/geo/pointIndex.ts';
import { rewindForD3 } from '../../../src/lib/geo/winding.ts';

const box = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

/** Random polygons near Berlin: boxes, triangles, boxes with holes and two-part shapes, overlapping, mixed winding. */
function randomPolygons(count: number, seed: number): { id: string; geometry: Polygon | MultiPolygon }[] {
  const u = randomUniform.source(randomLcg(seed));
  const lon = u(13.0, 13.8);
  const lat = u(52.3, 52.7);
  const size = u(0.005, 0.08);
  return Array.from({ length: count }, (_, i) => {
    const [x, y, w, h] = [lon(), lat(), size(), size()];
    const kind = i % 4;
    let geometry: Polygon | MultiPolygon;
    if (kind === 0) geometry = { type: 'Polygon', coordinates: [box(x, y, x + w, y + h)] };
    else if (kind === 1)
      geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + w, y + h / 3],
            [x + w / 2, y + h],
            [x, y],
          ],
        ],
      };
    else if (kind === 2)
      geometry = {
        type: 'Polygon',
        coordinates: [box(x, y, x + w, y + h), box(x + w / 4, y + h / 4, x + (3 * w) / 4, y + (3 * h) / 4).reverse()],
      };
    else
      geometry = {
        type: 'MultiPolygon',
        coordinates: [[box(x, y, x + w / 3, y + h)], [box(x + (2 * w) / 3, y, x + w, y + h).reverse()]],
      };
    return { id: `p${i}`, geometry };
  });
}

describe('createPolygonIndex', () => {
  test('find and findAll agree with brute force d3.geoContains on random points', () => {
    const features = randomPolygons(300, 42);
    const index = createPolygonIndex(features);
    const wound = features.map((f) => ({ id: f.id, geometry: rewindForD3(f.geometry) }));
    const u = randomUniform.source(randomLcg(7));
    const lon = u(12.95, 13.95);
    const lat = u(52.25, 52.85);
    let hits = 0;
    let multiple = 0;
    for (let k = 0; k < 2000; k++) {
      const p: [number, number] = [lon(), lat()];
      const expected = wound.filter((f) => geoContains(f.geometry, p)).map((f) => f.id);
      expect(index.findAll(...p)).toEqual(expected);
      expect(index.find(...p)).toBe(expected[0]);
      if (expected.length > 0) hits++;
      if (expected.length > 1) multiple++;
    }
    // The comparison only means something if points hit polygons, holes and overlaps.
    expect(hits).toBeGreaterThan(400);
    expect(multiple).toBeGreaterThan(15);
  });

  test('5,000 polygons × 20,000 points: each point found in its grid square', () => {
    const [cols, rows, step] = [100, 50, 0.004];
    const features = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [w, s] = [13 + c * step, 52.3 + r * step];
        features.push({
          id: `${r}-${c}`,
          geometry: { type: 'Polygon' as const, coordinates: [box(w, s, w + step, s + step)] },
        });
      }
    }
    const index = createPolygonIndex(features);
    const rand = randomLcg(3);
    let found = 0;
    for (let k = 0; k < 20_000; k++) {
      const [r, c] = [Math.floor(rand() * rows), Math.floor(rand() * cols)];
      // Within the middle 80 % of a square: far from edges, where spherical and planar edges agree.
      const lon = 13 + (c + 0.1 + 0.8 * rand()) * step;
      const lat = 52.3 + (r + 0.1 + 0.8 * rand()) * step;
      if (index.find(lon, lat) === `${r}-${c}`) found++;
    }
    expect(found).toBe(20_000);
    expect(index.find(12.9, 52.4)).toBeUndefined();
    expect(index.findAll(13.1, 52.1)).toEqual([]);
  });

  test('a point north of a box corner but inside its great-circle edge is found (spherical bounds)', () => {
    // A long edge along 52° N bulges north by about 0.036° at its middle (great circle), so this point is inside.
    const wide = { id: 'wide', geometry: { type: 'Polygon' as const, coordinates: [box(10, 50, 16, 52)] } };
    const index = createPolygonIndex([wide]);
    expect(geoContains(rewindForD3(wide.geometry), [13, 52.005])).toBe(true);
    expect(index.find(13, 52.005)).toBe('wide');
  });

  test('an empty index finds nothing', () => {
    expect(createPolygonIndex([]).find(13, 52)).toBeUndefined();
  });
});
