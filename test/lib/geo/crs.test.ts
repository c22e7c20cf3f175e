import { describe, expect, test } from 'vitest';
import { CrsSchema } from '../../../src/schemas/atlasConfig.ts';
import {
  CRS_DEFINITIONS,
  crsFromGeoJson,
  isSupportedCrs,
  reprojectGeometry,
  reprojectPosition,
} from '../../../src/lib/geo/crs.ts';

/**
 * Reference values: PROJ 9.5.1 (via pyproj 3.7.2), `Transformer.from_crs(<crs>, "EPSG:4326", always_xy=True)`;
 * for Gauß-Krüger the pipeline with the transformation "DHDN to WGS 84 (2)" (EPSG:1777), which is what the
 * towgs84 parameters encode. PROJ is an independent implementation (C/C++) from proj4js.
 */
const REFERENCE: [string, [number, number], [number, number], string][] = [
  ['EPSG:25833', [392000, 5820000], [13.40827544, 52.519395318], 'Spandauer Straße near Alexanderplatz, Berlin'],
  ['EPSG:25833', [388591.4, 5820578.3], [13.357867108, 52.523906062], 'OSZ Alt-Moabit 10 (Geoportal Berlin, schulen)'],
  ['EPSG:25832', [800000, 5825000], [13.419741512, 52.492458856], 'Berlin-Kreuzberg in zone 32'],
  ['EPSG:25832', [691000, 5335000], [11.567501229, 48.13955835], 'München Altstadt'],
  ['EPSG:3857', [1492700, 6894700], [13.409152246, 52.520001086], 'Berlin Mitte, Web Mercator'],
  ['EPSG:31466', [2550000, 5650000], [6.711419512, 50.983030412], 'Gauß-Krüger zone 2'],
  ['EPSG:31467', [3500000, 5500000], [8.998963564, 49.636710642], 'Gauß-Krüger zone 3'],
  ['EPSG:31468', [4595000, 5821000], [13.39785567, 52.513862166], 'Gauß-Krüger zone 4, Berlin'],
  ['EPSG:31469', [5400000, 5820000], [13.525304482, 52.503985974], 'Gauß-Krüger zone 5, Berlin'],
];

describe('reprojectPosition', () => {
  test.each(REFERENCE)('%s %j → %j (%s)', (crs, xy, expected) => {
    const [lon, lat] = reprojectPosition(xy, CrsSchema.parse(crs));
    expect(Math.abs(lon - expected[0])).toBeLessThan(1e-8);
    expect(Math.abs(lat - expected[1])).toBeLessThan(1e-8);
  });

  test('every CRS of the schema has a definition', () => {
    expect(Object.keys(CRS_DEFINITIONS).sort()).toEqual([...CrsSchema.options].sort());
  });
});

describe('reprojectGeometry', () => {
  test('converts every position of a polygon and keeps the input unchanged', () => {
    const ring = [
      [391500, 5819500],
      [392500, 5819500],
      [392500, 5820500],
      [391500, 5820500],
      [391500, 5819500],
    ];
    const input = { type: 'Polygon' as const, coordinates: [ring] };
    const out = reprojectGeometry(input, 'EPSG:25833');
    expect(out.coordinates[0]).toHaveLength(5);
    for (const [lon, lat] of out.coordinates[0] ?? []) {
      expect(lon).toBeGreaterThan(13.39);
      expect(lon).toBeLessThan(13.43);
      expect(lat).toBeGreaterThan(52.51);
      expect(lat).toBeLessThan(52.53);
    }
    expect(input.coordinates[0]?.[0]).toEqual([391500, 5819500]);
  });

  test('EPSG:4326 is the identity', () => {
    const point = { type: 'Point' as const, coordinates: [13.4, 52.5] };
    expect(reprojectGeometry(point, 'EPSG:4326')).toBe(point);
  });
});

describe('crsFromGeoJson', () => {
  const withName = (name: string) => ({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name } },
    features: [],
  });
  test.each([
    ['urn:ogc:def:crs:EPSG::25833', 'EPSG:25833'],
    ['urn:ogc:def:crs:EPSG:6.6:25832', 'EPSG:25832'],
    ['EPSG:25833', 'EPSG:25833'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
    ['http://www.opengis.net/def/crs/EPSG/0/31468', 'EPSG:31468'],
    ['EPSG:900913', 'EPSG:3857'],
    ['urn:ogc:def:crs:EPSG::2154', 'EPSG:2154'],
  ])('%s → %s', (name, expected) => {
    expect(crsFromGeoJson(withName(name))).toBe(expected);
  });

  test('no or unreadable crs member → undefined', () => {
    expect(crsFromGeoJson({ type: 'FeatureCollection', features: [] })).toBeUndefined();
    expect(crsFromGeoJson(withName('irgendwas'))).toBeUndefined();
    expect(crsFromGeoJson(null)).toBeUndefined();
  });

  test('pre-2008 form {type: EPSG, properties: {code}}', () => {
    expect(crsFromGeoJson({ crs: { type: 'EPSG', properties: { code: 25832 } } })).toBe('EPSG:25832');
  });

  test('isSupportedCrs', () => {
    expect(isSupportedCrs('EPSG:25833')).toBe(true);
    expect(isSupportedCrs('EPSG:2154')).toBe(false);
  });
});
