import { describe, expect, it } from 'vitest';
import {
  binOf,
  buildColorScale,
  classOf,
  quantileBreaks,
  type BinInput,
} from '../../../src/lib/indicators/classify.ts';

describe('quantileBreaks', () => {
  it('quantileBreaks(values, k, decimals) returns k − 1 ascending quantile breaks (R-7)', () => {
    // 1…10: quantiles at 0.2, 0.4, 0.6, 0.8 are 2.8, 4.6, 6.4, 8.2.
    expect(quantileBreaks([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 5, 1)).toEqual([2.8, 4.6, 6.4, 8.2]);
  });

  it('quantileBreaks(values, k, decimals) rounds breaks to the indicator decimals', () => {
    expect(quantileBreaks([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 5, 0)).toEqual([3, 5, 6, 8]);
  });

  it('quantileBreaks(values) puts about equally many values in each class', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    const breaks = quantileBreaks(values, 4, 2);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[classOf(v, breaks)]! += 1;
    expect(counts).toEqual([5, 5, 5, 5]);
  });

  it('quantileBreaks(values with ties) drops duplicate breaks and a break at the minimum, so there are fewer classes', () => {
    // Quantiles at 0.25, 0.5, 0.75 are 1, 1.5, 2.75 → rounded 1, 2, 3; the 1 would leave class 0 empty.
    expect(quantileBreaks([1, 1, 1, 2, 3, 4], 4, 0)).toEqual([2, 3]);
    expect(quantileBreaks([7, 7, 7, 7], 5, 1)).toEqual([]);
  });

  it('quantileBreaks(values) ignores NaN and infinite values', () => {
    expect(quantileBreaks([NaN, 1, 2, 3, Infinity, 4, 5], 2, 1)).toEqual([3]);
  });

  it('quantileBreaks([] | k < 2) returns no breaks', () => {
    expect(quantileBreaks([], 5, 1)).toEqual([]);
    expect(quantileBreaks([1, 2, 3], 1, 1)).toEqual([]);
  });

  it('quantileBreaks(values) does not reorder its input', () => {
    const values = [3, 1, 2];
    quantileBreaks(values, 2, 0);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('classOf', () => {
  const breaks = [10, 20, 30];

  it('classOf(value below the first break) is class 0', () => {
    expect(classOf(-5, breaks)).toBe(0);
    expect(classOf(9.99, breaks)).toBe(0);
  });

  it('classOf(value equal to a break) is the upper class', () => {
    expect(classOf(10, breaks)).toBe(1);
    expect(classOf(20, breaks)).toBe(2);
    expect(classOf(30, breaks)).toBe(3);
  });

  it('classOf(value between breaks) is the class between them', () => {
    expect(classOf(19.99, breaks)).toBe(1);
    expect(classOf(25, breaks)).toBe(2);
  });

  it('classOf(value above the last break) is the last class, k − 1', () => {
    expect(classOf(1e9, breaks)).toBe(3);
  });

  it('classOf(value, []) is class 0', () => {
    expect(classOf(42, [])).toBe(0);
  });
});

/** k colours named by position, so a test can see which bin got which colour. */
const palette = (k: number) => Array.from({ length: k }, (_, i) => `c${i + 1}of${k}`);
const num = (value: number): BinInput => ({ status: 'value', value });
const QUOTE = { type: 'value' as const, decimals: 1, classes: undefined };

describe('buildColorScale', () => {
  it('buildColorScale(numbers) makes quintile bins from the lowest to the highest value, colours from the palette', () => {
    const scale = buildColorScale(QUOTE, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(num), palette);
    // Breaks 2.8, 4.6, 6.4, 8.2 (see quantileBreaks); bounds min 1 and max 10.
    expect(scale.method).toBe('quantile');
    expect(scale.bins.map((b) => [b.min, b.max, b.closedMax, b.color, b.count])).toEqual([
      [1, 2.8, false, 'c1of5', 2],
      [2.8, 4.6, false, 'c2of5', 2],
      [4.6, 6.4, false, 'c3of5', 2],
      [6.4, 8.2, false, 'c4of5', 2],
      [8.2, 10, true, 'c5of5', 2],
    ]);
  });

  it('buildColorScale(values) counts every status without a number in its own bin, never in a value bin', () => {
    const values: (BinInput | undefined)[] = [
      num(1),
      num(2),
      { status: 'suppressed' },
      { status: 'suppressed' },
      { status: 'notApplicable' },
      { status: 'missing' },
      undefined,
      { status: 'zero', value: 0 },
    ];
    const scale = buildColorScale(QUOTE, values, palette);
    expect(scale.statusBins).toEqual([
      { status: 'missing', count: 2 },
      { status: 'suppressed', count: 2 },
      { status: 'notApplicable', count: 1 },
    ]);
    // 0 (zero), 1 and 2 have numbers: zero is a number, not a missing value.
    expect(scale.bins.reduce((a, b) => a + b.count, 0)).toBe(3);
    expect(binOf(scale, { status: 'zero' })).toEqual({ kind: 'value', index: 0 });
    expect(binOf(scale, undefined)).toEqual({ kind: 'status', status: 'missing' });
    expect(binOf(scale, { status: 'suppressed', value: 5 })).toEqual({ kind: 'status', status: 'suppressed' });
  });

  it('binOf(scale, value) puts a value equal to a bound into the upper bin, the maximum into the last bin', () => {
    const scale = buildColorScale(QUOTE, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(num), palette);
    expect(binOf(scale, num(2.7))).toEqual({ kind: 'value', index: 0 });
    expect(binOf(scale, num(2.8))).toEqual({ kind: 'value', index: 1 });
    expect(binOf(scale, num(8.2))).toEqual({ kind: 'value', index: 4 });
    expect(binOf(scale, num(10))).toEqual({ kind: 'value', index: 4 });
  });

  it('binOf(scale, value) bins the value as displayed (rounded to the decimals), so it matches its legend text', () => {
    const scale = buildColorScale(QUOTE, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(num), palette);
    // 2.76 is shown as "2,8": it belongs to "2,8 bis unter 4,6", not to "1,0 bis unter 2,8".
    expect(binOf(scale, num(2.76))).toEqual({ kind: 'value', index: 1 });
    expect(binOf(scale, num(2.74))).toEqual({ kind: 'value', index: 0 });
  });

  it('buildColorScale(tied values) makes fewer bins, each with a colour of a palette of that size', () => {
    const scale = buildColorScale(QUOTE, [7, 7, 7, 7, 9].map(num), palette);
    expect(scale.bins.length).toBeLessThan(5);
    expect(scale.bins.map((b) => b.color)).toEqual(palette(scale.bins.length));
    expect(scale.bins.reduce((a, b) => a + b.count, 0)).toBe(5);
  });

  it('buildColorScale(one value) makes one closed bin from it to itself', () => {
    const scale = buildColorScale(QUOTE, [num(4.2)], palette);
    expect(scale.bins).toEqual([{ index: 0, min: 4.2, max: 4.2, closedMax: true, color: 'c1of1', count: 1 }]);
  });

  it('buildColorScale(no numbers) has no value bins and counts the statuses', () => {
    const scale = buildColorScale(QUOTE, [{ status: 'suppressed' }, undefined], palette);
    expect(scale.bins).toEqual([]);
    expect(scale.statusBins.map((b) => b.count)).toEqual([1, 1, 0]);
  });

  it('buildColorScale(class indicator) makes one bin per configured class in code order, also for empty classes', () => {
    const ind = {
      type: 'class' as const,
      decimals: 0,
      classes: [3, 1, 2, 4].map((value) => ({ value, label: { de: `Stufe ${value}` } })),
    };
    const scale = buildColorScale(ind, [num(1), num(3), num(3), { status: 'notApplicable' }, num(9)], palette);
    expect(scale.method).toBe('classes');
    expect(scale.bins.map((b) => [b.classValue, b.color, b.count])).toEqual([
      [1, 'c1of4', 1],
      [2, 'c2of4', 0],
      [3, 'c3of4', 2],
      [4, 'c4of4', 0],
    ]);
    // A code that is not a class (9) is no class: counted as missing, not forced into a colour.
    expect(scale.statusBins).toEqual([
      { status: 'missing', count: 1 },
      { status: 'suppressed', count: 0 },
      { status: 'notApplicable', count: 1 },
    ]);
  });
});
