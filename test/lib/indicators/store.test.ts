import { describe, expect, it } from 'vitest';
import { CITY, ValueStore, hasNumber, type Value } from '../../../src/lib/indicators/store.ts';

function value(unit: string, year: number, v: number | undefined, status: Value['status'] = 'value'): Value {
  return { unit, indicator: 'ew', year, status, value: v, method: 'published' };
}

describe('ValueStore', () => {
  it('get(indicator, unit, year) returns what set() stored, and undefined for anything else', () => {
    const s = new ValueStore();
    s.set(value('01', 2019, 12));
    expect(s.get('ew', '01', 2019)?.value).toBe(12);
    expect(s.get('ew', '01', 2020)).toBeUndefined();
    expect(s.get('ew', '02', 2019)).toBeUndefined();
    expect(s.get('other', '01', 2019)).toBeUndefined();
  });

  it('set() on the same indicator, unit and year replaces the value', () => {
    const s = new ValueStore();
    s.set(value('01', 2019, 12));
    s.set(value('01', 2019, 13));
    expect(s.size).toBe(1);
    expect(s.get('ew', '01', 2019)?.value).toBe(13);
  });

  it('keys do not run into each other when ids contain separators', () => {
    const s = new ValueStore();
    s.set({ ...value('1', 2019, 1), indicator: 'a' });
    s.set({ ...value('a1', 2019, 2), indicator: '' });
    s.set({ ...value('12', 19, 3), indicator: 'a' });
    expect(s.size).toBe(3);
    expect(s.get('a', '1', 2019)?.value).toBe(1);
  });

  it('years(indicator) lists each year once, ascending, whatever the insertion order', () => {
    const s = new ValueStore();
    s.set(value('01', 2021, 1));
    s.set(value('02', 2013, 1));
    s.set(value(CITY, 2019, 1));
    s.set(value('01', 2013, 1));
    expect(s.years('ew')).toEqual([2013, 2019, 2021]);
    expect(s.years('unknown')).toEqual([]);
  });

  it('series(indicator, unit) returns the unit values ascending by year and skips years without a value', () => {
    const s = new ValueStore();
    s.set(value('01', 2021, 3));
    s.set(value('01', 2013, 1));
    s.set(value('02', 2019, 9)); // 2019 exists for the indicator, not for unit 01
    s.set(value('01', 2017, undefined, 'suppressed'));
    expect(s.series('ew', '01').map((v) => [v.year, v.status, v.value])).toEqual([
      [2013, 'value', 1],
      [2017, 'suppressed', undefined],
      [2021, 'value', 3],
    ]);
  });

  it('values() iterates every stored value', () => {
    const s = new ValueStore();
    s.set(value('01', 2019, 1));
    s.set(value('02', 2019, 2));
    expect([...s.values()].map((v) => v.unit).sort()).toEqual(['01', '02']);
  });
});

describe('hasNumber', () => {
  it('hasNumber(v) is true for status value and zero with a number', () => {
    expect(hasNumber(value('01', 2019, 4.5))).toBe(true);
    expect(hasNumber(value('01', 2019, 0, 'zero'))).toBe(true);
  });

  it('hasNumber(v) is false for missing, suppressed, notApplicable and undefined', () => {
    expect(hasNumber(undefined)).toBe(false);
    expect(hasNumber(value('01', 2019, undefined, 'missing'))).toBe(false);
    expect(hasNumber(value('01', 2019, undefined, 'suppressed'))).toBe(false);
    expect(hasNumber(value('01', 2019, undefined, 'notApplicable'))).toBe(false);
    expect(hasNumber(value('01', 2019, undefined))).toBe(false);
  });

  it('hasNumber(v) is false for a suppressed value even if a number slipped in', () => {
    expect(hasNumber(value('01', 2019, 7, 'suppressed'))).toBe(false);
  });
});
