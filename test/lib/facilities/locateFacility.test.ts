import { describe, expect, it } from 'vitest';
import { locateFacility, type UnitLookup } from '../../../src/lib/facilities/locateFacility.ts';
import { ageInDays, isStale } from '../../../src/lib/facilities/freshness.ts';

/** Two levels of squares: A (x 0–10) with a1, a2; B (x 10–20) with b1 only over y 0–5 (a gap above it). */
function lookup(calls: string[] = []): UnitLookup {
  const parents: Record<string, string> = { a1: 'A', a2: 'A', b1: 'B' };
  return {
    levels: ['top', 'fine'],
    find(level, x, y) {
      calls.push(level);
      if (y < 0 || y > 10 || x < 0 || x > 20) return undefined;
      if (level === 'top') return x < 10 ? 'A' : 'B';
      if (x < 5) return 'a1';
      if (x < 10) return 'a2';
      return y < 5 ? 'b1' : undefined;
    },
    parentOf: (id) => parents[id],
  };
}

describe('locateFacility', () => {
  it('locateFacility(point, lookup) finds the finest unit and its ancestors from the parent links', () => {
    const calls: string[] = [];
    expect(locateFacility(7, 3, lookup(calls))).toEqual(['A', 'a2']);
    expect(calls).toEqual(['fine']);
  });

  it('locateFacility(point in a gap of the finer level) stops at the coarser level', () => {
    expect(locateFacility(15, 8, lookup())).toEqual(['B']);
  });

  it('locateFacility(point outside every level) is undefined', () => {
    expect(locateFacility(30, 3, lookup())).toBeUndefined();
  });

  it('locateFacility() follows parents, not a second lookup: a border point stays in one chain', () => {
    const l = lookup();
    const inconsistent: UnitLookup = { ...l, find: (level, x, y) => (level === 'top' ? 'B' : l.find(level, x, y)) };
    expect(locateFacility(2, 2, inconsistent)).toEqual(['A', 'a1']);
  });
});

describe('ageInDays / isStale', () => {
  it('ageInDays(date, reference) counts whole days, negative when the date is later', () => {
    expect(ageInDays('2023-12-01', '2023-12-31')).toBe(30);
    expect(ageInDays('2021-12-31', '2023-12-31')).toBe(730);
    expect(ageInDays('2024-01-02', '2023-12-31')).toBe(-2);
  });

  it('ageInDays() is not shifted by daylight saving time', () => {
    expect(ageInDays('2023-03-25', '2023-03-27')).toBe(2);
    expect(ageInDays('2023-10-28', '2023-10-30')).toBe(2);
  });

  it('isStale(lastConfirmed, reference, days) is true only beyond the limit', () => {
    expect(isStale('2021-12-31', '2023-12-31', 730)).toBe(false);
    expect(isStale('2021-12-30', '2023-12-31', 730)).toBe(true);
    expect(isStale('2024-06-01', '2023-12-31', 1)).toBe(false);
  });
});
