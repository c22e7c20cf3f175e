import { describe, expect, test } from 'vitest';
import { haversineMeters } from '../../../src/lib/geo/distance.ts';
import { EARTH_RADIUS_M } from '../../../src/lib/geo/measure.ts';

describe('haversineMeters', () => {
  const oneDegree = (EARTH_RADIUS_M * Math.PI) / 180; // 111,195.08 m on the mean sphere

  test('one degree along the equator and along a meridian', () => {
    expect(haversineMeters([0, 0], [1, 0])).toBeCloseTo(oneDegree, 6);
    expect(haversineMeters([13.4, 52], [13.4, 53])).toBeCloseTo(oneDegree, 6);
  });

  test('one degree of longitude at 60° N is about half as long (great circle slightly shorter)', () => {
    const d = haversineMeters([13, 60], [14, 60]);
    expect(d).toBeLessThan(oneDegree / 2);
    expect(d).toBeGreaterThan(oneDegree / 2 - 5);
  });

  test('zero, symmetric, antipodal = πR', () => {
    expect(haversineMeters([13.4, 52.5], [13.4, 52.5])).toBe(0);
    expect(haversineMeters([13.4, 52.5], [13.5, 52.4])).toBe(haversineMeters([13.5, 52.4], [13.4, 52.5]));
    expect(haversineMeters([0, 0], [180, 0])).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
  });

  test('takes [lon, lat]: Alexanderplatz to Brandenburger Tor is 2.48 km (swapped it would be 4.00 km)', () => {
    // Alexanderplatz 52.521918° N 13.413215° E, Brandenburger Tor 52.516275° N 13.377704° E; 2,483.3 m computed
    // independently (Python, haversine with R = 6,371,008.8 m); read as [lat, lon] the same numbers give 3,995.5 m.
    const alexanderplatz: [number, number] = [13.413215, 52.521918];
    const brandenburgerTor: [number, number] = [13.377704, 52.516275];
    expect(haversineMeters(alexanderplatz, brandenburgerTor)).toBeCloseTo(2483.3, 0);
  });
});
