import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { compareByVulnerability, facilitiesByArea, vulnerabilityOf } from '../../../src/lib/areas/facilitiesInAreas.ts';

function rect(w: number, s: number, e: number, n: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

describe('facilitiesByArea()', () => {
  it('facilitiesByArea(overlapping areas) puts a point into every area containing it', () => {
    const areas = [
      { id: 'A', geometry: rect(13.0, 52.0, 13.2, 52.2) },
      { id: 'B', geometry: rect(13.1, 52.1, 13.3, 52.3) },
      { id: 'C', geometry: rect(14.0, 53.0, 14.1, 53.1) },
    ];
    const points = [
      { id: 'both', lon: 13.15, lat: 52.15 },
      { id: 'onlyA', lon: 13.05, lat: 52.05 },
      { id: 'outside', lon: 12.0, lat: 51.0 },
    ];
    const byArea = facilitiesByArea(areas, points);
    expect(byArea.get('A')).toEqual(['both', 'onlyA']);
    expect(byArea.get('B')).toEqual(['both']);
    expect(byArea.get('C')).toEqual([]);
  });

  it('facilitiesByArea(no areas) is empty', () => {
    expect(facilitiesByArea([], [{ id: 'x', lon: 13, lat: 52 }]).size).toBe(0);
  });
});

describe('vulnerability order', () => {
  const vocabulary = [
    { id: 'pflege', vulnerability: 3 },
    { id: 'kita', vulnerability: 2 },
    { id: 'apotheke', vulnerability: 0 },
  ];

  it('vulnerabilityOf() takes the highest of the types; unknown types and none count 0', () => {
    expect(vulnerabilityOf(['apotheke', 'kita'], vocabulary)).toBe(2);
    expect(vulnerabilityOf(['kita', 'pflege'], vocabulary)).toBe(3);
    expect(vulnerabilityOf(['unbekannt'], vocabulary)).toBe(0);
    expect(vulnerabilityOf([], vocabulary)).toBe(0);
  });

  it('compareByVulnerability() sorts the most vulnerable first, then by German name, then by id', () => {
    const list = [
      { id: 'z', name: 'Apotheke am Markt', vulnerability: 0 },
      { id: 'b', name: 'Öko-Kita', vulnerability: 2 },
      { id: 'a', name: 'Kita Ulme', vulnerability: 2 },
      { id: 'c', name: 'Pflegeheim', vulnerability: 3 },
      { id: 'd', name: 'Kita Ulme', vulnerability: 2 },
    ];
    expect([...list].sort(compareByVulnerability).map((x) => x.id)).toEqual(['c', 'a', 'd', 'b', 'z']);
  });
});
