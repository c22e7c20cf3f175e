import { geoArea } from 'd3';
import { describe, expect, it } from 'vitest';
import { mergeUnits } from '../../../src/lib/geo/mergeUnits.ts';
import type { BoundaryFeature } from '../../../src/lib/geo/readBoundaries.ts';
import { rewindForD3 } from '../../../src/lib/geo/winding.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';

const square = (id: string, x: number): BoundaryFeature => ({
  id,
  name: `Gebiet ${id}`,
  index: Number(id),
  geometry: rewindForD3({
    type: 'Polygon',
    coordinates: [
      [
        [x, 51.5],
        [x + 0.02, 51.5],
        [x + 0.02, 51.52],
        [x, 51.52],
        [x, 51.5],
      ],
    ],
  }),
});

describe('mergeUnits', () => {
  const parts = [square('1', 9.9), square('2', 9.92), square('3', 9.94)];
  it('replaces the parts by one unit with one dissolved outline and the area of both', () => {
    const log = new ProblemLog();
    const r = mergeUnits(
      parts,
      [{ id: '1-2', name: 'Eins und Zwei', units: ['1', '2'] }],
      'atlas.yml',
      'levels[0].merge',
      log,
    );
    expect(log.problems).toEqual([]);
    expect(r.features.map((f) => [f.id, f.name])).toEqual([
      ['1-2', 'Eins und Zwei'],
      ['3', 'Gebiet 3'],
    ]);
    const merged = r.features[0]!.geometry;
    expect(merged.type).toBe('Polygon');
    expect(geoArea(merged)).toBeCloseTo(geoArea(parts[0]!.geometry) + geoArea(parts[1]!.geometry), 12);
    expect([...r.mergedInto]).toEqual([
      ['1', '1-2'],
      ['2', '1-2'],
    ]);
  });
  it('an unknown part or a part in two merges is an error; the parts then stay', () => {
    const log = new ProblemLog();
    const r = mergeUnits(
      parts,
      [
        { id: 'a', name: 'A', units: ['1', '9'] },
        { id: 'b', name: 'B', units: ['2', '3'] },
        { id: 'c', name: 'C', units: ['3', '1'] },
      ],
      'atlas.yml',
      'levels[0].merge',
      log,
    );
    expect(log.errors.map((e) => e.field)).toEqual(['levels[0].merge[0]', 'levels[0].merge[2]']);
    expect(r.features.map((f) => f.id)).toEqual(['1', 'b']);
  });
});
