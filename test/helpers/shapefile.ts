/**
 * Writes ESRI shapefiles (.shp, .shx, .dbf) for tests: polygons and text attributes, the .dbf in a chosen
 * encoding. Written from the ESRI Shapefile Technical Description (1998); read back by the `shapefile` package in
 * the tests, which is what makes this writer trustworthy enough for fixtures.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface ShapefileFeature {
  /** Projected coordinates (metres), any winding: rings are oriented as the format wants (outer clockwise). */
  geometry: Polygon | MultiPolygon;
  properties: Record<string, string>;
}

/** Twice the signed area of a ring (positive: counter-clockwise with y up). */
function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return a;
}

function oriented(ring: Position[], clockwise: boolean): Position[] {
  const isClockwise = signedArea(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}

/** The rings of a polygon or multipolygon as the format wants them: exteriors clockwise, holes counter-clockwise. */
function shapeRings(g: Polygon | MultiPolygon): Position[][] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.flatMap((rings) => rings.map((r, i) => oriented(r, i === 0)));
}

function header(view: DataView, lengthBytes: number, box: number[]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, lengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true); // polygon
  box.forEach((v, i) => view.setFloat64(36 + i * 8, v, true));
}

/** .shp and .shx of polygon features. */
function writeShp(features: readonly ShapefileFeature[]): { shp: Uint8Array; shx: Uint8Array } {
  const records = features.map((f) => {
    const rings = shapeRings(f.geometry);
    const points = rings.flat();
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const content = new DataView(new ArrayBuffer(44 + 4 * rings.length + 16 * points.length));
    content.setInt32(0, 5, true);
    box.forEach((v, i) => content.setFloat64(4 + i * 8, v, true));
    content.setInt32(36, rings.length, true);
    content.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((r, i) => {
      content.setInt32(44 + 4 * i, start, true);
      start += r.length;
    });
    const base = 44 + 4 * rings.length;
    points.forEach((p, i) => {
      content.setFloat64(base + 16 * i, p[0]!, true);
      content.setFloat64(base + 16 * i + 8, p[1]!, true);
    });
    return { content: new Uint8Array(content.buffer), box };
  });
  const all = [
    Math.min(...records.map((r) => r.box[0]!)),
    Math.min(...records.map((r) => r.box[1]!)),
    Math.max(...records.map((r) => r.box[2]!)),
    Math.max(...records.map((r) => r.box[3]!)),
  ];
  const shpLength = 100 + records.reduce((n, r) => n + 8 + r.content.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  header(shpView, shpLength, all);
  header(shxView, shx.length, all);
  let offset = 100;
  records.forEach((r, i) => {
    shpView.setInt32(offset, i + 1, false);
    shpView.setInt32(offset + 4, r.content.length / 2, false);
    shp.set(r.content, offset + 8);
    shxView.setInt32(100 + 8 * i, offset / 2, false);
    shxView.setInt32(100 + 8 * i + 4, r.content.length / 2, false);
    offset += 8 + r.content.length;
  });
  return { shp, shx };
}

/** A dBASE III table of text fields, encoded with `encode` (e.g. Latin-1). */
function writeDbf(rows: readonly Record<string, string>[], encode: (s: string) => Uint8Array): Uint8Array {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const widths = names.map((n) => Math.max(1, ...rows.map((r) => encode(r[n] ?? '').length)));
  const headerLength = 32 + 32 * names.length + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([125, 1, 1], 1); // 2025-01-01
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  names.forEach((n, i) => {
    const at = 32 + 32 * i;
    out.set(encode(n).subarray(0, 10), at);
    out[at + 11] = 'C'.charCodeAt(0);
    out[at + 16] = widths[i]!;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((r, j) => {
    let at = headerLength + recordLength * j;
    out[at++] = 0x20;
    names.forEach((n, i) => {
      const bytes = encode(r[n] ?? '');
      out.fill(0x20, at, at + widths[i]!);
      out.set(bytes, at);
      at += widths[i]!;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** Latin-1 (ISO 8859-1) bytes of a text; characters beyond it are refused. */
export function latin1(s: string): Uint8Array {
  if ([...s].some((c) => c.charCodeAt(0) > 255)) throw new Error(`not Latin-1: ${s}`);
  return Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
}

/** The files of a polygon shapefile: .shp, .shx and .dbf (attributes encoded with `encode`, default Latin-1). */
export function writeShapefile(
  features: readonly ShapefileFeature[],
  encode: (s: string) => Uint8Array = latin1,
): { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array } {
  return {
    ...writeShp(features),
    dbf: writeDbf(
      features.map((f) => f.properties),
      encode,
    ),
  };
}

/** ESRI WKT of ETRS89 / UTM zone 33N with the zone written before the easting (false easting 33,500,000). */
export const UTM33_ZONE_PREFIXED_PRJ =
  'PROJCS["ETRS_1989_UTM_Zone_33N_zE",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",33500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",15.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** proj string of the same system, for writing fixtures. */
export const UTM33_ZONE_PREFIXED =
  '+proj=tmerc +lat_0=0 +lon_0=15 +k=0.9996 +x_0=33500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
