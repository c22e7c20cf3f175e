import { geoMercator } from 'd3';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createInvertibleFrame } from '../../../src/lib/charts/invertibleFrame.ts';
import { invertMercator, metresToUnits, projectMercator } from '../../../src/lib/charts/mercator.ts';
import { haversineMeters } from '../../../src/lib/geo/distance.ts';

// A made-up square near Berlin, wound clockwise for d3.
const square: Feature = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [13.2, 52.4],
        [13.2, 52.6],
        [13.6, 52.6],
        [13.6, 52.4],
        [13.2, 52.4],
      ],
    ],
  },
};

describe('createInvertibleFrame', () => {
  const frame = createInvertibleFrame(square, 600, 500, 4);

  it('createInvertibleFrame(extent) exports the parameters of the d3 projection it draws with', () => {
    const d3 = geoMercator().fitExtent(
      [
        [4, 4],
        [596, 496],
      ],
      square,
    );
    for (const p of [
      [13.2, 52.4],
      [13.41, 52.52],
      [13.6, 52.6],
    ] as [number, number][]) {
      const [x, y] = d3(p) ?? [NaN, NaN];
      const [px, py] = projectMercator(p, frame.params);
      expect(px).toBeCloseTo(x, 6);
      expect(py).toBeCloseTo(y, 6);
    }
  });

  it('invertMercator(projectMercator(p)) returns p', () => {
    const p: [number, number] = [13.377704, 52.516275];
    const [lon, lat] = invertMercator(projectMercator(p, frame.params), frame.params);
    expect(lon).toBeCloseTo(p[0], 9);
    expect(lat).toBeCloseTo(p[1], 9);
  });

  it('metresToUnits(m, lat) matches the projected length of a 1 km east–west line', () => {
    const a: [number, number] = [13.4, 52.5];
    // 1 km east on the sphere of the haversine, found by bisection on the longitude.
    let lo = 13.4;
    let hi = 13.5;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (haversineMeters(a, [mid, 52.5]) < 1000) lo = mid;
      else hi = mid;
    }
    const dx = projectMercator([lo, 52.5], frame.params)[0] - projectMercator(a, frame.params)[0];
    expect(metresToUnits(1000, 52.5, frame.params)).toBeCloseTo(dx, 4);
  });
});
