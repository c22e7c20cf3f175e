import { describe, expect, it } from 'vitest';
import {
  bubbleRadius,
  legendCounts,
  placeBubbleLabels,
  scalePath,
  symbolOf,
  VULNERABILITY_SYMBOLS,
} from '../../../src/lib/charts/facilitySymbols.ts';

describe('facility symbols', () => {
  it('VULNERABILITY_SYMBOLS gives each level its own shape and colour', () => {
    expect(new Set(VULNERABILITY_SYMBOLS.map((s) => s.shape)).size).toBe(4);
    expect(new Set(VULNERABILITY_SYMBOLS.map((s) => s.color)).size).toBe(4);
    expect(VULNERABILITY_SYMBOLS.map((s) => s.v).sort()).toEqual([0, 1, 2, 3]);
    expect(symbolOf(7).v).toBe(0);
  });

  it('bubbleRadius(count) makes the area proportional to the count', () => {
    const big = bubbleRadius(400, 400, 20);
    const quarter = bubbleRadius(100, 400, 20);
    expect(big).toBe(20);
    expect(quarter).toBe(10);
    expect(bubbleRadius(0, 400, 20)).toBe(0);
  });

  it('legendCounts(max) gives the maximum and rounded smaller counts, largest first', () => {
    expect(legendCounts(812)).toEqual([812, 200, 50]);
    expect(legendCounts(1)).toEqual([1]);
    expect(legendCounts(9)).toEqual([9, 2]);
  });

  it('scalePath(d, k) scales the coordinates of a path', () => {
    expect(scalePath('M0,-1L1,0.5Z', 4)).toBe('M0,-4L4,2Z');
  });
});

describe('placeBubbleLabels', () => {
  it('placeBubbleLabels(bubbles) labels big bubbles, the larger count first where two labels would overlap', () => {
    const bubbles = [
      { x: 100, y: 100, r: 12, count: 80 },
      { x: 108, y: 102, r: 15, count: 140 },
      { x: 300, y: 100, r: 12, count: 60 },
      { x: 400, y: 100, r: 5, count: 4 },
    ];
    expect(placeBubbleLabels(bubbles, String)).toEqual([false, true, true, false]);
  });
});
