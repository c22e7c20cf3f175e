import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';

/**
 * Coordinate reference systems: any EPSG code (looked up in the EPSG index the pipeline injects, see
 * `src/pipeline/epsg.ts`), any proj string (`+proj=…`) or WKT (as in a shapefile's `.prj`), reprojected to WGS84
 * lon/lat with proj4js.
 *
 * Built in (and preferred over the index): the codes German cities use most, as PROJ 9 exports them.
 * ETRS89 is treated as identical to WGS84 (EPSG transformation 1149, accurate to about 1 m), as PROJ does.
 * DHDN (Gauß-Krüger, Soldner) uses the 7-parameter transformation "DHDN to WGS 84 (2)" (EPSG 1777, about 3 m);
 * PROJ prefers the BeTA2007 grid where installed, which a pure module cannot ship, so a definition naming that grid
 * gets these parameters instead.
 */

/** The 7 parameters of "DHDN to WGS 84 (2)" (EPSG 1777), position vector convention as proj's `+towgs84`. */
export const DHDN_TOWGS84 = '598.1,73.7,418.2,0.202,0.045,-2.455,6.7';

function gaussKrueger(centralMeridian: number, zone: number): string {
  return (
    `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${zone}500000 +y_0=0 +ellps=bessel ` +
    `+towgs84=${DHDN_TOWGS84} +units=m +no_defs`
  );
}

/** Built-in definitions by EPSG code. */
export const CRS_DEFINITIONS: Readonly<Record<string, string>> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:4258': '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
  'EPSG:25832': '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:25833': '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:4647':
    '+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=32500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:5650':
    '+proj=tmerc +lat_0=0 +lon_0=15 +k=0.9996 +x_0=33500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:3857':
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  'EPSG:31466': gaussKrueger(6, 2),
  'EPSG:31467': gaussKrueger(9, 3),
  'EPSG:31468': gaussKrueger(12, 4),
  'EPSG:31469': gaussKrueger(15, 5),
};

/** Other spellings of Web Mercator found in older exports (ESRI, OpenLayers). */
const ALIASES: Readonly<Record<string, string>> = {
  'EPSG:900913': 'EPSG:3857',
  'EPSG:3785': 'EPSG:3857',
  'EPSG:102100': 'EPSG:3857',
  'EPSG:102113': 'EPSG:3857',
};

/** A CRS ready for reprojection. */
export interface ResolvedCrs {
  /** How to name it in messages: "EPSG:25833", the proj string, or "WKT (ETRS_1989_UTM_Zone_32N)". */
  label: string;
  /** The proj4 definition (proj string or WKT). */
  definition: string;
  /** Coordinates are degrees (longitude, latitude), not metres. */
  isGeographic: boolean;
  /** WGS84 lon/lat (or ETRS89 lon/lat): no reprojection needed. */
  isWgs84: boolean;
}

/** Looks up an EPSG code's definition (proj string or WKT); undefined when the code is unknown. */
export type EpsgLookup = (code: number) => string | undefined;

/** WGS84 lon/lat, the target of every reprojection. */
export const WGS84: ResolvedCrs = {
  label: 'EPSG:4326',
  definition: CRS_DEFINITIONS['EPSG:4326'] as string,
  isGeographic: true,
  isWgs84: true,
};

/**
 * The EPSG code of a spelling such as `EPSG:25833`, `epsg:25833`, `EPSG::25833`, `urn:ogc:def:crs:EPSG::25833`,
 * `urn:ogc:def:crs:EPSG:6.6:25833`, `http://www.opengis.net/def/crs/EPSG/0/25833`, or undefined.
 */
