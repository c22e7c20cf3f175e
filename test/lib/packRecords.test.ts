/**
 * Records packed into typed arrays and one list of texts (src/lib/packRecords.ts) come back as they were: keys in
 * the same order, undefined fields, NaN and -0, booleans, nested objects shared as before; each text once.
 * Made-up records.
 */
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { packRecords, unpackRecords } from '../../src/lib/packRecords.ts';

describe('packRecords / unpackRecords', () => {
  it('gives back equal records, with their keys in the same order', () => {
    const origin = { file: 'data/a.csv', line: 2, column: 'quote' };
    const records = [
      { unit: '01', indicator: 'quote', year: 2023, status: 'value', value: 12.5, origin },
      { indicator: 'quote', unit: '02', year: 2023, status: 'missing', value: undefined, origin },
      { unit: '03', value: Number.NaN, zero: -0, flag: true, other: false, nested: { deep: { x: 'y' } } },
      {},
    ];
    const back = unpackRecords<Record<string, unknown>>(packRecords(records) ?? expect.fail('not packed'));
    expect(back).toEqual(records);
    expect(back.map((r) => Object.keys(r))).toEqual(records.map((r) => Object.keys(r)));
    expect(back[1]).toHaveProperty('value', undefined);
    expect(Number.isNaN(back[2]?.['value'])).toBe(true);
    expect(Object.is(back[2]?.['zero'], -0)).toBe(true);
    // An object two records share is one object again; each record is a new object.
    expect(back[0]?.['origin']).toBe(back[1]?.['origin']);
    expect(back[0]).not.toBe(records[0]);
    expect(JSON.stringify(back)).toBe(JSON.stringify(records));
  });

  it('writes each text once, however many records hold it', () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ unit: `u${i % 10}`, status: 'value', year: i }));
    const packed = packRecords(records) ?? expect.fail('not packed');
    expect([...packed.strings].sort()).toEqual(
      ['status', 'u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'unit', 'value', 'year'].sort(),
    );
    expect(packed.shapes).toHaveLength(1);
    // And it is smaller than the records serialised as they are.
    expect(serialize(packed).length).toBeLessThan(serialize(records).length);
    const back = unpackRecords<{ unit: string }>(packed);
    expect(back[3]?.unit).toBe(back[13]?.unit);
    expect(back).toEqual(records);
  });

  it('refuses what it cannot give back as it was', () => {
    expect(packRecords([{ list: [1, 2] }])).toBeUndefined();
    expect(packRecords([{ nothing: null }])).toBeUndefined();
    expect(packRecords([{ when: new Date(0) }])).toBeUndefined();
    expect(packRecords([new Map()])).toBeUndefined();
    expect(packRecords([{ f: () => 1 }])).toBeUndefined();
    expect(packRecords([{ big: 1n }])).toBeUndefined();
  });

  it('refuses damaged data instead of making records of it', () => {
    const packed = packRecords([{ a: 'x', b: 1 }]) ?? expect.fail('not packed');
    expect(() => unpackRecords({ ...packed, kinds: packed.kinds.map(() => 9) })).toThrow(/unknown kind/);
    expect(() => unpackRecords({ ...packed, numbers: new Float64Array([1, 2]) })).toThrow(/left over/);
  });
});
