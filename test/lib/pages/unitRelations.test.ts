/** unitRelations on a made-up list of units: lookups by id and parent, made once per list. */
import { describe, expect, it } from 'vitest';
import { unitRelations } from '../../../src/lib/pages/unitRelations.ts';

const UNITS = [
  { id: 'b', name: 'Bezirk', parent: undefined },
  { id: 'r2', name: 'Region 2', parent: 'b' },
  { id: 'r1', name: 'Region 1', parent: 'b' },
  { id: 'p1', name: 'Planungsraum', parent: 'r1' },
  { id: 'r2', name: 'Doppelte Kennung', parent: 'x' },
];

describe('unitRelations', () => {
  it('finds each unit by id (the first of an id) and lists sub-units in the order of the list', () => {
    const r = unitRelations(UNITS);
    expect(r.byId.get('r2')?.name).toBe('Region 2');
    expect(r.childrenOf.get('b')?.map((u) => u.id)).toEqual(['r2', 'r1']);
    expect(r.childrenOf.get('r1')?.map((u) => u.id)).toEqual(['p1']);
    expect(r.childrenOf.get('p1')).toBeUndefined();
  });

  it('is made once per list, and again for another list', () => {
    expect(unitRelations(UNITS)).toBe(unitRelations(UNITS));
    const other = UNITS.slice(0, 2);
    expect(unitRelations(other)).not.toBe(unitRelations(UNITS));
    expect(
      unitRelations(other)
        .childrenOf.get('b')
        ?.map((u) => u.id),
    ).toEqual(['r2']);
  });
});
