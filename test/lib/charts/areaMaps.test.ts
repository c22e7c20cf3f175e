import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaFrame, cityFrame, renderAreaMap, renderCityMap } from '../../../src/lib/charts/areaMaps.ts';
import { rewindForD3 } from '../../../src/lib/geo/winding.ts';

// Made-up squares near 13.4° E, 52.5° N.
const sq = (w: number, s: number, d: number): Polygon =>
  rewindForD3({
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
const area = sq(13.41, 52.51, 0.01);

describe('area maps', () => {
  it('renderAreaMap() draws the area, its context and one marker per facility: squares for vulnerability ≥ 2, circles otherwise', () => {
    const map = renderAreaMap({
      frame: areaFrame([13.41, 52.51, 13.42, 52.52]),
      area,
      context: [sq(13.4, 52.5, 0.03)],
      points: [
        { lonLat: [13.415, 52.515], vulnerability: 3 },
        { lonLat: [13.412, 52.512], vulnerability: 0 },
        { lonLat: [13.418, 52.518], vulnerability: 2 },
      ],
    });
    expect(map.body.match(/<rect x=/g)).toHaveLength(2);
    expect(map.body.match(/<circle /g)).toHaveLength(1);
    expect(map.body).toContain('stroke-dasharray');
    expect(map.body).not.toMatch(/style=|<text|<script/);
    expect(map.viewBox).toMatch(/^0 0 600 \d+$/);
  });

  it('renderAreaMap() writes each facility’s number beside its marker, above every marker', () => {
    const frame = areaFrame([13.41, 52.51, 13.42, 52.52]);
    const points = [
      { lonLat: [13.415, 52.515] as [number, number], vulnerability: 3, no: 1 },
      { lonLat: [13.412, 52.512] as [number, number], vulnerability: 0, no: 2 },
    ];
    const map = renderAreaMap({ frame, area, context: [], points });
    const labels = [...map.body.matchAll(/<text x="([\d.]+)" y="([\d.]+)">(\d+)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      no: Number(m[3]),
    }));
    expect(labels.map((l) => l.no).sort()).toEqual([1, 2]);
    for (const p of points) {
      const [x, y] = frame.point(p.lonLat);
      const label = labels.find((l) => l.no === p.no);
      // Up and to the right of its marker, within one marker's width.
      expect(label?.x).toBeCloseTo(x + 6, 6);
      expect(label?.y).toBeCloseTo(y - 5, 6);
    }
    // Labels come after the last marker, so no marker hides a number.
    expect(map.body.indexOf('<text')).toBeGreaterThan(
      Math.max(map.body.lastIndexOf('<circle'), map.body.lastIndexOf('<rect x=')),
    );
    expect(map.body).toMatch(/<g [^>]*paint-order="stroke"[^>]*><text/);
  });

  it('renderAreaMap() places a facility inside the area inside the area’s drawn box', () => {
    const frame = areaFrame([13.41, 52.51, 13.42, 52.52]);
    const [x0, y1] = frame.point([13.41, 52.51]);
    const [x1, y0] = frame.point([13.42, 52.52]);
    const [x, y] = frame.point([13.415, 52.515]);
    expect(x).toBeGreaterThan(x0);
    expect(x).toBeLessThan(x1);
    expect(y).toBeGreaterThan(y0);
    expect(y).toBeLessThan(y1);
  });

  it('renderCityMap(ring) draws the city, the areas and a ring so a small area stays findable', () => {
    const top = [{ type: 'Feature' as const, properties: {}, geometry: sq(13.3, 52.4, 0.3) }];
    const map = renderCityMap({
      frame: cityFrame(top, 300),
      top: top.map((f) => f.geometry),
      areas: [area],
      ring: [13.415, 52.515],
    });
    expect(map.body.match(/<path /g)).toHaveLength(2);
    expect(map.body).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="12"/);
    expect(
      renderCityMap({ frame: cityFrame(top, 300), top: top.map((f) => f.geometry), areas: [area] }).body,
    ).not.toContain('<circle');
  });
});
