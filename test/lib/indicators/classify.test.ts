import { describe, expect, it } from 'vitest';
import { classOf, quantileBreaks } from '../../../src/lib/indicators/classify.ts';

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
