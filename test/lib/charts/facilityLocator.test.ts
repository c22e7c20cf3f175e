import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { compactPath, createAreaMaps, renderFacilityLocator } from '../../../src/lib/charts/facilityLocator.ts';
import { htmlViolations } from '../../htmlSafety.ts';

const square = (id: string, x0: number, y0: number, size: number): Feature => ({
  type: 'Feature',
  id,
  properties: {},
  // Clockwise in lon/lat (north up), the exterior winding d3-geo expects; small squares near 13° E, 52° N.
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x0, y0 + size],
        [x0 + size, y0 + size],
        [x0 + size, y0],
        [x0, y0],
      ],
    ],
  },
});

describe('compactPath', () => {
  it('compactPath(d) drops repeated points and writes segments relative', () => {
    expect(compactPath('M10,10L12,10L12,10L12,13Z')).toBe('M10,10l2,0 0,3z');
  });

  it('compactPath(d) keeps every sub-path absolute at its start', () => {
    expect(compactPath('M0,0L5,0L5,5ZM20,20L25,20Z')).toBe('M0,0l5,0 0,5zM20,20l5,0z');
  });

  it('compactPath(d) handles decimals and negative deltas', () => {
    expect(compactPath('M1.5,2.5L1,2L3.25,2')).toBe('M1.5,2.5l-0.5,-0.5 2.3,0');
  });
});

describe('createAreaMaps / renderFacilityLocator', () => {
  const top = [square('A', 13, 52, 0.1), square('B', 13.1, 52, 0.1)];
  const children = { A: [square('a1', 13, 52, 0.05), square('a2', 13.05, 52, 0.05)], B: [] };
  const maps = createAreaMaps(top, (id) => children[id as 'A' | 'B'] ?? [], { width: 200 });

  it('createAreaMaps() fits a map to each top-level unit and makes it once', () => {
    const a = maps('A');
    expect(a?.frame.width).toBe(200);
    expect(a?.children.size).toBe(2);
    expect(maps('A')).toBe(a);
    expect(maps('nope')).toBeUndefined();
    expect(maps('B')?.borders).toBe('');
  });

  it('createAreaMaps(…, { bordersOf }) draws the given borders instead of every sub-unit outline', () => {
    const border = {
      type: 'LineString' as const,
      coordinates: [
        [13.05, 52],
        [13.05, 52.05],
      ],
    };
    const withMesh = createAreaMaps(top, (id) => children[id as 'A' | 'B'] ?? [], {
      width: 200,
      bordersOf: (id) => (id === 'A' ? border : undefined),
    });
    expect(withMesh('A')?.borders).toMatch(/^M\d+,\d+l0,-?\d+$/);
    expect(withMesh('A')?.children.size).toBe(2);
  });

  it('renderFacilityLocator() draws the unit, the sub-unit highlighted and the point inside the frame', () => {
    const map = maps('A');
    if (!map) throw new Error('no map');
    const r = renderFacilityLocator({ map, areaId: 'a2', point: [13.07, 52.03] });
    expect(r.viewBox).toBe(`0 0 200 ${map.frame.height}`);
    expect(r.body.match(/<circle /g)).toHaveLength(2);
    expect(r.body).toContain(`<path d="${map.children.get('a2')}" fill="#c6d8ea"`);
    const [cx, cy] = [Number(/cx="([\d.]+)"/.exec(r.body)?.[1]), Number(/cy="([\d.]+)"/.exec(r.body)?.[1])];
    expect(cx).toBeGreaterThan(100);
    expect(cx).toBeLessThan(200);
    expect(cy).toBeGreaterThan(0);
    expect(cy).toBeLessThan(map.frame.height);
    expect(htmlViolations(r.body, { forbiddenTags: /<(script|style|foreignobject|a)\b/i })).toEqual([]);
    expect(r.body).not.toMatch(/<text|<title/);
  });
});
