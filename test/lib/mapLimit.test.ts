import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/lib/mapLimit.ts';

describe('mapLimit', () => {
  it('keeps the order of the items and never has more than `width` calls under way', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(most).toBe(3);
  });

  it('passes on the first failure and handles no items', async () => {
    await expect(mapLimit([1, 2], 2, async (n) => (n === 2 ? Promise.reject(new Error('zwei')) : n))).rejects.toThrow(
      'zwei',
    );
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