export function epsgCode(spec: string): number | undefined {
  const m = /^(?:urn:ogc:def:crs:)?EPSG(?::[\d.]*:|\/\d+\/|:)(\d+)$/i.exec(
    spec.trim().replace(/^https?:\/\/www\.opengis\.net\/def\/crs\//i, ''),
  );
  return m ? Number(m[1]) : undefined;
}

/** True for text that can name a CRS: an EPSG code, a proj string or WKT. */
export function isCrsSpec(spec: string): boolean {
  const s = spec.trim();
  return epsgCode(s) !== undefined || s.startsWith('+proj=') || isWkt(s);
}

function isWkt(s: string): boolean {
  return /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS|COMPOUNDCRS|BOUNDCRS)\s*\[/i.test(s.trim());
}

/**
 * A grid file (`+nadgrids=BETA2007.gsb`, in the EPSG index for every DHDN system) cannot be loaded here: replaced by
 * the 7-parameter transformation. Any other grid except `@null` is refused (undefined).
 */
function withoutGrids(definition: string): string | undefined {
  const m = /\+nadgrids=(\S+)/.exec(definition);
  if (!m || m[1] === '@null') return definition;
  if (/^@?BETA2007\.gsb$/i.test(m[1] ?? '')) return definition.replace(m[0], `+towgs84=${DHDN_TOWGS84}`);
  return undefined;
}

/**
 * ESRI `.prj` files for DHDN (Gauß-Krüger) carry no TOWGS84 clause; proj4js then shifts nothing, and every position
 * is about 100 m off. Adds the 7 parameters to such a DATUM.
 */
function withDhdnShift(wkt: string): string {
  if (/TOWGS84/i.test(wkt)) return wkt;
  return wkt.replace(
    /(DATUM\s*\[\s*"[^"]*(?:Deutsches_Hauptdreiecksnetz|DHDN|Potsdam)[^"]*"\s*,\s*SPHEROID\s*\[[^\]]*\])/i,
    `$1,TOWGS84[${DHDN_TOWGS84}]`,
  );
}

function wktName(wkt: string): string {
  return /^\w+\s*\[\s*"([^"]*)"/.exec(wkt.trim())?.[1] ?? '?';
}

/**
 * Resolves a CRS given as EPSG code, proj string or WKT into a definition proj4js accepts (trying it once).
 * EPSG codes: built-in definitions first, then `lookup` (the EPSG index).
 * @returns the resolved CRS, or a German error with a hint
 */
export function resolveCrs(spec: string, lookup?: EpsgLookup): { crs: ResolvedCrs } | { error: string; hint: string } {
  const s = spec.trim();
  const code = epsgCode(s);
  let definition: string | undefined;
  let label: string;
  if (code !== undefined) {
    const key = ALIASES[`EPSG:${code}`] ?? `EPSG:${code}`;
    label = key;
    definition = CRS_DEFINITIONS[key];
    if (definition === undefined) {
      const found = lookup?.(Number(key.slice(5)));
      if (found === undefined) {
        return {
          error: `Das Koordinatensystem ${key} ist unbekannt.`,
          hint: 'EPSG-Code prüfen (z. B. EPSG:25832 für UTM 32, EPSG:25833 für UTM 33), oder bei crs die proj-Zeichenkette (+proj=…) angeben.',
        };
      }
      definition = isWkt(found) ? withDhdnShift(found) : withoutGrids(found);
    }
  } else if (s.startsWith('+proj=')) {
    label = s;
    definition = withoutGrids(s);
  } else if (isWkt(s)) {
    label = `WKT (${wktName(s)})`;
    definition = withDhdnShift(s);
  } else {
    return {
      error: `"${s.slice(0, 80)}" ist keine Angabe eines Koordinatensystems.`,
      hint: 'crs als EPSG-Code (z. B. EPSG:25832), als proj-Zeichenkette (+proj=utm +zone=32 …) oder als WKT angeben.',
    };
  }
  if (definition === undefined) {
    return {
      error: `Das Koordinatensystem ${label} braucht eine Gitterdatei (+nadgrids), die hier nicht verfügbar ist.`,
      hint: 'Die Daten im GIS nach EPSG:25832 oder EPSG:25833 umprojizieren, oder eine proj-Zeichenkette mit +towgs84 angeben.',
    };
  }
  try {
    const projection = new proj4.Proj(definition) as unknown as { projName?: string };
    // Building the converter parses every parameter: a broken definition fails here, not on the first feature.
    converter(definition);
    const isWgs84 = label === 'EPSG:4326' || label === 'EPSG:4258';
    return { crs: { label, definition, isGeographic: projection.projName === 'longlat', isWgs84 } };
  } catch (e) {
    return {
      error: `Das Koordinatensystem ${label} lässt sich nicht verwenden: ${e instanceof Error ? e.message : String(e)}.`,
      hint: 'Die Angabe prüfen (EPSG-Code, proj-Zeichenkette oder WKT der .prj-Datei).',
    };
  }
}

