import { describe, expect, it } from 'vitest';
import type { FacilityPoint } from '../../../src/lib/facilities/facilityPoints.ts';
import {
  formatRadiusSearch,
  parseDecimal,
  parseRadiusSearch,
  queryRadius,
} from '../../../src/lib/facilities/radiusQuery.ts';

// Made-up points due north of the centre: along a meridian the great-circle distance is exactly R · Δφ.
const R = 6371008.8;
const CENTRE = { lat: 51.4, lon: 7.0 };
const metresNorth = (m: number) => CENTRE.lat + ((m / R) * 180) / Math.PI;
const point = (id: string, metres: number, v: number, name = id): FacilityPoint => ({
  id,
  name,
  types: ['x'],
  lat: metresNorth(metres),
  lon: CENTRE.lon,
  address: `${id}-Straße 1`,
  v,
});

describe('queryRadius', () => {
  const points = [
    point('kita-near', 100, 2),
    point('pflege-far', 450, 3),
    point('arzt-nearest', 50, 0),
    point('pflege-near', 300, 3),
    point('outside', 600, 3),
  ];

  it('queryRadius(points, q) sorts by vulnerability (highest first), then by distance', () => {
    const hits = queryRadius(points, { ...CENTRE, r: 500 });
    expect(hits.map((h) => h.point.id)).toEqual(['pflege-near', 'pflege-far', 'kita-near', 'arzt-nearest']);
    expect(hits.map((h) => Math.round(h.distance))).toEqual([300, 450, 100, 50]);
  });

  it('queryRadius(points, q) includes a point exactly on the edge and leaves out one just beyond it', () => {
    const edge = [point('on-edge', 500, 1), point('beyond', 500.5, 1)];
    expect(queryRadius(edge, { ...CENTRE, r: 500.2 }).map((h) => h.point.id)).toEqual(['on-edge']);
    expect(queryRadius(edge, { ...CENTRE, r: 499.8 })).toEqual([]);
  });

  it('queryRadius(points, q) is empty when nothing lies within the radius, and for no points', () => {
    expect(queryRadius(points, { ...CENTRE, r: 40 })).toEqual([]);
    expect(queryRadius([], { ...CENTRE, r: 2000 })).toEqual([]);
  });

  it('queryRadius(points, q) orders equal vulnerability and distance by name, then id', () => {
    const same = [point('b', 200, 2, 'Zwerg'), point('c', 200, 2, 'Apfel'), point('a', 200, 2, 'Apfel')];
    expect(queryRadius(same, { ...CENTRE, r: 300 }).map((h) => h.point.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('parseRadiusSearch', () => {
  it('parseRadiusSearch(search) reads lat, lon and r, r defaulting to 500 m', () => {
    expect(parseRadiusSearch('?lat=52.52&lon=13.405&r=1000')).toEqual({ lat: 52.52, lon: 13.405, r: 1000 });
    expect(parseRadiusSearch('?lat=52.52&lon=13.405')).toEqual({ lat: 52.52, lon: 13.405, r: 500 });
    expect(parseRadiusSearch('?lat=52,52&lon=13,405&r=250')).toEqual({ lat: 52.52, lon: 13.405, r: 250 });
  });

  it('parseRadiusSearch(search) refuses missing, malformed or out-of-range values', () => {
    for (const s of [
      '',
      '?lat=52.5',
      '?lat=abc&lon=13',
      '?lat=91&lon=13',
      '?lat=52&lon=181',
      '?lat=52&lon=13&r=0',
      '?lat=52&lon=13&r=20001',
      '?lat=1e3&lon=13',
    ]) {
      expect(parseRadiusSearch(s), s).toBeUndefined();
    }
  });

  it('formatRadiusSearch(q) writes what parseRadiusSearch reads back', () => {
    const q = { lat: 52.516275, lon: 13.377704, r: 750 };
    expect(formatRadiusSearch(q)).toBe('?lat=52.516275&lon=13.377704&r=750');
    expect(parseRadiusSearch(formatRadiusSearch(q))).toEqual(q);
  });
});

describe('parseDecimal', () => {
  it('parseDecimal(text) reads a decimal point or comma and a trailing degree sign', () => {
    expect(parseDecimal(' 52,5163 ')).toBe(52.5163);
    expect(parseDecimal('13.4°')).toBe(13.4);
    expect(parseDecimal('-0,5')).toBe(-0.5);
  });

  it('parseDecimal(text) refuses thousands separators, two separators and words', () => {
    for (const s of ['1.000,5', '52,51,63', 'north', '', '1e5']) expect(parseDecimal(s), s).toBeUndefined();
  });
});

describe('radius query: type filter and named centre', () => {
  it('parseRadiusSearch() and formatRadiusSearch() keep types and the centre’s name', () => {
    const q = { lat: 52.5, lon: 13.4, r: 500, types: ['kita', 'pflege'], centre: 'Kita Sonne – Weg 1' };
    expect(parseRadiusSearch(formatRadiusSearch(q))).toEqual(q);
  });
  it('queryRadius() with types lists only entries of those types', () => {
    const pt = (id: string, types: string[]) => ({ id, name: id, types, lat: 52.5, lon: 13.4, address: '', v: 0 });
    const hits = queryRadius([pt('a', ['kita']), pt('b', ['pflege'])], {
      lat: 52.5,
      lon: 13.4,
      r: 10,
      types: ['pflege'],
    });
    expect(hits.map((h) => h.point.id)).toEqual(['b']);
  });
});
