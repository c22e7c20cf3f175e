import { describe, expect, it } from 'vitest';
import { rankDescending } from '../../../src/lib/indicators/rank.ts';

describe('rankDescending', () => {
  it('rankDescending(entries) gives rank 1 to the highest value', () => {
    const { ranks, n } = rankDescending([
      { id: 'a', value: 3 },
      { id: 'b', value: 9 },
      { id: 'c', value: 5 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, c: 2, a: 3 });
    expect(n).toBe(3);
  });

  it('rankDescending(entries) ranks ties 1-2-2-4 (competition ranking)', () => {
    const { ranks } = rankDescending([
      { id: 'd', value: 1 },
      { id: 'b', value: 5 },
      { id: 'a', value: 8 },
      { id: 'c', value: 5 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });

  it('rankDescending(entries) ranks a tie at the top 1-1-3', () => {
    const { ranks } = rankDescending([
      { id: 'a', value: 2 },
      { id: 'b', value: 2 },
      { id: 'c', value: 0 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 1, c: 3 });
  });

  it('rankDescending(entries) leaves undefined, NaN and infinite values unranked and does not count them', () => {
    const { ranks, n } = rankDescending([
      { id: 'a', value: undefined },
      { id: 'b', value: 4 },
      { id: 'c', value: NaN },
      { id: 'd', value: Infinity },
      { id: 'e', value: 0 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, e: 2 });
    expect(ranks.has('a')).toBe(false);
    expect(ranks.has('c')).toBe(false);
    expect(n).toBe(2);
  });

  it('rankDescending(negative values) still ranks the highest first', () => {
    const { ranks } = rankDescending([
      { id: 'a', value: -3 },
      { id: 'b', value: -1 },
    ]);
    expect(ranks.get('b')).toBe(1);
    expect(ranks.get('a')).toBe(2);
  });

  it('rankDescending([]) returns no ranks and n = 0', () => {
    const { ranks, n } = rankDescending([]);
    expect(ranks.size).toBe(0);
    expect(n).toBe(0);
  });
});