/** Resolves a built-in code such as "EPSG:25833" (for callers that know their CRS); throws for anything else. */
function builtIn(crs: ResolvedCrs | string): ResolvedCrs {
  if (typeof crs !== 'string') return crs;
  const r = resolveCrs(crs);
  if ('error' in r) throw new Error(r.error);
  return r.crs;
}

/**
 * Reads the legacy GeoJSON 2008 `crs` member (dropped by RFC 7946 but still written by GDAL/QGIS).
 * Understands `urn:ogc:def:crs:EPSG::25833`, `urn:ogc:def:crs:EPSG:6.6:25833`, `EPSG:25833`,
 * `http://www.opengis.net/def/crs/EPSG/0/25833` and CRS84 (= EPSG:4326, lon/lat).
 * @returns a normalised "EPSG:<code>", or undefined if the object has no `crs` member or it cannot be read.
 */
export function crsFromGeoJson(obj: unknown): string | undefined {
  if (!isRecord(obj) || !isRecord(obj.crs) || !isRecord(obj.crs.properties)) return undefined;
  const props = obj.crs.properties;
  // Pre-2008 drafts wrote {"type": "EPSG", "properties": {"code": 25833}}.
  if (typeof props.code === 'number' || typeof props.code === 'string') return normalise(`EPSG:${props.code}`);
  if (typeof props.name !== 'string') return undefined;
  const name = props.name.trim();
  if (/(^|[:/])CRS:?84$/i.test(name)) return 'EPSG:4326';
  const code = epsgCode(name);
  return code === undefined ? undefined : normalise(`EPSG:${code}`);
}

function normalise(code: string): string {
  return ALIASES[code] ?? code;
}

type Convert = (position: Position) => [number, number];
const converters = new Map<string, Convert>();

/** A memoised converter from a definition to WGS84 lon/lat (building a proj4 converter parses the definition). */
function converter(definition: string): Convert {
  let convert = converters.get(definition);
  if (!convert) {
    const projection = proj4(definition, WGS84.definition);
    convert = (p) => {
      const [lon, lat] = projection.forward([p[0] ?? Number.NaN, p[1] ?? Number.NaN]);
      return [lon ?? Number.NaN, lat ?? Number.NaN];
    };
    converters.set(definition, convert);
  }
  return convert;
}

/** Converts one position [x, y] in `from` to [lon, lat] in WGS84 degrees. `from`: resolved, or a built-in code. */
export function reprojectPosition(position: Position, from: ResolvedCrs | string): [number, number] {
  const crs = builtIn(from);
  if (crs.isWgs84) return [position[0] ?? Number.NaN, position[1] ?? Number.NaN];
  return converter(crs.definition)(position);
}

/**
 * Converts a geometry from `from` to WGS84 lon/lat degrees. Returns a new geometry with 2-D positions
 * (heights are dropped: boundaries and facilities are drawn in 2-D); WGS84 returns the input itself.
 * Never mutates the input.
 */
export function reprojectGeometry<G extends Geometry>(geometry: G, from: ResolvedCrs | string): G {
  const crs = builtIn(from);
  if (crs.isWgs84) return geometry;
  return mapPositions(geometry, converter(crs.definition));
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
