import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { CrsSchema, type Crs } from '../../schemas/atlasConfig.ts';

/**
 * proj4 definitions of every CRS an atlas may declare (`CrsSchema`), as PROJ 9 exports them.
 * ETRS89 is treated as identical to WGS84 (EPSG transformation 1149, accurate to about 1 m), as PROJ does.
 * DHDN (Gauß-Krüger) uses the 7-parameter transformation "DHDN to WGS 84 (2)" (EPSG 1777, about 3 m);
 * PROJ prefers the BeTA2007 grid where installed, which we cannot ship in a pure module.
 */
export const CRS_DEFINITIONS: Readonly<Record<Crs, string>> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:25832': '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:25833': '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:3857':
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  'EPSG:31466': gaussKrueger(6, 2),
  'EPSG:31467': gaussKrueger(9, 3),
  'EPSG:31468': gaussKrueger(12, 4),
  'EPSG:31469': gaussKrueger(15, 5),
};

function gaussKrueger(centralMeridian: number, zone: number): string {
  return (
    `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${zone}500000 +y_0=0 +ellps=bessel ` +
    '+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs'
  );
}

/** Other spellings of Web Mercator found in older exports (ESRI, OpenLayers). */
const ALIASES: Readonly<Record<string, string>> = {
  'EPSG:900913': 'EPSG:3857',
  'EPSG:3785': 'EPSG:3857',
  'EPSG:102100': 'EPSG:3857',
  'EPSG:102113': 'EPSG:3857',
  'EPSG:4258': 'EPSG:4326', // ETRS89 geographic: same as WGS84 at map scale
};

/** True if `code` is one of the CRS the atlas supports (e.g. "EPSG:25833"). */
export function isSupportedCrs(code: string): code is Crs {
  return CrsSchema.safeParse(code).success;
}

/**
 * Reads the legacy GeoJSON 2008 `crs` member (dropped by RFC 7946 but still written by GDAL/QGIS).
 * Understands `urn:ogc:def:crs:EPSG::25833`, `urn:ogc:def:crs:EPSG:6.6:25833`, `EPSG:25833`,
 * `http://www.opengis.net/def/crs/EPSG/0/25833` and CRS84 (= EPSG:4326, lon/lat).
 * @returns a normalised "EPSG:<code>" (possibly unsupported: check with `isSupportedCrs`), or undefined
 *   if the object has no `crs` member or it cannot be read.
 */
export function crsFromGeoJson(obj: unknown): string | undefined {
  if (!isRecord(obj) || !isRecord(obj.crs) || !isRecord(obj.crs.properties)) return undefined;
  const props = obj.crs.properties;
  // Pre-2008 drafts wrote {"type": "EPSG", "properties": {"code": 25833}}.
  if (typeof props.code === 'number' || typeof props.code === 'string') return normalise(`EPSG:${props.code}`);
  if (typeof props.name !== 'string') return undefined;
  const name = props.name.trim();
  if (/(^|[:/])CRS:?84$/i.test(name)) return 'EPSG:4326';
  const match = /EPSG(?::[\d.]*:|\/\d+\/|:)(\d+)$/i.exec(name);
  return match ? normalise(`EPSG:${match[1]}`) : undefined;
}

function normalise(code: string): string {
  return ALIASES[code] ?? code;
}

type Convert = (position: Position) => Position;
const converters = new Map<Crs, Convert>();

/** A memoised converter from `from` to WGS84 lon/lat (building a proj4 converter parses the definition). */
function converterFrom(from: Crs): Convert {
  let convert = converters.get(from);
  if (!convert) {
    const projection = proj4(CRS_DEFINITIONS[from], CRS_DEFINITIONS['EPSG:4326']);
    convert = (p) => {
      const [lon, lat] = projection.forward([p[0] ?? Number.NaN, p[1] ?? Number.NaN]);
      return [lon ?? Number.NaN, lat ?? Number.NaN];
    };
    converters.set(from, convert);
  }
  return convert;
}

/** Converts one position [x, y] in `from` to [lon, lat] in WGS84 degrees. */
export function reprojectPosition(position: Position, from: Crs): [number, number] {
  const [lon, lat] = converterFrom(from)(position);
  return [lon ?? Number.NaN, lat ?? Number.NaN];
}

/**
 * Converts a geometry from `from` to WGS84 lon/lat degrees. Returns a new geometry with 2-D positions
 * (heights are dropped: boundaries and facilities are drawn in 2-D); EPSG:4326 returns the input itself.
 * Never mutates the input.
 */
export function reprojectGeometry<G extends Geometry>(geometry: G, from: Crs): G {
  if (from === 'EPSG:4326') return geometry;
  const convert = converterFrom(from);
  return mapPositions(geometry, convert);
}

/** Applies `f` to every position of a geometry, keeping its structure. */
export function mapPositions<G extends Geometry>(geometry: G, f: (p: Position) => Position): G {
  const g: Geometry = geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(f) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((ring) => ring.map(f)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(f))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((child) => mapPositions(child, f)) } as G;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
