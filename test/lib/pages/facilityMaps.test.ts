import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  buildAreaMap,
  buildOverviewMap,
  countByType,
  groupByUnit,
  type FacilityMapInput,
  type MapEntry,
} from '../../../src/lib/pages/facilityMaps.ts';
import type { Unit } from '../../../src/lib/types.ts';

// Made-up city: two top units (West, Ost), each split into two sub-units (north and south halves).
const rect = (id: string, w: number, s: number, e: number, n: number): Feature => ({
  type: 'Feature',
  id,
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [w, n],
        [e, n],
        [e, s],
        [w, s],
      ],
    ],
  },
});
const unit = (id: string, name: string, level: string, parent: string | undefined, [w, s, e, n]: number[]): Unit => ({
  id,
  name,
  level,
  parent,
  areaM2: 1,
  bbox: [w, s, e, n] as [number, number, number, number],
  interiorPoint: [((w ?? 0) + (e ?? 0)) / 2, ((s ?? 0) + (n ?? 0)) / 2],
});
const boxes: Record<string, number[]> = {
  W: [7.0, 51.4, 7.05, 51.45],
  O: [7.05, 51.4, 7.1, 51.45],
  WN: [7.0, 51.425, 7.05, 51.45],
  WS: [7.0, 51.4, 7.05, 51.425],
  ON: [7.05, 51.425, 7.1, 51.45],
  OS: [7.05, 51.4, 7.1, 51.425],
};
const units: Unit[] = [
  unit('W', 'West', 'top', undefined, boxes['W'] ?? []),
  unit('O', 'Ost', 'top', undefined, boxes['O'] ?? []),
  unit('WN', 'West-Nord', 'sub', 'W', boxes['WN'] ?? []),
  unit('WS', 'West-Süd', 'sub', 'W', boxes['WS'] ?? []),
  unit('ON', 'Ost-Nord', 'sub', 'O', boxes['ON'] ?? []),
  unit('OS', 'Ost-Süd', 'sub', 'O', boxes['OS'] ?? []),
];
const entry = (units: string[], types: string[], v: number): MapEntry => ({ units, types, v, lon: 7.02, lat: 51.43 });
const entries: MapEntry[] = [
  entry(['W', 'WN'], ['kita'], 2),
  entry(['W', 'WN'], ['kita', 'pflege'], 3),
  entry(['W', 'WS'], ['arzt'], 0),
  entry(['O', 'OS'], ['pflege'], 3),
  // Placed on the top level only (outside every sub-unit): counts for Ost, has no bubble.
  entry(['O'], ['kita'], 2),
];
const input: FacilityMapInput = {
  levels: ['top', 'sub'],
  units,
  urlOf: (u) => `/${u.level}/${u.id}/`,
  features: (level) =>
    units.filter((u) => u.level === level).map((u) => rect(u.id, ...(boxes[u.id] as [number, number, number, number]))),
  innerBorders: () => ({
    type: 'LineString',
    coordinates: [
      [7.0, 51.425],
      [7.05, 51.425],
    ],
  }),
  typeOrder: ['pflege', 'kita', 'arzt'],
  entries,
};

describe('countByType and groupByUnit', () => {
  it('countByType(entries) counts an entry once for each of its types, in vocabulary order, only types present', () => {
    expect(countByType(entries, ['pflege', 'kita', 'arzt', 'apotheke'])).toEqual({ pflege: 2, kita: 3, arzt: 1 });
    expect(Object.keys(countByType(entries, ['arzt', 'kita', 'pflege']))).toEqual(['arzt', 'kita', 'pflege']);
  });

  it('groupByUnit(entries, depth) groups by the unit on that level and leaves out entries not placed so deep', () => {
    const sub = groupByUnit(entries, 1);
    expect([...sub.keys()].sort()).toEqual(['OS', 'WN', 'WS']);
    expect(sub.get('WN')).toHaveLength(2);
    expect([...sub.values()].flat()).toHaveLength(4);
  });
});

describe('buildOverviewMap', () => {
  const map = buildOverviewMap(input);

  it('buildOverviewMap(input) counts per top unit (links) and per sub-unit (bubbles), summing to the total', () => {
    expect(map.total).toBe(5);
    expect(map.areas.map((a) => [a.name, a.count, a.counts])).toEqual([
      ['Ost', 2, { pflege: 1, kita: 1 }],
      ['West', 3, { pflege: 1, kita: 2, arzt: 1 }],
    ]);
    expect(map.areas.map((a) => a.mapUrl)).toEqual(['/einrichtungen/karte/O/', '/einrichtungen/karte/W/']);
    expect(map.bubbles.map((b) => [b.id, b.count, b.top])).toEqual([
      ['WN', 2, 'W'],
      ['OS', 1, 'O'],
      ['WS', 1, 'W'],
    ]);
    expect(map.maxCount).toBe(2);
    expect(map.types).toEqual([
      { type: 'pflege', count: 2 },
      { type: 'kita', count: 3 },
      { type: 'arzt', count: 1 },
    ]);
  });

  it('buildOverviewMap(input) puts each bubble inside its unit on the map and offers the poles of both levels', () => {
    const frame = map.params;
    const wn = map.bubbles.find((b) => b.id === 'WN');
    const os = map.bubbles.find((b) => b.id === 'OS');
    expect(wn && os && wn.x < os.x && wn.y < os.y).toBe(true);
    expect(frame.k).toBeGreaterThan(0);
    expect(map.poles.map((p) => p.id).sort()).toEqual(['O', 'ON', 'OS', 'W', 'WN', 'WS']);
    expect(map.innerBorders).toMatch(/^M/);
  });
});

describe('buildAreaMap', () => {
  it('buildAreaMap(input, id) draws every entry of the unit, most vulnerable last, and its sub-units with counts', () => {
    const map = buildAreaMap(input, 'W');
    expect(map?.count).toBe(3);
    expect(map?.points.map((p) => p.v)).toEqual([0, 2, 3]);
    expect(map?.areas.map((a) => [a.id, a.count, a.directoryUrl])).toEqual([
      ['WN', 2, '/einrichtungen/gebiet/WN/'],
      ['WS', 1, '/einrichtungen/gebiet/WS/'],
    ]);
    expect(map?.unit.url).toBe('/top/W/');
    expect(buildAreaMap(input, 'nowhere')).toBeUndefined();
  });
});
