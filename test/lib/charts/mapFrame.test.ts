import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createMapFrame, fittedHeight } from '../../../src/lib/charts/mapFrame.ts';

/** A 0.1° square at Berlin, wound clockwise as d3 expects (rewindForD3 does this upstream). */
function square(lon: number, lat: number, size = 0.1): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon, lat + size],
        [lon + size, lat + size],
        [lon + size, lat],
        [lon, lat],
      ],
    ],
  };
}

function collection(...polygons: Polygon[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: polygons.map((geometry, i) => ({ type: 'Feature', id: String(i), properties: {}, geometry })),
  };
}

/** All x, y pairs of an SVG path made of M/L/Z commands. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('createMapFrame', () => {
  const extent = collection(square(13, 52));
  const frame = createMapFrame(extent, 200, 300, 4);

  it('createMapFrame(small square in Germany) keeps the frame size', () => {
    expect(frame.width).toBe(200);
    expect(frame.height).toBe(300);
  });

  it('createMapFrame(small square in Germany) draws it inside the viewBox, within the padding', () => {
    const d = frame.path(square(13, 52));
    const pts = points(d);
    expect(pts.length).toBeGreaterThanOrEqual(4);
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(4 - 0.05);
      expect(x).toBeLessThanOrEqual(200 - 4 + 0.05);
      expect(y).toBeGreaterThanOrEqual(4 - 0.05);
      expect(y).toBeLessThanOrEqual(300 - 4 + 0.05);
    }
  });

  it('createMapFrame(extent) fills the limiting dimension from padding to padding', () => {
    // The square is taller than wide in Mercator at 52° N, so it spans the height of a 200 × 300 box.
    const ys = points(frame.path(square(13, 52))).map(([, y]) => y);
    expect(Math.min(...ys)).toBeCloseTo(4, 0);
    expect(Math.max(...ys)).toBeCloseTo(296, 0);
  });

  it('frame.path(geometry) rounds coordinates to one decimal by default', () => {
    const d = frame.path(square(13.02, 52.02, 0.033));
    expect(d).toMatch(/^M/);
    expect(d).not.toMatch(/\d\.\d{2}/);
  });

  it('frame.path(geometry) with digits 0 writes whole pixels', () => {
    const coarse = createMapFrame(extent, 200, 300, 4, 0);
    expect(coarse.path(square(13.02, 52.02, 0.033))).not.toMatch(/\./);
  });

  it('frame.point(lonLat) puts the north-west corner top left and the centre in the middle', () => {
    const [x0, y0] = frame.point([13, 52.1]);
    const [x1, y1] = frame.point([13.1, 52]);
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1); // north is up: smaller y
    const [cx, cy] = frame.point([13.05, 52.05]);
    expect(cx).toBeCloseTo(100, 0);
    expect(cy).toBeGreaterThan(140);
    expect(cy).toBeLessThan(160);
  });

  it('frame.path(feature) accepts a Feature as well as a geometry', () => {
    const f = extent.features[0];
    if (!f) throw new Error('fixture');
    expect(frame.path(f)).toBe(frame.path(square(13, 52)));
  });
});

describe('fittedHeight', () => {
  it('fittedHeight(square at 52° N, width) is about width / cos(52°) in Mercator', () => {
    const h = fittedHeight(collection(square(13, 52)), 100);
    expect(h).toBeGreaterThanOrEqual(162);
    expect(h).toBeLessThanOrEqual(164);
  });

  it('fittedHeight(wide extent) is less than the width', () => {
    expect(fittedHeight(collection(square(13, 52), square(13.1, 52), square(13.2, 52)), 300)).toBeLessThan(300);
  });
});
