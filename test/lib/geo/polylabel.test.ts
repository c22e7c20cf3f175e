import { describe, expect, test } from 'vitest';
import { findPoleOfInaccessibility } from '../../../src/lib/geo/polylabel.ts';

describe('findPoleOfInaccessibility', () => {
  test('a rectangle: its centre', () => {
    const [lon, lat] = findPoleOfInaccessibility([
      [
        [13, 52],
        [13.2, 52],
        [13.2, 52.1],
        [13, 52.1],
        [13, 52],
      ],
    ]);
    expect(lon).toBeCloseTo(13.1, 3);
    expect(lat).toBeCloseTo(52.05, 3);
  });

  test('an L shape: on the mid-line of the thicker arm', () => {
    // Vertical arm 0.1° wide (≈ 6.8 km at 52° N), horizontal arm 0.2° tall (≈ 22 km): the largest inscribed
    // circle (r ≈ 11.1 km) fits anywhere on lat 52.1 between about 13.16 and 13.44 E (0.16° ≈ 11 km from the ends).
    const L = [
      [
        [13, 52],
        [13.6, 52],
        [13.6, 52.2],
        [13.1, 52.2],
        [13.1, 52.6],
        [13, 52.6],
        [13, 52],
      ],
    ];
    const [lon, lat] = findPoleOfInaccessibility(L);
    expect(lat).toBeCloseTo(52.1, 2);
    expect(lon).toBeGreaterThan(13.15);
    expect(lon).toBeLessThan(13.45);
  });

  test('a ring without area returns a corner instead of looping', () => {
    const [lon, lat] = findPoleOfInaccessibility([
      [
        [13, 52],
        [13.1, 52],
        [13, 52],
      ],
    ]);
    expect(lon).toBeCloseTo(13, 12);
    expect(lat).toBe(52);
  });
});
