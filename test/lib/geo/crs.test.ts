import { describe, expect, test } from 'vitest';
import {
  CRS_DEFINITIONS,
  crsFromGeoJson,
  epsgCode,
  isCrsSpec,
  reprojectGeometry,
  reprojectPosition,
  resolveCrs,
} from '../../../src/lib/geo/crs.ts';
import { lookupEpsg } from '../../../src/pipeline/epsg.ts';

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
    const [lon, lat] = reprojectPosition(xy, crs);
    expect(Math.abs(lon - expected[0])).toBeLessThan(1e-8);
    expect(Math.abs(lat - expected[1])).toBeLessThan(1e-8);
  });

  test('the built-in definitions and the EPSG index agree (DHDN: BeTA2007 grid replaced by the 7 parameters)', () => {
    for (const code of Object.keys(CRS_DEFINITIONS)) {
      const viaIndex = resolveCrs(`EPSG:${code.slice(5)}`, (c) => lookupEpsg(c));
      const indexOnly = lookupEpsg(Number(code.slice(5)));
      expect(indexOnly, code).toBeDefined();
      expect('crs' in viaIndex).toBe(true);
    }
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

  test('isCrsSpec and epsgCode', () => {
    expect(isCrsSpec('EPSG:25833')).toBe(true);
    expect(isCrsSpec('+proj=utm +zone=32')).toBe(true);
    expect(isCrsSpec('PROJCS["x",GEOGCS["y"]]')).toBe(true);
    expect(isCrsSpec('UTM 32')).toBe(false);
    expect(epsgCode('urn:ogc:def:crs:EPSG::25832')).toBe(25832);
    expect(epsgCode('http://www.opengis.net/def/crs/EPSG/0/31468')).toBe(31468);
  });
});

describe('resolveCrs: any EPSG code, proj string or WKT', () => {
  /** Reference: PROJ 9 values for Hamburg Rathaus, (566000, 5933000) in UTM 32 → 9.99598, 53.54175. */
  const HAMBURG: [number, number] = [9.995980647844574, 53.54175088765747];
  const near = (a: [number, number], b: [number, number]) =>
    Math.abs(a[0] - b[0]) < 1e-7 && Math.abs(a[1] - b[1]) < 1e-7;

  test('an EPSG code beyond the built-in ones comes from the EPSG index (WGS 84 / UTM 32N)', () => {
    const r = resolveCrs('EPSG:32632', lookupEpsg);
    if (!('crs' in r)) throw new Error(r.error);
    expect(near(reprojectPosition([566000, 5933000], r.crs), HAMBURG)).toBe(true);
  });

  test('an unknown EPSG code is an error naming it', () => {
    const r = resolveCrs('EPSG:999999', lookupEpsg);
    expect('error' in r && r.error).toContain('EPSG:999999');
  });

  test('ESRI WKT with a zone-prefixed false easting of 32,500,000 survives', () => {
    const wkt =
      'PROJCS["ETRS_1989_UTM_Zone_32N_zE",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",32500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const r = resolveCrs(wkt);
    if (!('crs' in r)) throw new Error(r.error);
    expect(r.crs.label).toBe('WKT (ETRS_1989_UTM_Zone_32N_zE)');
    expect(near(reprojectPosition([32566000, 5933000], r.crs), HAMBURG)).toBe(true);
  });

  test('ESRI WKT for Gauß-Krüger zone 2 (false easting 2,500,000) gets the DHDN shift the .prj lacks', () => {
    const wkt =
      'PROJCS["DHDN_3_Degree_Gauss_Zone_2",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz",DATUM["D_Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",2500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",6.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const r = resolveCrs(wkt);
    if (!('crs' in r)) throw new Error(r.error);
    // Same point as the PROJ reference for EPSG:31466 above: 6.711419512, 50.983030412.
    const [lon, lat] = reprojectPosition([2550000, 5650000], r.crs);
    expect(Math.abs(lon - 6.711419512)).toBeLessThan(1e-6);
    expect(Math.abs(lat - 50.983030412)).toBeLessThan(1e-6);
  });

  test('a proj string is used as given; a grid other than BeTA2007 is refused', () => {
    const r = resolveCrs('+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs');
    if (!('crs' in r)) throw new Error(r.error);
    expect(near(reprojectPosition([566000, 5933000], r.crs), HAMBURG)).toBe(true);
    expect('error' in resolveCrs('+proj=utm +zone=32 +nadgrids=ntv2.gsb')).toBe(true);
  });

  test('DHDN / Soldner Berlin (EPSG:3068) from the index: BeTA2007 replaced, lands in Berlin', () => {
    const r = resolveCrs('EPSG:3068', lookupEpsg);
    if (!('crs' in r)) throw new Error(r.error);
    const [lon, lat] = reprojectPosition([24000, 21000], r.crs);
    expect(lon).toBeGreaterThan(13.2);
    expect(lon).toBeLessThan(13.6);
    expect(lat).toBeGreaterThan(52.4);
    expect(lat).toBeLessThan(52.6);
  });
});
